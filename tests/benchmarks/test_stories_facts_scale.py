"""Stories and facts of 10,000 articles: time and peak memory, beside a pysbd anchor.

If this regressed, "All stories" on a newsroom's folder would keep the user waiting for
many minutes or run out of memory. The articles are built in memory with their sentence
boundaries given (`story_folder.py`: about 600 stories of 1 to 60 articles, 30 sentences
each), so loading is not measured here (see test_load_speed.py). Memory is the peak of
this process and of its worker processes together, sampled as they run.

The anchor, pysbd splitting the sentences of the first `ANCHOR_ARTICLES` articles on one
core, makes the figures of busy and quiet machines comparable. Run with `make bench`, or
`python -m pytest -q tests/benchmarks/test_stories_facts_scale.py -s --override-ini addopts=`.
"""

from __future__ import annotations

import multiprocessing
import resource
import threading
import time
from pathlib import Path

import pysbd

from corroborate.core.facts.per_story import find_facts_per_story
from corroborate.core.facts.stories import find_stories
from corroborate.core.ingest.parallel_reading import worker_count
from tests.benchmarks.story_folder import story_articles
from tests.benchmarks.synthetic_folder import SHARED_DATA
from tests.benchmarks.test_facts_scale import peak_rss_bytes

ARTICLES = 10_000
ANCHOR_ARTICLES = 1_000
MAX_SECONDS = 180.0
MAX_PEAK_BYTES = 4 * 1024**3


class PeakMemory:
    """The largest resident memory of this process and its children together, sampled
    every `interval` seconds from /proc (Linux); this process's own peak elsewhere."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.peak = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, peak_rss_bytes())

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            pids = ["self", *(str(p.pid) for p in multiprocessing.active_children())]
            self.peak = max(self.peak, sum(_resident(pid) for pid in pids))


def _resident(pid: str) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((x for x in status.splitlines() if x.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) * 1024


def cpu_seconds() -> float:
    """Processor time of this process and of its ended children (the worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def pysbd_seconds(articles) -> float:
    """pysbd as shipped on every paragraph of `articles`: the anchor."""
    paragraphs = [p for a in articles for p in a.text.split("\n\n") if p.strip()]
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    start = time.perf_counter()
    for paragraph in paragraphs:
        segmenter.segment(paragraph)
    return time.perf_counter() - start


def test_stories_and_facts_of_ten_thousand_articles_within_three_minutes_and_four_gigabytes():
    articles = story_articles(ARTICLES)
    source = "seeds, STS-B and MSRP" if SHARED_DATA.is_dir() else "seeds only"
    sentences = sum(len(a.sentences) for a in articles)
    anchor = pysbd_seconds(articles[:ANCHOR_ARTICLES])
    calls: list[tuple[int, int]] = []
    with PeakMemory() as memory:
        start, cpu_start = time.perf_counter(), cpu_seconds()
        stories = find_stories(articles)
        found, cpu_found = time.perf_counter(), cpu_seconds()
        table = find_facts_per_story(articles, stories, lambda d, t: calls.append((d, t)) or True)
        seconds, cpu_end = time.perf_counter() - start, cpu_seconds()
    sizes = sorted(len(s.articles) for s in stories.stories)
    print(
        f"\n{ARTICLES} articles, {sentences} sentences ({source}); "
        f"{len(sizes)} stories of 1 to {sizes[-1]} articles ({sizes.count(1)} of one)\n"
        f"stories {found - start:.1f} s, facts per story {seconds - (found - start):.1f} s, "
        f"total {seconds:.1f} s (processor time: stories {cpu_found - cpu_start:.1f} s, "
        f"facts {cpu_end - cpu_found:.1f} s on {worker_count()} cores); "
        f"{len(table.shared)} shared and {len(table.exclusive)} "
        f"exclusive facts; {len(calls)} progress reports\n"
        f"peak resident memory (this process and its workers): {memory.peak / 1024**2:.0f} MiB\n"
        f"anchor: pysbd on {ANCHOR_ARTICLES} of the articles {anchor:.1f} s; "
        f"total / anchor {seconds / anchor:.1f}"
    )
    done = [d for d, _ in calls]
    assert done == sorted(done) and calls[-1][0] == calls[-1][1]
    assert seconds < MAX_SECONDS
    assert memory.peak < MAX_PEAK_BYTES
