"""The Facts tab's timeline: one row per source on one time axis, where it published and how
many shared facts it reported first; the selected fact's sources highlighted, its first
reporter marked.

The rules are the HTML report's (core/facts/timeline.py): a dot at a time, a bar over the
whole day for a date without a time, ties kept, the axis in whole UTC days; a source
without a date is listed as such. Every text drawn or shown in a tooltip is plain text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QToolTip, QWidget

from ...core.facts.timeline import (
    FirstReport,
    Moment,
    Tick,
    Timeline,
    article_moments,
    axis_span,
    axis_ticks,
    first_counts,
    mark_span,
)
from ...core.model import FactTable
from ...core.report.details import report_date
from ..common.plain import plain_tooltip
from ..common.theme import mix, tint

MAX_ROWS = 8  # rows shown at once; more sources scroll
MARGIN = 10  # as the Facts tab's filter bar
TRACK_PAD = 8  # room at both ends of the axis for a dot's radius and a label
NAME_MAX = 220  # longer source names are elided (in full in the tooltip)
DOT_RADIUS = 4.0
FIRST_DOT_RADIUS = 5.5
BAR_HEIGHT = 8.0
HIGHLIGHT_SHARE = 0.13  # the band behind a source reporting the selected fact
TICK_GAP = "00:00"  # one and a half of it: the least room between two tick labels
SOURCE_HEADER, FIRST_HEADER, FIRST_BADGE = "Source", "First to report", "first"
NO_DATE_TEXT = "no date in the file"
AXIS_TIP = "Times in UTC. A date without a time covers its whole day and ties with any time on it."
FIRST_TIP = (
    "How many facts shared with other sources each source reported first (ties count for each)"
)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One source of the strip."""

    article_id: str
    name: str
    moment: Moment | None  # None: its file gives no date
    firsts: int | None  # shared facts it reported first; None while being counted


def source_rows(
    table: FactTable, labels: Mapping[str, str], line: Timeline | None
) -> list[SourceRow]:
    """The table's sources in its order (the story's, when one is picked), those without
    a date last; without `line`, their dates only, the counts to follow."""
    moments = line.moments if line else article_moments(table.articles)
    firsts = first_counts(line, shared_only=True) if line else None
    rows = [
        SourceRow(
            a.id,
            labels.get(a.id, a.source),
            moments.get(a.id),
            None if firsts is None else firsts.get(a.id, 0),
        )
        for a in table.articles
    ]
    # The sources with a date first: in a folder of many undated files the picture
    # would open on a screenful of "no date in the file".
    return sorted(rows, key=lambda r: r.moment is None)


def when_text(moment: Moment | None) -> str:
    if moment is None:
        return "No publication date in the file"
    if moment.instant is None:
        return f"Published {report_date(moment)} (no time given: the whole day)"
    return f"Published {report_date(moment)}"


class TimelineStrip(QWidget):
    """The picture itself: a header of ticks, then a row per source."""

    source_clicked = Signal(str)  # Article.id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SourceRow] = []
        self.report: FirstReport | None = None  # the selected fact's
        self._axis = (0.0, 1.0)
        self._hover = -1
        self._names_width = 0
        self.scroll = QScrollBar(Qt.Orientation.Vertical, self)
        self.scroll.valueChanged.connect(self.update)
        self.scroll.hide()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # Keyboard users: Tab in, Up/Down pick a source (its tooltip's text is spoken as
        # the accessible description), Enter or Space does what a click does.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Timeline of the sources")

    # --- content -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[SourceRow]) -> None:
        self.rows = list(rows)
        dated = [r.moment for r in self.rows if r.moment is not None]
        self._axis = axis_span(dated) if dated else (0.0, 1.0)
        self._relayout()

    def set_fact(self, report: FirstReport | None) -> None:
        self.report = report
        firsts = [n for n, r in enumerate(self.rows) if r.article_id in self.first_reporters]
        shown = range(self._first_shown, self._first_shown + self._visible)
        if firsts and not set(firsts) & set(shown):
            self.scroll.setValue(firsts[0])  # the first reporter is never scrolled away
        self.update()

    @property
    def highlighted(self) -> frozenset[str]:
        """Article.ids of the sources reporting the selected fact."""
        return frozenset(self.report.fact.articles) if self.report else frozenset()

    @property
    def first_reporters(self) -> tuple[str, ...]:
        return self.report.first if self.report else ()

    def tooltip_text(self, n: int) -> str:
        """What hovering row `n` says, as plain text."""
        row = self.rows[n]
        lines = [row.name, when_text(row.moment)]
        if row.moment is not None and row.firsts is not None:
            noun = "fact" if row.firsts == 1 else "facts"
            lines.append(f"First to report {row.firsts} {noun} shared with other sources")
        if self.report is not None:
            lines.append(self._selected_fact_line(row))
        which = "it reported first" if row.firsts else "it reports"
        return "\n".join([*lines, f"Click to go to the next fact {which}"])

    def _selected_fact_line(self, row: SourceRow) -> str:
        if row.article_id in self.first_reporters:
            tied = len(self.first_reporters) > 1
            return "Selected fact: reported it first" + (" (tied)" if tied else "")
        if row.article_id not in self.highlighted:
            return "Selected fact: does not report it"
        if row.moment is None:
            return "Selected fact: reports it (no date, so never first)"
        return "Selected fact: reported it later"

    # --- geometry ------------------------------------------------------------------------
    @property
    def _row_height(self) -> int:  # the header's too
        return self.fontMetrics().lineSpacing() + 8

    @property
    def _visible(self) -> int:
        return min(len(self.rows), MAX_ROWS)

    @property
    def _scrolls(self) -> bool:  # not isVisible(): that is False while the tab is hidden
        return not self.scroll.isHidden()

    @property
    def _first_shown(self) -> int:
        return self.scroll.value() if self._scrolls else 0

    def _font(self, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.font())
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def _measure_names(self) -> None:
        """The name column's width, measured once per change, not on every repaint."""
        bold = QFontMetrics(self._font(bold=True))
        widest = max([bold.horizontalAdvance(r.name) for r in self.rows] + [0])
        header = bold.horizontalAdvance(SOURCE_HEADER)
        self._names_width = max(min(widest + 16, NAME_MAX), header + 16)

    def _count_rect(self, top: int) -> QRect:
        width = self.fontMetrics().horizontalAdvance(FIRST_HEADER) + 16
        right = self.width() - MARGIN - (self.scroll.width() if self._scrolls else 0)
        return QRect(right - width, top, width, self._row_height)

    def _track(self) -> tuple[float, float]:
        """The axis's left end and width in pixels."""
        left = MARGIN + self._names_width + TRACK_PAD
        return float(left), float(max(self._count_rect(0).left() - TRACK_PAD - left, 1))

    def _x(self, at: float) -> float:
        left, width = self._track()
        start, end = self._axis
        return left + (at - start) / (end - start) * width

    def row_rect(self, n: int) -> QRect:
        top = (1 + n - self._first_shown) * self._row_height
        return QRect(0, top, self.width(), self._row_height)

    def row_at(self, point: QPoint) -> int:
        if point.y() < self._row_height:
            return -1
        n = self._first_shown + point.y() // self._row_height - 1
        return n if n < min(len(self.rows), self._first_shown + self._visible) else -1

    def ticks(self) -> list[Tick]:
        metrics = self.fontMetrics()
        gap = 1.5 * metrics.horizontalAdvance(TICK_GAP)  # calm, never crowded
        return axis_ticks(*self._axis, self._track()[1], metrics.horizontalAdvance, gap)

    def _relayout(self) -> None:
        self._measure_names()
        self.setFixedHeight((1 + self._visible) * self._row_height + 2)
        overflow = len(self.rows) - MAX_ROWS
        self.scroll.setVisible(overflow > 0)
        self.scroll.setRange(0, max(overflow, 0))
        self.scroll.setPageStep(MAX_ROWS)
        self._place_scroll()
        self.update()

    def _place_scroll(self) -> None:
        width, top = self.scroll.sizeHint().width(), self._row_height
        self.scroll.setGeometry(self.width() - width, top, width, self.height() - top)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(640, self.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._place_scroll()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._relayout()
        super().changeEvent(event)

    # --- painting ------------------------------------------------------------------------
    def _colour(self, role: QPalette.ColorRole) -> QColor:
        return self.palette().color(role)

    def _faint(self, share: float) -> QColor:
        """The text colour `share` of the way over the background: lines and hovers."""
        return mix(
            self._colour(QPalette.ColorRole.Base), self._colour(QPalette.ColorRole.Text), share
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self._colour(QPalette.ColorRole.Base))
        shown = range(self._first_shown, self._first_shown + self._visible)
        for n in shown:  # bands first, so the day lines cross every row
            if self.report is not None and self.rows[n].article_id in self.highlighted:
                band = tint(
                    self.palette(), self._colour(QPalette.ColorRole.Highlight), HIGHLIGHT_SHARE
                )
                painter.fillRect(self.row_rect(n), band)
            elif n == self._hover:
                painter.fillRect(self.row_rect(n), self._faint(0.05))
            if n == self._hover and self.hasFocus():  # where Up/Down and Enter act
                painter.setPen(self._colour(QPalette.ColorRole.Highlight))
                painter.drawRect(self.row_rect(n).adjusted(0, 0, -1, -1))
        ticks = self.ticks()
        self._paint_header(painter, ticks)
        painter.setPen(self._faint(0.10))
        bottom, left = (1 + self._visible) * self._row_height, self._track()[0]
        for tick in ticks:
            x = round(left + tick.x)
            painter.drawLine(x, self._row_height - 4, x, bottom)
        for n in shown:
            self._paint_row(painter, n)
        painter.end()

    def _paint_header(self, painter: QPainter, ticks: list[Tick]) -> None:
        height, middle = self._row_height, Qt.AlignmentFlag.AlignVCenter
        painter.setFont(self._font(bold=True))
        painter.setPen(self._colour(QPalette.ColorRole.Text))
        painter.drawText(QRect(MARGIN, 0, self._names_width, height), middle, SOURCE_HEADER)
        painter.drawText(self._count_rect(0), middle | Qt.AlignmentFlag.AlignRight, FIRST_HEADER)
        painter.setFont(self.font())
        painter.setPen(self._colour(QPalette.ColorRole.PlaceholderText))
        left = self._track()[0]
        for tick in (t for t in ticks if t.label):
            painter.drawText(
                QRectF(left + tick.left, 0, tick.width + 2, height), middle, tick.label
            )
        painter.setPen(self._faint(0.30))
        painter.drawLine(MARGIN, height - 1, self.width() - MARGIN, height - 1)

    def _paint_row(self, painter: QPainter, n: int) -> None:
        row, rect, middle = self.rows[n], self.row_rect(n), Qt.AlignmentFlag.AlignVCenter
        text = self._colour(QPalette.ColorRole.Text)
        quiet = self._colour(QPalette.ColorRole.PlaceholderText)
        first = row.article_id in self.first_reporters
        dim = self.report is not None and row.article_id not in self.highlighted
        painter.setPen(self._faint(0.08))
        painter.drawLine(MARGIN, rect.bottom(), self.width() - MARGIN, rect.bottom())
        painter.setFont(self._font(bold=first))
        painter.setPen(quiet if dim else text)
        box = QRect(MARGIN, rect.top(), self._names_width - 8, rect.height())
        name = painter.fontMetrics().elidedText(row.name, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, middle, name)
        painter.setFont(self.font())
        count = "…" if row.firsts is None else str(row.firsts)
        painter.drawText(self._count_rect(rect.top()), middle | Qt.AlignmentFlag.AlignRight, count)
        left, width = self._track()
        if row.moment is None:
            painter.setFont(self._font(italic=True))
            painter.setPen(quiet)
            painter.drawText(QRectF(left, rect.top(), width, rect.height()), middle, NO_DATE_TEXT)
            return
        y = rect.center().y() + 0.5
        painter.setPen(self._faint(0.22))
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
        self._paint_mark(painter, row.moment, y, first, dim)

    def _paint_mark(
        self, painter: QPainter, moment: Moment, y: float, first: bool, dim: bool
    ) -> None:
        """A dot at a time, a bar over a day alone; the first reporter's filled, ringed and
        labelled "first" (inside its bar when it fits, else beside the mark)."""
        base, accent = (
            self._colour(QPalette.ColorRole.Base),
            self._colour(QPalette.ColorRole.Highlight),
        )
        colour = self._colour(QPalette.ColorRole.PlaceholderText) if dim else accent
        start, end = (self._x(t) for t in mark_span(moment))
        if end > start:
            painter.setPen(colour)
            painter.setBrush(colour if first else mix(base, colour, 0.45))
            painter.drawRoundedRect(
                QRectF(start, y - BAR_HEIGHT / 2, end - start, BAR_HEIGHT), 3, 3
            )
        else:
            radius = FIRST_DOT_RADIUS if first else DOT_RADIUS
            painter.setPen(self._colour(QPalette.ColorRole.Text) if first else base)
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(start, y), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if not first:
            return
        font = self._font(bold=True)
        metrics = QFontMetrics(font)
        width, height = metrics.horizontalAdvance(FIRST_BADGE) + 10, metrics.height() + 2
        left, track = self._track()
        if end - start >= width + 8:
            x = start + 4  # inside its bar
        elif end + FIRST_DOT_RADIUS + 4 + width <= left + track + TRACK_PAD:
            x = end + FIRST_DOT_RADIUS + 4
        else:
            x = start - FIRST_DOT_RADIUS - 4 - width
        box = QRectF(x, y - height / 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(box, height / 2, height / 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(font)
        painter.setPen(self._colour(QPalette.ColorRole.HighlightedText))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, FIRST_BADGE)
        painter.setFont(self.font())

    # --- interaction ---------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point, n = event.pos(), self.row_at(event.pos())
            if n >= 0:
                tip, rect = self.tooltip_text(n), self.row_rect(n)
            else:  # the header
                tip = FIRST_TIP if self._count_rect(0).contains(point) else AXIS_TIP
                rect = QRect(0, 0, self.width(), self._row_height)
            QToolTip.showText(event.globalPos(), plain_tooltip(tip), self, rect)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        n = self.row_at(event.position().toPoint())
        if n != self._hover:
            self._hover = n
            hand = Qt.CursorShape.PointingHandCursor
            self.setCursor(hand if n >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        n = self.row_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and n >= 0:
            self.source_clicked.emit(self.rows[n].article_id)
        else:
            super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, count = event.key(), len(self.rows)
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and count:
            step = 1 if key == Qt.Key.Key_Down else -1
            self._hover = min(count - 1, max(0, self._hover + step if self._hover >= 0 else 0))
            if self._scrolls and not 0 <= self._hover - self._first_shown < self._visible:
                self.scroll.setValue(
                    max(0, self._hover - self._visible + 1) if step > 0 else self._hover
                )
            self.setAccessibleDescription(self.tooltip_text(self._hover))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._hover >= 0:
            self.source_clicked.emit(self.rows[self._hover].article_id)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if self._scrolls:
            self.scroll.setValue(self.scroll.value() - (1 if event.angleDelta().y() > 0 else -1))
        else:
            event.ignore()  # the tab scrolls instead
