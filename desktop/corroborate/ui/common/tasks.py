"""Background work on plain Python threads, with results handed back on the GUI thread.

A task is a pure function `fn(progress) -> result` from core/. It runs on a worker
thread; `progress(done, total) -> bool` reports how far it got and returns False once
the task was cancelled, so the function can stop early. The result (or the exception)
is handed back on the GUI thread. No widget is ever touched from a worker.

Workers never call into Qt at all, not even to emit a signal: PySide6 6.8 and later can
crash when a signal is emitted from a thread other than the GUI thread while that thread
runs Python (a segmentation fault seen here with 6.11). A worker only stores its latest
progress and its outcome on a plain Python job object; a timer on the GUI thread,
running only while tasks are live, collects them every few milliseconds.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer

# Workers share the GIL with the GUI thread, which needs it for every Python event
# handler and, while painting, for each widget made from Python: a repaint asks for it
# hundreds of times, and each ask waits up to one slice of the worker's. Python's default
# 5 ms slices froze the window for seconds while a large folder's statistics were built;
# 0.1 ms slices keep it smooth, and cost workers nothing while the window is idle.
GIL_SWITCH_INTERVAL_S = 0.0001
# A full garbage collection scans every object and holds the GIL meanwhile: with a large
# folder loaded (about a million objects) each took 150-300 ms, and a worker building word
# statistics set off several. The oldest generation is collected 10 times less often
# (Python's default is (700, 10, 10)); almost everything is freed by reference counting
# anyway, and the young generations are still collected as usual.
GC_THRESHOLDS = (5000, 20, 100)
# How often the GUI thread looks for progress and results while tasks run: below one
# frame at 60 Hz, so a finished task shows at once; idle windows do not poll at all.
POLL_INTERVAL_MS = 10

Progress = Callable[[int, int], bool]
DoneCallback = Callable[[Any, BaseException | None], None]
ProgressCallback = Callable[[int, int], None]

_NOT_YET = object()


class _Job:
    """What a worker sees of a task: plain Python, holding no Qt object, so a worker never
    touches one, not even to drop the last reference to it. The function must not hold
    one either (callers pass it plain data: articles, a corpus, paths)."""

    __slots__ = ("fn", "cancel_event", "progress", "outcome")

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        self.fn = fn
        self.cancel_event = threading.Event()
        # Written by the worker, read by the GUI thread: each is one attribute assignment
        # of an immutable value, which the GIL makes atomic.
        self.progress: tuple[int, int] | None = None
        self.outcome: Any = _NOT_YET

    def report(self, done: int, total: int) -> bool:  # worker thread
        if not self.cancel_event.is_set():
            self.progress = (done, total)
        return not self.cancel_event.is_set()

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self.report)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self.outcome = (None, exc)
        else:
            self.outcome = (result, None)


class TaskHandle(QObject):
    """One running task. Lives on the GUI thread; its callbacks run there.

    When its parent is deleted (the window that asked was closed) the task is cancelled
    and its callbacks are never called.
    """

    def __init__(
        self,
        fn: Callable[[Progress], Any],
        on_done: DoneCallback,
        on_progress: ProgressCallback | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.job = _Job(fn)
        self._on_done = on_done
        self._on_progress = on_progress
        self.done = False
        self._shown_progress: tuple[int, int] | None = None

    @property
    def cancelled(self) -> bool:
        return self.job.cancel_event.is_set()

    def cancel(self) -> None:
        self.job.cancel_event.set()

    def _show_progress(self) -> None:  # GUI thread
        progress = self.job.progress
        if progress != self._shown_progress and not self.cancelled:
            self._shown_progress = progress
            if self._on_progress is not None and progress is not None:
                self._on_progress(*progress)

    def _finish(self, outcome: tuple[Any, BaseException | None]) -> None:  # GUI thread
        self.done = True
        self.deleteLater()
        if not self.cancelled:
            self._on_done(*outcome)


class _Dispatcher:
    """Runs tasks on a thread pool and polls their handles from the GUI thread."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._timer: QTimer | None = None
        # Handles stay referenced until they finish, even when the caller drops its own.
        self._live: dict[TaskHandle, Future] = {}

    def start(self, handle: TaskHandle) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(thread_name_prefix="corroborate-task")
            self._timer = QTimer()
            self._timer.setInterval(POLL_INTERVAL_MS)
            self._timer.timeout.connect(self._poll)
        self._live[handle] = self._pool.submit(handle.job.run)
        self._timer.start()

    def _poll(self) -> None:
        for handle in list(self._live):
            if not shiboken6.isValid(handle):
                # Its parent was deleted: nobody is left to tell. The worker stops early.
                handle.cancel()
                if self._live[handle].done():
                    del self._live[handle]
                continue
            outcome = handle.job.outcome  # read once: the worker may set it at any moment
            if outcome is _NOT_YET:
                handle._show_progress()
            else:
                # Off the list now, so it is delivered once; delivered on the next turn of
                # the event loop, not inside this slot: a callback showing a dialog would
                # otherwise hold up every other task until the dialog closed.
                del self._live[handle]
                QTimer.singleShot(0, handle, partial(handle._finish, outcome))
        if not self._live:
            self._timer.stop()

    def cancel_all(self) -> None:
        for handle in self._live:
            handle.cancel()

    def wait_for_workers(self, timeout_s: float) -> bool:
        """True when no worker is still computing within `timeout_s` (tests, quitting)."""
        futures = list(self._live.values())
        return not wait_futures(futures, timeout=timeout_s).not_done


_dispatcher = _Dispatcher()


def _share_the_gil_with_workers() -> None:
    """Set when work first goes to a worker, not on import: see GIL_SWITCH_INTERVAL_S."""
    sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
    if gc.get_threshold()[2] < GC_THRESHOLDS[2]:
        gc.set_threshold(*GC_THRESHOLDS)


def run_task(
    fn: Callable[[Progress], Any],
    on_done: DoneCallback,
    on_progress: ProgressCallback | None = None,
    parent: QObject | None = None,
) -> TaskHandle:
    """Run `fn(progress)` on a worker; `on_done(result, error)` runs on the GUI thread.

    A cancelled task never calls `on_done`: its result is stale by definition.
    """
    _share_the_gil_with_workers()
    handle = TaskHandle(fn, on_done, on_progress, parent)
    _dispatcher.start(handle)
    return handle


def cancel_all() -> None:
    """Ask every running task to stop (on quit): none of them will deliver."""
    _dispatcher.cancel_all()


def wait_for_workers(timeout_s: float = 10.0) -> bool:
    return _dispatcher.wait_for_workers(timeout_s)


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
