"""Why a pair was made: the plain sentence a journalist reads ("Solid match (69 of 100):
both mention Kang Jun-young, ... They differ on: four-day / three-day."), and the word
weights behind the score.

If these broke, the score tooltip and the `align` output would talk jargon, name words
the sentences do not share or in a form the reader never saw, hide the value the sources
disagree on, or call a possible pair solid; the weights would add up to another score.
"""

import pytest

from corroborate.core.alignment.align import align
from corroborate.core.alignment.comparison import Comparison
from corroborate.core.alignment.explanation import (
    FAINT_RELATED,
    SharedWord,
    explain,
    plain_explanation,
)
from corroborate.core.alignment.key_content import key_content, pair_content
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.checks.discrepancy import find_discrepancies
from corroborate.core.ingest.loading import load_paths
from tests.conftest import SEEDS
from tests.core.alignment.test_key_content import DURATION, KPOP, QUOTE
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
    a, b = article(KPOP[0]), article(KPOP[1])
    words = explain(Corpus([a, b]), a, (1,), b, (1,))
    assert words and sum(w.weight for w in words) > 0
    assert any(w.word.startswith("K") and " ~ " in w.word for w in words)


def test_nothing_shared_explains_nothing(seeds):
    a, b = seeds[0], seeds[1]
    headline, label = 0, len(b.sentences) - 1  # "CRBC News" vs "Related Posts"
    assert explain(None, a, (headline,), b, (label,)) == ()


def seed(seeds, name):
    return next(a for a in seeds if a.path.endswith(f"{name}.txt"))


def sentence_with(article_, words):
    return (next(i for i, s in enumerate(article_.sentences) if words in s.text),)


def plain(seeds, corpus, score, name_a, words_a, name_b, words_b):
    a, b = seed(seeds, name_a), seed(seeds, name_b)
    ia, ib = sentence_with(a, words_a), sentence_with(b, words_b)
    found = find_discrepancies(a, ia, b, ib)
    return plain_explanation(score, key_content(corpus, a, ia, b, ib, found))


def test_plain_explanation_names_what_both_mention_in_one_sentence(seeds, corpus):
    text = plain(seeds, corpus, 69.4, *QUOTE)
    assert text.startswith("Solid match (69 of 100): both mention ")
    assert "Kang Jun-young" in text and "Hankuk University of Foreign Studies" in text
    assert text.count(".") == 1 and "(" not in text.split(":", 1)[1]  # no weights, no jargon
    assert FAINT_RELATED not in text and " ~ " not in text


def test_plain_explanation_says_what_the_sources_differ_on(seeds, corpus):
    text = plain(seeds, corpus, 36.4, *DURATION)
    assert text.startswith("Possible match (36 of 100, read both): both mention ")
    assert text.endswith(" They differ on: four-day / three-day.")
    assert "Lee Jae Myung" in text


def test_every_aligned_pair_is_explained_in_at_most_two_sentences(seeds, corpus):
    a, b = seeds[0], seeds[1]
    comparison = Comparison(align(a, b, corpus), corpus)
    for m in comparison.alignment.matches:
        text = plain_explanation(m.score, pair_content(comparison, m.a, m.b))
        assert text.split(" (")[0] in {"Solid match", "Possible match"}
        assert len(text) < 300 and text.count(". ") <= 1


def test_a_pair_sharing_only_common_words_says_so(seeds):
    a, b = seeds[0], seeds[1]
    headline, label = 0, len(b.sentences) - 1  # "CRBC News" vs "Related Posts"
    text = plain_explanation(20.0, key_content(None, a, (headline,), b, (label,)))
    assert text == "Possible match (20 of 100, read both): they share only common words."
