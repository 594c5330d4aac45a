"""What every part of the HTML report shares (core/report/html.py): the articles and labels,
annotations matched to facts, and escaping. Nothing here knows the page layout.

A fact's status is rolled up (core/annotations/rollup) from every annotation within its
sentences: its own and those of pairs of its mentions, which show on its card. Each
annotation is counted once, however many facts it is within."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath

from ..annotations.rollup import Rollup, RollupIndex
from ..facts.timeline import Timeline, timeline
from ..model import Annotation, Article, Fact, FactTable, Status

STATUS_SYMBOL = {Status.AGREED: "✓", Status.DISPUTED: "✗", Status.UNVERIFIED: "?"}
STATUS_WORD = {
    Status.AGREED: "Agreed",
    Status.DISPUTED: "Disputed",
    Status.UNVERIFIED: "Unverified",
}

Span = tuple[str, int, int]  # (Article.id, start, end) of a sentence


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def file_name(path: str) -> str:
    """The last part of a path, Windows or POSIX: reports never show folders."""
    return PurePath(path.replace("\\", "/")).name if path else ""


class ReportContext:
    """What the sections share: articles by id, labels, and annotations matched to facts."""

    def __init__(
        self,
        table: FactTable,
        annotations: Sequence[Annotation],
        labels: Mapping[str, str] | None,
    ) -> None:
        self.table = table
        self.articles: dict[str, Article] = {a.id: a for a in table.articles}
        self.labels = {a.id: (labels or {}).get(a.id) or a.source for a in table.articles}
        self.number = {f.id: n for n, f in enumerate(table.facts, 1)}
        self.timeline: Timeline = timeline(table)
        loaded = [a for a in annotations if any(t.article in self.articles for t in a.targets)]
        self.fact_notes, unmatched = self._match(loaded)
        self.rollups = self._roll_up(unmatched)
        within = {a.id for rollup in self.rollups.values() for a in rollup.annotations}
        self.within_facts = len(within)  # annotations on a fact's card, each once
        self.others = [a for a in unmatched if a.id not in within]

    def _roll_up(self, unmatched: list[Annotation]) -> dict[str, Rollup]:
        """Each annotated fact's own annotation and the pairs and sentences within it."""
        index = RollupIndex(a for a in unmatched if a.fact_id is None)  # lost facts: apart
        rollups = {}
        for fact in self.table.facts:
            pairs = index.within(self.spans(fact)).annotations
            own = self.fact_notes.get(fact.id)
            if own is not None or pairs:
                rollups[fact.id] = Rollup(((own,) if own else ()) + pairs)
        return rollups

    def _match(self, annotations: list[Annotation]) -> tuple[dict[str, Annotation], list]:
        """Fact annotations by fact id; the rest (pairs, sentences, lost facts) in a list.

        A fact annotation made before the facts were computed again keeps its sentences
        even when the fact's id changed, so it is matched by the sentences it quotes too.
        """
        by_spans = {self.spans(f): f.id for f in self.table.facts}
        notes: dict[str, Annotation] = {}
        others = []
        for a in sorted(annotations, key=lambda a: (a.modified, a.id)):  # newest wins
            fact_id = None
            if a.fact_id is not None:
                known = a.fact_id in self.number
                fact_id = a.fact_id if known else by_spans.get(frozenset(target_spans(a)))
            if fact_id is None:
                others.append(a)
            else:
                notes[fact_id] = a
        others.sort(key=lambda a: (a.created, a.id))
        return notes, others

    def spans(self, fact: Fact) -> frozenset[Span]:
        out = set()
        for m in fact.mentions:
            sentences = self.articles[m.article].sentences
            out.update((m.article, sentences[i].start, sentences[i].end) for i in m.sentences)
        return frozenset(out)

    def wording(self, article_id: str, sentences: Iterable[int]) -> str:
        article = self.articles[article_id]
        return " / ".join(article.sentences[i].text for i in sentences)

    def claim(self, fact: Fact) -> str:
        """What the fact says: its claim, else its most central wording."""
        article, sentence = fact.representative
        return fact.claim or self.articles[article].sentences[sentence].text

    def status(self, fact: Fact) -> Status | None:
        rollup = self.rollups.get(fact.id)
        return rollup.status if rollup else None

    def within(self, fact: Fact) -> tuple[Annotation, ...]:
        """The pair and sentence annotations within the fact (not its own), oldest first."""
        rollup = self.rollups.get(fact.id)
        own = self.fact_notes.get(fact.id)
        return tuple(a for a in rollup.annotations if a is not own) if rollup else ()

    def noted(self, fact: Fact) -> bool:
        rollup = self.rollups.get(fact.id)
        return rollup is not None and any(a.note.strip() for a in rollup.annotations)


def target_spans(annotation: Annotation) -> Iterable[Span]:
    return ((t.article, t.start, t.end) for t in annotation.targets)


def status_badge(status: Status | None) -> str:
    if status is None:
        return ""
    return (
        f"<span class='status {status.value}'>{STATUS_SYMBOL[status]} {STATUS_WORD[status]}</span>"
    )


def note_html(annotation: Annotation | None) -> str:
    if annotation is None or not annotation.note.strip():
        return ""
    return f"<blockquote class='note'>{esc(annotation.note.strip())}</blockquote>"


def fact_notes_html(r: ReportContext, fact: Fact) -> str:
    """The fact's own note, then each pair within it with its status and note."""
    items = []
    for a in r.within(fact):
        sources = " – ".join(dict.fromkeys(r.labels.get(t.article) or t.source for t in a.targets))
        note = f": {esc(a.note.strip())}" if a.note.strip() else ""
        items.append(f"<li><b>{esc(sources)}</b> {status_badge(a.status)}{note}</li>")
    heading = "<p class='extra'>Marked while comparing its sources:</p>"
    pairs = f"{heading}<ul class='within'>{''.join(items)}</ul>" if items else ""
    return note_html(r.fact_notes.get(fact.id)) + pairs


def in_details(r: ReportContext, fact: Fact) -> bool:
    """Whether the fact has a card of its own (differing values or an annotation)."""
    return bool(fact.discrepancies) or fact.id in r.rollups
