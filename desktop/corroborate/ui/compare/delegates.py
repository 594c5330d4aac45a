"""Painting of comparison cells: wrapped rich text with marked words, and score bars.

A near-identical pair shows its word diff (removed words red, added green, underlined);
a paraphrase shows the key content both sides share in a calm blue tint, with nothing
underlined. In both, differing values carry the strong mark: bold, underlined, orange.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QIcon,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.alignment.confidence import POSSIBLE
from ..common.discrepancy_hints import DIFFERS_CLASS, badge_text
from ..common.theme import tint
from .compare_model import (
    ADDED_CLASS,
    ANNOTATION_ROLE,
    CONFIDENCE_ROLE,
    DISCREPANCY_ROLE,
    HTML_ROLE,
    KIND_ROLE,
    ONLY_A,
    ONLY_B,
    REMOVED_CLASS,
    SCORE_ROLE,
    SHARED_CLASS,
)

# Space around the text inside a cell, in pixels.
CELL_MARGIN = 6
# Row heights remembered per (text, width); enough for several long comparisons.
HEIGHT_CACHE_SIZE = 4096
# Tints over the base colour: removed words in A, added words in B (also underlined,
# so colour is never the only signal), and cells of sentences found in one source only.
REMOVED_TINT = QColor(220, 60, 60)
ADDED_TINT = QColor(40, 170, 70)
WORD_TINT_ALPHA = 0.28
ROW_TINT_ALPHA = 0.10
# Key content both sides of a paraphrase share: a light tint only, calmer than a changed
# word (no underline, no bold), so the differing values still stand out.
SHARED_TINT = QColor(70, 130, 230)
SHARED_TINT_ALPHA = 0.20
# Values the sources disagree on: bold, underlined and more strongly tinted than a word.
DIFFERS_TINT = QColor(235, 130, 0)
DIFFERS_TINT_ALPHA = 0.50


def blend(base: QColor, tint: QColor, share: float) -> QColor:
    """An opaque colour `share` of the way from `base` to `tint` (works on dark themes)."""
    return QColor(
        round(base.red() + (tint.red() - base.red()) * share),
        round(base.green() + (tint.green() - base.green()) * share),
        round(base.blue() + (tint.blue() - base.blue()) * share),
    )


def draw_row_separator(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """A hairline under each cell: rows of wrapped text need a visible boundary."""
    base = option.palette.color(QPalette.ColorRole.Base)
    line = blend(base, option.palette.color(QPalette.ColorRole.Mid), 0.35)
    rect = option.rect
    painter.fillRect(rect.left(), rect.bottom(), rect.width(), 1, line)


def word_style_sheet(palette: QPalette) -> str:
    removed = tint(palette, REMOVED_TINT, WORD_TINT_ALPHA).name()
    added = tint(palette, ADDED_TINT, WORD_TINT_ALPHA).name()
    shared = tint(palette, SHARED_TINT, SHARED_TINT_ALPHA).name()
    differs = tint(palette, DIFFERS_TINT, DIFFERS_TINT_ALPHA).name()
    return (
        f"span.{REMOVED_CLASS} {{ background-color: {removed}; text-decoration: underline; }}\n"
        f"span.{ADDED_CLASS} {{ background-color: {added}; text-decoration: underline; }}\n"
        f"span.{SHARED_CLASS} {{ background-color: {shared}; }}\n"
        f"span.{DIFFERS_CLASS} {{ background-color: {differs}; font-weight: bold; "
        "text-decoration: underline; }\n"
    )


class SentenceDelegate(QStyledItemDelegate):
    """Wrapped sentence text with changed or shared words tinted (see the module).

    The text comes from HTML_ROLE, where the model has already escaped the article
    text: nothing an article says is ever interpreted as markup. Heights are measured on
    the plain text (tints and underlines do not change metrics), so measuring a row never
    forces its word diff to be computed.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._heights: OrderedDict[tuple[str, int], int] = OrderedDict()
        self._measure = QTextDocument()  # reused: creating a document costs more than a layout
        self._measure.setDocumentMargin(CELL_MARGIN)
        self._style_sheet = ""
        self._palette_key = 0

    def _document(self, option: QStyleOptionViewItem, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(CELL_MARGIN)
        document.setDefaultFont(option.font)
        document.setTextWidth(max(width, 20))
        return document

    def _sheet(self, palette: QPalette) -> str:
        key = palette.cacheKey()
        if key != self._palette_key or not self._style_sheet:
            self._palette_key = key
            self._style_sheet = word_style_sheet(palette)
        return self._style_sheet

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        width = option.rect.width()
        if width <= 0:
            view = self.parent()
            width = view.columnWidth(index.column()) if hasattr(view, "columnWidth") else 300
        measure = self._measure
        if measure.defaultFont() != option.font:  # heights measured in another font are stale
            self._heights.clear()
            measure.setPlainText("")
            measure.setDefaultFont(option.font)
        key = (text, width)
        height = self._heights.get(key)
        if height is None:
            if measure.textWidth() != max(width, 20):
                measure.setPlainText("")  # else the old text is laid out again
                measure.setTextWidth(max(width, 20))
            measure.setPlainText(text)
            height = int(measure.size().height() + 0.5)
            self._heights[key] = height
            if len(self._heights) > HEIGHT_CACHE_SIZE:
                self._heights.popitem(last=False)
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        kind = index.data(KIND_ROLE)
        html_text = index.data(HTML_ROLE)
        painter.save()
        # A sentence found in one source only gets a faint tint of its side's colour.
        if html_text and kind in (ONLY_A, ONLY_B):
            side_tint = REMOVED_TINT if kind == ONLY_A else ADDED_TINT
            painter.fillRect(opt.rect, tint(opt.palette, side_tint, ROW_TINT_ALPHA))
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        if html_text:
            document = self._document(opt, opt.rect.width())
            document.setDefaultStyleSheet(self._sheet(opt.palette))
            document.setHtml(html_text)
            context = QAbstractTextDocumentLayout.PaintContext()
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
            painter.translate(opt.rect.topLeft())
            clip = QRectF(0, 0, opt.rect.width(), opt.rect.height())
            painter.setClipRect(clip)
            context.clip = clip
            document.documentLayout().draw(painter, context)
        painter.restore()
        draw_row_separator(painter, opt)


class ScoreDelegate(QStyledItemDelegate):
    """The score as a number over a small bar that fills with it (0-100)."""

    BAR_HEIGHT = 4
    BAR_GAP = 3  # between the number and the bar

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        # Room for the number, the gap and the bar, so one-line rows never clip the bar.
        width = option.fontMetrics.horizontalAdvance("100") + 4 * CELL_MARGIN
        height = option.fontMetrics.height() + 2 * CELL_MARGIN
        if index.data(SCORE_ROLE) is not None:
            height += self.BAR_GAP + self.BAR_HEIGHT
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        draw_row_separator(painter, opt)
        score = index.data(SCORE_ROLE)
        if score is None:
            return
        painter.save()
        metrics = opt.fontMetrics
        line = metrics.height()
        top = opt.rect.top() + CELL_MARGIN
        text_rect = opt.rect.adjusted(CELL_MARGIN, CELL_MARGIN, -CELL_MARGIN, 0)
        text_rect.setHeight(line)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, text)
        track = QRectF(
            opt.rect.left() + 2 * CELL_MARGIN,
            top + line + self.BAR_GAP,
            opt.rect.width() - 4 * CELL_MARGIN,
            self.BAR_HEIGHT,
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        mid = opt.palette.color(QPalette.ColorRole.Mid)
        mid.setAlpha(90)
        painter.setBrush(mid)
        painter.drawRoundedRect(track, 2, 2)
        filled = QRectF(track)
        filled.setWidth(track.width() * max(0.0, min(score, 100.0)) / 100.0)
        # The application's accent, not the view's softened selection colour; a possible
        # pair's bar is hatched, so the two levels differ in shape, not only in colour.
        accent = QApplication.palette().color(QPalette.ColorRole.Highlight)
        possible = index.data(CONFIDENCE_ROLE) == POSSIBLE
        painter.setBrush(QBrush(accent, Qt.BrushStyle.Dense4Pattern) if possible else accent)
        painter.drawRoundedRect(filled, 2, 2)
        painter.restore()


class StatusDelegate(QStyledItemDelegate):
    """The row's annotation as icon and word ("Disputed"), a pencil mark when it has a
    note; the icon's shape and the word carry the meaning, colour only helps."""

    ICON_SIZE = 16
    GAP = 5

    def __init__(self, icon_for, parent=None) -> None:
        super().__init__(parent)
        self._icon_for = icon_for  # Status -> QIcon

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = option.fontMetrics.horizontalAdvance("Unverified (fact) ✎") + self.ICON_SIZE
        line = max(option.fontMetrics.height(), self.ICON_SIZE)
        # An annotated row with a discrepancy badge needs a second line for it.
        lines = 2 if index.data(ANNOTATION_ROLE) and index.data(DISCREPANCY_ROLE) else 1
        return QSize(width + 2 * CELL_MARGIN + self.GAP, lines * (line + 2) + 2 * CELL_MARGIN)

    def _paint_badge(self, painter: QPainter, opt: QStyleOptionViewItem, top: int, count: int):
        """A "⚠ 2 differ" badge on an orange ground: the mark and words say it, not colour."""
        metrics = opt.fontMetrics
        text = badge_text(count) + (" differs" if count == 1 else " differ")
        rect = QRectF(
            opt.rect.left() + CELL_MARGIN - 2,
            top,
            metrics.horizontalAdvance(text) + 8,
            metrics.height() + 2,
        )
        base = opt.palette.color(QPalette.ColorRole.Base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(blend(base, DIFFERS_TINT, 0.9))
        painter.setBrush(tint(opt.palette, DIFFERS_TINT, DIFFERS_TINT_ALPHA))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        draw_row_separator(painter, opt)
        annotation = index.data(ANNOTATION_ROLE)
        found = index.data(DISCREPANCY_ROLE)  # computed here: for visible rows only
        metrics = opt.fontMetrics
        line = max(metrics.height(), self.ICON_SIZE)
        top = opt.rect.top() + CELL_MARGIN
        if found:
            painter.save()
            badge_top = top + (line + 4 if annotation is not None else 0)
            self._paint_badge(painter, opt, badge_top, len(found))
            painter.restore()
        if annotation is None:
            return
        painter.save()
        left = opt.rect.left() + CELL_MARGIN
        icon = self._icon_for(annotation.status)
        icon_top = top + (line - self.ICON_SIZE) // 2
        icon.paint(painter, left, icon_top, self.ICON_SIZE, self.ICON_SIZE)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        # The model's word: "Agreed", or "Agreed (fact)" when inherited from a fact.
        word = index.data(Qt.ItemDataRole.DisplayRole) or annotation.status.value.capitalize()
        text = word + (" ✎" if annotation.note else "")
        text_left = left + self.ICON_SIZE + self.GAP
        text_rect = opt.rect.adjusted(text_left - opt.rect.left(), CELL_MARGIN, -CELL_MARGIN, 0)
        text_rect.setHeight(line)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        painter.restore()
