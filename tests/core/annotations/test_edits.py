"""Every annotation change can be undone and redone exactly.

If these break, Undo in the window restores the wrong status or note, loses an
annotation, or a typed note needs one Undo per keystroke.
"""

import shutil
import tempfile
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from corroborate.core.annotations.edits import (
    AddAnnotation,
    Command,
    RemoveAnnotation,
    SetLabel,
    SetLink,
    SetNote,
    SetStatus,
    new_annotation,
    undo_of_merge,
)
from corroborate.core.annotations.store import Store
from corroborate.core.model import LinkKind, Status, Target, link_key

TARGETS = [
    Target(article, "Src", "T", f"/{article}.txt", n * 20, n * 20 + 9, f"{article}-{n}")
    for article in ("a", "b")
    for n in range(3)
]


@pytest.fixture
def store():
    with Store() as opened:
        yield opened


def test_each_command_returns_the_command_that_takes_it_back(store):
    a = new_annotation(Status.AGREED, TARGETS[:2], note="first")
    undo_add = AddAnnotation(a).apply(store)
    assert store.get(a.id) == a

    undo_status = SetStatus(a.id, Status.DISPUTED).apply(store)
    undo_note = SetNote(a.id, "second").apply(store)
    undo_link = SetLink(TARGETS[0], TARGETS[3], LinkKind.REJECTED).apply(store)
    undo_label = SetLabel("a", "Reuters").apply(store)
    assert (store.get(a.id).status, store.get(a.id).note) == (Status.DISPUTED, "second")

    for inverse in (undo_label, undo_link, undo_note, undo_status):
        inverse.apply(store)
    restored = store.get(a.id)
    assert (restored.status, restored.note) == (Status.AGREED, "first")
    assert store.links() == () and store.labels() == {}

    redo_add = undo_add.apply(store)
    assert store.get(a.id) is None
    redo_add.apply(store)
    assert store.get(a.id).targets == a.targets


def test_removing_then_undoing_brings_back_the_whole_annotation(store):
    a = new_annotation(Status.UNVERIFIED, TARGETS[:3], note="n", similarity=55.0, fact_id="f1")
    store.add(a)
    RemoveAnnotation(a.id).apply(store).apply(store)
    assert store.get(a.id) == a


def test_undoing_a_merge_removes_what_it_added_and_restores_what_it_replaced(store):
    kept = new_annotation(Status.AGREED, TARGETS[:2], note="mine")
    store.add(kept)
    theirs = replace(kept, note="theirs", modified="2099-01-01T00:00:00Z")
    new = new_annotation(Status.DISPUTED, TARGETS[2:4], note="new")
    result = store.merge([theirs, new])
    assert (result.added, result.updated) == (1, 1)

    redo = undo_of_merge(result, "import x.json").apply(store)
    assert store.annotations() == (kept,)
    again = redo.apply(store)
    assert {a.note for a in store.annotations()} == {"theirs", "new"}
    again.apply(store)
    assert store.annotations() == (kept,)


def test_undoing_a_file_that_holds_one_annotation_twice_leaves_nothing_behind(store):
    first = new_annotation(Status.AGREED, TARGETS[:2], note="first save")
    later = replace(first, note="second save", modified="2099-01-01T00:00:00Z")
    result = store.merge([first, later])
    assert store.get(first.id).note == "second save"
    undo_of_merge(result, "import x.json").apply(store)
    assert store.annotations() == ()


def test_undoing_a_file_with_two_newer_copies_of_a_stored_annotation_restores_it(store):
    original = new_annotation(Status.AGREED, TARGETS[:2], note="mine")
    store.add(original)
    copies = [
        replace(original, note=f"copy {n}", modified=f"209{n}-01-01T00:00:00Z") for n in (1, 2)
    ]
    result = store.merge(copies)
    assert (result.added, result.updated) == (0, 1)
    undo_of_merge(result, "import x.json").apply(store)
    assert store.annotations() == (original,)


def test_typing_a_note_is_one_undo_step(store):
    a = new_annotation(Status.AGREED, TARGETS[:1], note="before")
    history = History(store)
    history.do(AddAnnotation(a))
    for typed in ("D", "Di", "Dif", "Diff"):
        history.do(SetNote(a.id, typed))
    assert store.get(a.id).note == "Diff"
    history.undo()
    assert store.get(a.id).note == "before"
    history.redo()
    assert store.get(a.id).note == "Diff"


def test_note_edits_of_different_annotations_do_not_merge():
    first, second = SetNote("x", "1"), SetNote("y", "2")
    assert first.merged_with(second) is None
    assert first.merged_with(SetStatus("x", Status.AGREED)) is None
    assert first.merged_with(SetNote("x", "3")) == SetNote("x", "3")
    assert SetStatus("x", Status.AGREED).merged_with(SetStatus("x", Status.DISPUTED)) is None


def test_descriptions_name_the_change_for_the_edit_menu():
    assert SetStatus("x", Status.DISPUTED).description == "mark as disputed"
    assert SetLink(TARGETS[0], TARGETS[3], LinkKind.REJECTED).description == "reject match"
    assert SetLink(TARGETS[0], TARGETS[3], None).description == "forget link"


class History:
    """Undo and redo stacks of (command, inverse) pairs over one store: what the window's
    QUndoStack does with these commands (ui/state/commands.py), without Qt."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._done: list[tuple[Command, Command]] = []
        self._undone: list[Command] = []

    def do(self, command: Command) -> None:
        inverse = command.apply(self._store)
        self._undone.clear()
        if self._done:
            previous, previous_inverse = self._done[-1]
            merged = previous.merged_with(command)
            if merged is not None:
                self._done[-1] = (merged, previous_inverse)
                return
        self._done.append((command, inverse))

    def undo(self) -> bool:
        if not self._done:
            return False
        _, inverse = self._done.pop()
        self._undone.append(inverse.apply(self._store))
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        command = self._undone.pop()
        self._done.append((command, command.apply(self._store)))
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)


def _put(mapping, key, value):
    """Set, or with None remove, like the store does for links and labels."""
    if value is None:
        mapping.pop(key, None)
    else:
        mapping[key] = value


class EditsAgainstReference(RuleBasedStateMachine):
    """Random edits, undos and redos; the store must always equal a plain-dict model."""

    def __init__(self):
        super().__init__()
        self.folder = tempfile.mkdtemp()
        self.store = Store(Path(self.folder) / "edits.sqlite3")
        self.history = History(self.store)
        # Reference: the state, and stacks of (state before, merge key) snapshots.
        self.state = ({}, {}, {})  # annotations, links, labels
        self.undo_stack, self.redo_stack = [], []

    def teardown(self):
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _do(self, command, change, merge_key=None):
        self.history.do(command)
        top_key = self.undo_stack[-1][1] if self.undo_stack else None
        if merge_key is None or merge_key != top_key:
            self.undo_stack.append((self._copy(self.state), merge_key))
        self.redo_stack.clear()
        change()

    @staticmethod
    def _copy(state):
        return tuple(dict(part) for part in state)

    @property
    def annotations(self):
        return self.state[0]

    @rule(status=st.sampled_from(Status), picks=st.sets(st.integers(0, 5), min_size=1))
    def add(self, status, picks):
        a = new_annotation(status, [TARGETS[i] for i in sorted(picks)])
        self._do(AddAnnotation(a), lambda: self.annotations.update({a.id: (status, "", a.targets)}))

    @precondition(lambda self: self.annotations)
    @rule(data=st.data())
    def remove(self, data):
        victim = data.draw(st.sampled_from(sorted(self.annotations)))
        self._do(RemoveAnnotation(victim), lambda: self.annotations.pop(victim))

    @precondition(lambda self: self.annotations)
    @rule(data=st.data(), status=st.sampled_from(Status))
    def set_status(self, data, status):
        key = data.draw(st.sampled_from(sorted(self.annotations)))
        _, note, targets = self.annotations[key]
        change = partial(_put, self.annotations, key, (status, note, targets))
        self._do(SetStatus(key, status), change)

    @precondition(lambda self: self.annotations)
    @rule(data=st.data(), note=st.text(alphabet="ab ,\n=😀", max_size=4))
    def set_note(self, data, note):
        key = data.draw(st.sampled_from(sorted(self.annotations)))
        status, _, targets = self.annotations[key]
        change = partial(_put, self.annotations, key, (status, note, targets))
        self._do(SetNote(key, note), change, merge_key=("note", key))

    @rule(
        ends=st.lists(st.integers(0, 5), min_size=2, max_size=2, unique=True),
        kind=st.sampled_from([LinkKind.LINKED, LinkKind.REJECTED, None]),
    )
    def set_link(self, ends, kind):
        a, b = TARGETS[ends[0]], TARGETS[ends[1]]
        self._do(SetLink(a, b, kind), lambda: _put(self.state[1], link_key(a, b), kind))

    @rule(article=st.sampled_from("ab"), label=st.sampled_from(["AP", "Reuters", None]))
    def set_label(self, article, label):
        self._do(SetLabel(article, label), lambda: _put(self.state[2], article, label))

    @rule()
    def undo(self):
        assert self.history.undo() == bool(self.undo_stack)
        if self.undo_stack:
            before, key = self.undo_stack.pop()
            self.redo_stack.append((self.state, key))
            self.state = before

    @rule()
    def redo(self):
        assert self.history.redo() == bool(self.redo_stack)
        if self.redo_stack:
            after, key = self.redo_stack.pop()
            self.undo_stack.append((self.state, key))
            self.state = after

    @invariant()
    def store_matches_reference(self):
        stored = {a.id: (a.status, a.note, a.targets) for a in self.store.annotations()}
        assert stored == self.annotations
        assert {link.key: link.kind for link in self.store.links()} == self.state[1]
        assert self.store.labels() == self.state[2]
        assert self.history.can_undo == bool(self.undo_stack)
        assert self.history.can_redo == bool(self.redo_stack)


EditsAgainstReference.TestCase.settings = settings(
    max_examples=40, stateful_step_count=20, deadline=None
)
test_edits_against_reference = EditsAgainstReference.TestCase


def test_new_annotations_know_their_kind_and_need_a_target():
    assert new_annotation(Status.AGREED, TARGETS[:1]).kind == "sentence"
    assert new_annotation(Status.AGREED, TARGETS[:2]).kind == "pair"
    assert new_annotation(Status.AGREED, TARGETS[:3], fact_id="f").kind == "fact"
    with pytest.raises(ValueError, match="at least one target"):
        new_annotation(Status.AGREED, [])
