"""Speed and memory of grouping a large folder into facts, Corpus building included.

If this regressed, opening the fact view on a big folder would take minutes or run out
of memory: candidate partners must come from rare shared words, never from comparing
every pair of sentences. Run with `make bench` (prints the curve).
"""

import resource
import sys
import time

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.find import find_facts
from tests.benchmarks.synthetic_folder import SHARED_DATA, synthetic_articles

SIZES = (10, 30, 100, 300, 1000)
MAX_SECONDS = 60.0
MAX_PEAK_BYTES = 2 * 1024**3


def peak_rss_bytes() -> int:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def test_a_thousand_articles_group_into_facts_within_a_minute_and_two_gigabytes():
    articles = synthetic_articles(max(SIZES))
    source = "seeds, STS-B and MSRP" if SHARED_DATA.is_dir() else "seeds only"
    print(f"\nsynthetic folder from {source}; articles, sentences, seconds (corpus + facts)")
    seconds = {}
    for size in SIZES:
        part = articles[:size]
        start = time.perf_counter()
        corpus = Corpus(part)
        built = time.perf_counter()
        table = find_facts(corpus)
        seconds[size] = time.perf_counter() - start
        sentences = sum(len(a.sentences) for a in part)
        print(
            f"{size:>5} {sentences:>7} {seconds[size]:>7.1f} s "
            f"(corpus {built - start:.1f} s, facts {seconds[size] - (built - start):.1f} s) "
            f"{len(table.shared)} shared and {len(table.exclusive)} exclusive facts"
        )
        del corpus, table
    peak = peak_rss_bytes()
    print(f"peak resident memory of the process: {peak / 1024**2:.0f} MiB")
    assert seconds[1000] < MAX_SECONDS
    assert peak < MAX_PEAK_BYTES
    # Comparing all pairs would make 1000 articles cost (1000/300)^2 = 11 times 300.
    assert seconds[1000] / seconds[300] < 8
