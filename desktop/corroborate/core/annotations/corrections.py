"""A person's corrections laid over an automatic alignment.

Two kinds, both stored as ManualLinks between two quoted sentences:

- a link pairs two sentences the aligner left apart; each leaves whatever match it
  was in, so a sentence is never reported twice (links sharing a sentence make one
  match with several sentences on a side);
- a rejection removes one sentence pair from a match; a one-to-many match keeps its
  other partners, a one-to-one match disappears and both sentences become unmatched.

Corrections are applied after every alignment, so they survive a new threshold or
new folder statistics. Like annotations they follow the text, not the file: after an
article was edited, `placed_links` finds each linked sentence again (core/annotations/anchoring).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..model import Alignment, Anchoring, Article, LinkKind, ManualLink, Match, Sentence, Target
from .anchoring import LoadedArticles, quote_sentence

Pair = tuple[int, int]  # (sentence of alignment.a, sentence of alignment.b)
Scorer = Callable[[int, int], float]


def sentence_at(target: Target, article: Article) -> int | None:
    """The index of the sentence `target` quotes in `article`, or None."""
    if target.article != article.id:
        return None
    for sentence in article.sentences:
        if (sentence.start, sentence.end) == (target.start, target.end):
            return sentence.index
    return None


def placed_links(
    links: Iterable[ManualLink], articles: Sequence[Article]
) -> list[tuple[ManualLink, ManualLink]]:
    """(stored, placed) for each link whose two sentences are found in `articles`, oldest
    first. Two can land on the same sentences (one made before a file was edited, one
    after): the newer is the person's latest word on them (see `sentence_pairs`).

    The placed link quotes the whole sentence each stored quote is found in now, so it
    names the same sentences as a comparison of the loaded articles. A link with a
    sentence that cannot be found any more is left out (and kept in the store).
    """
    loaded = LoadedArticles(articles)
    by_id = {a.id: a for a in articles}
    found = []
    for link in sorted(links, key=lambda k: k.created):
        ends = []
        for target in (link.a, link.b):
            anchor = loaded.anchor(target)
            placed = anchor.placed if anchor.how != Anchoring.ORPHAN else None
            article = by_id.get(placed.article) if placed is not None else None
            sentence = _sentence_covering(placed, article) if article is not None else None
            if sentence is None:
                break
            ends.append(quote_sentence(article, sentence, target.source))
        if len(ends) == 2 and ends[0].article != ends[1].article:
            found.append((link, ManualLink(link.kind, ends[0], ends[1], link.created)))
    return found


def _sentence_covering(target: Target, article: Article) -> Sentence | None:
    """The sentence holding most of the span, if the span is at least half of it."""
    best, best_overlap = None, 0
    for sentence in article.sentences:
        overlap = min(target.end, sentence.end) - max(target.start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    if best is None or best_overlap < 0.5 * max(1, best.end - best.start):
        return None
    return best


def sentence_pairs(links: Iterable[ManualLink], a: Article, b: Article) -> tuple[set, set]:
    """The (linked, rejected) sentence pairs of the two articles, either way round.

    Links come oldest first: of two on the same pair, the later one counts.
    """
    linked: set[Pair] = set()
    rejected: set[Pair] = set()
    for link in links:
        for first, second in ((link.a, link.b), (link.b, link.a)):
            i, j = sentence_at(first, a), sentence_at(second, b)
            if i is not None and j is not None:
                keep, drop = (
                    (linked, rejected) if link.kind == LinkKind.LINKED else (rejected, linked)
                )
                keep.add((i, j))
                drop.discard((i, j))
                break
    return linked, rejected


def apply_corrections(
    alignment: Alignment,
    links: Iterable[Pair],
    rejections: Iterable[Pair],
    score: Scorer | None = None,
) -> Alignment:
    """The alignment with linked pairs added and rejected pairs taken out.

    `score(i, j)` gives a linked pair its score (0-100); without it a link scores 0.
    Pairs naming sentences the articles do not have are ignored.
    """
    size_a, size_b = len(alignment.a.sentences), len(alignment.b.sentences)
    linked = sorted({(i, j) for i, j in links if 0 <= i < size_a and 0 <= j < size_b})
    rejected = set(rejections)
    linked_a = {i for i, _ in linked}
    linked_b = {j for _, j in linked}

    matches: list[Match] = []
    for match in alignment.matches:
        kept = [
            (i, j)
            for i in match.a
            for j in match.b
            if (i, j) not in rejected and i not in linked_a and j not in linked_b
        ]
        if not kept:
            continue
        side_a = tuple(sorted({i for i, _ in kept}))
        side_b = tuple(sorted({j for _, j in kept}))
        same = (side_a, side_b) == (match.a, match.b)
        matches.append(match if same else Match(side_a, side_b, match.score))
    for group in _linked_groups(linked):
        side_a = tuple(sorted({i for i, _ in group}))
        side_b = tuple(sorted({j for _, j in group}))
        value = 0.0 if score is None else sum(float(score(i, j)) for i, j in group) / len(group)
        matches.append(Match(side_a, side_b, round(value, 2)))
    matches.sort(key=lambda m: (m.a[0], m.b[0], m.a, m.b))
    return Alignment(
        a=alignment.a,
        b=alignment.b,
        threshold=alignment.threshold,
        matches=tuple(matches),
        only_a=_unused(size_a, (m.a for m in matches)),
        only_b=_unused(size_b, (m.b for m in matches)),
    )


def _linked_groups(linked: Sequence[Pair]) -> list[list[Pair]]:
    """Links sharing a sentence form one match (a sentence linked to two in the other)."""
    groups: list[list[Pair]] = []
    for pair in linked:
        joined = [g for g in groups if any(pair[0] == i or pair[1] == j for i, j in g)]
        merged = [pair] + [p for g in joined for p in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _unused(size: int, groups: Iterable[Sequence[int]]) -> tuple[int, ...]:
    used = {i for group in groups for i in group}
    return tuple(i for i in range(size) if i not in used)
