"""A table header whose labels wrap at word boundaries (up to three lines) instead of
being cut: "Economic Ties Regional Tensions" reads whole in a narrow source column."""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

MAX_LINES = 3
MARGIN = 4  # pixels of the label's box kept free on each side
ARROW_ROOM = 12  # beside the label of the column the table is sorted by


class WrappingHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # A narrower column needs more lines: the header's height follows.
        self.sectionResized.connect(lambda *_: self.updateGeometries())

    def _text(self, logical: int) -> str:
        model = self.model()
        value = model.headerData(logical, self.orientation()) if model is not None else None
        return value if isinstance(value, str) else ""

    def _text_flags(self) -> int:
        return int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft) | int(
            Qt.AlignmentFlag.AlignVCenter
        )

    def sectionSizeFromContents(self, logical: int):
        size = super().sectionSizeFromContents(logical)
        metrics = self.fontMetrics()
        width = max(20, self.sectionSize(logical) - 2 * MARGIN)
        box = metrics.boundingRect(
            QRect(0, 0, width, 10_000), self._text_flags(), self._text(logical)
        )
        lines = min(MAX_LINES, max(1, ceil(box.height() / metrics.lineSpacing())))
        size.setHeight(max(size.height(), lines * metrics.lineSpacing() + 2 * MARGIN))
        return size

    def sizeHint(self):
        hint = super().sizeHint()
        model = self.model()
        if model is not None:  # every section, not a sample: the tallest label sets it
            tallest = max(
                (self.sectionSizeFromContents(i).height() for i in range(self.count())),
                default=hint.height(),
            )
            hint.setHeight(max(hint.height(), tallest))
        return hint

    def paintSection(self, painter, rect: QRect, logical: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOptionForIndex(option, logical)
        option.rect = rect
        text, option.text = option.text, ""  # the frame and sort arrow from the style
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.save()
        painter.setPen(self.palette().color(self.foregroundRole()))
        metrics = self.fontMetrics()
        sorted_here = self.isSortIndicatorShown() and self.sortIndicatorSection() == logical
        arrow = ARROW_ROOM if sorted_here else 0
        inner = rect.adjusted(MARGIN, MARGIN, -MARGIN - arrow, -MARGIN)
        lines = max(1, inner.height() // metrics.lineSpacing())
        shown = _at_most(text, inner.width(), lines, metrics)
        painter.drawText(inner, self._text_flags(), shown)
        painter.restore()


def _at_most(text: str, width: int, lines: int, metrics) -> str:
    """`text` wrapped into at most `lines` lines of `width`, the last one cut with "…"."""
    words, out, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not line:
            line = candidate
        else:
            out.append(line)
            line = word
    out.append(line)
    if len(out) > lines:
        last = " ".join(out[lines - 1 :])
        out = [*out[: lines - 1], metrics.elidedText(last, Qt.TextElideMode.ElideRight, width)]
    return "\n".join(metrics.elidedText(o, Qt.TextElideMode.ElideRight, width) for o in out)
