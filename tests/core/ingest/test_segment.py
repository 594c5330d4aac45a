import json
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.core.ingest import segment
from corroborate.core.ingest.readers import read_article
from corroborate.core.ingest.segment import Cancelled, split_sentences
from tests.conftest import ROOT
from tests.core.ingest.hostile_files import prose_on_one_line


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_slice_back_to_sentence_text(text):
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text


_PROSE_PARTS = [
    "Mr. Lee went to Beijing.",
    "He met Xi!",
    "\n\n",
    "Was it?",
    " ",
    "U.S. officials said 3.5% growth.",
    "\n",
    "“Quote,” he said.",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PROSE_PARTS), max_size=30))
def test_no_word_is_lost_between_sentences(parts):
    text = "".join(parts)
    joined = "".join(s.text for s in split_sentences(text))
    assert joined.split() == [] or "".join(joined.split()) == "".join(text.split())


def test_sentences_split_and_paragraphs_counted():
    text = "BEIJING — Lee arrived on Sunday. He met Xi on Monday.\n\nA second paragraph here."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "BEIJING — Lee arrived on Sunday.",
        "He met Xi on Monday.",
        "A second paragraph here.",
    ]
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_headline_on_its_own_line_is_its_own_sentence():
    text = "Lee Visits China\nSouth Korean President Lee arrived in Beijing. He stays four days."
    assert split_sentences(text)[0].text == "Lee Visits China"


# Pieces that trip up offset bookkeeping: every newline convention, tabs, wide characters.
_AWKWARD = st.sampled_from(
    [
        "\r\n",
        "\r",
        "\n",
        "\n\n",
        "\t",
        " ",
        "🎉",
        "👩‍👩‍👧",
        "é",
        "e\u0301",
        "…",
        "—",
        "Mr. ",
        "Nov. 18 ",
        "U.S. ",
        "...",
        "?!",
        "“",
        "”",
        "\u2028",
        "\x0c",
        "\ufeff",
        "Lee met Xi. ",
        "Prices rose 3.5%. ",
        "SEOUL (Yonhap) -- ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_AWKWARD, st.text(max_size=12)), max_size=40))
def test_offsets_hold_for_awkward_unicode_and_newlines(parts):
    # Broken: highlights land a few characters off after an emoji or a Windows newline.
    text = "".join(parts)
    sentences = split_sentences(text)
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.start : s.end] == s.text
        # Never a sentence of nothing but punctuation and spaces.
        assert any(unicodedata.category(ch)[0] not in "PZC" for ch in s.text)
        assert "\n" not in s.text and "\r" not in s.text
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)


def test_dateline_is_not_split_at_month_abbreviation():
    text = "SEOUL, Nov. 18 (Yonhap) -- President Lee left for Beijing. He returns Friday."
    assert [s.text for s in split_sentences(text)] == [
        "SEOUL, Nov. 18 (Yonhap) -- President Lee left for Beijing.",
        "He returns Friday.",
    ]


def test_dateline_on_its_own_line_stays_whole():
    text = "SEOUL, Nov. 18 (Yonhap) --\nPresident Lee left for Beijing."
    assert [s.text for s in split_sentences(text)] == [
        "SEOUL, Nov. 18 (Yonhap) --",
        "President Lee left for Beijing.",
    ]


def test_repeated_headline_lines_are_separate_sentences():
    text = "Lee Visits China\n\nLee Visits China\nLee arrived on Sunday."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Lee Visits China",
        "Lee Visits China",
        "Lee arrived on Sunday.",
    ]
    assert [s.paragraph for s in sents] == [0, 1, 1]
    assert sents[0].start != sents[1].start


def test_punctuation_only_pieces_are_dropped():
    # Broken: "***" separators show up as sentences that align with nothing.
    text = "Lee arrived.\n\n* * *\n\n—\n\nXi waited. ..."
    assert [s.text for s in split_sentences(text)] == ["Lee arrived.", "Xi waited."]
    assert [s.paragraph for s in split_sentences(text)] == [0, 3]


def test_windows_newlines_and_lone_carriage_returns_separate_paragraphs():
    text = "Headline\r\n\r\nFirst. Second.\rThird."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Headline", "First.", "Second.", "Third."]
    assert [s.paragraph for s in sents] == [0, 1, 1, 1]


def test_a_huge_single_line_splits_in_linear_time():
    # Broken: a file without line breaks freezes loading for minutes (pysbd is quadratic).
    import time

    sentence = "Lee met Mr. Xi in Beijing on Monday, officials said."
    text = " ".join([sentence] * 2000)
    start = time.perf_counter()
    sents = split_sentences(text)
    assert time.perf_counter() - start < 15
    assert [s.text for s in sents] == [sentence] * 2000


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_AWKWARD, st.text(max_size=12)), max_size=40))
def test_offsets_hold_across_window_cuts(parts):
    import corroborate.core.ingest.segment as segment

    text = "".join(parts)
    saved = segment.WINDOW
    segment.WINDOW = 8  # force many windows on short text
    try:
        sentences = split_sentences(text)
    finally:
        segment.WINDOW = saved
    for s in sentences:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
    for before, after in zip(sentences, sentences[1:], strict=False):
        assert before.end <= after.start  # in order, never overlapping


# --- Boundaries kept exactly, hostile text kept linear --------------------------------

_SEED_BOUNDARIES = ROOT / "tests" / "data" / "seed_sentence_boundaries.json"


def test_seed_articles_keep_their_sentence_boundaries(seeds_dir):
    # Broken: a faster splitter moves sentence ends in real articles, so highlights and
    # annotations stored as offsets no longer match the sentences the reader sees.
    expected = json.loads(_SEED_BOUNDARIES.read_text(encoding="utf-8"))
    assert len(expected) == 5
    for name, rows in expected.items():
        article = read_article(seeds_dir / name)
        assert [[s.start, s.end, s.paragraph] for s in article.sentences] == rows, name


_LINE_ENDS = "\r\n\x0b\x0c\x85\u2028\u2029"
_NO_BOUNDARY_CHARS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=segment._BOUNDARY_HINTS + _LINE_ENDS,
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Lee", " ", "met", "Xi", ",", ";", ":", "-", "3", "%", "—", "\t"]),
            st.text(_NO_BOUNDARY_CHARS, max_size=8),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_lines_that_skip_pysbd_are_lines_pysbd_leaves_whole(parts):
    # Broken: the shortcut for lines without sentence punctuation puts sentence ends in
    # other places than pysbd would, so the same article splits differently once fixed.
    line = "".join(parts)
    assert not segment._MAY_SPLIT.search(line)
    by_pysbd = segment._visible(line, segment._cover(line, segment._pysbd_spans(line)))
    assert [(s.start, s.end) for s in split_sentences(line)] == by_pysbd


class _QuickRulesOnly:
    """pysbd's budget already used up, and windows of a few characters."""

    def __enter__(self):
        self.saved = segment.PYSBD_BUDGET, segment.WINDOW
        segment.PYSBD_BUDGET, segment.WINDOW = 0, 8

    def __exit__(self, *exc):
        segment.PYSBD_BUDGET, segment.WINDOW = self.saved


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_AWKWARD, st.text(max_size=12)), max_size=40))
def test_offsets_hold_beyond_the_pysbd_budget(parts):
    # Broken: past the budget, highlights land beside the words or sentences overlap.
    text = "".join(parts)
    with _QuickRulesOnly():
        sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
        assert any(unicodedata.category(ch)[0] not in "PZC" for ch in s.text)
        assert "\n" not in s.text and "\r" not in s.text
    for before, after in zip(sentences, sentences[1:], strict=False):
        assert before.end <= after.start


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PROSE_PARTS), max_size=30))
def test_no_word_is_lost_beyond_the_pysbd_budget(parts):
    # Broken: the quick rules drop the words between two sentence ends.
    text = "".join(parts)
    with _QuickRulesOnly():
        joined = "".join(s.text for s in split_sentences(text))
    assert joined.split() == [] or "".join(joined.split()) == "".join(text.split())


def test_news_prose_beyond_the_budget_splits_almost_as_pysbd_does(seeds_dir, monkeypatch):
    # Broken: a very long article (a book pasted into one file) gets sentences that run
    # together or break at every abbreviation once pysbd's share is used up.
    texts = [read_article(p).text for p in sorted(seeds_dir.glob("*.txt"))]
    by_pysbd = [{(s.start, s.end) for s in split_sentences(t)} for t in texts]
    monkeypatch.setattr(segment, "PYSBD_BUDGET", 0)
    by_rules = [{(s.start, s.end) for s in split_sentences(t)} for t in texts]
    same = sum(len(a & b) for a, b in zip(by_pysbd, by_rules, strict=True))
    assert same >= 0.95 * sum(len(a) for a in by_pysbd)


def test_a_huge_single_line_beyond_the_budget_splits_at_every_sentence(monkeypatch):
    # Broken: "Mr." starts a new sentence, or a line of sentences stays one sentence.
    monkeypatch.setattr(segment, "PYSBD_BUDGET", 0)
    sentence = "Lee met Mr. Xi in Beijing on Monday, officials said."
    assert [s.text for s in split_sentences(" ".join([sentence] * 2000))] == [sentence] * 2000


def test_text_without_any_sentence_end_becomes_sentences_of_bounded_length():
    # Broken: 15 MB with no full stop becomes one sentence that every later stage chokes on.
    words = "the minister said trade talks would continue next week "
    sentences = split_sentences(words * 2000)
    assert len(sentences) > 20
    assert max(len(s.text) for s in sentences) <= 2 * segment.WINDOW


def test_keep_going_is_asked_during_a_long_split_and_changes_nothing():
    # Broken: Cancel does nothing while a long file is split, or asking changes sentences.
    text = "Yes. " * 40_000
    asked = []

    def keep_going():
        asked.append(time.monotonic())
        return True

    assert split_sentences(text, keep_going) == split_sentences(text)
    assert len(asked) >= 2


def test_cancelling_stops_a_15_mb_split_within_a_second(tmp_path):
    # Broken: pressing Cancel on a huge file leaves the loader busy for minutes.
    text = prose_on_one_line(tmp_path, scale=0.75).read_text(encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(Cancelled):
        split_sentences(text, lambda: time.monotonic() - started < 0.1)
    assert time.monotonic() - started < 1.1


def test_two_threads_splitting_at_once_get_their_own_sentences():
    # Broken: pysbd keeps the text on the segmenter, so two workers splitting at once
    # (loading while facts are computed) get sentences of the other's article.
    import sys
    import threading

    texts = ["Lee met Xi. They talked. " * 40, "Prices rose 3.5% in May. Analysts sighed! " * 30]
    expected = [split_sentences(t) for t in texts]
    wrong = []

    def work(i):
        for _ in range(30):
            if split_sentences(texts[i]) != expected[i]:
                wrong.append(i)

    saved = sys.getswitchinterval()
    sys.setswitchinterval(0.0001)  # switch threads often, as the app does
    try:
        threads = [threading.Thread(target=work, args=(i,)) for i in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(saved)
    assert wrong == []
