"""One status per fact and per row, rolled up from the annotations that concern them.

An annotation stays one stored record on the sentences it quotes; this is only a view of
them. A fact gathers every annotation *within* its sentences (a pair marked on two of its
mentions, the fact's own annotation, a pair row quoting the fact in each of its sources);
a comparison row shows its own annotation, else
the ones *covering* it (a fact annotation quoting both of its sentences), as inherited.

The index is by sentence span, so a question costs what the annotations on those
sentences cost, not a scan of every annotation.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Annotation, Status
from .placement import SpanKey, span_key

Span = tuple[str, int, int]  # (article id, start, end) of one sentence

# The words of each status, and how a roll-up orders them in a tooltip.
STATUS_ORDER = (Status.DISPUTED, Status.UNVERIFIED, Status.AGREED)


def rolled_status(annotations: Iterable[Annotation]) -> Status | None:
    """Disputed if any is, agreed if all are, else unverified; None for no annotations."""
    statuses = {a.status for a in annotations}
    if not statuses:
        return None
    if Status.DISPUTED in statuses:
        return Status.DISPUTED
    if statuses == {Status.AGREED}:
        return Status.AGREED
    return Status.UNVERIFIED


@dataclass(frozen=True, slots=True)
class Rollup:
    """The annotations concerning a fact or a row, oldest first, and their one status."""

    annotations: tuple[Annotation, ...]
    status: Status | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", rolled_status(self.annotations))

    @property
    def counts(self) -> Mapping[Status, int]:
        counts = {s: 0 for s in STATUS_ORDER}
        for annotation in self.annotations:
            counts[annotation.status] += 1
        return counts

    @property
    def deciding(self) -> int:
        """How many annotations have the rolled-up status: "Disputed · 1 of 3"."""
        return self.counts[self.status] if self.status is not None else 0

    def summary(self) -> str:
        """ "Disputed", or "Disputed · 1 of 3" when several annotations contribute."""
        if self.status is None:
            return ""
        word = self.status.value.capitalize()
        total = len(self.annotations)
        return word if total == 1 else f"{word} · {self.deciding} of {total}"

    @property
    def noted(self) -> bool:
        return any(a.note for a in self.annotations)


EMPTY = Rollup(())


@dataclass(frozen=True, slots=True)
class RowMarks:
    """A row's own annotation, else the annotations covering it (inherited)."""

    own: Annotation | None
    inherited: Rollup = EMPTY

    @property
    def status(self) -> Status | None:
        return self.own.status if self.own is not None else self.inherited.status


class RollupIndex:
    """Annotations by the sentence spans they quote (their current, placed targets)."""

    def __init__(self, annotations: Iterable[Annotation] = ()) -> None:
        self._annotations: dict[str, Annotation] = {}
        self._keys: dict[str, SpanKey] = {}
        self._by_span: dict[Span, set[str]] = {}
        for annotation in annotations:
            self.put(annotation)

    def __len__(self) -> int:
        return len(self._annotations)

    def put(self, annotation: Annotation) -> None:
        """Add the annotation, or replace the one with its id."""
        self.remove(annotation.id)
        key = span_key(annotation.targets)
        self._annotations[annotation.id] = annotation
        self._keys[annotation.id] = key
        for span in key:
            self._by_span.setdefault(span, set()).add(annotation.id)

    def remove(self, annotation_id: str) -> None:
        key = self._keys.pop(annotation_id, None)
        self._annotations.pop(annotation_id, None)
        for span in key or ():
            ids = self._by_span.get(span)
            if ids is not None:
                ids.discard(annotation_id)
                if not ids:
                    del self._by_span[span]

    def within(self, spans: Collection[Span]) -> Rollup:
        """The annotations that concern a fact (its sentences `spans`): those all of whose
        sentences are the fact's, and pair annotations quoting one of its sentences in
        every source they quote (a 1:n row whose extra sentence states another claim)."""
        spans = spans if isinstance(spans, frozenset | set) else frozenset(spans)
        candidates: set[str] = set()
        for span in spans:
            candidates |= self._by_span.get(span, set())
        found = [
            self._annotations[i]
            for i in candidates
            if self._keys[i] <= spans
            or (self._annotations[i].fact_id is None and _in_every_source(self._keys[i], spans))
        ]
        return Rollup(_oldest_first(found))

    def covering(self, key: SpanKey) -> Rollup:
        """The annotations quoting every sentence of `key` and more (a row's inherited)."""
        if not key:
            return EMPTY
        # The rarest span bounds the candidates: every covering annotation quotes it.
        postings = [self._by_span.get(span, set()) for span in key]
        fewest = min(postings, key=len)
        found = [
            self._annotations[i]
            for i in fewest
            if key < self._keys[i]  # strictly more
        ]
        return Rollup(_oldest_first(found))

    def exactly(self, key: SpanKey) -> Annotation | None:
        """The annotation on exactly these sentences (the oldest if ever several)."""
        if not key:
            return None
        first = next(iter(key))
        found = [self._annotations[i] for i in self._by_span.get(first, ()) if self._keys[i] == key]
        return _oldest_first(found)[0] if found else None

    def row(self, key: SpanKey) -> RowMarks:
        """What a row shows: its own annotation, else the covering ones."""
        own = self.exactly(key)
        return RowMarks(own, EMPTY if own is not None else self.covering(key))


def whose(annotation: Annotation, label_of: Callable[[str], str]) -> str:
    """What an annotation is on, in words: "the fact", or its sources ("CRBC – Daily")."""
    if annotation.fact_id is not None:
        return "the fact"
    return " – ".join(dict.fromkeys(label_of(t.article) for t in annotation.targets))


def contribution_lines(
    annotations: Iterable[Annotation], label_of: Callable[[str], str]
) -> list[str]:
    """One line per annotation (what it is on, its status), its note indented below."""
    lines = []
    for annotation in annotations:
        lines.append(f"• {whose(annotation, label_of)}: {annotation.status.value}")
        if annotation.note:
            lines += [f"    {line}" for line in annotation.note.splitlines()]
    return lines


def _in_every_source(key: SpanKey, spans: Collection[Span]) -> bool:
    """Whether, in each article `key` quotes, one of its sentences is among `spans`."""
    touched = {article for article, _start, _end in key if (article, _start, _end) in spans}
    return touched == {article for article, _start, _end in key}


def _oldest_first(annotations: Iterable[Annotation]) -> tuple[Annotation, ...]:
    return tuple(sorted(annotations, key=lambda a: (a.created, a.id)))
