"""Pairwise alignment: which sentences of two sources report the same thing.

If these broke, the compare view would pair sentences differently depending on which
article is on the left, lose pairs when a source tells events in another order, or
show pairs appearing when the user raises the threshold slider.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.core.alignment.align import DEFAULT_THRESHOLD, align, mirror
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.ingest.readers import content_id
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article
from corroborate.core.text.sentence_kinds import is_label


def article(text: str, name: str = "x") -> Article:
    return Article(content_id(text), f"{name}.txt", name, name, "txt", text, split_sentences(text))


def pairs(alignment):
    return {(i, j) for m in alignment.matches for i in m.a for j in m.b}


REPORT_A = article(
    "North Korea fired a ballistic missile into the Sea of Japan on Sunday. "
    "Samsung and Hyundai executives joined the delegation. "
    "President Lee will meet Xi Jinping in Beijing on Monday. "
    "The weather in Seoul was mild.",
    "a",
)
REPORT_B = article(
    "President Lee is scheduled to meet Xi Jinping in Beijing on Monday. "
    "On Sunday North Korea launched a ballistic missile into the Sea of Japan. "
    "Executives from Samsung and Hyundai travel with the delegation. "
    "Premier Li Qiang hosts trade talks on Tuesday.",
    "b",
)


def test_paraphrases_pair_whatever_order_the_sources_tell_them_in():
    result = align(REPORT_A, REPORT_B)
    assert pairs(result) == {(0, 1), (1, 2), (2, 0)}
    assert result.only_a == (3,)  # the weather: only source a says it
    assert result.only_b == (3,)  # trade talks with Li Qiang: only source b
    assert result.threshold == DEFAULT_THRESHOLD
    assert all(0 <= m.score <= 100 for m in result.matches)
    assert [m.a[0] for m in result.matches] == sorted(m.a[0] for m in result.matches)


def test_one_long_sentence_covers_two_short_ones():
    long = article(
        "Lee arrived in Beijing on Sunday for a four-day visit, days after China held "
        "large military drills around Taiwan with missiles and fighter jets.",
        "long",
    )
    short = article(
        "Lee arrived in Beijing on Sunday for a four-day visit. "
        "Days earlier China held large military drills around Taiwan with missiles and "
        "fighter jets. "
        "Markets in Tokyo closed higher.",
        "short",
    )
    result = align(long, short)
    assert [(m.a, m.b) for m in result.matches] == [((0,), (0, 1))]
    assert result.only_b == (2,)
    # Read together, the two short sentences say more of the long one than either alone.
    scores = Corpus([long, short]).score_matrix(long, short)
    assert result.matches[0].score > max(scores[0, 0], scores[0, 1])


def test_identical_articles_align_sentence_by_sentence():
    result = align(REPORT_A, REPORT_A)
    assert [(m.a, m.b) for m in result.matches] == [((i,), (i,)) for i in range(4)]
    assert result.only_a == result.only_b == ()


def test_unrelated_articles_have_no_pairs():
    other = article("The football season opens in August. Tickets sell out quickly.", "c")
    result = align(REPORT_A, other)
    assert result.matches == ()
    assert result.only_a == (0, 1, 2, 3) and result.only_b == (0, 1)


def test_empty_article_aligns_to_nothing():
    empty = article("", "empty")
    result = align(REPORT_A, empty)
    assert result.matches == () and result.only_a == (0, 1, 2, 3) and result.only_b == ()


def test_given_corpus_and_pair_corpus_both_work():
    corpus = Corpus([REPORT_A, REPORT_B])
    assert align(REPORT_A, REPORT_B, corpus) == align(REPORT_A, REPORT_B)
    # An article the corpus has not seen is added on the fly rather than failing.
    assert align(REPORT_A, REPORT_B, Corpus([REPORT_A])).matches


@pytest.mark.parametrize("low,high", [(0, 10), (10, 30), (30, 60), (18, 18.5)])
def test_raising_the_threshold_never_adds_a_pair(low, high):
    assert pairs(align(REPORT_A, REPORT_B, threshold=high)) <= pairs(
        align(REPORT_A, REPORT_B, threshold=low)
    )


WORDS = (
    "lee xi beijing summit missile drills taiwan trade samsung visit sunday monday chips".split()
)
sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=7).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
articles = st.lists(sentence, min_size=0, max_size=6).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(articles, articles, st.sampled_from([None, 0.0, 15.0, 40.0]))
def test_alignment_is_symmetric_and_deterministic(text_a, text_b, threshold):
    a, b = article(text_a, "a"), article(text_b, "b")
    forward = align(a, b, threshold=threshold)
    assert align(b, a, threshold=threshold) == mirror(forward)
    assert align(a, b, threshold=threshold) == forward
    linked_a = {i for m in forward.matches for i in m.a}
    assert set(forward.only_a) == set(range(len(a.sentences))) - linked_a
    for m in forward.matches:
        assert list(m.a) == sorted(set(m.a)) and list(m.b) == sorted(set(m.b))
        assert min(len(m.a), len(m.b)) == 1 and max(len(m.a), len(m.b)) <= 3


def titled(text: str, name: str) -> Article:
    title = text.split("\n")[0]
    return Article(content_id(text), f"{name}.txt", title, name, "txt", text, split_sentences(text))


def test_headings_and_captions_stay_unaligned_but_the_headline_pairs():
    # A user would otherwise see "Security Balancing Act" or a photo caption of names
    # linked to sentences that merely share a topic word.
    a = titled(
        "Lee Visits China to Boost Trade With Beijing\n\n"
        "Lee arrived in Beijing on Sunday for a four-day visit to boost trade.\n\n"
        "Security Balancing Act\n\n"
        "Seoul must balance its security alliance with Washington against trade with Beijing.",
        "a",
    )
    b = titled(
        "South Korean Leader Visits China to Boost Trade\n\n"
        "Chinese President Xi Jinping - South Korean President Lee Jae Myung\n\n"
        "South Korean President Lee Jae Myung landed in Beijing on Sunday, starting a "
        "four-day visit.\n\n"
        "Analysts call the trip a balancing act between security and trade.",
        "b",
    )
    assert [is_label(a, i) for i in range(4)] == [False, False, True, False]
    assert [is_label(b, j) for j in range(4)] == [False, True, False, False]
    scores = Corpus((a, b)).score_matrix(a, b)
    assert scores[2, 3] >= DEFAULT_THRESHOLD and scores[1, 1] >= DEFAULT_THRESHOLD
    result = align(a, b)
    assert pairs(result) == {(0, 0), (1, 2)}
    assert 2 in result.only_a and 1 in result.only_b
