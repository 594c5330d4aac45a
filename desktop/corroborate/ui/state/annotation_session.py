"""The annotation store, its undo stack, and the annotations placed in the
loaded articles.

One session per workspace. Every change goes through `push` as an undoable command and
is committed by the store at once. After a load, each stored annotation is anchored
again in the loaded articles (core/annotations/placement): annotations found there are indexed by
the sentences they quote, so a comparison row finds its annotation; annotations on
files of the loaded folders that can no longer be found are kept and listed as orphans.

Placing thousands of annotations takes seconds, so `refresh` does it on a worker over
snapshots of the articles and the store, and applies the answer on the GUI thread;
a newer load makes an older answer stale, and it is dropped. Annotations changed while
the worker ran are placed again when its answer arrives, so no edit is lost.

A change the store cannot save (a full disk, a read-only file, another window holding the
lock) is told through `save_failed` in one sentence; it leaves no undo step behind, and
when part of a many-row change was lost the history is cleared and the views re-read.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.annotations.anchoring import quote_sentence, relocated
from ...core.annotations.corrections import placed_links, sentence_pairs
from ...core.annotations.edits import (
    AddAnnotation,
    Command,
    PutAnnotations,
    RemoveAnnotation,
    SetLabel,
    SetLink,
    SetNote,
    SetStatus,
    annotation_ids_of,
    new_annotation,
    undo_of_merge,
)
from ...core.annotations.placement import (
    Placed,
    SpanKey,
    folders_of,
    place,
    place_all,
    place_stored,
    span_key,
    stored_target_count,
)
from ...core.annotations.store import MergeResult, Store, StoreUnavailable
from ...core.model import Annotation, Article, LinkKind, ManualLink, Status, Target, link_key
from ..common.tasks import LatestTask

__all__ = ["AnnotationSession", "Placed", "SpanKey", "span_key"]

# Up to this many stored quotes are placed at once on the GUI thread: even when each
# needs a fuzzy search (a few milliseconds), the window stays responsive, and a small
# folder shows its annotations without a moment of empty status columns.
PLACE_AT_ONCE_TARGETS = 16
# An undo or redo touching more annotations than this places all of them again (as after
# a load) instead of one by one on this thread.
PLACE_ONE_BY_ONE = 50
# The worker waits this long before it starts: see _after_a_pause.
PAINT_FIRST_S = 0.25
# What placing_finished says when placing stopped without an answer.
CANCELLED = "cancelled"  # the user pressed Cancel
REPLACED = "replaced"  # a newer load or reload took over


class AnnotationSession(QObject):
    annotation_changed = Signal(str)  # annotation id: added, removed or edited
    annotations_reset = Signal()  # everything re-read (a load, an import)
    links_changed = Signal()
    label_applied = Signal(str, object)  # article id, label (None: the file's own name)
    placing_started = Signal()  # placing runs on a worker: progress follows
    placing_progress = Signal(int, int)  # annotations placed, of how many
    placing_finished = Signal(str)  # "" when placed, else why not: CANCELLED, REPLACED, error
    save_failed = Signal(str)  # why a change could not be saved, in one sentence

    def __init__(self, parent: QObject | None = None, store: Store | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else Store()
        self.undo_stack = QUndoStack(self)
        self._articles: tuple[Article, ...] = ()
        self._folders: frozenset[str] = frozenset()
        self._placed: dict[str, Placed] = {}
        self._links: list[tuple[ManualLink, ManualLink]] = []  # (stored, placed)
        self._all_placed = True  # every stored annotation of the loaded folders is placed
        self._by_span: dict[SpanKey, str] = {}
        self._edit_session = 0
        self._placer = LatestTask(self)
        # Annotations changed while a worker places the stored ones (None: none running).
        self._changed_meanwhile: set[str] | None = None
        # What changed in the running batch (None: no batch), told once when it ends.
        self._batched: set[str] | None = None
        self._links_batched = False
        self._place_all_after_batch = False
        # What the store could not save during an undo or redo, raised once the stack is done.
        self._unsaved: list[StoreUnavailable] = []

    def close(self) -> None:
        self.cancel_placing(REPLACED)
        self.store.close()

    # --- placing annotations in the loaded articles ---------------------------------------
    def set_articles(self, articles: Sequence[Article]) -> None:
        """The articles now loaded: anchor every stored annotation in them again."""
        self._articles = tuple(articles)
        self._folders = folders_of(self._articles)
        self.refresh()

    def refresh(self) -> None:
        """Place the stored annotations again: at once when there are few, else on a worker.

        Until the worker answers, the placements made before stay listed (they are of
        articles still loaded: loading only adds articles, opening a folder clears all).
        """
        self._place_links()
        self.links_changed.emit()  # comparisons opened before this load finished
        if not self._articles or stored_target_count(self.store.path) <= PLACE_AT_ONCE_TARGETS:
            self.reload()
            return
        articles, folders, path = self._articles, self._folders, self.store.path
        self._changed_meanwhile = set()
        self._all_placed = False
        self.placing_started.emit()
        self._placer.start(
            lambda progress: _after_a_pause(place_stored, path, articles, folders, progress),
            self._on_placed,
            self.placing_progress.emit,
        )

    def reload(self) -> None:
        """Place every stored annotation now, on this thread (a small store, or a caller
        that needs the answer before it goes on)."""
        self.cancel_placing(REPLACED)
        if not self._articles:  # nothing loaded: nothing to read either
            self._install([])
            return
        self._install(place_all(self.store.annotations(), self._articles, self._folders) or [])

    def cancel_placing(self, why: str = CANCELLED) -> None:
        if self._placer.running:
            self._placer.cancel()
            self.placing_finished.emit(why)
        self._changed_meanwhile = None

    @property
    def is_placing(self) -> bool:
        return self._placer.running

    def _on_placed(self, placed: list[Placed] | None, error: BaseException | None) -> None:
        changed, self._changed_meanwhile = self._changed_meanwhile or set(), None
        if error is not None or placed is None:
            self.placing_finished.emit(str(error) if error else CANCELLED)
            return
        self._install([p for p in placed if p.annotation.id not in changed], changed)
        self.placing_finished.emit("")

    def _install(self, placed: Iterable[Placed], again: Iterable[str] = ()) -> None:
        """Show these placements (and place the annotations `again` from the store)."""
        self._all_placed = True
        self._placed.clear()
        self._by_span.clear()
        for p in placed:
            self._add(p)
        for annotation_id in again:
            stored = self.store.get(annotation_id)
            if stored is not None:
                self._place(stored)
        self.annotations_reset.emit()

    def _place(self, annotation: Annotation) -> None:
        placed = place(annotation, self._articles, self._folders)
        if placed is not None:
            self._add(placed)

    def _add(self, placed: Placed) -> None:
        self._placed[placed.annotation.id] = placed
        if not placed.orphan:
            self._by_span[placed.key] = placed.annotation.id

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

    def _current(self, targets: Sequence[Target]) -> Annotation | None:
        """The annotation a change of these sentences applies to. While the stored ones are
        not all placed (a worker still on it, or stopped), one not on show yet is asked of
        the store, so a change never makes a second annotation on the same sentences."""
        found = self.find(targets)
        if found is None and not self._all_placed:
            found = self.store.find_by_targets(targets)
            if found is not None:
                self._place(found)
        return found

    def find_span(self, key: SpanKey) -> Annotation | None:
        annotation_id = self._by_span.get(key)
        return self._placed[annotation_id].annotation if annotation_id else None

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self._articles if a.id == article_id), None)

    def links_between(self, a: Article, b: Article) -> tuple[set, set]:
        """(linked, rejected) sentence pairs of a comparison of `a` with `b`."""
        return sentence_pairs((placed for _, placed in self._links), a, b)

    def link(self, a: Target, b: Target) -> ManualLink | None:
        """The stored link or rejection of these two sentences, wherever they were quoted
        from (an edited file keeps its links, as it keeps its annotations)."""
        on_pair = self._stored_links_on(a, b)
        return on_pair[-1] if on_pair else self.store.link(a, b)

    def _stored_links_on(self, a: Target, b: Target) -> list[ManualLink]:
        """Every stored link landing on these two sentences, oldest first."""
        key = link_key(a, b)
        return [stored for stored, placed in self._links if placed.key == key]

    def _place_links(self) -> None:
        # Hand-made links are few: placing them is quick enough for the GUI thread.
        self._links = placed_links(self.store.links(), self._articles) if self._articles else []

    @staticmethod
    def targets(article: Article, sentences: Sequence[int], label: str) -> list[Target]:
        return [quote_sentence(article, article.sentences[i], label) for i in sentences]

    # --- changing (every change is one undo step) -----------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes of one key press, or the undo of them: one store transaction and
        one update of the views at the end, not one per row."""
        if self._batched is not None:
            yield
            return
        self._batched, self._links_batched, self._place_all_after_batch = set(), False, False
        try:
            with self._saving_together():
                yield
        finally:
            changed, links, self._batched = self._batched, self._links_batched, None
            if self._place_all_after_batch:
                self.refresh()
            if links:
                self._place_links()
                self.links_changed.emit()
            if len(changed) == 1:
                self.annotation_changed.emit(changed.pop())
            elif changed:
                self.annotations_reset.emit()

    @contextmanager
    def _saving_together(self) -> Iterator[None]:
        """The store's batch, with a failure to save told instead of raised."""
        try:
            with ExitStack() as together:
                try:
                    together.enter_context(self.store.batch())
                except StoreUnavailable as problem:  # cannot begin: each change on its own
                    self._failed_to_save(problem)
                try:
                    yield
                except StoreUnavailable as problem:  # an undo or redo could not be saved
                    self._failed_to_save(problem, history_lost=True)
        except StoreUnavailable as problem:  # the commit at the end
            self._failed_to_save(problem, history_lost=True)

    def _failed_to_save(self, problem: StoreUnavailable, history_lost: bool = False) -> None:
        """Tell it; when changes the history counts as done were lost (SQLite rolls back the
        whole batch on a full disk), forget the history and show what is stored."""
        if history_lost:
            self.undo_stack.clear()
            self._place_all_after_batch = True
        self.save_failed.emit(problem.message)

    def undo(self) -> None:
        with self.batch():
            self.undo_stack.undo()
            self._raise_unsaved()

    def redo(self) -> None:
        with self.batch():
            self.undo_stack.redo()
            self._raise_unsaved()

    def _raise_unsaved(self) -> None:
        if self._unsaved:
            first, self._unsaved = self._unsaved[0], []
            raise first

    def push(self, command: Command) -> bool:
        """Apply and store the change, then make it an undo step; False (and `save_failed`)
        when the store could not save it: then nothing changed."""
        from .commands import StoreCommand  # the session and its commands know each other

        try:
            inverse = command.apply(self.store)  # first: a failed save leaves no undo step
        except StoreUnavailable as problem:
            # In a batch, SQLite may have rolled back the changes made before it too.
            self._failed_to_save(problem, history_lost=self._batched is not None)
            return False
        self.undo_stack.push(
            StoreCommand(
                self.store,
                command,
                self._applied,
                edit_session=self._edit_session,
                done_with_inverse=inverse,
                failed=self._unsaved.append,
            )
        )
        self._applied(command)
        return True

    def record_merge(self, result: MergeResult, what: str) -> None:
        """An import merged into the store (by this or another connection): one undo step.
        The caller shows the merged annotations (refresh or reload)."""
        from .commands import StoreCommand

        if not (result.added_ids or result.replaced):
            return  # nothing changed: nothing to undo
        done = PutAnnotations((), (), what)  # stands for the merge in the Edit menu
        self.undo_stack.push(
            StoreCommand(
                self.store,
                done,
                self._applied,
                done_with_inverse=undo_of_merge(result, what),
                failed=self._unsaved.append,
            )
        )

    def set_status(
        self,
        targets: Sequence[Target],
        status: Status,
        similarity: float | None = None,
        discrepancy: str = "",
        fact_id: str | None = None,
    ) -> None:
        """Mark `targets`; a new annotation records the discrepancy and fact it was made on."""
        current = self._current(targets)
        if current is None:
            recorded = {"similarity": similarity, "discrepancy": discrepancy, "fact_id": fact_id}
            self.push(AddAnnotation(new_annotation(status, targets, **recorded)))
        elif current.status != status:
            self.push(SetStatus(current.id, status))

    def clear(self, targets: Sequence[Target]) -> bool:
        current = self._current(targets)
        if current is not None:
            self.push(RemoveAnnotation(current.id))
        return current is not None

    @contextmanager
    def one_step(self, text: str, grouped: bool = True) -> Iterator[None]:
        """The changes made inside are saved together and, when `grouped`, undone as one
        step called `text` (several rows changed by one key press)."""
        with self.batch():
            if grouped:
                self.undo_stack.beginMacro(text)
            try:
                yield
            finally:
                if grouped:
                    self.undo_stack.endMacro()

    def begin_note_edit(self) -> None:
        """Typing from now on is a new undo step, even in the same note as before."""
        self._edit_session += 1

    def set_note(
        self,
        targets: Sequence[Target],
        note: str,
        similarity: float | None = None,
        discrepancy: str = "",
        fact_id: str | None = None,
    ) -> None:
        """A note on sentences nobody judged yet marks them unverified first."""
        if self._current(targets) is None:
            self.set_status(targets, Status.UNVERIFIED, similarity, discrepancy, fact_id)
        current = self.find(targets)  # None: the new annotation could not be saved
        if current is not None and current.note != note:
            self.push(SetNote(current.id, note))

    def set_link(self, a: Target, b: Target, kind: LinkKind | None) -> None:
        """Link, reject or forget a pair. A link found again in an edited file is changed
        where it is stored; older ones landing on the same pair are forgotten with it, so
        none of them comes back."""
        on_pair = self._stored_links_on(a, b)
        newest = on_pair[-1] if on_pair else self.store.link(a, b)
        older = on_pair[:-1]
        if (newest.kind if newest else None) == kind and not older:
            return
        from .commands import menu_text

        with self.batch():
            if older:
                self.undo_stack.beginMacro(menu_text(SetLink(a, b, kind)))
            try:
                for link in older:
                    self.push(SetLink(link.a, link.b, None))
                if (newest.kind if newest else None) != kind:
                    self.push(SetLink(newest.a, newest.b, kind) if newest else SetLink(a, b, kind))
            finally:  # a failed change must not leave the undo step open
                if older:
                    self.undo_stack.endMacro()

    def set_label(self, article_id: str, label: str | None) -> None:
        if self.store.labels().get(article_id) != label:
            self.push(SetLabel(article_id, label))

    def labels(self) -> dict[str, str]:
        return self.store.labels()

    # --- after every apply (do, undo, redo) --------------------------------------------------
    def _applied(self, command: Command) -> None:
        if self._changed_meanwhile is not None:
            self._changed_meanwhile.update(annotation_ids_of(command))
        if isinstance(command, AddAnnotation):
            self._place(command.annotation)
            self._tell(command.annotation.id)
        elif isinstance(command, RemoveAnnotation):
            self._forget(command.annotation_id)
            self._tell(command.annotation_id)
        elif isinstance(command, SetStatus | SetNote):
            self._refresh(command.annotation_id)
        elif isinstance(command, PutAnnotations) and len(command.annotation_ids) > PLACE_ONE_BY_ONE:
            # Many: out of the views at once (a removed one must not stay on show), placed
            # again all together once committed, on a worker when the store is large (it
            # counts what it holds through another connection); `find` asks the store
            # meanwhile, so marking one of them never makes a second annotation.
            for annotation_id in command.annotation_ids:
                self._forget(annotation_id)
                self._tell(annotation_id)
            self._all_placed = False
            self._place_all_after_batch = True
            if self._batched is None:
                self.refresh()
        elif isinstance(command, PutAnnotations):
            for annotation_id in command.annotation_ids:
                self._forget(annotation_id)
                stored = self.store.get(annotation_id)
                if stored is not None:
                    self._place(stored)
                self._tell(annotation_id)
        elif isinstance(command, SetLink) and self._batched is not None:
            self._links_batched = True
        elif isinstance(command, SetLink):
            self._place_links()
            self.links_changed.emit()
        elif isinstance(command, SetLabel):
            self.label_applied.emit(command.article_id, command.label)

    def _refresh(self, annotation_id: str) -> None:
        """Status or note changed: the targets did not, so neither did the anchoring."""
        stored = self.store.get(annotation_id)
        placed = self._placed.get(annotation_id)
        if stored is not None and placed is not None:
            self._placed[annotation_id] = Placed(relocated(stored, placed.anchors), placed.anchors)
        self._tell(annotation_id)

    def _tell(self, annotation_id: str) -> None:
        if self._batched is not None:
            self._batched.add(annotation_id)
        else:
            self.annotation_changed.emit(annotation_id)


def _after_a_pause(fn, *args):
    """`fn(*args)` on a worker once the window has painted what was just loaded: the worker
    holds the GIL in turns with the GUI thread, and a folder's fifty new tabs painted in
    those turns took several times longer."""
    time.sleep(PAINT_FIRST_S)
    return fn(*args)
