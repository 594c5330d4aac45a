"""The table of a comparison: rich-text sentence cells, row heights measured in steps."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..common.icons import status_icon
from ..common.theme import soft_selection
from .compare_model import ComparisonModel
from .delegates import ScoreDelegate, SentenceDelegate, StatusDelegate

SCORE_COLUMN_WIDTH = 64
STATUS_COLUMN_WIDTH = 150  # "Unverified (fact) ✎" with its icon
# Row heights are re-measured this long after the columns stop changing width, so
# dragging the window edge stays smooth.
RELAYOUT_DELAY_MS = 40
# The selected row is tinted this share of the way towards the highlight colour.
SELECTION_SHARE = 0.25
# Rows are measured for this long per turn of the event loop; a long comparison (300
# rows take about 180 ms) finishes over a few turns instead of freezing the window.
MEASURE_BUDGET_S = 0.03


class ComparisonView(QTableView):
    """The rows of a comparison; row heights follow the wrapped text at the column width.

    Heights are set explicitly, once per change (new rows, a new width), rather than by a
    ResizeToContents header, which measures every row again on every layout pass.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows: mark them at once, or pick two sentences to link.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that comes and goes would change the column widths, and so every
        # row height, a second time.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.setAlternatingRowColors(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between rows
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(RELAYOUT_DELAY_MS)
        self._relayout.timeout.connect(self.measure_rows)
        self._unmeasured: list[int] = []  # rows still to measure, the last one first
        self._anchor: tuple[int, int] | None = None  # (row, viewport y) held while measuring
        self._measuring = QTimer(self)
        self._measuring.setSingleShot(True)
        self._measuring.setInterval(0)
        self._measuring.timeout.connect(self._measure_some)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.sentence_delegate = SentenceDelegate(self)
        self.score_delegate = ScoreDelegate(self)
        self.status_delegate = StatusDelegate(status_icon, self)
        self._soften_selection()

    def _soften_selection(self) -> None:
        """A light selection keeps the tinted changed words readable (as in diff tools)."""
        palette = soft_selection(self.palette(), SELECTION_SHARE)
        if palette is not None:
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light or dark mode switched
            self._soften_selection()

    def setModel(self, model) -> None:
        super().setModel(model)
        self.setItemDelegateForColumn(ComparisonModel.A, self.sentence_delegate)
        self.setItemDelegateForColumn(ComparisonModel.B, self.sentence_delegate)
        self.setItemDelegateForColumn(ComparisonModel.SCORE, self.score_delegate)
        self.setItemDelegateForColumn(ComparisonModel.STATUS, self.status_delegate)
        header = self.horizontalHeader()
        header.setSectionResizeMode(ComparisonModel.A, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ComparisonModel.SCORE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(ComparisonModel.B, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ComparisonModel.STATUS, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(ComparisonModel.SCORE, SCORE_COLUMN_WIDTH)
        self.setColumnWidth(ComparisonModel.STATUS, STATUS_COLUMN_WIDTH)
        header.sectionResized.connect(lambda *_: self._relayout.start())
        model.modelReset.connect(self.measure_rows)
        model.layoutChanged.connect(self.measure_rows)
        model.rowsInserted.connect(self._measure_rows)
        self.measure_rows()

    def _measure_rows(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)

    def measure_rows(self) -> None:
        """Every row's height, from the top, a time budget per turn of the event loop."""
        model = self.model()
        self._unmeasured = list(range(model.rowCount() - 1, -1, -1)) if model else []
        self._measure_some()

    @property
    def measuring(self) -> bool:
        """True until every row has its height for the current column widths."""
        # A width change waits RELAYOUT_DELAY_MS before re-measuring: heights are stale then.
        return bool(self._unmeasured) or self._relayout.isActive()

    def keep_row_at(self, row: int, y: int) -> None:
        """Keep `row` at `y` in the viewport while the rows are measured (after re-aligning:
        the reader's row stays under their eyes)."""
        self._anchor = (row, y)
        self._hold_anchor()
        if not self._unmeasured:
            self._anchor = None  # measured already: nothing will move it

    def _hold_anchor(self) -> None:
        row, y = self._anchor
        if 0 <= row < self.model().rowCount():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.rowViewportPosition(row) - y)

    def _measure_some(self) -> None:
        # The row at the top of the view (or the one asked for) stays where it is while
        # rows above it grow.
        top = self.rowAt(0)
        offset = self.rowViewportPosition(top) if top >= 0 else 0
        if self._anchor is None:
            self._anchor = (top, offset)
        started = time.perf_counter()
        while self._unmeasured and time.perf_counter() - started < MEASURE_BUDGET_S:
            self.resizeRowToContents(self._unmeasured.pop())
        self._hold_anchor()
        if self._unmeasured:
            self._measuring.start()
        else:
            self._anchor = None
