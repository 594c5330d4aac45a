"""Why two groups of sentences were paired: in plain words, and the words behind the score.

`plain_explanation` is what a reader sees (the Compare tab's score tooltip, the `align`
command's `explanation`): how far to trust the pair, what both mention, what they differ
on: "Solid match (69 of 100): both mention Kang Jun-young, Hankuk University of Foreign
Studies and trilateral. They differ on: four-day / three-day." It reads the pair's
`key_content`.

`explain` gives the arithmetic behind the score. The score of a pair is built from the
weights of the index terms both sides contain and of the related word pairs the folder
taught (`similarity.Overlap`), so the score divides among them in proportion to their
parts. Shared words are shown as side a writes them ("drills", "Taiwan"), one entry per
stem; a related pair as "a's word ~ b's word" ("imports ~ K-pop"). Frequent words ("the")
are listed too, with the little they add.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Article
from .confidence import SOLID, confidence
from .key_content import KeyContent
from .similarity import Corpus, pair_corpus

# Related word pairs worth fewer points than this (often hundreds of them, each a
# fraction of a point) are summed into one entry under `FAINT_RELATED`.
RELATED_SHOWN_POINTS = 0.5
FAINT_RELATED = "words related in this folder"
# Shared phrases and related word pairs a plain explanation names at most.
PLAIN_PHRASES = 3


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


def plain_explanation(score: float, content: KeyContent) -> str:
    """One or two sentences a journalist reads: trust, shared key content, differing values."""
    level = "Solid match" if confidence(score) == SOLID else "Possible match"
    head = f"{level} ({score:.0f} of 100{'' if confidence(score) == SOLID else ', read both'})"
    named = list(content.shared[:PLAIN_PHRASES])
    swaps = [
        f"\u201c{x}\u201d where the other says \u201c{y}\u201d"
        for x, y in content.related[: PLAIN_PHRASES - len(named)]
    ]
    if content.near_identical:
        what = "nearly word for word"
    elif named:
        what = f"both mention {_listed(named)}" + (f"; one says {_listed(swaps)}" if swaps else "")
    elif swaps:
        what = f"one says {_listed(swaps)}"
    else:
        what = "they share only common words"
    text = f"{head}: {what}."
    if content.differing:
        text += " They differ on: " + "; ".join(f"{x} / {y}" for x, y in content.differing) + "."
    return text


def _listed(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
