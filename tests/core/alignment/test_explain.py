"""Why a pair was made: the "Paired because both say: drills (23), Taiwan (18)" line.

If these broke, the explanation would name words the sentences do not share, show
words in a form the reader never saw, or add up to a different score than shown.
"""

import pytest

from corroborate.core.alignment.align import align
from corroborate.core.alignment.explanation import FAINT_RELATED, SharedWord, explain
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.ingest.loading import load_paths
from tests.conftest import SEEDS
from tests.core.alignment.test_similarity import article


@pytest.fixture(scope="module")
def seeds():
    return load_paths([SEEDS]).articles


@pytest.fixture(scope="module")
def corpus(seeds):
    return Corpus(seeds)


def test_weights_sum_to_the_match_score_largest_first(seeds, corpus):
    a, b = seeds[0], seeds[1]
    matches = align(a, b, corpus).matches
    assert any(len(m.a) + len(m.b) > 2 for m in matches)  # group matches are explained too
    for m in matches:
        words = explain(corpus, a, m.a, b, m.b)
        assert sum(w.weight for w in words) == pytest.approx(m.score, abs=0.1)
        assert [w.weight for w in words] == sorted((w.weight for w in words), reverse=True)


def test_words_are_shared_and_spelled_as_in_the_first_article(seeds, corpus):
    a, b = seeds[0], seeds[1]
    m = max(align(a, b, corpus).matches, key=lambda m: m.score)
    words = explain(corpus, a, m.a, b, m.b)
    text_a = " ".join(a.sentences[i].text for i in m.a)
    text_b = " ".join(b.sentences[j].text for j in m.b).casefold()
    assert words and all(isinstance(w, SharedWord) for w in words)
    for w in words:
        if w.word == FAINT_RELATED:
            continue
        if " ~ " in w.word:  # a related pair: a's word, then b's word
            word_a, word_b = w.word.split(" ~ ")
            assert word_a in text_a and word_b.casefold() in text_b
        else:
            assert w.word in text_a
    # The top shared words are real content words of both sides, not grammar.
    shared = [w for w in words if w.word != FAINT_RELATED and " ~ " not in w.word]
    assert all(w.word.casefold()[:4] in text_b for w in shared[:3])
    assert shared[0].word.casefold() not in {"the", "a", "of", "and", "to", "in"}


def test_related_words_the_folder_taught_are_named_with_both_spellings():
    a = article(
        "Seoul asked Beijing to lift the ban on K-pop concerts in China. K-pop faces hurdles."
    )
    b = article(
        "Seoul asked Beijing to lift the ban on cultural imports in China. Imports stay low."
    )
    words = explain(Corpus([a, b]), a, (1,), b, (1,))
    assert words and sum(w.weight for w in words) > 0
    assert any(w.word.startswith("K") and " ~ " in w.word for w in words)


def test_nothing_shared_explains_nothing(seeds):
    a, b = seeds[0], seeds[1]
    headline, label = 0, len(b.sentences) - 1  # "CRBC News" vs "Related Posts"
    assert explain(None, a, (headline,), b, (label,)) == ()
