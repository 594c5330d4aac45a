"""Every flag on the real alignment of the five seed articles, as a fact-checker sees it.

If this breaks, the reader either loses one of the six differences between the outlets,
is told two experts dispute each other when they say different things, or misses the
article that gives its own visit more days than it says it lasts.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from corroborate.core.alignment.align import align
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.checks.discrepancy import find_discrepancies
from corroborate.core.checks.self_consistency import find_inconsistencies
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import Article
from tests.conftest import SEEDS

# The six differences between the outlets, checked by reading them: (kind, one value, other).
REAL_DIFFERENCES = [
    ("duration", "four-day", "three-day"),
    ("duration", "six years", "since Moon Jae-in's 2019"),
    ("date", "Tuesday", "Tuesday, January 7"),  # 7 January 2026 is a Wednesday
    ("plural", "a ballistic missile", "ballistic missiles"),
    ("speaker", "Lee", "Wi Sung-lac"),
    ("date", "November", "late October 2025"),
]


@pytest.fixture(scope="module")
def seed_articles() -> dict[str, Article]:
    result = load_paths(sorted(SEEDS.glob("*.txt")))
    return {Path(a.path).stem: a for a in result.articles}


@pytest.fixture(scope="module")
def aligned_flags(seed_articles) -> list[tuple[str, str, str]]:
    articles = list(seed_articles.values())
    corpus = Corpus(articles)
    found = []
    for a, b in itertools.combinations(articles, 2):
        for match in align(a, b, corpus=corpus).matches:
            found += [(d.kind, d.a.value, d.b.value)
                      for d in find_discrepancies(a, match.a, b, match.b)]  # fmt: skip
    return found


def _same(flag: tuple[str, str, str], expected: tuple[str, str, str]) -> bool:
    return flag[0] == expected[0] and {flag[1], flag[2]} == {expected[1], expected[2]}


@pytest.mark.parametrize("expected", REAL_DIFFERENCES)
def test_each_real_difference_between_the_outlets_is_flagged(aligned_flags, expected):
    assert any(_same(f, expected) for f in aligned_flags), aligned_flags


def test_no_flag_on_the_seed_alignment_is_a_false_alarm(aligned_flags):
    assert [f for f in aligned_flags if not any(_same(f, e) for e in REAL_DIFFERENCES)] == []


def _sentence_with(article: Article, quote: str) -> int:
    return next(s.index for s in article.sentences if quote in s.text)


@pytest.mark.parametrize(
    ("name_a", "quote_a"),
    [("economic-ties-regional-tensions", "said Kang Jun-young"),
     ("crbc-news", "Kang Jun-young, a professor")],
)  # fmt: skip
def test_two_experts_saying_different_things_are_not_a_speaker_dispute(
    seed_articles, name_a, quote_a
):
    """Kang on Beijing's view of Seoul and Professor Park on Seoul's deference: compared
    as one fact, as the facts view groups them, they raise no speaker flag."""
    a, b = seed_articles[name_a], seed_articles["reset-strained-relations"]
    i, j = _sentence_with(a, quote_a), _sentence_with(b, "as Professor Park observed")
    assert [d for d in find_discrepancies(a, (i,), b, (j,)) if d.kind == "speaker"] == []


def test_the_state_visit_contradicts_its_own_length(seed_articles):
    state = seed_articles["state-visit-economic-security-talks"]
    (d,) = find_inconsistencies(state)
    assert (d.kind, d.a.value, d.b.value) == ("self-contradiction", "three-day", "January 8")
    assert d.explanation == (
        "Self-contradiction: State Visit Economic Security Talks calls it a three-day visit"
        " from Sunday, January 4, but also dates the Shanghai leg January 8"
    )
    others = [a for a in seed_articles.values() if a is not state]
    assert [d for a in others for d in find_inconsistencies(a)] == []
