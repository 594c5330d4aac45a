"""Every change to the annotation store as a command that returns its own inverse.

`command.apply(store)` makes the change and returns the command that takes it back, so
undo is "apply the inverse" and redo is "apply the inverse of that". The window wraps
these in QUndoCommand. Consecutive note edits of one annotation merge into one undo
step, so undoing a typed note restores the note as it was before typing began.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import Annotation, LinkKind, Status, Target
from .store import MergeResult, Store, now_iso


def new_annotation(
    status: Status,
    targets: Sequence[Target],
    note: str = "",
    similarity: float | None = None,
    discrepancy: str = "",
    fact_id: str | None = None,
) -> Annotation:
    """A fresh annotation with a new UUID, created and modified now."""
    if not targets:
        raise ValueError("an annotation needs at least one target")
    stamp = now_iso()
    return Annotation(
        id=str(uuid.uuid4()),
        status=Status(status),
        note=note,
        created=stamp,
        modified=stamp,
        targets=tuple(targets),
        similarity=similarity,
        discrepancy=discrepancy,
        fact_id=fact_id,
    )


class Command(Protocol):
    @property
    def description(self) -> str: ...  # for the Edit menu: "Undo <description>"

    def apply(self, store: Store) -> Command: ...

    def merged_with(self, later: Command) -> Command | None: ...


class _Unmergeable:
    __slots__ = ()

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True, slots=True)
class AddAnnotation(_Unmergeable):
    annotation: Annotation

    @property
    def description(self) -> str:
        return f"mark as {self.annotation.status.value}"

    def apply(self, store: Store) -> Command:
        store.add(self.annotation)
        return RemoveAnnotation(self.annotation.id)


@dataclass(frozen=True, slots=True)
class RemoveAnnotation(_Unmergeable):
    annotation_id: str

    @property
    def description(self) -> str:
        return "remove annotation"

    def apply(self, store: Store) -> Command:
        removed = store.remove(self.annotation_id)
        if removed is None:
            raise KeyError(self.annotation_id)
        return AddAnnotation(removed)


@dataclass(frozen=True, slots=True)
class PutAnnotations(_Unmergeable):
    """Write whole annotations and remove others, in one transaction: an import, or the
    undo of one (which puts back the annotations it replaced and removes those it added)."""

    put: tuple[Annotation, ...]
    remove: tuple[str, ...] = ()
    what: str = "import annotations"

    @property
    def description(self) -> str:
        return self.what

    @property
    def annotation_ids(self) -> tuple[str, ...]:
        return (*(a.id for a in self.put), *self.remove)

    def apply(self, store: Store) -> Command:
        with store.batch():
            removed = store.remove_many(self.remove)
            replaced = store.put_many(self.put)
        existed = {a.id for a in replaced}
        added = tuple(a.id for a in self.put if a.id not in existed)
        return PutAnnotations((*removed, *replaced), added, self.what)


def undo_of_merge(result: MergeResult, what: str) -> PutAnnotations:
    """The command that takes back a merge already made (an import, on a worker)."""
    return PutAnnotations(result.replaced, result.added_ids, what)


@dataclass(frozen=True, slots=True)
class SetStatus(_Unmergeable):
    annotation_id: str
    status: Status

    @property
    def description(self) -> str:
        return f"mark as {Status(self.status).value}"

    def apply(self, store: Store) -> Command:
        return SetStatus(self.annotation_id, store.set_status(self.annotation_id, self.status))


@dataclass(frozen=True, slots=True)
class SetNote:
    annotation_id: str
    note: str

    @property
    def description(self) -> str:
        return "edit note"

    def apply(self, store: Store) -> Command:
        return SetNote(self.annotation_id, store.set_note(self.annotation_id, self.note))

    def merged_with(self, later: Command) -> Command | None:
        """One command doing both edits when `later` edits the same note; else None.

        The inverse of the first edit already restores the original note, so only the
        forward command changes.
        """
        if isinstance(later, SetNote) and later.annotation_id == self.annotation_id:
            return later
        return None


@dataclass(frozen=True, slots=True)
class SetLink(_Unmergeable):
    """Link two sentences (LINKED), reject their automatic match (REJECTED), or neither."""

    a: Target
    b: Target
    kind: LinkKind | None
    created: str | None = None  # when undo puts a link back: the time it was first made

    @property
    def description(self) -> str:
        if self.kind is None:
            return "forget link"
        return "link sentences" if self.kind == LinkKind.LINKED else "reject match"

    def apply(self, store: Store) -> Command:
        before = store.set_link(self.a, self.b, self.kind, self.created)
        if before is None:
            return SetLink(self.a, self.b, None)
        return SetLink(self.a, self.b, before.kind, before.created)


@dataclass(frozen=True, slots=True)
class SetLabel(_Unmergeable):
    """Name the source of an article (None goes back to the name read from the file)."""

    article_id: str
    label: str | None

    @property
    def description(self) -> str:
        return "rename source"

    def apply(self, store: Store) -> Command:
        return SetLabel(self.article_id, store.set_label(self.article_id, self.label))


def annotation_ids_of(command: Command) -> tuple[str, ...]:
    """The annotations a command adds, removes or edits (none for links and labels)."""
    if isinstance(command, AddAnnotation):
        return (command.annotation.id,)
    if isinstance(command, RemoveAnnotation | SetStatus | SetNote):
        return (command.annotation_id,)
    if isinstance(command, PutAnnotations):
        return command.annotation_ids
    return ()
