"""The hand-labelled facts of the seed articles are well formed.

Alignment quality is measured against these labels; a broken label silently skews every
precision and recall figure, so a typo in a quote or a stale flag must fail here first.
"""

from collections import Counter
from itertools import combinations

import pytest

from tests.conftest import SEEDS
from tests.quality.align_quality import (
    discrepancy_notes,
    gold_articles,
    gold_pairs,
    load_gold,
    quote_offsets,
    quote_sentences,
    sentence_at,
)


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def articles(gold):
    from corroborate.core.ingest.loading import load_paths

    return gold_articles(load_paths([SEEDS]).articles, gold)


def mentions(gold):
    for fact in gold["facts"]:
        for name, quotes in fact["mentions"].items():
            for quote in quotes:
                yield fact["id"], name, quote


def test_gold_covers_exactly_the_seed_articles(gold):
    # A seed added or renamed without labels would drop out of the quality figures.
    assert sorted(gold["files"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert {name for _, name, _ in mentions(gold)} == set(gold["files"])


def test_every_quote_is_copied_exactly_from_its_file(gold, articles):
    # Checked against the raw file and the loaded text: a quote that is not verbatim
    # would label nothing and make a fact look unreported by that outlet.
    for fact_id, name, quote in mentions(gold):
        raw = (SEEDS / name).read_text(encoding="utf-8")
        assert quote.strip() == quote and quote, (fact_id, name, quote)
        assert quote in raw, f"{fact_id}: not in {name}: {quote!r}"
        assert quote_offsets(articles[name].text, quote), f"{fact_id}: not loaded: {quote!r}"


def test_every_quote_starts_inside_a_sentence(gold, articles):
    # The label belongs to the sentence holding the quote's first character.
    for fact_id, name, quote in mentions(gold):
        for offset in quote_offsets(articles[name].text, quote):
            assert sentence_at(articles[name], offset) is not None, (fact_id, name, quote)
        assert quote_sentences(articles[name], quote)


def test_fact_ids_are_unique_and_facts_complete(gold):
    counts = Counter(f["id"] for f in gold["facts"])
    assert [i for i, n in counts.items() if n > 1] == []
    for fact in gold["facts"]:
        assert fact["summary"].strip(), fact["id"]
        assert fact["mentions"], fact["id"]
        for name, quotes in fact["mentions"].items():
            assert quotes and len(set(quotes)) == len(quotes), (fact["id"], name)


def test_exclusive_flag_agrees_with_the_number_of_outlets(gold):
    # "exclusive" feeds the later "reported by one source only" view.
    for fact in gold["facts"]:
        assert fact["exclusive"] is (len(fact["mentions"]) == 1), fact["id"]


def test_discrepancy_notes_belong_to_facts_reported_by_several_outlets(gold):
    notes = discrepancy_notes(gold)
    assert all(len(n.files) >= 2 for n in notes)
    duration = next(n for n in notes if n.fact_id == "visit-duration")
    assert "four-day" in duration.note and "three-day" in duration.note


def test_gold_pairs_link_the_sentences_that_report_one_fact(gold, articles):
    # The four-day visit is reported by both outlets: their sentences must be a gold pair,
    # while a boilerplate line ("Related Posts") has no counterpart at all.
    pairs = gold_pairs(articles.values(), gold)
    assert set(pairs) == set(combinations(gold["files"], 2))
    crbc, econ = articles["crbc-news.txt"], articles["economic-ties-regional-tensions.txt"]
    (i,) = quote_sentences(crbc, "on a four-day visit to China")
    (j,) = quote_sentences(econ, "The four-day trip")
    assert (i, j) in pairs["crbc-news.txt", "economic-ties-regional-tensions.txt"]
    (related,) = quote_sentences(econ, "Related Posts")
    econ_name = "economic-ties-regional-tensions.txt"
    for (name_a, name_b), sentence_pairs in pairs.items():
        side = 0 if name_a == econ_name else 1 if name_b == econ_name else None
        if side is not None:
            assert all(pair[side] != related for pair in sentence_pairs)
    assert all(pairs.values()), "every pair of seed articles shares some fact"
