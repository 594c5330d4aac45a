"""Large folders load on every core and with less pysbd work, with the same sentences."""

import json
import subprocess
import sys
import time

import pysbd
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.core.ingest import parallel_reading
from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.segment import pysbd_pieces
from corroborate.core.ingest.sentence_cache import clear_memory_cache
from tests.benchmarks.synthetic_folder import write_folder
from tests.conftest import SEEDS

_SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=False)
# Cases from pysbd's English rules, and pieces that repeat so a sentence occurs twice.
_PARTS = [
    "Hello World. My name is Jonas.",
    "What is your name? My name is Jonas.",
    "There it is! I found it.",
    "My name is Jonas E. Smith.",
    "Please turn to p. 55.",
    "Were Jane and co. at the party?",
    "They closed the deal with Pitt, Briggs & Co. at noon.",
    "Let's ask Jane and co. They should know.",
    "He works at Yahoo! and Amazon.",
    "I live in the U.S. How about you?",
    'She turned to him, "This is great." she said.',
    "The nurse gave him the i.v. in his vein.",
    "1.) The first item 2.) The second item",
    "Hello world.Today is Tuesday.",
    "Mr. Lee met Xi. ",
    "Mr. Lee met Xi. ",
    "Yes. ",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "(Quote) ",
    "...",
    "?!",
    "“",
    "”",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PARTS), st.text(max_size=10)), max_size=25))
def test_pysbd_pieces_found_without_regular_expressions_are_pysbd_s_own(parts):
    # Broken: the faster search for pysbd's sentences moves a sentence end, so the same
    # article splits differently than before and stored highlights point at other words.
    line = "".join(parts)
    assert pysbd_pieces(_SEGMENTER, line) == _SEGMENTER.segment(line)


def _boundaries(result):
    return [(a.path, [(s.start, s.end, s.paragraph) for s in a.sentences]) for a in result.articles]


def _folder_with_problems(tmp_path):
    folder = write_folder(tmp_path / "news", 40, use_shared=False)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "copy.txt").write_text((folder / "article-0001.txt").read_text(encoding="utf-8"))
    return folder


def test_a_large_folder_read_by_workers_gives_the_same_articles_in_the_same_order(
    tmp_path, monkeypatch
):
    # Broken: with the worker pool, articles arrive shuffled, sentences differ, or the
    # broken and duplicate files are no longer reported as before.
    folder = _folder_with_problems(tmp_path)
    here = load_paths([folder])
    clear_memory_cache()
    monkeypatch.setattr(parallel_reading, "MIN_PARALLEL_BYTES", 0)
    assert parallel_reading.worth_a_pool(sorted(str(p) for p in folder.iterdir()))
    seen = []
    pooled = load_paths([folder], progress=lambda done, total: seen.append(done) or True)
    assert _boundaries(pooled) == _boundaries(here)
    assert pooled.problems == here.problems and not pooled.cancelled
    assert seen == sorted(seen) and seen[-1] == len(list(folder.iterdir()))


def test_cancel_stops_a_load_by_workers_promptly(tmp_path, monkeypatch):
    # Broken: Cancel on a large folder waits until every worker has read every file.
    folder = write_folder(tmp_path / "news", 200, use_shared=False)
    monkeypatch.setattr(parallel_reading, "MIN_PARALLEL_BYTES", 0)
    started = time.monotonic()
    result = load_paths([folder], progress=lambda done, total: done < 8)
    assert result.cancelled and len(result.articles) < 200
    assert time.monotonic() - started < 10  # pool start-up included; a full load is ~25 s here


def test_a_file_a_worker_fails_on_becomes_that_file_s_problem():
    # Broken: one file that makes its reader fail loses the other files of its task.
    good, bad = parallel_reading.read_chunk([SEEDS / "crbc-news.txt", object()])
    assert good.title and bad.reason.startswith("this file could not be read")


def test_small_folders_are_read_without_starting_workers():
    # Broken: opening the five sample articles waits half a second for worker processes.
    assert not parallel_reading.worth_a_pool(sorted(str(p) for p in SEEDS.iterdir()))


def test_workers_start_without_the_main_module():
    # Broken: each worker re-runs the app's main module and loads Qt before reading a file.
    main = sys.modules["__main__"]
    before = (getattr(main, "__spec__", None), getattr(main, "__file__", None))
    with parallel_reading.children_skip_main():
        assert main.__spec__ is None and not hasattr(main, "__file__")
    assert (getattr(main, "__spec__", None), getattr(main, "__file__", None)) == before


def test_pysbd_with_its_patterns_kept_compiled_splits_as_pysbd_as_shipped(tmp_path):
    # Broken: the caching `re` given to pysbd changes what it finds, so sentences differ
    # from those of pysbd itself.
    lines = [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    here = [_SEGMENTER.segment(line) for line in lines]
    assert not isinstance(sys.modules["pysbd.processor"].re, type(sys))  # installed here
    shipped = subprocess.run(  # a process that never imports corroborate
        [sys.executable, "-c", _SHIPPED_PYSBD],
        input=json.dumps(lines),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(shipped) == here


_SHIPPED_PYSBD = (
    "import json, sys, pysbd; s = pysbd.Segmenter(language='en', clean=False); "
    "print(json.dumps([s.segment(line) for line in json.load(sys.stdin)]))"
)
