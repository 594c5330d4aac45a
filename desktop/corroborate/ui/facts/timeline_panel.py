"""The Facts tab's timeline panel: the timeline strip (timeline_strip.py) under a one-line
legend, or a note when no article has a date; its first-report counts worked out on a
worker for a large table.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core.facts.timeline import FirstReport, Timeline, timeline
from ...core.model import FactTable
from ...core.report.details import report_date
from ..common.plain import plain_tooltip, set_plain
from ..common.tasks import LatestTask
from .timeline_strip import AXIS_TIP, MARGIN, TimelineStrip, source_rows

INLINE_MENTIONS = 5_000  # up to this many the counts are made at once (~15 ms), else on a worker
LEGEND = (
    "When each source published (UTC): ● at a time, ▬ a date without a time, which covers "
    "its whole day. Click a source to go to the facts it reported first."
)
NO_DATES_NOTE = (
    "Timeline: none of these articles gives a publication date, so there is none to draw."
)


class TimelinePanel(QWidget):
    """The strip under a one-line legend, or a note when no article has a date; hidden
    while the user has the timeline turned off."""

    source_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: FactTable | None = None
        self.line: Timeline | None = None
        self._labels: dict[str, str] = {}
        self._shown = True
        self._task = LatestTask(self)
        self.caption = self._quiet_label(LEGEND)
        self.caption.setToolTip(plain_tooltip(AXIS_TIP))
        self.note = self._quiet_label(NO_DATES_NOTE)
        self.strip = TimelineStrip()
        self.strip.source_clicked.connect(self.source_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        for widget in (self.caption, self.strip, self.note):
            layout.addWidget(widget)
        self._update_visibility()

    @staticmethod
    def _quiet_label(text: str) -> QLabel:
        label = set_plain(QLabel(), text)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        label.setContentsMargins(MARGIN, 2, MARGIN, 0)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    @property
    def has_dates(self) -> bool:
        return any(r.moment is not None for r in self.strip.rows)

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        self._update_visibility()

    def set_table(self, table: FactTable | None, labels: Mapping[str, str]) -> None:
        """Counts of first reports: at once for a small table, else on a worker."""
        self.table, self._labels, self.line = table, dict(labels), None
        self._task.cancel()
        self.set_fact(None)  # the tab selects its fact again in the new table
        if table is None:
            self.strip.set_rows([])
        elif sum(len(f.mentions) for f in table.facts) <= INLINE_MENTIONS:
            self._show_timeline(table, timeline(table))
        else:
            self.strip.set_rows(source_rows(table, self._labels, None))
            self._task.start(
                lambda _progress: timeline(table),
                lambda line, error: self._on_counted(table, line, error),
            )
        self._update_visibility()

    def _on_counted(self, table: FactTable, line: Timeline | None, error) -> None:
        if table is self.table and line is not None and error is None:
            self._show_timeline(table, line)

    def _show_timeline(self, table: FactTable, line: Timeline) -> None:
        self.line = line
        self.strip.set_rows(source_rows(table, self._labels, line))

    def set_labels(self, labels: Mapping[str, str]) -> None:
        self._labels = dict(labels)
        if self.table is not None:
            self.strip.set_rows(source_rows(self.table, self._labels, self.line))

    def set_fact(self, report: FirstReport | None) -> None:
        self.strip.set_fact(report)
        set_plain(self.caption, self._selection_text(report) if report else LEGEND)

    def first_count(self, article_id: str) -> int:
        return next((r.firsts or 0 for r in self.strip.rows if r.article_id == article_id), 0)

    def _selection_text(self, report: FirstReport) -> str:
        name = {r.article_id: r.name for r in self.strip.rows}
        total = len(self.table.peers_of(report.fact)) if self.table else len(self.strip.rows)
        reported = f"reported by {report.fact.coverage} of {total} sources (highlighted)"
        if not report.dated:
            return f"Selected fact: {reported}; none of them gives a date."
        first = ", ".join(name.get(a, a) for a in report.first)
        when = report_date(report.moments[0])
        return f"Selected fact: first reported by {first} ({when}) · {reported} · times in UTC"

    def _update_visibility(self) -> None:
        active = self._shown and self.table is not None
        self.setVisible(active)
        self.caption.setVisible(active and self.has_dates)
        self.strip.setVisible(active and self.has_dates)
        self.note.setVisible(active and not self.has_dates)
