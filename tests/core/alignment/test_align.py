"""Pairwise alignment: which sentences of two sources report the same thing.

If these broke, the compare view would pair sentences differently depending on which
article is on the left, lose pairs when a source tells events in another order, or
show pairs appearing when the user raises the threshold slider.
"""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.core.alignment.agreement import EXPERT_PENALTY, NUMBER_BONUS
from corroborate.core.alignment.align import DEFAULT_THRESHOLD, align, mirror
from corroborate.core.alignment.rows import DISTINCT_CLAIMS, MAX_GROUP, one_row_each
from corroborate.core.alignment.similarity import Corpus, pair_corpus
from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.readers import content_id
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article
from corroborate.core.text.sentence_kinds import is_label
from tests.conftest import SEEDS


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
        assert min(len(m.a), len(m.b)) == 1 and max(len(m.a), len(m.b)) <= MAX_GROUP
    assert_one_row_each(forward, pair_corpus(a, b))


def assert_one_row_each(alignment, corpus):
    """A sentence in two rows has partners there that state different things."""
    for side, article in (("a", alignment.a), ("b", alignment.b)):
        other_side = "b" if side == "a" else "a"
        other = alignment.b if side == "a" else alignment.a
        rows = {}
        for m in alignment.matches:
            for i in getattr(m, side):
                rows.setdefault(i, []).append(getattr(m, other_side))
        for partners in rows.values():
            for first, second in itertools.combinations(partners, 2):
                mine = tuple(p for p in first if p not in second)
                theirs = tuple(p for p in second if p not in first)
                assert mine and theirs, (article.id, partners)
                within = corpus.group_scores(other, other, [(mine, theirs)])[0]
                assert within < DISTINCT_CLAIMS, (article.id, partners, within)


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


def test_a_sentence_whose_partners_say_the_same_is_one_row():
    # b tells the visit twice (headline and first sentence); a tells it once, with more
    # words of each. Two rows with a's sentence would read as two claims.
    a = article(
        "Lee arrived in Beijing on Sunday for a four-day state visit to boost trade. "
        "Markets in Tokyo closed higher.",
        "a",
    )
    b = article(
        "Lee arrived in Beijing on Sunday for a state visit. "
        "The four-day state visit to Beijing aims to boost trade. "
        "Premier Li Qiang hosts trade talks on Tuesday.",
        "b",
    )
    rows = [(m.a, m.b) for m in align(a, b).matches]
    assert rows == [((0,), (0, 1))]


def row_lengths(groups):
    return [len(ga) + len(gb) for ga, gb in groups]


def test_a_sentence_stating_two_claims_keeps_a_row_with_each():
    # a0 shares b0 with the first row and b1 with the second; b0 and b1 say different
    # things (they score 5 against each other), so a0 stays in both rows.
    groups = [((0, 1), (0,)), ((0,), (1,))]
    rows = one_row_each(groups, [40.0, 30.0], row_lengths, lambda side, x, y: 5.0)
    assert [r for r, _ in rows] == [((0, 1), (0,)), ((0,), (1,))]
    # When they say the same, a0 stays with the stronger row only: one row cannot be
    # several sentences against several.
    rows = one_row_each(groups, [40.0, 30.0], row_lengths, lambda side, x, y: 50.0)
    assert [r for r, _ in rows] == [((0, 1), (0,))]
    # And a one-to-one row sharing its sentence with a one-to-many row joins it.
    groups = [((0,), (0, 1)), ((0,), (2,))]
    rows = one_row_each(groups, [40.0, 30.0], row_lengths, lambda side, x, y: 50.0)
    assert rows == [(((0,), (0, 1, 2)), 4)]


def test_rows_that_cannot_merge_lose_the_shared_sentence_to_the_stronger():
    def within(side, first, second):
        return 50.0  # every partner says the same as every other

    groups = [((0,), (0, 1, 2)), ((3,), (2, 4))]
    scores = [60.0, 30.0]
    rows = one_row_each(groups, scores, row_lengths, within)
    # Merged, b would hold four sentences (more than MAX_GROUP): b2 stays with the stronger.
    assert [r for r, _ in rows] == [((0,), (0, 1, 2)), ((3,), (4,))]


def test_two_experts_quoted_on_one_question_are_not_paired():
    # Outlets quote different outside experts; each states their own view.
    a = article(
        "Kang Jun-young, a professor at Hankuk University, said Beijing sees Seoul as a "
        "partner it cannot afford to lose amid tensions with Washington.",
        "a",
    )
    b = article(
        "Park Seung-chan, a professor at Yongin University, said Beijing sees Seoul as a "
        "partner that it must keep close amid tensions with Washington.",
        "b",
    )
    corpus = pair_corpus(a, b)
    plain = corpus.score_matrix(a, b)[0, 0]
    assert plain >= DEFAULT_THRESHOLD  # the words alone would pair them
    assert corpus.agreement(a, b)[0, 0] == pytest.approx(1.0 - EXPERT_PENALTY)
    assert align(a, b).matches == ()


def test_sentences_giving_the_same_numbers_score_higher():
    a = article("The delegation of 200 business leaders arrives on January 4.", "a")
    b = article(
        "Some 200 business leaders join the trip, which starts on Sunday, January 4. "
        "About 150 business leaders had joined the trip in 2019.",
        "b",
    )
    corpus = pair_corpus(a, b)
    factor = corpus.agreement(a, b)
    assert factor[0, 0] == pytest.approx(1.0 + NUMBER_BONUS)  # {200, 4} within {200, 4}
    assert factor[0, 1] == 1.0  # different numbers are no bonus (and no penalty)
    assert align(a, b).matches[0].b == (0,)


def test_no_sentence_of_the_seeds_is_in_two_rows_unless_it_states_two_claims(seed_corpus):
    corpus, articles = seed_corpus
    for a, b in itertools.combinations(articles, 2):
        assert_one_row_each(align(a, b, corpus), corpus)


def test_the_crbc_arrival_sentence_is_one_row_against_state_visit(seed_corpus):
    # It used to show in two rows, against the headline and the first sentence.
    corpus, articles = seed_corpus
    by_name = {a.path.rsplit("/", 1)[-1]: a for a in articles}
    crbc = by_name["crbc-news.txt"]
    visit = by_name["state-visit-economic-security-talks.txt"]
    arrival = next(s.index for s in crbc.sentences if "arrived in Beijing on Sunday" in s.text)
    rows = [m for m in align(crbc, visit, corpus).matches if arrival in m.a]
    assert len(rows) == 1


@pytest.fixture(scope="module")
def seed_corpus():
    articles = load_paths([SEEDS]).articles
    return Corpus(articles), articles
