"""One `Comparison` of two articles, read by the Compare tab, the CLI and the report.

If these broke, the Compare tab and `corroborate-cli align` could show different word
differences or discrepancies for the same pair, a new threshold would work everything
out again (a stutter on every slider move), or the first discrepancy of a table would
read both whole articles while the window waits.
"""

import hashlib

import pytest

from corroborate.core.alignment import comparison as comparison_module
from corroborate.core.alignment.align import align
from corroborate.core.alignment.comparison import Comparison, joined
from corroborate.core.alignment.explanation import explain
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.alignment.word_diff import word_diff
from corroborate.core.checks.discrepancy import find_discrepancies
from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article
from tests.conftest import SEEDS


def article(text: str, source: str) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Article(digest, f"{source}.txt", source, source, "txt", text, split_sentences(text))


@pytest.fixture(scope="module")
def seeds():
    articles = load_paths([SEEDS]).articles
    by_name = {a.path.rsplit("/", 1)[-1]: a for a in articles}
    corpus = Corpus(articles)
    a, b = by_name["crbc-news.txt"], by_name["state-visit-economic-security-talks.txt"]
    return Comparison(align(a, b, corpus), corpus)


def test_each_match_shows_what_the_plain_functions_find(seeds):
    comparison = seeds
    a, b = comparison.a, comparison.b
    for match in comparison.alignment.matches:
        details = comparison.details(match)
        assert details.diff == word_diff(joined(a, match.a), joined(b, match.b))
        assert details.discrepancies == find_discrepancies(a, match.a, b, match.b)
        assert details.explanation == explain(comparison.corpus, a, match.a, b, match.b)
    found = [d for m in comparison.alignment.matches for d in comparison.discrepancies(m.a, m.b)]
    assert ("four-day", "three-day") in [(d.a.value, d.b.value) for d in found]


def test_offsets_of_a_diff_fit_sentences_joined_by_a_line_break_too(seeds):
    comparison = seeds
    match = next(m for m in comparison.alignment.matches if len(m.a) > 1)
    by_line = joined(comparison.a, match.a, "\n")
    diff = comparison.word_diff(match.a, match.b)
    assert diff[-1].a_end == len(by_line)
    assert word_diff(by_line, joined(comparison.b, match.b, "\n")) == diff


def test_a_new_alignment_of_the_same_articles_keeps_what_was_worked_out(monkeypatch):
    a = article("The visit lasts four days. Trade was discussed.", "Alpha")
    b = article("The visit lasts three days. Trade was discussed.", "Beta")
    calls = {"years": 0, "discrepancies": 0}

    def counting(name, real):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(
        comparison_module, "reference_year", counting("years", comparison_module.reference_year)
    )
    monkeypatch.setattr(
        comparison_module,
        "find_discrepancies",
        counting("discrepancies", comparison_module.find_discrepancies),
    )
    first = Comparison(align(a, b, threshold=20)).prepared()
    assert calls["years"] == 1
    found = first.discrepancies((0,), (0,))
    assert [d.kind for d in found] == ["duration"]
    stricter = first.realigned(align(a, b, threshold=60))
    assert stricter.alignment.threshold == 60
    assert stricter.discrepancies((0,), (0,)) is found
    # A comparison made elsewhere (the aligning worker) adopts what the shown one knew.
    fresh = Comparison(align(a, b, threshold=30)).prepared().adopting(stricter)
    assert fresh.discrepancies((0,), (0,)) is found
    assert calls == {"years": 2, "discrepancies": 1}
    assert fresh.discrepancies((), (0,)) == ()  # a side without sentences differs in nothing


def test_the_story_year_decides_whether_six_years_and_since_2019_agree():
    a = article("Talks resumed after six years.", "Alpha")
    b = article("Talks resumed for the first time since 2019.", "Beta")
    assert find_discrepancies(a, (0,), b, (0,), 2025) == ()
    assert [d.kind for d in find_discrepancies(a, (0,), b, (0,), 2026)] == ["duration"]
    assert find_discrepancies(a, (0,), b, (0,)) == ()  # no dated year in either: unknown


def test_new_word_weights_explain_again_but_keep_the_rest(seeds):
    comparison = seeds
    match = comparison.alignment.matches[0]
    diff = comparison.word_diff(match.a, match.b)
    own = comparison.with_corpus(None)
    assert own.word_diff(match.a, match.b) is diff
    assert own.explanation(match.a, match.b) == explain(
        None, comparison.a, match.a, comparison.b, match.b
    )
