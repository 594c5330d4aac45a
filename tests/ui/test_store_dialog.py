"""The window opens whatever state the annotation store is in, says when annotations are
not being saved, and tells a change it could not save instead of failing.

If these break, a user whose annotation file is damaged, foreign, newer, read-only, on a
full disk or locked by another window sees a traceback instead of a window, loses the
file (it is written into or replaced), or keeps annotating while nothing is saved.
"""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from corroborate.core.annotations.store import Problem, Store, StoreUnavailable
from corroborate.core.model import Status
from corroborate.ui.app import open_window
from corroborate.ui.common.settings import Settings
from corroborate.ui.store_dialog import NOT_SAVING, Choice, ask, choices_for
from tests.core.annotations.store_states import (
    STATES,
    build,
    fingerprint,
    hold_write_lock,
    main_file,
    release_locks,
    target,
)

REFUSED = [s for s in STATES if s.refused is not None]
# Where Move Aside is offered: the file cannot be used as it is, and renaming it loses nothing.
MOVABLE = [
    s
    for s in REFUSED
    if s.refused in (Problem.DAMAGED, Problem.NOT_A_FILE, Problem.FOREIGN, Problem.NEWER)
]


@pytest.fixture(autouse=True)
def _locks_released():
    yield
    release_locks()


class Answering:
    """A chooser that answers as a user clicking `choice` would, and remembers what the
    dialog would have said."""

    def __init__(self, choice: Choice | None = None) -> None:
        self.choice = choice
        self.asked: list[tuple[StoreUnavailable, tuple[Choice, ...]]] = []

    def __call__(self, problem, choices):
        self.asked.append((problem, tuple(choices)))
        return self.choice or choices[0]


def started(qtbot, chooser):
    window = open_window(Settings(), chooser)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    return window


def mark(window, n: int = 7) -> None:
    window.annotator.session.set_status([target(n), target(n, "b2")], Status.DISPUTED)


def stored(window) -> int:
    return len(window.annotator.session.store.annotations())


@pytest.mark.parametrize("state", STATES, ids=lambda s: s.name)
def test_the_window_opens_and_annotates_without_saving_whatever_the_store_is(
    state, qtbot, monkeypatch
):
    path = build(state, monkeypatch)
    before = fingerprint(path) if state.foreign else main_file(path)
    chooser = Answering(Choice.WORK_WITHOUT_SAVING)
    window = started(qtbot, chooser)
    session = window.annotator.session
    if state.refused is not None:
        (problem, choices), *_ = chooser.asked
        assert problem.kind == state.refused and Choice.WORK_WITHOUT_SAVING in choices
        assert session.store.temporary
        assert window.windowTitle().endswith(NOT_SAVING)
        window.setWindowTitle("news — Corroborate")  # opening a folder keeps the warning
        assert window.windowTitle() == f"news — Corroborate — {NOT_SAVING}"
        mark(window)
        assert stored(window) == 1 and session.undo_stack.count() == 1
    elif state.saves:
        assert chooser.asked == [] and not session.store.temporary
        mark(window)
        assert session.undo_stack.count() == 1
    else:  # opens, but a change cannot be saved (a full disk, a lock held too long)
        assert chooser.asked == []
        count = stored(window)
        with qtbot.waitSignal(session.save_failed) as failed:
            mark(window)
        assert window.statusBar().currentMessage() == failed.args[0]
        assert stored(window) == count and session.undo_stack.count() == 0
    temporary = session.store.path.parent if session.store.temporary else None
    window.close()
    if temporary is not None:
        assert not temporary.exists()  # deleted with the window
    if not state.saves:  # a file that could not be used, or not written to, is as it was
        assert (fingerprint(path) if state.foreign else main_file(path)) == before


@pytest.mark.parametrize("state", MOVABLE, ids=lambda s: s.name)
def test_moving_aside_keeps_the_old_file_whole_and_starts_a_saving_store(state, qtbot, monkeypatch):
    path = build(state, monkeypatch)
    old = main_file(path)[path.name]
    window = started(qtbot, Answering(Choice.MOVE_ASIDE))
    session = window.annotator.session
    assert not session.store.temporary and session.store.path == path
    assert NOT_SAVING not in window.windowTitle()
    mark(window)
    window.close()
    with Store() as reopened:
        assert len(reopened.annotations()) == 1  # saved in the fresh file
    (aside,) = [
        p
        for p in path.parent.iterdir()
        if (".damaged-" in p.name or ".set-aside-" in p.name) and p.suffix == path.suffix
    ]
    if aside.is_file():
        assert aside.read_bytes() == old[2]
    assert (".damaged-" in aside.name) == (state.refused == Problem.DAMAGED)


def test_a_read_only_store_is_worked_on_from_a_copy_by_default(qtbot, monkeypatch):
    path = build(next(s for s in STATES if s.name == "read-only file"), monkeypatch)
    before = main_file(path)
    chooser = Answering()  # the first choice offered, as the dialog's default button
    window = started(qtbot, chooser)
    assert chooser.asked[0][1][0] == Choice.WORK_FROM_COPY
    assert stored(window) == 3  # the annotations made before are all there
    mark(window)
    assert stored(window) == 4
    window.close()
    assert main_file(path) == before


def test_quitting_opens_no_window(monkeypatch):
    build(next(s for s in STATES if s.name == "random bytes"), monkeypatch)
    assert open_window(Settings(), Answering(Choice.QUIT)) is None


def test_an_undo_that_cannot_be_saved_is_told_and_forgets_the_history(qtbot, monkeypatch):
    window = started(qtbot, Answering())
    session = window.annotator.session
    mark(window)
    hold_write_lock(monkeypatch, session.store.path)
    session.store._conn.execute("PRAGMA busy_timeout = 50")
    with qtbot.waitSignal(session.save_failed) as failed:
        session.undo()
    assert "busy writing" in failed.args[0]
    assert session.undo_stack.count() == 0  # no step left that no longer matches the file
    assert stored(window) == 1


def test_the_dialog_says_what_is_wrong_and_offers_the_choices_in_order(qtbot, tmp_path):
    problem = StoreUnavailable(
        Problem.DAMAGED, tmp_path / "annotations.sqlite3", "The file is damaged."
    )
    choices = choices_for(problem)
    seen = {}

    def click_move_aside():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        next(b for b in box.buttons() if b.text() == Choice.MOVE_ASIDE.value).click()

    QTimer.singleShot(0, click_move_aside)
    assert ask(problem, choices) == Choice.MOVE_ASIDE
    assert seen["text"] == f"The file is damaged.\n\nThe file is {problem.path}."
    assert sorted(seen["buttons"]) == sorted(c.value for c in choices)
    assert seen["default"] == choices[0].value == Choice.MOVE_ASIDE.value
