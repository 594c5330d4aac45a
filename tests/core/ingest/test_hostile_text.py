"""Files within the size limit that once took minutes to load now load in seconds.

The files are a fifth of the size a tester found slow, so the normal test run stays short;
the code before the fix took 9-18 s on each of these, and a return of anything quadratic
would take far longer. `tests/benchmarks/test_hostile_text_speed.py` loads the full sizes.
"""

import time

import pytest

from corroborate.core.ingest.readers import read_article
from corroborate.core.ingest.segment import WINDOW
from corroborate.core.model import Article, LoadProblem
from tests.core.ingest import hostile_files

SCALE = 0.2
BOUND_SECONDS = 6.0


def _timed_read(path):
    started = time.perf_counter()
    item = read_article(path)
    return item, time.perf_counter() - started


@pytest.mark.parametrize(
    ("build", "sentences"),
    [
        (hostile_files.one_letter_lines, 200_000),
        (hostile_files.tiny_sentences_on_one_line, 200_000),
        (hostile_files.words_without_punctuation, None),
        (hostile_files.prose_on_one_line, None),
    ],
    ids=["one-letter-lines", "tiny-sentences", "no-punctuation", "prose-on-one-line"],
)
def test_hostile_text_loads_in_seconds_as_bounded_sentences(tmp_path, build, sentences):
    # Broken: the loader sits on one file for minutes, and Cancel is the only way out.
    article, seconds = _timed_read(build(tmp_path, SCALE))
    assert isinstance(article, Article)
    assert seconds < BOUND_SECONDS, f"{build.__name__} took {seconds:.1f} s"
    if sentences is not None:
        assert len(article.sentences) == sentences
    # Broken: a run with no full stop becomes one sentence that later stages choke on.
    assert max(s.end - s.start for s in article.sentences) <= 2 * WINDOW


def test_a_page_of_100000_paragraphs_is_refused_at_once(tmp_path):
    # Broken: the page takes over a minute inside the extractor, which cannot be cancelled.
    problem, seconds = _timed_read(hostile_files.page_of_many_paragraphs(tmp_path))
    assert isinstance(problem, LoadProblem)
    assert problem.reason == (
        "this web page is too large to read: it has 100,006 paragraphs, links and other "
        "parts (the limit is 20,000)"
    )
    assert seconds < 3


def test_a_long_but_reasonable_page_still_loads(tmp_path):
    # Broken: the limit refuses a long web article a person saved.
    article, _ = _timed_read(hostile_files.page_of_many_paragraphs(tmp_path, scale=0.02))
    assert isinstance(article, Article)
    assert article.title == "Summit report"
    assert "Paragraph 1999 of the report." in article.text
