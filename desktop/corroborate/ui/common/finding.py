"""Edit → Find, Find Next, Find Previous: one find bar under the tabs, searching what the
user is looking at — a panel holding the focus (the annotations list), else the current
tab (an article, a comparison, the Facts tab)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from .actions import ActionId, ActionRegistry
from .find_bar import FindBar, Search, search_for
from .tab_host import TabHost


class Finder(QObject):
    def __init__(
        self, actions: ActionRegistry, tab_host: TabHost, panels: Sequence[QWidget] = ()
    ) -> None:
        super().__init__(tab_host)
        self.tab_host = tab_host
        self.panels = list(panels)
        self.bar = FindBar()
        self._target: QWidget | None = None
        self._search: Search | None = None
        tab_host.add_bar(self.bar)
        actions[ActionId.FIND].triggered.connect(self.open)
        actions[ActionId.FIND_NEXT].triggered.connect(lambda: self._step(+1))
        actions[ActionId.FIND_PREVIOUS].triggered.connect(lambda: self._step(-1))
        tab_host.current_changed.connect(self._on_tab_changed)
        self.bar.closed.connect(self._on_closed)

    def add_panel(self, panel: QWidget) -> None:
        self.panels.append(panel)

    def target(self) -> QWidget | None:
        """The panel holding the focus, else the current tab."""
        focus = QApplication.focusWidget()
        for panel in self.panels:
            if focus is not None and (focus is panel or panel.isAncestorOf(focus)):
                return panel
        if focus is not None and self.bar.isAncestorOf(focus) and self._target is not None:
            return self._target  # Ctrl+F again in the bar: stay on what it searches
        return self.tab_host.current()

    def open(self) -> None:
        target = self.target()
        if target is not self._target or self._search is None:
            self._target, self._search = target, search_for(target)
        self.bar.open_on(self._search)

    def _step(self, step: int) -> None:
        if not self.bar.isVisible():
            self.open()
            return
        self.bar.step(step)

    def _on_tab_changed(self, tab: QWidget | None) -> None:
        if not self.bar.isVisible() or self._target in self.panels:
            return
        self._target, self._search = tab, search_for(tab)
        self.bar.retarget(self._search)

    def _on_closed(self) -> None:
        self._target, self._search = None, None
