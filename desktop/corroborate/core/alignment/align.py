"""Pairwise alignment: which sentences of two articles report the same thing.

Steps, all on the cached score matrix of the pair (see `similarity.Corpus`), raised or
lowered by what numbers, outside experts and quotations say (`agreement`):

1. Links: every sentence is linked to its best partner in the other article when that
   pair reaches the threshold (ties go to the earlier sentence). No reading order is
   assumed: sources tell events in different orders. Linking the best partner in both
   directions lets one long sentence link to the two or three shorter ones that each
   find it best, and keeps a sentence that is nobody's best from being paired twice.
2. Matches: the links are gathered into one-to-one and one-to-many matches. A sentence
   with several links becomes the "one" side of a match holding its partners (at most
   `MAX_GROUP`; more partners make further matches). When both sentences of a link have
   other links, the link starts as a one-to-one match of its own.
3. One row per claim (`rows`): matches that share a sentence are merged while the
   result is one sentence against at most `MAX_GROUP`, or else the weaker loses the
   shared sentence, unless its partners in the two matches state different things.

Lines that are not sentences take no part: section headings ("Security Balancing Act"),
photo captions made of names ("Chinese President Xi Jinping - South Korean President Lee
Jae Myung"), mastheads and source lists. They end without closing punctuation, and
share names and topic words with many sentences while stating no fact of their own;
on the sample articles they made one false link in seven (`text.sentence_kinds.is_label`).
The headline does take part, and so does a line without closing punctuation that has a
verb and enough content words (a second headline, summary bullets, a sentence whose full
stop was lost). How far each kept pair can be trusted: `confidence.confidence`.

The result is symmetric: the pair is always computed in one orientation (by article
id) and mirrored for the other, so `align(b, a)` is exactly the mirror of `align(a, b)`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Alignment, Article, Match
from ..text.sentence_kinds import is_label
from .rows import MAX_GROUP, Group, one_row_each
from .similarity import Corpus, pair_corpus

# The score a pair must reach when no threshold is given. Scores are weighted word
# overlaps (0-100) counting related words (see `related`): sentences of articles about
# the same event that report different things share names and grammar words and mostly
# score below 18; paraphrases score 25 and more. Chosen on the sample articles, where F1
# is flat (0.70 at 22, 0.695-0.696 at 20 and 24).
DEFAULT_THRESHOLD = 22.0


def align(
    a: Article, b: Article, corpus: Corpus | None = None, threshold: float | None = None
) -> Alignment:
    """Align the sentences of `a` and `b`; deterministic and symmetric.

    `corpus` supplies folder statistics (words common in the folder count less) and
    caches the pair's score matrix; without one, a corpus of the two articles is used.
    `threshold` (0-100) defaults to `DEFAULT_THRESHOLD`.
    """
    if a.id > b.id:
        return mirror(align(b, a, corpus, threshold))
    corpus = pair_corpus(a, b) if corpus is None else corpus.including(a, b)
    limit = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    # Matches show the word score (what `explanation` breaks down); partners are chosen
    # on it raised or lowered by what numbers, experts and quotations say (`agreement`).
    # A raise picks between candidates but never lifts a pair over the threshold.
    scores = corpus.score_matrix(a, b)
    factor = corpus.agreement(a, b)
    ranking = np.where(scores >= limit, scores * factor, np.minimum(scores, scores * factor))
    if a.id == b.id:
        # The same text (two copies of one file): each sentence pairs with itself.
        links = {(i, i) for i in range(len(a.sentences)) if scores[i, i] >= limit}
    else:
        links = _links(_without_labels(ranking, a, b), limit)
    known: dict[Group, float] = {}

    def score_groups(groups: Sequence[Group]) -> list[float]:
        todo = [g for g in groups if g not in known and len(g[0]) + len(g[1]) > 2]
        known.update(zip(todo, corpus.group_scores(a, b, todo), strict=True))
        return [known.get(g, float(scores[g[0][0], g[1][0]])) for g in groups]

    def within(side: str, first: tuple[int, ...], second: tuple[int, ...]) -> float:
        article = a if side == "a" else b
        return corpus.group_scores(article, article, [(first, second)])[0]

    stars = _stars(links)
    rows = one_row_each(stars, score_groups(stars), score_groups, within)
    matches = [Match(ga, gb, round(score, 2)) for (ga, gb), score in rows]
    matches.sort(key=_reading_order)
    used_a = {i for m in matches for i in m.a}
    used_b = {j for m in matches for j in m.b}
    return Alignment(
        a=a,
        b=b,
        threshold=limit,
        matches=tuple(matches),
        only_a=tuple(i for i in range(len(a.sentences)) if i not in used_a),
        only_b=tuple(j for j in range(len(b.sentences)) if j not in used_b),
    )


def _reading_order(m: Match) -> tuple:
    return (m.a[0], m.b[0], m.a, m.b)


def mirror(alignment: Alignment) -> Alignment:
    """The same alignment seen from the other article."""
    matches = sorted((m.mirrored() for m in alignment.matches), key=_reading_order)
    return Alignment(
        a=alignment.b,
        b=alignment.a,
        threshold=alignment.threshold,
        matches=tuple(matches),
        only_a=alignment.only_b,
        only_b=alignment.only_a,
    )


def _without_labels(scores: np.ndarray, a: Article, b: Article) -> np.ndarray:
    rows = [i for i in range(len(a.sentences)) if is_label(a, i)]
    cols = [j for j in range(len(b.sentences)) if is_label(b, j)]
    if not rows and not cols:
        return scores
    scores = scores.copy()
    scores[rows, :] = 0.0
    scores[:, cols] = 0.0
    return scores


def _links(scores: np.ndarray, limit: float) -> set[tuple[int, int]]:
    """Each sentence's best partner on the other side, when the pair reaches `limit`."""
    if scores.size == 0:
        return set()
    links = set()
    for i, j in enumerate(scores.argmax(axis=1).tolist()):
        if scores[i, j] >= limit:
            links.add((i, j))
    for j, i in enumerate(scores.argmax(axis=0).tolist()):
        if scores[i, j] >= limit:
            links.add((i, j))
    return links


def _stars(links: set[tuple[int, int]]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Gather links into matches of one sentence and its partners, covering every link.

    Sentences with the most links (then the lowest side and index) take their partners
    first, so a long sentence linked to three short ones becomes one one-to-many match.
    """
    partners: dict[tuple[str, int], set[int]] = {}
    for i, j in links:
        partners.setdefault(("a", i), set()).add(j)
        partners.setdefault(("b", j), set()).add(i)
    groups = []
    for hub in sorted(partners, key=lambda k: (-len(partners[k]), k)):
        side, index = hub
        chosen = sorted(partners[hub])
        if not chosen:
            continue  # every link of this sentence went to an earlier match
        for start in range(0, len(chosen), MAX_GROUP):
            chunk = tuple(chosen[start : start + MAX_GROUP])
            groups.append(((index,), chunk) if side == "a" else (chunk, (index,)))
        other_side = "b" if side == "a" else "a"
        for other in chosen:
            partners[other_side, other].discard(index)
    return groups
