"""Alignment quality on the hand-labelled seed facts, and the arithmetic behind it.

If the scoring broke, every quality figure reported for the aligner would be wrong; if
the aligner regressed, users would see fewer correct sentence links between sources.
"""

import pytest

from corroborate.core.alignment.align import align
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import Alignment, Match
from tests.conftest import SEEDS
from tests.quality.align_quality import (
    PairScore,
    evaluate,
    file_name,
    fuzzy_mutual_best,
    gold_articles,
    gold_pairs,
    load_gold,
    predicted_pairs,
    score_pair,
)

# Lowest overall F1 the aligner may reach on the seed gold (micro over all ten pairs):
# the figure measured at default settings, raised whenever the aligner improves.
RATCHET = 0.707


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def articles(gold):
    return tuple(gold_articles(load_paths([SEEDS]).articles, gold).values())


def alignment_of(a, b, pairs):
    return Alignment(a, b, 0.0, tuple(Match((i,), (j,), 100.0) for i, j in sorted(pairs)), (), ())


def test_precision_and_recall_follow_their_definitions():
    # Gold: a0-b0, a0-b1, a2-b2. Predicted: a0-b0 (right) and a1-b1 (wrong).
    score = score_pair({(0, 0), (1, 1)}, {(0, 0), (0, 1), (2, 2)})
    assert score == PairScore(predicted=2, correct=1, with_counterpart=5, linked=2)
    assert score.precision == 0.5
    assert score.recall == pytest.approx(2 / 5)
    assert score.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)


def test_a_group_match_counts_every_sentence_pair_it_covers():
    a = b = load_paths([SEEDS]).articles[0]
    group = Alignment(a, b, 0.0, (Match((0, 1), (2, 3, 4), 50.0),), (), ())
    assert predicted_pairs(group) == {(i, j) for i in (0, 1) for j in (2, 3, 4)}


def test_aligning_exactly_the_gold_pairs_scores_one(gold, articles):
    expected = gold_pairs(articles, gold)

    def oracle(a, b):
        return alignment_of(a, b, expected[file_name(a), file_name(b)])

    report = evaluate(oracle, articles, gold)
    assert report.overall.f1 == 1.0
    assert report.overall.predicted == sum(len(p) for p in expected.values())


def test_aligning_nothing_scores_zero(gold, articles):
    report = evaluate(lambda a, b: alignment_of(a, b, ()), articles, gold)
    assert report.overall.f1 == 0.0 and report.overall.with_counterpart > 0


def test_overall_figures_are_sums_over_the_pairs(gold, articles):
    report = evaluate(fuzzy_mutual_best(70), articles, gold)
    assert len(report.pairs) == 10
    assert report.overall.predicted == sum(s.predicted for s in report.pairs.values())
    assert report.overall.linked == sum(s.linked for s in report.pairs.values())


def test_aligner_quality_does_not_fall_below_the_ratchet(gold, articles):
    corpus = Corpus(articles)
    report = evaluate(lambda a, b: align(a, b, corpus=corpus, threshold=None), articles, gold)
    assert report.overall.f1 >= RATCHET
