"""The window's annotation store, its undo stack, and the annotations placed in the
loaded articles.

One session per window. Every change goes through `push` as an undoable command and
is committed by the store at once. After a load, each stored annotation is anchored
again in the loaded articles (core/anchoring): annotations found there are indexed by
the sentences they quote, so a comparison row finds its annotation; annotations on
files of the loaded folders that can no longer be found are kept and listed as orphans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..core.anchoring import quote_sentence, reanchor_annotation, relocated
from ..core.corrections import sentence_pairs
from ..core.edits import (
    AddAnnotation,
    Command,
    RemoveAnnotation,
    SetLabel,
    SetLink,
    SetNote,
    SetStatus,
    new_annotation,
)
from ..core.model import Anchor, Anchoring, Annotation, Article, LinkKind, Status, Target
from ..core.store import Store

# What identifies the sentences an annotation quotes: (article id, start, end) of each.
SpanKey = frozenset[tuple[str, int, int]]


def span_key(targets: Iterable[Target]) -> SpanKey:
    return frozenset((t.article, t.start, t.end) for t in targets)


@dataclass(frozen=True, slots=True)
class Placed:
    """A stored annotation with its targets moved to where they are in the loaded text."""

    annotation: Annotation
    anchors: tuple[Anchor, ...]

    @property
    def orphan(self) -> bool:
        return any(a.how == Anchoring.ORPHAN for a in self.anchors)

    @property
    def key(self) -> SpanKey:
        return span_key(self.annotation.targets)


class AnnotationSession(QObject):
    annotation_changed = Signal(str)  # annotation id: added, removed or edited
    annotations_reset = Signal()  # everything re-read (a load, an import)
    links_changed = Signal()
    label_applied = Signal(str, object)  # article id, label (None: the file's own name)

    def __init__(self, parent: QObject | None = None, store: Store | None = None) -> None:
        super().__init__(parent)
        self.store = store or Store()
        self.undo_stack = QUndoStack(self)
        self._articles: tuple[Article, ...] = ()
        self._folders: set[str] = set()
        self._placed: dict[str, Placed] = {}
        self._by_span: dict[SpanKey, str] = {}
        self._edit_session = 0

    def close(self) -> None:
        self.store.close()

    # --- placing annotations in the loaded articles ---------------------------------------
    def set_articles(self, articles: Sequence[Article]) -> None:
        """The articles now loaded: anchor every stored annotation in them again."""
        self._articles = tuple(articles)
        self._folders = {str(Path(a.path).parent) for a in articles}
        self.reload()

    def reload(self) -> None:
        self._placed.clear()
        self._by_span.clear()
        if self._articles:
            for annotation in self.store.annotations():
                self._place(annotation)
        self.annotations_reset.emit()

    def _place(self, annotation: Annotation, anchors: tuple[Anchor, ...] | None = None) -> None:
        if anchors is None:
            # Annotations of other folders are skipped quickly: no fuzzy search everywhere.
            anchors = reanchor_annotation(annotation, self._articles, fuzzy_everywhere=False)
        placed = Placed(relocated(annotation, anchors), anchors)
        if not self._belongs(placed):
            return
        self._placed[annotation.id] = placed
        if not placed.orphan:
            self._by_span[placed.key] = annotation.id

    def _belongs(self, placed: Placed) -> bool:
        """Found in a loaded article, or quoting a file of a loaded folder (an orphan)."""
        if any(a.how != Anchoring.ORPHAN for a in placed.anchors):
            return True
        return any(str(Path(t.path).parent) in self._folders for t in placed.annotation.targets)

    def _forget(self, annotation_id: str) -> None:
        placed = self._placed.pop(annotation_id, None)
        if placed is not None and self._by_span.get(placed.key) == annotation_id:
            del self._by_span[placed.key]

    # --- reading ------------------------------------------------------------------------
    def listed(self) -> list[Placed]:
        """The annotations of the loaded folder(s), orphans included, oldest first."""
        return sorted(self._placed.values(), key=lambda p: (p.annotation.created, p.annotation.id))

    def get(self, annotation_id: str) -> Placed | None:
        return self._placed.get(annotation_id)

    def find(self, targets: Iterable[Target]) -> Annotation | None:
        return self.find_span(span_key(targets))

    def find_span(self, key: SpanKey) -> Annotation | None:
        annotation_id = self._by_span.get(key)
        return self._placed[annotation_id].annotation if annotation_id else None

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self._articles if a.id == article_id), None)

    def links_between(self, a: Article, b: Article) -> tuple[set, set]:
        """(linked, rejected) sentence pairs of a comparison of `a` with `b`."""
        return sentence_pairs(self.store.links(), a, b)

    @staticmethod
    def targets(article: Article, sentences: Sequence[int], label: str) -> list[Target]:
        return [quote_sentence(article, article.sentences[i], label) for i in sentences]

    # --- changing (every change is one undo step) -----------------------------------------
    def push(self, command: Command) -> None:
        from .commands import StoreCommand  # the session and its commands know each other

        self.undo_stack.push(
            StoreCommand(self.store, command, self._applied, edit_session=self._edit_session)
        )

    def set_status(
        self, targets: Sequence[Target], status: Status, similarity: float | None = None
    ) -> None:
        current = self.find(targets)
        if current is None:
            self.push(AddAnnotation(new_annotation(status, targets, similarity=similarity)))
        elif current.status != status:
            self.push(SetStatus(current.id, status))

    def clear(self, targets: Sequence[Target]) -> bool:
        current = self.find(targets)
        if current is not None:
            self.push(RemoveAnnotation(current.id))
        return current is not None

    def begin_note_edit(self) -> None:
        """Typing from now on is a new undo step, even in the same note as before."""
        self._edit_session += 1

    def set_note(
        self, targets: Sequence[Target], note: str, similarity: float | None = None
    ) -> None:
        """A note on sentences nobody judged yet marks them unverified first."""
        current = self.find(targets)
        if current is None:
            self.push(
                AddAnnotation(new_annotation(Status.UNVERIFIED, targets, similarity=similarity))
            )
            current = self.find(targets)
            assert current is not None
        if current.note != note:
            self.push(SetNote(current.id, note))

    def set_link(self, a: Target, b: Target, kind: LinkKind | None) -> None:
        link = self.store.link(a, b)
        if (link.kind if link else None) != kind:
            self.push(SetLink(a, b, kind))

    def set_label(self, article_id: str, label: str | None) -> None:
        if self.store.labels().get(article_id) != label:
            self.push(SetLabel(article_id, label))

    def labels(self) -> dict[str, str]:
        return self.store.labels()

    # --- after every apply (do, undo, redo) --------------------------------------------------
    def _applied(self, command: Command) -> None:
        if isinstance(command, AddAnnotation):
            self._place(command.annotation)
            self.annotation_changed.emit(command.annotation.id)
        elif isinstance(command, RemoveAnnotation):
            self._forget(command.annotation_id)
            self.annotation_changed.emit(command.annotation_id)
        elif isinstance(command, SetStatus | SetNote):
            self._refresh(command.annotation_id)
        elif isinstance(command, SetLink):
            self.links_changed.emit()
        elif isinstance(command, SetLabel):
            self.label_applied.emit(command.article_id, command.label)

    def _refresh(self, annotation_id: str) -> None:
        """Status or note changed: the targets did not, so neither did the anchoring."""
        stored = self.store.get(annotation_id)
        placed = self._placed.get(annotation_id)
        if stored is not None and placed is not None:
            self._placed[annotation_id] = Placed(relocated(stored, placed.anchors), placed.anchors)
        self.annotation_changed.emit(annotation_id)
