"""Background work on the global QThreadPool.

A task is a pure function `fn(progress) -> result` from core/. It runs on a worker
thread; `progress(done, total) -> bool` reports how far it got and returns False once
the task was cancelled, so the function can stop early. The result (or the exception)
is handed back on the GUI thread. No widget is ever touched from a worker.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

# Workers share the GIL with the GUI thread, which needs it for every Python event
# handler; Python's default 5 ms slices add up to stalls of a few hundred milliseconds
# while a worker computes. 1 ms slices keep the window smooth at a small cost to workers.
GIL_SWITCH_INTERVAL_S = 0.001

Progress = Callable[[int, int], bool]
DoneCallback = Callable[[Any, BaseException | None], None]
ProgressCallback = Callable[[int, int], None]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object, object)


class TaskHandle(QObject):
    """One running task. Lives on the GUI thread; its slots run there."""

    def __init__(
        self,
        fn: Callable[[Progress], Any],
        on_done: DoneCallback,
        on_progress: ProgressCallback | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self._on_done = on_done
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self.done = False
        self._signals = _Signals()
        # Receivers are slots of this GUI-thread object: Qt queues the calls across threads.
        self._signals.progress.connect(self._relay_progress)
        self._signals.finished.connect(self._relay_finished)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int) -> bool:
        if not self._cancel.is_set():
            self._emit(self._signals.progress, done, total)
        return not self._cancel.is_set()

    def _run(self) -> None:  # worker thread
        try:
            result = self._fn(self._report)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self._emit(self._signals.finished, None, exc)
        else:
            self._emit(self._signals.finished, result, None)

    def _emit(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            # The window that asked was closed while the work ran (e.g. on quit): Qt has
            # deleted the receiving objects and there is nobody left to tell.
            self._cancel.set()

    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self.done and not self.cancelled:
            self._on_progress(done, total)

    @Slot(object, object)
    def _relay_finished(self, result: Any, error: BaseException | None) -> None:
        self.done = True
        _live.discard(self)
        if not self.cancelled:
            self._on_done(result, error)
        self.deleteLater()


# Handles stay referenced until they finish, even when the caller drops its reference.
_live: set[TaskHandle] = set()


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle) -> None:
        super().__init__()
        self._handle = handle

    def run(self) -> None:
        self._handle._run()


def run_task(
    fn: Callable[[Progress], Any],
    on_done: DoneCallback,
    on_progress: ProgressCallback | None = None,
    parent: QObject | None = None,
) -> TaskHandle:
    """Run `fn(progress)` on the thread pool; `on_done(result, error)` runs on the GUI thread.

    A cancelled task never calls `on_done`: its result is stale by definition.
    """
    # Set when work first goes to a worker, not on import.
    sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
    handle = TaskHandle(fn, on_done, on_progress, parent)
    _live.add(handle)
    QThreadPool.globalInstance().start(_Runnable(handle))
    return handle


class LatestTask(QObject):
    """Keeps only the newest task of one kind: starting one cancels the previous.

    Used where the user can ask again before the last answer arrives (a threshold
    slider): results of an older request are discarded, never shown.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: TaskHandle | None = None

    def start(
        self,
        fn: Callable[[Progress], Any],
        on_done: DoneCallback,
        on_progress: ProgressCallback | None = None,
    ) -> TaskHandle:
        self.cancel()
        self._current = run_task(fn, on_done, on_progress, self)
        return self._current

    def cancel(self) -> None:
        if self._current is not None and not self._current.done:
            self._current.cancel()
        self._current = None

    @property
    def running(self) -> bool:
        return self._current is not None and not self._current.done
