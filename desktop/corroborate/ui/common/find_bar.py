"""Find (Ctrl+F): the bar under the tabs, and how it searches an article's text or a table's
rows. Plain-text search, folded as core/text/folding does; the bar shows "3 of 12"."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from typing import Protocol

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from ...core.text.folding import contains, find_all
from ...core.text.positions import Utf16Map

# Typing pauses this long before a large table is searched again.
SEARCH_DELAY_MS = 150
FIND_COLOUR = QColor(255, 214, 10, 150)  # a marker yellow: unlike any tint of the views
CURRENT_FIND_COLOUR = QColor(255, 150, 0, 200)


class Search(Protocol):
    def run(self, query: str) -> int:
        """Find `query`; the number of hits."""

    def show(self, hit: int) -> None:
        """Make hit number `hit` (from 0) the current one and bring it into view."""

    def clear(self) -> None: ...


class TextSearch:
    """Hits in a text view, all marked; the current one selected and scrolled to. A view
    with `set_find_hits(spans, current)` (the article reader) draws the marks itself."""

    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self.spans: list[tuple[int, int]] = []  # UTF-16 positions, as Qt counts

    def run(self, query: str) -> int:
        text = self.view.toPlainText()
        positions = Utf16Map(text)
        self.spans = [
            (positions.to_utf16(a), positions.to_utf16(b)) for a, b in find_all(text, query)
        ]
        self._mark(-1)
        return len(self.spans)

    def show(self, hit: int) -> None:
        start, end = self.spans[hit]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        self._mark(hit)

    def clear(self) -> None:
        self.spans = []
        self._mark(-1)

    def _mark(self, current: int) -> None:
        own = getattr(self.view, "set_find_hits", None)
        if own is not None:
            own(self.spans, current)
            return
        self.view.setExtraSelections(find_selections(self.view, self.spans, current))


def find_selections(
    view: QTextEdit, spans: Sequence[tuple[int, int]], current: int
) -> list[QTextEdit.ExtraSelection]:
    selections = []
    for n, (start, end) in enumerate(spans):
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(CURRENT_FIND_COLOUR if n == current else FIND_COLOUR)
        selection.format.setForeground(QColor(Qt.GlobalColor.black))
        selections.append(selection)
    return selections


class TableSearch:
    """Rows of a table whose shown text holds the query, in the order shown (sorted and
    filtered as the user set them); the current hit becomes the current row."""

    def __init__(self, view: QAbstractItemView) -> None:
        self.view = view
        self.rows: list[int] = []

    def run(self, query: str) -> int:
        model = self.view.model()
        columns = range(model.columnCount()) if model is not None else range(0)
        self.rows = [
            row
            for row in range(model.rowCount() if model is not None else 0)
            if any(contains(_cell_text(model.index(row, c)), query) for c in columns)
        ]
        return len(self.rows)

    def show(self, hit: int) -> None:
        model = self.view.model()
        index = model.index(self.rows[hit], 0)
        if not index.isValid():  # the table changed since: its rows are no longer there
            return
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def clear(self) -> None:
        self.rows = []


def _cell_text(index: QModelIndex) -> str:
    value = index.data(Qt.ItemDataRole.DisplayRole)
    return value if isinstance(value, str) else ""


def search_for(widget: QWidget | None) -> Search | None:
    """How to search `widget`: a table (a tab's `view`, or the widget itself) or a text."""
    if widget is None:
        return None
    if isinstance(widget, QAbstractItemView):
        return TableSearch(widget)
    if isinstance(widget, QTextEdit):
        return TextSearch(widget)
    view = getattr(widget, "view", None)
    if isinstance(view, QAbstractItemView):
        return TableSearch(view)
    text = widget.findChild(QTextEdit)
    return TextSearch(text) if text is not None else None


class FindBar(QWidget):
    """Query, "n of m", previous/next and close. Enter goes on, Shift+Enter back, Esc closes."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search: Search | None = None
        self.hits = 0
        self.current = -1
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find (case, accents and quote marks ignored)")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Find")
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(90)
        self.previous_button = self._button("▲", "Previous match (Shift+F3)", self.previous)
        self.next_button = self._button("▼", "Next match (F3)", self.next)
        close = self._button("✕", "Close the find bar (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for widget in (self.previous_button, self.next_button, close):
            layout.addWidget(widget)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self.next)
        self.edit.installEventFilter(self)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def open_on(self, search: Search | None) -> None:
        """Show the bar for `search` (a new tab or table) with the query selected."""
        self.retarget(search)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def retarget(self, search: Search | None) -> None:
        """Search something else with the same query; the old one's marks are cleared."""
        if self.search is not None and self.search is not search:
            self._clear_marks()
        self.search = search
        self.refresh()

    def _clear_marks(self) -> None:
        with suppress(RuntimeError):  # the tab it searched was closed: nothing to clear
            self.search.clear()

    def refresh(self) -> None:
        self._timer.stop()
        query = self.edit.text()
        self.hits = self.search.run(query) if self.search is not None and query else 0
        self.current = -1
        if self.hits:
            self.step(+1)
        elif self.search is not None:
            self._clear_marks()
        self._show_count()

    def step(self, step: int) -> None:
        if self._timer.isActive():
            self.refresh()  # the query changed: search first
            return
        if not self.hits or self.search is None:
            return
        self.current = (self.current + step) % self.hits
        self.search.show(self.current)
        self._show_count()

    def next(self) -> None:
        self.step(+1)

    def previous(self) -> None:
        self.step(-1)

    def _show_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.hits:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.current + 1} of {self.hits}")

    def close_bar(self) -> None:
        if self.search is not None:
            self._clear_marks()
        self.search = None
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched, event) -> bool:
        pressed = isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress
        if watched is self.edit and pressed:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
                self.previous()
                return True
        return super().eventFilter(watched, event)
