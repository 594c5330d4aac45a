"""One article in a reader view: paragraphs, the sentence under the mouse highlighted."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QTextBlockFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from ..core.model import Article, Sentence
from ..core.textpos import Utf16Map

# Lines longer than this are hard to read; wider windows get side margins instead.
READABLE_WIDTH = 900


class ReaderView(QTextBrowser):
    """Read-only article text. The text is set as plain text: never interpreted as markup."""

    sentence_hovered = Signal(int)  # sentence index, -1 when none

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self._positions = Utf16Map(article.text)
        self._starts = [s.start for s in article.sentences]
        self._hovered = -1
        self._selected = -1
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
        selections = []
        if self._selected >= 0:
            strong = QColor(highlight)
            strong.setAlpha(110)
            selections.append(self._selection_for(self._selected, strong))
        if self._hovered >= 0 and self._hovered != self._selected:
            soft = QColor(highlight)
            soft.setAlpha(45)
            selections.append(self._selection_for(self._hovered, soft))
        self.setExtraSelections(selections)

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
        self.meta.setToolTip(article.path)
        for widget in (self.title, self.meta):
            widget.setTextFormat(Qt.TextFormat.PlainText)  # article text is never markup
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget.setContentsMargins(18, 0, 18, 0)
        self.reader = ReaderView(article, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addSpacing(6)
        layout.addWidget(self.reader, 1)
        self.set_label(label)
        self.setFocusProxy(self.reader)

    def set_label(self, label: str) -> None:
        self.label = label
        count = len(self.article.sentences)
        name = Path(self.article.path).name
        self.meta.setText(f"{label}  ·  {count} sentences  ·  {self.article.format}  ·  {name}")
