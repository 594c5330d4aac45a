"""The Facts tab: every fact of the open articles against the sources that report it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QWidget,
)

from ...core.model import Fact, FactTable
from ..common.plain import set_plain
from ..common.widgets import RowsPage, filter_bar
from ..common.wrapping_header import WrappingHeader
from .facts_model import (
    ALL,
    ARTICLE_ROLE,
    DIFFERING,
    EXCLUSIVE,
    FACT_ROLE,
    SENTENCES_ROLE,
    SHARED,
    FactsFilter,
    FactsModel,
    accepts,
)

TITLE = "Facts"
# The claim column: wide enough for a short clause; longer ones are elided (in full in
# the tooltip).
CLAIM_WIDTH = 260
COVERAGE_WIDTH = 72
FIRST_REPORTED_WIDTH = 180  # "CRBC News · 4 Jan 2026"; longer names are elided
MARKER_WIDTH = 210
STATUS_WIDTH = 104
# Lines of wording shown per fact; the rest is elided and in the tooltip.
ROW_LINES = 3
FILTERS = (
    (ALL, "All", "every fact"),
    (SHARED, "Shared", "facts two or more sources report"),
    (EXCLUSIVE, "Only one source", "facts a single source reports"),
    (DIFFERING, "⚠ Differing", "facts whose sources disagree on a value"),
)
WAITING_TEXT = "Finding the facts the sources share…"


class FactsView(QTableView):
    """Cells are picked one by one: Enter opens the current one, or compares two cells of
    one row when two are selected."""

    enter_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)  # the last visible line is elided
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSortingEnabled(True)
        self.setTabKeyNavigation(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_LINES * self.fontMetrics().lineSpacing() + 8)
        header = WrappingHeader(self)  # long source names wrap, not "Economic Ties Reg…"
        self.setHorizontalHeader(header)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


class FactsTab(RowsPage):
    open_requested = Signal(str, int)  # article id, sentence index
    compare_requested = Signal(str, int, str, int)  # article a, sentence, article b, sentence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FactsModel(self)
        self.proxy = FactsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_buttons: dict[str, QToolButton] = {}
        self._build()

    # --- construction --------------------------------------------------------------------
    def _build(self) -> None:
        kinds = [kind for kind, _text, _tip in FILTERS]
        bar, buttons = filter_bar(self, "Which facts to list", kinds, ALL, self.set_filter)
        self.filter_buttons.update(buttons)
        bar.addStretch(1)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar.addWidget(self.summary)
        # The window adds its annotation toolbar here, as in comparisons.
        self.tools_row = QHBoxLayout()
        self.tools_row.setContentsMargins(10, 0, 10, 4)
        self.tools_row.addStretch(1)
        hint = QLabel("Enter opens a cell · select two cells of a row and press Enter to compare")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.tools_row.addWidget(hint)

        self.view = FactsView()
        self.view.setModel(self.proxy)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the table's own order
        self.view.activated.connect(self._open_index)  # double-click
        self.view.enter_pressed.connect(self.activate_selection)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.model.modelReset.connect(self._layout_columns)
        self.waiting = QLabel(WAITING_TEXT)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setWordWrap(True)
        self.waiting.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.waiting)
        self.stack.addWidget(self.view)

        self.compare_action = QAction("&Compare These Two", self)
        self.compare_action.setToolTip("Open the comparison of the two selected cells' sources")
        self.compare_action.triggered.connect(self.compare_selected)
        self.open_action = QAction("&Open in Article Tab", self)
        self.open_action.setToolTip("Show this source's sentence in its article tab")
        self.open_action.triggered.connect(lambda: self._open_index(self.view.currentIndex()))

        self.lay_out(bar, self.tools_row, body=self.stack)
        self._update_counts()

    def _layout_columns(self) -> None:
        header = self.view.horizontalHeader()
        for column, width in (
            (FactsModel.CLAIM, CLAIM_WIDTH),
            (FactsModel.COVERAGE, COVERAGE_WIDTH),
            (FactsModel.FIRST_REPORTED, FIRST_REPORTED_WIDTH),
            (FactsModel.MARKER, MARKER_WIDTH),
            (FactsModel.STATUS, STATUS_WIDTH),
        ):
            if column < self.model.columnCount():
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(column, width)
        for column in range(FactsModel.FIRST_SOURCE, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    # --- content ---------------------------------------------------------------------------
    @property
    def table(self) -> FactTable | None:
        return self.model.table

    def show_waiting(self, text: str = WAITING_TEXT) -> None:
        set_plain(self.waiting, text)
        self.stack.setCurrentWidget(self.waiting)

    def set_table(self, table: FactTable, labels: dict[str, str]) -> None:
        current = self.current_fact()
        self.model.set_table(table, labels)
        self.stack.setCurrentWidget(self.view)
        self._update_counts()
        if current is not None:
            self.select_fact(current.id)

    def set_labels(self, labels: dict[str, str]) -> None:
        self.model.set_labels(labels)
        self._update_counts()

    def _update_counts(self) -> None:
        table = self.model.table
        facts = table.facts if table else ()
        for kind, text, tip in FILTERS:
            count = sum(accepts(f, kind) for f in facts)
            self.filter_buttons[kind].setText(f"{text} ({count})")
            self.filter_buttons[kind].setToolTip(f"Show {tip} ({count})")
        if table is None:
            self.summary.setText("")
        else:
            differing = sum(bool(f.discrepancies) for f in facts)
            self.summary.setText(
                f"{len(facts)} facts across {len(table.articles)} sources · "
                f"{len(table.shared)} shared · {differing} with differing values"
            )

    def set_filter(self, kind: str) -> None:
        self.proxy.set_kind(kind)
        if not self.filter_buttons[kind].isChecked():
            self.filter_buttons[kind].setChecked(True)

    # --- selection -------------------------------------------------------------------------
    def current_fact(self) -> Fact | None:
        index = self.view.currentIndex()
        if not index.isValid() or self.model.table is None:
            return None
        return self.model.fact(self.proxy.mapToSource(index).row())

    def selected_facts(self) -> list[Fact]:
        """Facts of the selected cells (or of the current cell), top to bottom."""
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        rows = sorted({self.proxy.mapToSource(i).row() for i in indexes if i.isValid()})
        return [self.model.fact(r) for r in rows if r >= 0]

    def select_fact(self, fact_id: str, article_id: str | None = None) -> bool:
        row = self.model.row_of_fact(fact_id)
        if row < 0:
            return False
        column = self.model.column_of(article_id) if article_id else FactsModel.CLAIM
        index = self.proxy.mapFromSource(self.model.index(row, max(column, 0)))
        if not index.isValid():
            self.set_filter(ALL)
            index = self.proxy.mapFromSource(self.model.index(row, max(column, 0)))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def _selected_cells(self) -> list[QModelIndex]:
        """Selected cells of sources that report the fact, left to right."""
        indexes = self.view.selectionModel().selectedIndexes()
        cells = [i for i in indexes if i.data(SENTENCES_ROLE)]
        return sorted(cells, key=lambda i: (i.row(), i.column()))

    def selected_pair(self) -> tuple[QModelIndex, QModelIndex] | None:
        cells = self._selected_cells()
        if len(cells) == 2 and cells[0].row() == cells[1].row():
            return cells[0], cells[1]
        return None

    # --- opening ---------------------------------------------------------------------------
    def activate_selection(self) -> None:
        """Enter: two cells of one row compare them; otherwise open the current cell."""
        if self.selected_pair() is not None:
            self.compare_selected()
        else:
            self._open_index(self.view.currentIndex())

    def compare_selected(self) -> bool:
        pair = self.selected_pair()
        if pair is None:
            return False
        (a, b) = pair
        self.compare_requested.emit(
            a.data(ARTICLE_ROLE), a.data(SENTENCES_ROLE)[0],
            b.data(ARTICLE_ROLE), b.data(SENTENCES_ROLE)[0],
        )  # fmt: skip
        return True

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        sentences = index.data(SENTENCES_ROLE)
        if sentences:
            self.open_requested.emit(index.data(ARTICLE_ROLE), sentences[0])
            return
        fact = index.data(FACT_ROLE)
        if fact is not None and index.column() < FactsModel.FIRST_SOURCE:
            article, sentence = fact.representative
            self.open_requested.emit(article, sentence)

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        if not self.view.selectionModel().isSelected(index):
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.view.selectionModel().setCurrentIndex(index, flags)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        self.compare_action.setEnabled(self.selected_pair() is not None)
        menu.addAction(self.open_action)
        menu.addAction(self.compare_action)
        annotate = [a for a in self.view.actions() if a.isEnabled()]
        if annotate:
            menu.addSeparator()
            menu.addActions(annotate)
        menu.exec(self.view.viewport().mapToGlobal(point))
