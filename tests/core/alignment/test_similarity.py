"""Sentence similarity: what users see as the score of a pair and what drives alignment.

If these broke, paraphrases would stop pairing (or unrelated sentences would pair), and
the score shown next to a pair would stop meaning "how much they say the same thing".
"""

import numpy as np
import pytest
from scipy import sparse

from corroborate.core.alignment import related_words as related
from corroborate.core.alignment.pair_evidence import near_spellings, number_disagreement, quotation
from corroborate.core.alignment.related_words import mutual_links
from corroborate.core.alignment.similarity import Corpus, similarity
from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article
from corroborate.core.text.words import word_tokens
from tests.conftest import SEEDS


def article(text: str, name: str = "x") -> Article:
    from corroborate.core.ingest.readers import content_id

    return Article(content_id(text), f"{name}.txt", name, name, "txt", text, split_sentences(text))


def test_scores_stay_between_0_and_100():
    assert similarity("", "") == 0.0
    assert 0.0 <= similarity("Lee met Xi.", "Lee met Xi in Beijing on Monday.") <= 100.0
    long = "North Korea fired a ballistic missile into the Sea of Japan hours before Lee left."
    assert 80.0 <= similarity(long, long) <= 100.0


def test_paraphrase_scores_above_unrelated_sentence():
    base = "North Korea fired a ballistic missile into the Sea of Japan hours before Lee left."
    paraphrase = (
        "Hours before his departure, North Korea launched ballistic missiles into the Sea of Japan."
    )
    unrelated = "Samsung is one of the world's largest memory chip makers."
    assert similarity(base, paraphrase) > similarity(base, unrelated) + 20


def test_case_and_curly_quotes_do_not_lower_the_score_and_plurals_barely_do():
    text = "Lee's visit includes military drills"
    plain = similarity(text, text)
    assert similarity("Lee’s visit includes military drills", text.upper()) == pytest.approx(plain)
    assert similarity(text, "Lee's visit includes a military drill") > 0.9 * plain


def test_hyphenated_names_match_their_spaced_spelling():
    spaced = "President Lee Jae Myung arrived"
    hyphenated = "President Lee Jae-myung arrived"
    assert similarity(hyphenated, spaced) == pytest.approx(similarity(spaced, spaced))


def test_rare_words_count_more_than_common_ones():
    base = "The delegation discussed drills near Taiwan"
    shares_rare = "Officials described drills near Taiwan"
    shares_common = "The delegation discussed the economy"
    assert similarity(base, shares_rare) > similarity(base, shares_common)


def test_words_common_in_the_folder_count_less():
    # "summit" is in every sentence of this folder, so it no longer tells sentences apart.
    a = article("Leaders held a summit on trade. The summit covered missiles. Summit talks ended.")
    b = article("The summit discussed trade tariffs. Another summit covered missiles.", "b")
    corpus = Corpus([a, b])
    scores = corpus.score_matrix(a, b)
    assert scores[0, 0] > scores[0, 1]  # trade pairs with trade, not with "summit" alone
    assert scores[1, 1] > scores[1, 0]


@pytest.fixture(scope="module")
def seeds():
    return load_paths([SEEDS]).articles


def test_score_matrix_of_the_mirrored_pair_is_the_exact_transpose(seeds):
    corpus = Corpus(seeds)
    a, b = seeds[0], seeds[1]
    forward, backward = corpus.score_matrix(a, b), corpus.score_matrix(b, a)
    assert forward.shape == (len(a.sentences), len(b.sentences))
    assert np.array_equal(forward, backward.T)
    # Cached: a threshold slider re-uses the matrix instead of scoring again.
    assert np.shares_memory(corpus.score_matrix(a, b), forward)
    with pytest.raises(ValueError):
        forward[0, 0] = 1.0  # shared between callers, so read-only


def test_including_returns_the_same_corpus_when_nothing_is_new(seeds):
    corpus = Corpus(seeds[:2])
    assert corpus.including(seeds[0]) is corpus
    bigger = corpus.including(seeds[2])
    assert bigger is not corpus and seeds[2] in bigger and seeds[0] in bigger


def test_group_score_of_one_sentence_each_equals_the_matrix(seeds):
    corpus = Corpus(seeds)
    a, b = seeds[0], seeds[1]
    assert corpus.group_score(a, (3,), b, (5,)) == pytest.approx(corpus.score_matrix(a, b)[3, 5])


def test_group_scores_in_one_go_equal_the_scores_one_by_one(seeds):
    corpus = Corpus(seeds)
    a, b = seeds[0], seeds[1]
    groups = [((3,), (5, 6)), ((2, 4), (7,)), ((1,), (1,)), ((0, 1), (2, 3))]
    batch = corpus.group_scores(a, b, groups)
    for (ga, gb), score in zip(groups, batch, strict=True):
        assert score == pytest.approx(corpus.group_score(a, ga, b, gb))


# Two outlets word one fact differently ("K-pop" / "cultural imports"). The first pair of
# sentences says the same thing in the same words but for that, so the folder learns the
# two wordings stand for one another; the second pair shares no word at all.
TEACHES = (
    "Seoul asked Beijing to lift the informal ban on K-pop concerts in China this year. "
    "K-pop groups face hurdles."
)
LEARNS = (
    "Seoul asked Beijing to lift the informal ban on cultural imports in China this year. "
    "Cultural imports remain scarce."
)


def test_wordings_the_folder_uses_for_one_another_pair_sentences_sharing_no_word():
    a, b = article(TEACHES, "a"), article(LEARNS, "b")
    taught = Corpus([a, b]).score_matrix(a, b)
    assert taught[0, 0] > 50  # the teaching pair
    assert taught[1, 1] > 0 and taught[1, 1] > taught[1, 0]
    # Without a pair to learn from, sentences sharing no word score nothing.
    c = article("K-pop groups face hurdles.", "c")
    d = article("Cultural imports remain scarce.", "d")
    assert Corpus([c, d]).score_matrix(c, d)[0, 0] == 0.0


def test_related_words_are_learnt_from_mutual_best_pairs_only():
    scores = np.array([[30.0, 25.0], [29.0, 10.0], [5.0, 17.0]])
    rows, cols = mutual_links(scores, 18.0)
    # Row 1's best is column 0, whose best is row 0; row 2's pair is under the limit.
    assert rows.tolist() == [0] and cols.tolist() == [0]


def test_a_big_folder_learns_from_near_neighbours_not_from_every_pair(monkeypatch):
    monkeypatch.setattr(related, "ALL_PAIRS_LIMIT", 4)
    monkeypatch.setattr(related, "NEIGHBOUR_ARTICLES", 1)
    # Six one-sentence articles over three terms: 0-1 alike, 2-3 alike, 4-5 alike.
    vectors = [[1, 0, 0], [1, 0.1, 0], [0, 1, 0], [0, 1, 0.1], [0, 0, 1], [0.1, 0, 1]]
    matrices = [sparse.csr_matrix([v]) for v in vectors]
    assert related.article_pairs(matrices) == [(0, 1), (2, 3), (4, 5)]
    monkeypatch.setattr(related, "ALL_PAIRS_LIMIT", 6)
    assert len(related.article_pairs(matrices)) == 15


def test_two_bare_sentences_with_different_numbers_score_lower():
    # "4 NATO troops killed" and "Eight NATO troops killed" are two different events.
    same = similarity(
        "Four NATO troops were killed in Afghanistan.", "4 NATO troops killed in Afghanistan."
    )
    other = similarity(
        "Four NATO troops were killed in Afghanistan.", "8 NATO troops killed in Afghanistan."
    )
    assert same > other * 1.25


def test_two_bare_sentences_quoting_different_words_score_lower():
    said = ", said Jim Santangelo, president of the Teamsters Joint Council 42."
    one = '"It is going to happen"' + said
    same = similarity(one, '"It is going to happen soon"' + said)
    other = similarity(one, '"That really affects the companies, big time"' + said)
    assert same > other + 15


def test_near_spellings_count_as_shared_words_between_bare_sentences():
    # "Syrian" and "Syria" stem differently; a reader sees one country.
    near = similarity(
        "Syrian prime minister survives an assassination attempt",
        "Syria's prime minister escapes an assassination attempt",
    )
    far = similarity(
        "Syrian prime minister survives an assassination attempt",
        "Egypt's prime minister escapes an assassination attempt",
    )
    assert near > far + 5


def test_pair_evidence_measures_numbers_quotes_and_spellings():
    assert number_disagreement(word_tokens("Lee met Xi in 2019"), word_tokens("Lee met Xi")) == 0.0
    assert number_disagreement(word_tokens("a four-day trip"), word_tokens("a 4-day trip")) == 0.0
    assert number_disagreement(word_tokens("4 troops"), word_tokens("8 troops")) == 1.0
    assert quotation('He said "we will not take sides" on Sunday.') == "we will not take sides"
    assert quotation("He said so.") == ""
    assert near_spellings({"syrian": 1.0, "pm": 1.0}, {"syria": 1.0, "pm": 1.0}) == [
        ("syrian", "syria", pytest.approx(10 / 11))
    ]
