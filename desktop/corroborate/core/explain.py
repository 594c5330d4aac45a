"""Why two groups of sentences were paired: the words they share and what each is worth.

The score of a pair is built from the weights of the index terms both sides contain
(`similarity.blend`), so the score divides among the shared terms in proportion to
their squared weights. Words are shown as side a writes them ("drills", "Taiwan"), one
entry per stem; frequent words ("the") are listed too, with the little they add.
"""

from __future__ import annotations

from typing import NamedTuple

from .model import Article
from .similarity import Corpus, pair_corpus


class SharedWord(NamedTuple):
    word: str  # as the reader sees it in side a
    weight: float  # points of the score this word accounts for


def explain(
    corpus: Corpus | None,
    a: Article,
    a_sentences: tuple[int, ...],
    b: Article,
    b_sentences: tuple[int, ...],
) -> tuple[SharedWord, ...]:
    """Words both sides share, largest contribution first; the weights sum to the score."""
    corpus = pair_corpus(a, b) if corpus is None else corpus.including(a, b)
    wa = corpus.term_weights(a, a_sentences)
    wb = corpus.term_weights(b, b_sentences)
    shared = {t: w * w for t, w in wa.items() if t in wb}
    total = sum(shared.values())
    if not total:
        return ()
    score = corpus.group_score(a, a_sentences, b, b_sentences)
    surface = _surface_forms(corpus, a, a_sentences)
    points = {stem: score * mass / total for stem, mass in shared.items()}
    ranked = sorted(points.items(), key=lambda kv: (-kv[1], surface.get(kv[0], kv[0])))
    return tuple(SharedWord(surface.get(stem, stem), round(p, 2)) for stem, p in ranked)


def _surface_forms(corpus: Corpus, article: Article, sentences: tuple[int, ...]) -> dict[str, str]:
    """First spelling of every stem in the given sentences, as written in the article."""
    forms: dict[str, str] = {}
    all_terms = corpus.sentence_terms(article)
    for i in sentences:
        text = article.sentences[i].text
        for tok in all_terms[i].tokens:
            forms.setdefault(tok.stem, text[tok.start : tok.end])
    return forms
