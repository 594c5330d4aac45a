"""Opening the tabs of newly loaded articles a few per turn of the event loop.

Fifty tabs opened at once held the window still for half a second; four per turn keep
it responsive. The load is reported (status bar, `loading_finished`) once its last tab
is open. A newer load first finishes the opening of the one before, so every load is
reported once and in order; Close All drops what is still waiting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

from ...core.ingest.loading import LoadResult
from ...core.model import Article

TABS_PER_TURN = 4  # each tab takes about 6-10 ms to build

OpenTab = Callable[[Article], object]
Report = Callable[[LoadResult, list[Article]], None]


class TabOpener(QObject):
    def __init__(
        self,
        parent: QObject,
        open_tab: OpenTab,
        is_open: Callable[[str], bool],
        report: Report,
    ) -> None:
        super().__init__(parent)
        self._open_tab = open_tab
        self._is_open = is_open  # by article id: a click may have opened it meanwhile
        self._report = report
        self._waiting: list[Article] = []
        self._load: tuple[LoadResult, list[Article]] | None = None  # its tabs are opening
        self._turn = 0  # counts starts and cancels: a stale turn does nothing

    def start(self, result: LoadResult, added: Sequence[Article]) -> None:
        self.finish_now()
        self._waiting = list(added)
        self._load = (result, list(added))
        self._turn += 1
        self._open_some(self._turn)

    def finish_now(self) -> None:
        """Open every waiting tab at once and report the load (a newer load is here)."""
        load = self._load
        if load is None:
            return
        self._open(self._waiting)
        self._stop()
        self._report(*load)

    def cancel(self) -> None:
        self._stop()

    def _stop(self) -> None:
        self._waiting = []
        self._load = None
        self._turn += 1

    def _open_some(self, turn: int) -> None:
        if turn != self._turn or self._load is None:
            return
        batch, self._waiting = self._waiting[:TABS_PER_TURN], self._waiting[TABS_PER_TURN:]
        self._open(batch)
        if self._waiting:
            QTimer.singleShot(0, self, lambda: self._open_some(turn))
            return
        load = self._load
        self._stop()
        self._report(*load)

    def _open(self, articles: Sequence[Article]) -> None:
        for article in articles:
            if not self._is_open(article.id):
                self._open_tab(article)
