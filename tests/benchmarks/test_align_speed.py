"""Speed of aligning two seed articles, against plain matchers on the same pair.

If this regressed, the compare view would lag when a tab opens and the threshold slider
would stutter. Run with `make bench` (prints the figures).
"""

import difflib
import gc
import statistics
import time

import pytest

from corroborate.core.alignment.align import align
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.ingest.loading import load_paths
from tests.conftest import SEEDS

RUNS = 15


@pytest.fixture(scope="module")
def pair():
    articles = load_paths([SEEDS]).articles
    by_name = {a.path.rsplit("/", 1)[-1]: a for a in articles}
    return articles, by_name["crbc-news.txt"], by_name["economic-ties-regional-tensions.txt"]


def difflib_matcher(a, b):
    """Best partner of every sentence of a by SequenceMatcher ratio over all pairs."""
    best = []
    for s in a.sentences:
        ratios = [difflib.SequenceMatcher(None, s.text, t.text).ratio() for t in b.sentences]
        best.append(max(range(len(ratios)), key=ratios.__getitem__))
    return best


def median_seconds(fn, runs=RUNS, setup=lambda: None):
    times = []
    for _ in range(runs):
        arg = setup()
        gc.collect()  # a collection triggered by setup's garbage is not the timed code's cost
        start = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _corpus_without_pair_scores(articles):
    """A corpus as a big folder has it: no score matrix computed for the pair yet."""
    corpus = Corpus(articles)
    corpus._pair_scores.cache_clear()
    return corpus


def test_align_is_fast_and_far_faster_than_difflib(pair):
    articles, a, b = pair
    # A fresh corpus each run, built outside the timer as on load (for a folder this
    # small, building it also scores every article pair): opening a compare tab.
    opened = median_seconds(lambda corpus: align(a, b, corpus), setup=lambda: Corpus(articles))
    # The same when the pair's score matrix is not there yet (folders of many articles).
    unscored = median_seconds(
        lambda corpus: align(a, b, corpus), setup=lambda: _corpus_without_pair_scores(articles)
    )
    corpus = Corpus(articles)
    align(a, b, corpus)
    slider = median_seconds(lambda _: align(a, b, corpus, threshold=30.0))
    baseline = median_seconds(lambda _: difflib_matcher(a, b), runs=3)
    print(
        f"\nalign after load median {opened * 1000:.2f} ms; with the pair's scores computed "
        f"on demand {unscored * 1000:.2f} ms; re-align at another threshold "
        f"{slider * 1000:.2f} ms; difflib matcher {baseline * 1000:.0f} ms; "
        f"ratio {baseline / opened:.0f}x (on demand {baseline / unscored:.0f}x)"
    )
    assert opened < 0.020 and unscored < 0.020
    assert baseline / opened >= 500


def test_collatex_on_the_same_pair_for_comparison(pair):
    collatex = pytest.importorskip("collatex")
    pytest.importorskip("Levenshtein")  # collatex imports it for near matching
    articles, a, b = pair
    ours = median_seconds(lambda corpus: align(a, b, corpus), setup=lambda: Corpus(articles))
    collation = collatex.Collation()
    collation.add_plain_witness("A", a.text)
    collation.add_plain_witness("B", b.text)
    start = time.perf_counter()
    collatex.collate(collation, output="json")
    theirs = time.perf_counter() - start
    print(f"\nCollateX {theirs * 1000:.0f} ms; ratio to align {theirs / ours:.0f}x")
    assert theirs > ours
