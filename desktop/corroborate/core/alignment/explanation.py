"""Why two groups of sentences were paired: the words they share and what each is worth.

The score of a pair is built from the weights of the index terms both sides contain and
of the related word pairs the folder taught (`similarity.Overlap`), so the score divides
among them in proportion to their parts. Shared words are shown as side a writes them
("drills", "Taiwan"), one entry per stem; a related pair as "a's word ~ b's word"
("imports ~ K-pop"). Frequent words ("the") are listed too, with the little they add.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Article
from .similarity import Corpus, pair_corpus

# Related word pairs worth fewer points than this (often hundreds of them, each a
# fraction of a point) are summed into one entry under `FAINT_RELATED`.
RELATED_SHOWN_POINTS = 0.5
FAINT_RELATED = "words related in this folder"


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
    overlap = corpus.overlap(a, a_sentences, b, b_sentences)
    total = sum(overlap.shared.values()) + sum(overlap.related.values())
    if not total:
        return ()
    score = overlap.score
    surface_a = _surface_forms(corpus, a, a_sentences)
    surface_b = _surface_forms(corpus, b, b_sentences)
    points = {
        surface_a.get(stem, stem): score * mass / total for stem, mass in overlap.shared.items()
    }
    faint = 0.0
    for (u, v), mass in overlap.related.items():
        share = score * mass / total
        if share < RELATED_SHOWN_POINTS:
            faint += share
            continue
        label = f"{surface_a.get(u, u)} ~ {surface_b.get(v, v)}"
        points[label] = points.get(label, 0.0) + share
    if faint:
        points[FAINT_RELATED] = faint
    ranked = sorted(points.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(SharedWord(word, round(p, 2)) for word, p in ranked)


def _surface_forms(corpus: Corpus, article: Article, sentences: tuple[int, ...]) -> dict[str, str]:
    """First spelling of every stem in the given sentences, as written in the article."""
    forms: dict[str, str] = {}
    all_terms = corpus.sentence_terms(article)
    for i in sentences:
        text = article.sentences[i].text
        for tok in all_terms[i].tokens:
            forms.setdefault(tok.stem, text[tok.start : tok.end])
    return forms
