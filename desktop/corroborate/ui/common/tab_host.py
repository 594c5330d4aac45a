"""The tabs of the reading area: every part opens, finds and closes its tabs here, and
the empty state shows while none is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMenu, QStackedWidget, QTabWidget, QToolButton, QVBoxLayout, QWidget

from .plain import no_mnemonic, plain_tooltip
from .widgets import EmptyState

T = TypeVar("T", bound=QWidget)
TITLE_WIDTH = 240  # pixels: a longer title is cut with "…" in the tab bar


class TabHost(QObject):
    current_changed = Signal(object)  # the current tab, None when none is open

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_at)
        self._titles: dict[QWidget, str] = {}
        # A full bar scrolls rather than cutting short names ("CRBC …"); long titles are
        # cut to TITLE_WIDTH once, in full in the tooltip and the list of all tabs.
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.tabBar().setUsesScrollButtons(True)
        self.tab_list = QToolButton()
        self.tab_list.setText("☰")
        self.tab_list.setToolTip("List all tabs")
        self.tab_list.setAccessibleName("List all tabs")
        self.tab_list.setAutoRaise(True)
        self.tab_list.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tab_list.setMenu(QMenu(self.tab_list))
        self.tab_list.menu().setToolTipsVisible(True)
        self.tab_list.menu().aboutToShow.connect(self._fill_tab_list)
        self.tabs.setCornerWidget(self.tab_list, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.empty_state = EmptyState()
        self.stack = QStackedWidget()  # the empty state, or the tabs once one is open
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.tabs)
        self.widget = QWidget()  # the stack, with bars under it (Find)
        self._layout = QVBoxLayout(self.widget)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.stack, 1)

    def _fill_tab_list(self) -> None:
        menu = self.tab_list.menu()
        menu.clear()
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            action = menu.addAction(no_mnemonic(self._titles.get(widget, "")))
            action.setToolTip(self.tabs.tabToolTip(index))
            action.setCheckable(True)
            action.setChecked(index == self.tabs.currentIndex())
            action.triggered.connect(lambda _checked=False, w=widget: self.show(w))

    def add_bar(self, bar: QWidget) -> None:
        """A bar under the tabs, shown while in use (the find bar)."""
        self._layout.addWidget(bar, 0)

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
        index = self.tabs.insertTab(index, tab, self._shown(title))
        self.tabs.setTabToolTip(index, plain_tooltip(tooltip or title))
        self._titles[tab] = title
        return tab

    def _shown(self, title: str) -> str:
        metrics = self.tabs.tabBar().fontMetrics()
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, TITLE_WIDTH)
        return no_mnemonic(elided)

    def title(self, tab: QWidget) -> str:
        """The tab's whole title, as given (the bar may show it cut)."""
        return self._titles.get(tab, "")

    def show(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
        self.update_empty_state()

    def set_title(self, tab: QWidget, title: str) -> None:
        self._titles[tab] = title
        self.tabs.setTabText(self.tabs.indexOf(tab), self._shown(title))

    def close(self, tab: QWidget) -> None:
        self.close_at(self.tabs.indexOf(tab))

    def close_at(self, index: int) -> None:
        if index < 0:
            return
        widget = self.tabs.widget(index)
        self._titles.pop(widget, None)
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
        self.stack.setCurrentWidget(self.tabs if self.tabs.count() else self.empty_state)

    def _on_current_changed(self, _index: int) -> None:
        self.update_empty_state()
        self.current_changed.emit(self.tabs.currentWidget())
