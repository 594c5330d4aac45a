"""Background tasks: results reach the GUI thread once, stale ones never arrive."""

import threading
import time

from PySide6.QtCore import QEventLoop, QObject, QTimer

from corroborate.ui.common.tasks import LatestTask, run_task, wait_for_workers


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    seen = {}

    def work(progress):
        for step in range(1, 6):
            progress(step, 5)
        return "counted"

    def on_done(result, error):
        seen["done"] = (result, error, threading.current_thread() is threading.main_thread())

    def on_progress(done, total):
        seen.setdefault("progress", []).append(
            (done, total, threading.current_thread() is threading.main_thread())
        )

    run_task(work, on_done, on_progress)
    qtbot.waitUntil(lambda: "done" in seen, timeout=5000)
    assert seen["done"] == ("counted", None, True)
    assert all(on_gui for *_, on_gui in seen.get("progress", []))


def test_a_failing_task_hands_its_error_to_the_window(qtbot):
    seen = []
    run_task(lambda progress: 1 / 0, lambda result, error: seen.append((result, error)))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    result, error = seen[0]
    assert result is None and isinstance(error, ZeroDivisionError)


def test_a_cancelled_task_stops_early_and_never_delivers(qtbot):
    started, release = threading.Event(), threading.Event()
    steps = []
    delivered = []

    def work(progress):
        started.set()
        release.wait(5)
        for step in range(1000):
            if not progress(step, 1000):
                return "stopped"
            steps.append(step)
        return "finished"

    handle = run_task(work, lambda result, error: delivered.append(result))
    assert started.wait(5)
    handle.cancel()
    release.set()
    assert wait_for_workers(5)
    qtbot.wait(100)
    assert steps == [], "the worker kept computing after Cancel"
    assert delivered == [], "a cancelled result was shown"


def test_a_newer_request_replaces_the_older_one(qtbot):
    latest = LatestTask()
    release = threading.Event()
    delivered = []
    latest.start(lambda progress: release.wait(5) and "old", lambda r, e: delivered.append(r))
    latest.start(lambda progress: "new", lambda r, e: delivered.append(r))
    release.set()
    qtbot.waitUntil(lambda: bool(delivered), timeout=5000)
    assert wait_for_workers(5)
    qtbot.wait(100)
    assert delivered == ["new"]


def test_a_task_whose_window_closed_is_dropped_quietly(qtbot):
    owner = QObject()
    release = threading.Event()
    told_to_stop = threading.Event()
    delivered = []

    def work(progress):
        release.wait(5)
        for _ in range(500):  # at most 5 s
            if not progress(1, 2):
                told_to_stop.set()
                break
            time.sleep(0.01)
        return "late"

    run_task(work, lambda r, e: delivered.append(r), parent=owner)
    owner.deleteLater()
    qtbot.wait(50)
    release.set()
    qtbot.waitUntil(told_to_stop.is_set, timeout=5000)
    assert wait_for_workers(5)
    qtbot.wait(100)
    assert delivered == []


def test_many_workers_reporting_at_once_while_the_window_repaints(qtbot):
    # Progress from several workers while the GUI thread runs Python: the pattern that
    # crashed when workers emitted Qt signals themselves.
    results = []
    progress_seen = []
    go = threading.Event()

    def work(progress, n):
        for i in range(2000):
            progress(i, 2000)
        go.wait(10)
        return n

    for n in range(40):
        run_task(
            lambda progress, n=n: work(progress, n),
            lambda r, e: results.append(r),
            lambda done, total: progress_seen.append(done),
        )
    # Workers waiting at their last step: the window shows that step.
    qtbot.waitUntil(lambda: 1999 in progress_seen, timeout=10_000)
    go.set()
    qtbot.waitUntil(lambda: len(results) == 40, timeout=30_000)
    assert sorted(results) == list(range(40))
    assert all(0 <= done < 2000 for done in progress_seen)


def test_a_dialog_shown_by_one_result_does_not_hold_up_the_others(qtbot):
    log = []
    first_done, second_may_finish = threading.Event(), threading.Event()

    def show_dialog(result, error):
        second_may_finish.set()
        dialog = QEventLoop()  # what QMessageBox.exec() runs until the user answers
        QTimer.singleShot(1000, dialog.quit)
        dialog.exec()
        log.append("dialog closed")

    run_task(lambda progress: first_done.wait(5) and "first", show_dialog)
    run_task(lambda progress: second_may_finish.wait(5) and "second", lambda r, e: log.append(r))
    first_done.set()
    qtbot.waitUntil(lambda: len(log) == 2, timeout=5000)
    assert log == ["second", "dialog closed"]
