"""When the annotation store cannot be opened: say why in one sentence and let the user
choose what to do, so the window always opens; and while the window works without
saving, say so in its title and status bar.

The choice is made by a `Chooser`: the dialog (`ask`), or a function given in its place
(`choose_without_asking` for --screenshot, or a test's). Nothing here changes the file
that could not be opened: moving it aside only renames it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from ..core.annotations.store import Problem, Store, StoreUnavailable
from ..core.annotations.store_recovery import TemporaryStore, move_aside
from .state.annotation_session import AnnotationSession


class Choice(StrEnum):
    WORK_FROM_COPY = "Work From a Copy"
    WORK_WITHOUT_SAVING = "Work Without Saving"
    MOVE_ASIDE = "Move Aside and Start Fresh"
    RETRY = "Retry"
    QUIT = "Quit"


EXPLAINED = {
    Choice.WORK_FROM_COPY: "Annotate a copy of its annotations; the file stays as it is.",
    Choice.WORK_WITHOUT_SAVING: "Annotate for now; nothing is kept after the window closes.",
    Choice.MOVE_ASIDE: "Rename the file beside itself, keeping it whole, and start empty.",
    Choice.RETRY: "Try to open the file again.",
    Choice.QUIT: "Close Corroborate.",
}
NOT_SAVING = "annotations are not being saved"

Chooser = Callable[[StoreUnavailable, Sequence[Choice]], Choice]

_LAST = (Choice.RETRY, Choice.QUIT)
_OFFERED = {
    # The file is unreadable: starting afresh beside it is what helps.
    Problem.DAMAGED: (Choice.MOVE_ASIDE, Choice.WORK_WITHOUT_SAVING, *_LAST),
    Problem.NOT_A_FILE: (Choice.MOVE_ASIDE, Choice.WORK_WITHOUT_SAVING, *_LAST),
    # The file is fine (only newer, or another program's): leave it where it is first.
    Problem.NEWER: (Choice.WORK_WITHOUT_SAVING, Choice.MOVE_ASIDE, *_LAST),
    Problem.FOREIGN: (Choice.WORK_WITHOUT_SAVING, Choice.MOVE_ASIDE, *_LAST),
    Problem.READ_ONLY: (Choice.WORK_FROM_COPY, Choice.WORK_WITHOUT_SAVING, *_LAST),
    # These pass: another window finishes, space is freed, the disk comes back.
    Problem.LOCKED: (Choice.RETRY, Choice.WORK_WITHOUT_SAVING, Choice.QUIT),
    Problem.DISK_FULL: (Choice.RETRY, Choice.WORK_WITHOUT_SAVING, Choice.QUIT),
    Problem.UNREADABLE: (Choice.RETRY, Choice.WORK_WITHOUT_SAVING, Choice.QUIT),
    Problem.FOLDER_IS_FILE: (Choice.WORK_WITHOUT_SAVING, *_LAST),
}


def choices_for(problem: StoreUnavailable) -> tuple[Choice, ...]:
    """What makes sense for this problem, the most helpful first."""
    offered = _OFFERED[problem.kind]
    if Choice.WORK_FROM_COPY in offered and not problem.path.is_file():
        offered = tuple(c for c in offered if c != Choice.WORK_FROM_COPY)  # nothing to copy
    return offered


def ask(problem: StoreUnavailable, choices: Sequence[Choice]) -> Choice:
    """The dialog: what is wrong, where the file is, and a button per choice."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Annotations Cannot Be Opened",
        f"{problem.message}\n\nThe file is {problem.path}.",
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # a folder name may look like markup
    buttons = {}
    for choice in choices:
        role = QMessageBox.ButtonRole.ActionRole
        if choice == Choice.QUIT:
            role = QMessageBox.ButtonRole.RejectRole
        button = box.addButton(choice.value, role)
        button.setToolTip(EXPLAINED[choice])
        buttons[button] = choice
    first = next(iter(buttons))
    box.setDefaultButton(first)
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)


def choose_without_asking(problem: StoreUnavailable, choices: Sequence[Choice]) -> Choice:
    """For a run nobody watches (--screenshot): go on without changing any file."""
    return Choice.WORK_FROM_COPY if Choice.WORK_FROM_COPY in choices else Choice.WORK_WITHOUT_SAVING


def open_store(choose: Chooser, path: Path | None = None) -> Store | None:
    """The store the window annotates in: the user's own, or what they chose instead when
    it cannot be opened; None when they chose to quit."""

    def own() -> Store:
        return Store(path)

    attempt: Callable[[], Store] = own
    while True:
        try:
            return attempt()
        except StoreUnavailable as exc:
            problem = exc
        choice = choose(problem, choices_for(problem))
        if choice == Choice.QUIT:
            return None
        attempt = _attempt_for(choice, problem, own)


def _attempt_for(
    choice: Choice, problem: StoreUnavailable, own: Callable[[], Store]
) -> Callable[[], Store]:
    if choice == Choice.WORK_WITHOUT_SAVING:
        return TemporaryStore
    if choice == Choice.WORK_FROM_COPY:
        return lambda: TemporaryStore(copy_of=problem.path)
    if choice == Choice.MOVE_ASIDE:
        word = "damaged" if problem.kind == Problem.DAMAGED else "set-aside"

        def moved_then_own() -> Store:
            move_aside(problem.path, word=word)
            return own()

        return moved_then_own
    return own  # Retry


# --- while the window works -------------------------------------------------------------


def show_saving_state(session: AnnotationSession, status: QStatusBar, window: QWidget) -> None:
    """Say in `window`'s title and the status bar when annotations are not being saved,
    and tell each change the store could not save in one sentence, instead of failing."""
    failed_box = QMessageBox(
        QMessageBox.Icon.Warning, "Annotation Not Saved", "", QMessageBox.StandardButton.Ok, window
    )
    failed_box.setTextFormat(Qt.TextFormat.PlainText)
    failed_box.setModal(False)  # the window stays usable; a second failure updates the text

    def failed(message: str) -> None:
        status.showMessage(message, 15_000)
        failed_box.setText(message)
        failed_box.show()

    session.save_failed.connect(failed)
    store = session.store
    if not store.temporary:
        return
    label = QLabel(NOT_SAVING[:1].upper() + NOT_SAVING[1:])
    copied = getattr(store, "copy_of", None)
    label.setToolTip(
        f"Annotations start from a copy of {copied.name}; changes are lost when the window closes."
        if copied
        else "Annotations are kept in a temporary file that is deleted when the window closes."
    )
    status.addPermanentWidget(label)
    _keep_in_title(window)


def _keep_in_title(window: QWidget) -> None:
    suffix = f" — {NOT_SAVING}"

    def titled(title: str) -> None:
        if not title.endswith(suffix):
            window.setWindowTitle(title + suffix)

    window.windowTitleChanged.connect(titled)
    titled(window.windowTitle())
