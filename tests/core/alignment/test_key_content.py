"""What matters in a pair: shared key content and differing values, on the sample articles.

If these broke, a paraphrase row of the Compare tab would tint grammar words or half a
name, miss the one value the sources disagree on, or drop the word diff where one source
only changed a few words of the other.
"""

import pytest

from corroborate.core.alignment.align import align
from corroborate.core.alignment.comparison import Comparison
from corroborate.core.alignment.key_content import joined, key_content, pair_content
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.checks.discrepancy import find_discrepancies
from corroborate.core.ingest.loading import load_paths
from tests.conftest import SEEDS
from tests.core.alignment.test_similarity import article

# Sentences of the sample articles: (article, words of a sentence) for each side.
QUOTE = ("crbc-news", "Kang Jun-young", "economic-ties-regional-tensions", "Kang Jun-young")
DURATION = (
    "crbc-news", "is on a four-day visit", "state-visit-economic-security-talks", "three-day",
)  # fmt: skip
MISSILE = (
    "crbc-news", "Only hours before Lee departed",
    "economic-ties-regional-tensions", "Hours before his departure",
)  # fmt: skip
# Two short reports the folder teaches that "K-pop" and "imports" stand for each other.
KPOP = (
    "Seoul asked Beijing to lift the ban on K-pop concerts in China. K-pop faces hurdles.",
    "Seoul asked Beijing to lift the ban on cultural imports in China. Imports stay low.",
)


@pytest.fixture(scope="module")
def seeds():
    return {a.path.rsplit("/", 1)[-1].removesuffix(".txt"): a for a in load_paths([SEEDS]).articles}


@pytest.fixture(scope="module")
def corpus(seeds):
    return Corpus(seeds.values())


def sentence(article_, words: str) -> tuple[int]:
    return (next(i for i, s in enumerate(article_.sentences) if words in s.text),)


def pair(seeds, corpus, name_a, words_a, name_b, words_b):
    a, b = seeds[name_a], seeds[name_b]
    ia, ib = sentence(a, words_a), sentence(b, words_b)
    content = key_content(corpus, a, ia, b, ib, find_discrepancies(a, ia, b, ib))
    return content, joined(a, ia), joined(b, ib)


def texts(text, spans):
    return [text[start:end] for start, end in spans]


def test_a_quote_pair_shows_the_names_both_give_each_as_one_span(seeds, corpus):
    content, text_a, text_b = pair(seeds, corpus, *QUOTE)
    assert not content.near_identical  # the two quote Kang in different words
    for text, side in ((text_a, content.a), (text_b, content.b)):
        shown = texts(text, side.key)
        assert "Kang Jun-young" in shown and "Hankuk University of Foreign Studies" in shown
        # Grammar and reporting words are never key content.
        assert not {"a", "at", "the", "said", "told", "as"} & {s.casefold() for s in shown}
        # A calm highlight, not a diff: far fewer words marked than the sentence has.
        assert sum(end - start for start, end in side.key) < len(text) / 2
    assert {"Kang Jun-young", "Hankuk University of Foreign Studies"} <= set(content.shared)


def test_a_duration_the_sources_disagree_on_is_the_differing_value(seeds, corpus):
    content, text_a, text_b = pair(seeds, corpus, *DURATION)
    assert texts(text_a, content.a.differs) == ["four-day"]
    assert texts(text_b, content.b.differs) == ["three-day"]
    assert content.differing == (("four-day", "three-day"),)
    # The president's name is shared key content; the differing value is not.
    assert any("Lee Jae Myung" in s for s in texts(text_a, content.a.key))
    assert any("Lee Jae-myung" in s for s in texts(text_b, content.b.key))
    for ks, ke in content.a.key:
        assert all(ke <= ds or de <= ks for ds, de in content.a.differs)


def test_a_pair_that_changed_only_a_few_words_keeps_its_word_diff(seeds, corpus):
    content, _, _ = pair(seeds, corpus, *MISSILE)
    assert content.near_identical and content.kept_words >= 0.65


def test_words_of_every_sentence_of_the_folder_are_not_key_content():
    """ "visit" in every sentence tells two sentences apart no better than "the"."""
    a = article(
        "The visit began in Gyeongju on Monday. Officials praised the visit. "
        "Hwang Dong-hyuk attended the visit with Oh Il-nam."
    )
    b = article(
        "Crowds watched the visit. The visit ended on Tuesday. "
        "During the visit, Hwang Dong-hyuk greeted reporters."
    )
    ia, ib = (2,), (2,)
    content = key_content(Corpus([a, b]), a, ia, b, ib)
    text_a, text_b = joined(a, ia), joined(b, ib)
    assert texts(text_a, content.a.key) == ["Hwang Dong-hyuk"]
    assert texts(text_b, content.b.key) == ["Hwang Dong-hyuk"]
    assert content.shared == ("Hwang Dong-hyuk",)


def test_spans_of_every_aligned_pair_lie_inside_their_text_in_order(seeds, corpus):
    a, b = seeds["crbc-news"], seeds["economic-ties-regional-tensions"]
    comparison = Comparison(align(a, b, corpus), corpus)
    for m in comparison.alignment.matches:
        content = pair_content(comparison, m.a, m.b)
        for text, side in ((joined(a, m.a), content.a), (joined(b, m.b), content.b)):
            ends = [0]
            for start, end in side.key:
                assert ends[-1] <= start < end <= len(text)
                assert text[start].isalnum() and text[end - 1].isalnum()
                ends.append(end)


def test_words_the_folder_uses_for_one_another_are_key_content_on_both_sides():
    """ "K-pop" in one report and "imports" in the other stand for the same thing."""
    a, b = article(KPOP[0]), article(KPOP[1])
    content = key_content(Corpus([a, b]), a, (1,), b, (1,))
    assert texts(joined(a, (1,)), content.a.key) == ["K-pop"]
    assert texts(joined(b, (1,)), content.b.key) == ["Imports"]
    assert content.related == (("K-pop", "Imports"),) and content.shared == ()
