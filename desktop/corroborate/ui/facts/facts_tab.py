"""The Facts tab: every fact of the open articles against the sources that report it."""

from __future__ import annotations

from typing import Protocol

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
    QVBoxLayout,
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
from .timeline_panel import TimelinePanel

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
TIMELINE_TEXT = "Timeline"
TIMELINE_TIP = "Show or hide when each source published and who reported each fact first"


class TimelinePreference(Protocol):
    """Where the timeline's toggle is remembered (the app's Settings)."""

    facts_timeline_shown: bool


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

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        timeline_toggle: QAction | None = None,
        preference: TimelinePreference | None = None,
    ) -> None:
        """`timeline_toggle`: the View menu's checkable action showing the timeline (the
        tab makes its own without one); `preference`: where its state is remembered."""
        super().__init__(parent)
        self.model = FactsModel(self)
        self.proxy = FactsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_buttons: dict[str, QToolButton] = {}
        self.preference = preference
        self.timeline_toggle = timeline_toggle or QAction(TIMELINE_TEXT, self, checkable=True)
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
        bar.addSpacing(8)
        bar.addWidget(self._timeline_button())
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
        self.timeline = TimelinePanel()
        self.timeline.source_clicked.connect(self.go_to_source)
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(self._show_current_fact)
        selection.selectionChanged.connect(self._show_current_fact)
        self.model.modelReset.connect(self._show_current_fact)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.timeline)
        column.addWidget(self.stack, 1)
        shown = self.preference.facts_timeline_shown if self.preference else True
        self.timeline_toggle.setChecked(shown)
        self.timeline_toggle.toggled.connect(self.show_timeline)
        self.show_timeline(shown)

        self.compare_action = QAction("&Compare These Two", self)
        self.compare_action.setToolTip("Open the comparison of the two selected cells' sources")
        self.compare_action.triggered.connect(self.compare_selected)
        self.open_action = QAction("&Open in Article Tab", self)
        self.open_action.setToolTip("Show this source's sentence in its article tab")
        self.open_action.triggered.connect(lambda: self._open_index(self.view.currentIndex()))

        self.lay_out(bar, self.tools_row, body=body)
        self._update_counts()

    def _timeline_button(self) -> QToolButton:
        """A button in step with the toggle (not its default action: that would show the
        menu's longer text)."""
        button = QToolButton()
        button.setText(TIMELINE_TEXT)
        button.setToolTip(TIMELINE_TIP)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setChecked(self.timeline_toggle.isChecked())
        button.toggled.connect(self.timeline_toggle.setChecked)
        self.timeline_toggle.toggled.connect(button.setChecked)
        self.timeline_button = button
        return button

    def show_timeline(self, shown: bool) -> None:
        self.timeline.set_shown(shown)
        if self.preference is not None and self.preference.facts_timeline_shown != shown:
            self.preference.facts_timeline_shown = shown

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
        self.timeline.set_table(table, labels)
        self.stack.setCurrentWidget(self.view)
        self._update_counts()
        if current is not None:
            self.select_fact(current.id)

    def set_labels(self, labels: dict[str, str]) -> None:
        self.model.set_labels(labels)
        self.timeline.set_labels(labels)
        self._show_current_fact()
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

    def _show_current_fact(self, *_args) -> None:
        """The timeline highlights the selected row's fact: its sources, its first reporter
        (not the row the table marks current on getting the focus, with nothing selected)."""
        fact = self.current_fact()
        if fact is not None and not self.view.selectionModel().isSelected(self.view.currentIndex()):
            fact = None
        self.timeline.set_fact(self.model.first_report(fact) if fact is not None else None)

    def go_to_source(self, article_id: str) -> bool:
        """The next fact (after the current row, wrapping) `article_id` reported first, or
        the next it reports when it reported none first, at its cell: clicking a source in
        the timeline again and again walks through them."""
        if self.model.table is None:
            return False
        reported_first = self.timeline.first_count(article_id) > 0

        def wanted(fact: Fact) -> bool:
            if not reported_first:
                return article_id in fact.articles
            return not fact.exclusive and article_id in self.model.first_report(fact).first

        row = self._next_row(wanted)
        if row < 0 and self.proxy.kind != ALL:
            self.set_filter(ALL)  # the fact is there, hidden by the filter
            row = self._next_row(wanted)
        if row < 0:
            return False
        source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
        self.select_fact(self.model.fact(source).id, article_id)
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)
        return True

    def _next_row(self, wanted) -> int:
        """The first shown row after the current one (wrapping) whose fact is `wanted`."""
        count = self.proxy.rowCount()
        current = self.view.currentIndex().row()
        for step in range(1, count + 1):
            row = (current + step) % count
            if wanted(self.model.fact(self.proxy.mapToSource(self.proxy.index(row, 0)).row())):
                return row
        return -1

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
