"""A line of grey text in the middle of an empty table ("No problems: every file was read"),
so an empty panel never looks like one that failed to fill."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QObject):
    """Shows `text` over `view` whenever its model has no rows. `text` may be a callable
    when what to say depends on why the table is empty (a filter, or nothing at all)."""

    def __init__(self, view: QAbstractItemView, text: str | Callable[[], str]) -> None:
        super().__init__(view)
        self.view = view
        self._text = text
        self.label = QLabel(view.viewport())
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self.update)
        self.update()

    @property
    def text(self) -> str:
        return self._text() if callable(self._text) else self._text

    def update(self, *_args) -> None:
        empty = self.view.model().rowCount() == 0
        if empty:
            self.label.setText(self.text)
            self.label.setGeometry(self.view.viewport().rect().adjusted(12, 0, -12, 0))
        self.label.setVisible(empty)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.label.setGeometry(self.view.viewport().rect().adjusted(12, 0, -12, 0))
        return super().eventFilter(watched, event)
