"""QUndoCommands over the store commands of core/annotations/edits.py.

Each wraps one core command: redo applies it and keeps the inverse it returns, undo
applies that inverse and keeps the command it returns in turn. Consecutive note edits
of one annotation made in one editing session merge into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from ...core.annotations.edits import Command, SetNote
from ...core.annotations.store import Store, StoreUnavailable
from ..common.plain import no_mnemonic

# QUndoCommand.id() of note edits; every other command never merges (-1).
NOTE_EDIT_ID = 1

Notify = Callable[[Command], None]


def menu_text(command: Command) -> str:
    """ "mark as disputed" -> "Mark as Disputed", as the Edit menu shows it after Undo."""
    text = command.description
    return text[:1].upper() + text[1:]


class StoreCommand(QUndoCommand):
    """One store change on the window's undo stack.

    `notify(command)` is called after every apply, with the command just applied, so
    the views can refresh what it touched. `edit_session` tells apart two separate
    bouts of typing in the same note, which stay separate undo steps.
    """

    def __init__(
        self,
        store: Store,
        command: Command,
        notify: Notify,
        edit_session: int = 0,
        parent: QUndoCommand | None = None,
        done_with_inverse: Command | None = None,
        failed: Callable[[StoreUnavailable], None] | None = None,
    ) -> None:
        """`done_with_inverse`: the change was already made (an import, on a worker) and
        this takes it back; the first redo, when the stack pushes it, changes nothing.
        `failed`: told when the store cannot save an undo or redo (an exception cannot
        cross the undo stack, which calls them from C++); without it, they raise."""
        super().__init__(menu_text(command), parent)
        self._store = store
        self._forward = command
        self._inverse: Command | None = done_with_inverse
        self._notify = notify
        self.edit_session = edit_session
        self._already_done = done_with_inverse is not None
        self._failed = failed

    @property
    def command(self) -> Command:
        return self._forward

    def redo(self) -> None:
        if self._already_done:  # pushed after the fact: the change is in the store
            self._already_done = False
            return
        inverse = self._apply(self._forward)
        if inverse is not None:
            self._inverse = inverse
            self._notify(self._forward)

    def undo(self) -> None:
        assert self._inverse is not None, "undo before redo"
        forward = self._apply(self._inverse)
        if forward is not None:
            self._forward = forward
            self._notify(self._inverse)

    def _apply(self, command: Command) -> Command | None:
        """The inverse of the change; None when the store could not save it."""
        try:
            return command.apply(self._store)
        except StoreUnavailable as problem:
            if self._failed is None:
                raise
            self._failed(problem)
            return None

    def id(self) -> int:
        return NOTE_EDIT_ID if isinstance(self._forward, SetNote) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, StoreCommand) or other.edit_session != self.edit_session:
            return False
        merged = self._forward.merged_with(other.command)
        if merged is None:
            return False
        # The first edit's inverse already restores the note as it was before typing.
        self._forward = merged
        return True


def history_action(stack: QUndoStack, redo: bool, run: Callable[[], None], parent) -> QAction:
    """Edit → Undo (or Redo), named after the step it takes back, that calls `run`.

    Like QUndoStack.createUndoAction, except that the step runs through `run`, which
    stores a step of many changes in one transaction.
    """
    prefix = "&Redo" if redo else "&Undo"
    action = QAction(prefix, parent)
    if redo:
        can, changed, possible = stack.canRedoChanged, stack.redoTextChanged, stack.canRedo
    else:
        can, changed, possible = stack.canUndoChanged, stack.undoTextChanged, stack.canUndo
    action.setEnabled(possible())
    can.connect(action.setEnabled)
    # The step may name a file ("Undo import A&B.json"): its "&" is no shortcut marker.
    changed.connect(lambda text: action.setText(f"{prefix} {no_mnemonic(text)}".rstrip()))
    action.triggered.connect(lambda _checked=False: run())
    return action
