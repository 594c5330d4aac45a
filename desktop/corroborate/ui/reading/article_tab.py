"""One article in a reader view: paragraphs, the sentence under the mouse highlighted."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QToolTip, QVBoxLayout, QWidget

from ...core.facts.coverage import SentenceCoverage as Corroboration
from ...core.facts.coverage import SentenceWording
from ...core.model import Article, Sentence
from ...core.text.positions import Utf16Map
from ..common.find_bar import find_selections
from ..common.plain import plain_tooltip
from .heatmap import (
    ONLY_HERE_COLOR,
    ONLY_HERE_WIDTH,
    HeatLegend,
    describe,
    heat_colour,
    level_of,
)

# Lines longer than this are hard to read; wider windows get side margins instead.
READABLE_WIDTH = 900


class _SameOffsets:
    """Offsets of a text without characters outside the Basic Multilingual Plane: Python
    and Qt count them alike."""

    def __init__(self, length: int) -> None:
        self._length = length

    def to_utf16(self, offset: int) -> int:
        return offset

    def from_utf16(self, position: int) -> int:
        return max(0, min(position, self._length))


def utf16_positions(text: str) -> Utf16Map | _SameOffsets:
    """Utf16Map looks at every character in Python (~17 ms for a long article, times fifty
    tabs on opening a folder); nearly every news text needs no map, which the codec tells
    at C speed."""
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return _SameOffsets(len(text))
    return Utf16Map(text)


class ReaderView(QTextBrowser):
    """Read-only article text. The text is set as plain text: never interpreted as markup."""

    sentence_hovered = Signal(int)  # sentence index, -1 when none

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self._positions = utf16_positions(article.text)
        self._starts = [s.start for s in article.sentences]
        self._hovered = -1
        self._selected = -1
        self._corroboration: Corroboration | None = None  # None until facts are known
        self.wording: SentenceWording = {}  # how the other sources put each sentence
        self._heat: list[QTextEdit.ExtraSelection] = []
        self._heat_stale = False  # the tints are built when the view is first shown
        self._find: list[QTextEdit.ExtraSelection] = []  # Find's marks, over everything
        self.setOpenLinks(False)
        self.setAcceptDrops(False)  # drops go to the main window, which adds the files
        self.viewport().setAcceptDrops(False)
        self.viewport().setMouseTracking(True)
        self.setPlainText(article.text)
        self._format_paragraphs()
        self.document().setDocumentMargin(18)

    def _format_paragraphs(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(2)
        cursor.mergeBlockFormat(block)

    # --- sentence lookup -----------------------------------------------------------
    def sentence_at_offset(self, offset: int) -> Sentence | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0:
            sentence = self.article.sentences[i]
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def sentence_at_point(self, point) -> Sentence | None:
        cursor = self.cursorForPosition(point)
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - point.y()) > rect.height():  # below the last line
            return None
        return self.sentence_at_offset(self._positions.from_utf16(cursor.position()))

    # --- highlighting ------------------------------------------------------------------
    def _selection_for(self, index: int, color: QColor) -> QTextEdit.ExtraSelection:
        sentence = self.article.sentences[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_utf16(sentence.start))
        cursor.setPosition(self._positions.to_utf16(sentence.end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(color)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        return selection

    def _refresh_highlights(self) -> None:
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        selections = list(self._heat)  # under the hover and selection highlights
        if self._selected >= 0:
            strong = QColor(highlight)
            strong.setAlpha(110)
            selections.append(self._selection_for(self._selected, strong))
        if self._hovered >= 0 and self._hovered != self._selected:
            # An underline, not a fill: a fill would read as one of the coverage tints.
            hover = self._selection_for(self._hovered, QColor(Qt.GlobalColor.transparent))
            hover.format.clearBackground()
            hover.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            hover.format.setUnderlineColor(highlight)
            selections.append(hover)
        self.setExtraSelections(selections + self._find)

    def set_find_hits(self, spans: list[tuple[int, int]], current: int) -> None:
        """Mark Find's matches (UTF-16 positions), the current one stronger."""
        self._find = find_selections(self, spans, current)
        self._refresh_highlights()

    # --- corroboration heat map ------------------------------------------------------------
    def set_corroboration(self, corroboration: Corroboration | None) -> None:
        """Tint each sentence by how many other sources report it (None: no tint).

        A hidden tab builds its tints when it is first shown (or asked for them): about
        30 ms for a long article, too much for fifty tabs at once when the facts arrive.
        """
        self._corroboration = corroboration
        self._heat_stale = True
        if self.isVisible():
            self._build_heat()

    def _build_heat(self) -> None:
        self._heat_stale = False
        self._heat = []
        for index, others in (self._corroboration or {}).items():
            colour = heat_colour(self.palette(), level_of(len(others)))
            if colour is not None:
                self._heat.append(self._selection_for(index, colour))
            else:  # only here: a dotted underline beside the margin bar, not a colour alone
                mark = self._selection_for(index, QColor(Qt.GlobalColor.transparent))
                mark.format.clearBackground()
                mark.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                mark.format.setUnderlineColor(ONLY_HERE_COLOR)
                self._heat.append(mark)
        self._refresh_highlights()
        self.viewport().update()

    def _ensure_heat(self) -> None:
        if self._heat_stale:
            self._build_heat()

    def showEvent(self, event) -> None:
        self._ensure_heat()
        super().showEvent(event)

    def extraSelections(self) -> list[QTextEdit.ExtraSelection]:
        self._ensure_heat()
        return super().extraSelections()

    @property
    def corroboration(self) -> Corroboration | None:
        return self._corroboration

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._corroboration is not None:
            self.set_corroboration(self._corroboration)  # tints of the new light or dark base

    def heat_selections(self) -> list[QTextEdit.ExtraSelection]:
        self._ensure_heat()
        return list(self._heat)

    def only_here(self) -> list[int]:
        """Sentences no other source reports, marked in the margin."""
        return sorted(i for i, others in (self._corroboration or {}).items() if not others)

    def _sentence_lines(self, index: int) -> QRect:
        """From the top of a sentence's first line to the bottom of its last, in the viewport."""
        sentence = self.article.sentences[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_utf16(sentence.start))
        top = self.cursorRect(cursor)
        cursor.setPosition(self._positions.to_utf16(max(sentence.start, sentence.end - 1)))
        bottom = self.cursorRect(cursor)
        return QRect(top.left(), top.top(), 1, bottom.bottom() - top.top())

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        marked = self.only_here()
        if not marked:
            return
        painter = QPainter(self.viewport())
        left = max(2, int(self.document().documentMargin()) // 2 - ONLY_HERE_WIDTH)
        visible = self.viewport().rect()
        for index in marked:
            lines = self._sentence_lines(index)
            if lines.bottom() < visible.top() or lines.top() > visible.bottom():
                continue
            painter.fillRect(left, lines.top() + 2, ONLY_HERE_WIDTH, lines.height() - 3,
                             ONLY_HERE_COLOR)  # fmt: skip
        painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._corroboration is not None:
            assert isinstance(event, QHelpEvent)
            sentence = self.sentence_at_point(event.pos())
            if sentence is None:
                QToolTip.hideText()
            else:
                index = sentence.index
                text = describe(self._corroboration.get(index), self.wording.get(index))
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self.viewport())
            return True
        return super().viewportEvent(event)

    @property
    def hovered_sentence(self) -> int:
        return self._hovered

    @property
    def selected_sentence(self) -> int:
        return self._selected

    def set_hovered(self, index: int) -> None:
        if index != self._hovered:
            self._hovered = index
            self._refresh_highlights()
            self.sentence_hovered.emit(index)

    def show_sentence(self, index: int) -> None:
        """Highlight a sentence and scroll it into view (from a comparison or a fact)."""
        if not 0 <= index < len(self.article.sentences):
            return
        self._selected = index
        self._refresh_highlights()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_utf16(self.article.sentences[index].start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def resizeEvent(self, event) -> None:
        spare = self.width() - READABLE_WIDTH
        side = max(0, spare // 2)
        self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)

    # --- events --------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        sentence = self.sentence_at_point(event.position().toPoint())
        self.set_hovered(sentence.index if sentence else -1)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.set_hovered(-1)
        super().leaveEvent(event)


class ArticleTab(QWidget):
    """A header (title, source, file) over the reader view."""

    def __init__(self, article: Article, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self.title = QLabel(article.title)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.meta.setToolTip(plain_tooltip(article.path))
        for widget in (self.title, self.meta):
            widget.setTextFormat(Qt.TextFormat.PlainText)  # article text is never markup
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget.setContentsMargins(18, 0, 18, 0)
        self.reader = ReaderView(article, self)
        self.legend = HeatLegend(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.legend)
        layout.addSpacing(6)
        layout.addWidget(self.reader, 1)
        self.set_label(label)
        self.setFocusProxy(self.reader)

    def set_corroboration(
        self, corroboration: Corroboration | None, wording: SentenceWording | None = None
    ) -> None:
        """How many other sources report each sentence (and how they put it, for the
        tooltips); the legend shows once it is known."""
        self.reader.wording = wording or {}
        self.reader.set_corroboration(corroboration)
        self.legend.setVisible(corroboration is not None)

    def set_label(self, label: str) -> None:
        self.label = label
        count = len(self.article.sentences)
        name = Path(self.article.path).name
        self.meta.setText(f"{label}  ·  {count} sentences  ·  {self.article.format}  ·  {name}")
