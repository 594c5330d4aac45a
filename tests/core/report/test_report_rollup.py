"""The report's fact status rolls up the pair annotations within each fact, and its summary
counts every annotation once."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.annotations.anchoring import quote_sentence
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.facts.find import find_facts
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import Fact, FactTable, Status
from corroborate.core.report.context import ReportContext
from corroborate.core.report.html import render_report
from tests.conftest import SEEDS

WHEN = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def table() -> FactTable:
    return find_facts(Corpus(load_paths([SEEDS]).articles))


def mention_pair(table: FactTable, fact: Fact):
    """One sentence of each of the fact's first two sources: a comparison row on it."""
    by_id = {a.id: a for a in table.articles}
    return [
        quote_sentence(by_id[m.article], by_id[m.article].sentences[m.sentences[0]])
        for m in fact.mentions[:2]
    ]


def card(document: str, number: int) -> str:
    start = document.index(f"id='fact-{number}'>")
    return document[start : document.index("</section>", start)]


def summary(document: str) -> dict[str, int]:
    found = re.findall(r"<li><b>(\d+)</b><span>([^<]+)</span></li>", document)
    return {what: int(n) for n, what in found}


def test_a_disputed_pair_disputes_its_fact_and_shows_its_note_there(table):
    # Broken: the report says the four-day/three-day fact is unannotated although the pair
    # was disputed, and the reader finds the note far from the fact.
    fact = next(f for f in table.shared if len(f.mentions[0].sentences) == 1)
    pair = new_annotation(Status.DISPUTED, mention_pair(table, fact), "Four days or three?")
    document = render_report(table, [pair], generated=WHEN)
    number = {f.id: n for n, f in enumerate(table.facts, 1)}[fact.id]
    shown = card(document, number)
    assert "✗ Disputed" in shown and "Four days or three?" in shown
    assert "No sentence or sentence pair is annotated." in document  # not listed twice
    counts = summary(document)
    assert counts["annotation on them"] == 1 and counts["other annotations"] == 0
    assert sum(n for what, n in counts.items() if what.startswith("fact")) >= 1


def test_an_annotation_within_two_facts_is_counted_once(table):
    # Broken: the summary says there are more annotations than anyone made.
    report = ReportContext(table, [], None)
    first, second = next(
        (f, g)
        for n, f in enumerate(table.facts)
        for g in table.facts[n + 1 :]
        if len({span[0] for span in report.spans(f) & report.spans(g)}) >= 2
    )
    shared = report.spans(first) & report.spans(second)
    by_id = {a.id: a for a in table.articles}
    targets = [
        quote_sentence(by_id[a], next(s for s in by_id[a].sentences if s.start == start))
        for a, start, _ in sorted(shared)
    ]
    pair = new_annotation(Status.AGREED, targets, "Both agree")
    own = new_annotation(Status.UNVERIFIED, targets, "", fact_id=first.id)  # the fact's own
    rolled = ReportContext(table, [pair], None)
    assert rolled.status(first) == rolled.status(second) == Status.AGREED
    document = render_report(table, [pair], generated=WHEN)
    assert summary(document)["annotation on them"] == 1
    assert summary(document)["other annotations"] == 0
    with_own = ReportContext(table, [pair, own], None)
    assert with_own.status(first) == Status.UNVERIFIED  # not all agreed
    assert with_own.within_facts == 2 and with_own.others == []
