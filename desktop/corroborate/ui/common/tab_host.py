"""The tabs of the reading area: every part opens, finds and closes its tabs here, and
the empty state shows while none is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

from .plain import no_mnemonic, plain_tooltip
from .widgets import EmptyState

T = TypeVar("T", bound=QWidget)


class TabHost(QObject):
    current_changed = Signal(object)  # the current tab, None when none is open

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_at)
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.empty_state = EmptyState()
        self.widget = QStackedWidget()  # the empty state, or the tabs once one is open
        self.widget.addWidget(self.empty_state)
        self.widget.addWidget(self.tabs)

    # --- finding -----------------------------------------------------------------------
    def count(self) -> int:
        return self.tabs.count()

    def tabs_of(self, kind: type[T]) -> list[T]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), kind)]

    def find(self, kind: type[T], matches: Callable[[T], bool] = lambda _tab: True) -> T | None:
        return next((tab for tab in self.tabs_of(kind) if matches(tab)), None)

    def current(self, kind: type[T] = QWidget) -> T | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, kind) else None

    # --- opening and closing -----------------------------------------------------------
    def add(self, tab: QWidget, title: str, tooltip: str, index: int = -1) -> QWidget:
        """A new tab at `index` (the end when -1); the title is shown as written."""
        index = self.tabs.insertTab(index, tab, no_mnemonic(title))
        self.tabs.setTabToolTip(index, plain_tooltip(tooltip))
        return tab

    def show(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
        self.update_empty_state()

    def set_title(self, tab: QWidget, title: str) -> None:
        self.tabs.setTabText(self.tabs.indexOf(tab), no_mnemonic(title))

    def close(self, tab: QWidget) -> None:
        self.close_at(self.tabs.indexOf(tab))

    def close_at(self, index: int) -> None:
        if index < 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        widget.deleteLater()
        self.update_empty_state()

    def close_current(self) -> None:
        self.close_at(self.tabs.currentIndex())

    def close_all(self) -> None:
        # From the last: closing the first would show each next tab in turn.
        while self.tabs.count():
            self.close_at(self.tabs.count() - 1)

    def step(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
            self.tabs.currentWidget().setFocus(Qt.FocusReason.TabFocusReason)

    def update_empty_state(self) -> None:
        self.widget.setCurrentWidget(self.tabs if self.tabs.count() else self.empty_state)

    def _on_current_changed(self, _index: int) -> None:
        self.update_empty_state()
        self.current_changed.emit(self.tabs.currentWidget())
