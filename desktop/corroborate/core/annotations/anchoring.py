"""Quote sentences for annotations and find the quotes again after the text changed.

Annotations follow an article's content, not its path. Moving a folder keeps every
article id (the content hash), so targets attach exactly. Editing a file changes its id;
then the target is looked for in the article with the same source label or file name,
and finally by its quote in every loaded article, in this order:

1. the exact quote at the old offsets (EXACT),
2. the exact quote elsewhere, choosing by the prefix/suffix context when it occurs
   several times (MOVED),
3. the closest passage scoring at least FUZZY_THRESHOLD (FUZZY), snapped to the
   sentence it falls in when that sentence is about as close,
4. otherwise the target is an ORPHAN: kept in the store and listed, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import PurePath

from rapidfuzz import fuzz

from ..model import Anchor, Anchoring, Annotation, Article, Sentence, Target

CONTEXT_CHARS = 32  # length of the prefix and suffix quoted around a span
FUZZY_THRESHOLD = 85.0  # rapidfuzz score (0-100) a passage needs to count as the quote

_RANK = {Anchoring.EXACT: 3, Anchoring.MOVED: 2, Anchoring.FUZZY: 1, Anchoring.ORPHAN: 0}


def quote(article: Article, start: int, end: int, label: str | None = None) -> Target:
    """A target for article.text[start:end], with its context for re-anchoring."""
    if not 0 <= start <= end <= len(article.text):
        raise ValueError(f"span {start}-{end} is outside the article ({len(article.text)} chars)")
    text = article.text
    return Target(
        article=article.id,
        source=label if label is not None else article.source,
        title=article.title,
        path=article.path,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def quote_sentence(article: Article, sentence: Sentence, label: str | None = None) -> Target:
    return quote(article, sentence.start, sentence.end, label)


def anchor_in(target: Target, article: Article) -> Anchor:
    """Place the target in one article (exact, moved, fuzzy or orphan)."""
    text = article.text
    if target.exact and text[target.start : target.end] == target.exact:
        return _placed(target, article, target.start, target.end, Anchoring.EXACT, 100.0)
    starts = _occurrences(text, target.exact)
    if starts:
        best = max(starts, key=lambda s: (_context_score(target, text, s), -abs(s - target.start)))
        end = best + len(target.exact)
        return _placed(target, article, best, end, Anchoring.MOVED, 100.0)
    return _fuzzy(target, article)


def reanchor(target: Target, articles: Sequence[Article], fuzzy_everywhere: bool = True) -> Anchor:
    """Find the target among the loaded articles; the best placement wins.

    The fuzzy search through articles of other sources and names is the slow step
    (about a millisecond per article); `fuzzy_everywhere=False` skips it, for callers
    that only ask whether an annotation belongs to a set of articles.
    """
    same = [a for a in articles if a.id == target.article]
    if same:
        return anchor_in(target, same[0])
    # An edited copy of the same article first: even a fuzzy place there beats an exact
    # quote in another source, which would silently change whose words were judged.
    name = PurePath(target.path).name
    likely = [a for a in articles if a.source == target.source or PurePath(a.path).name == name]
    best = _best(target, (anchor_in(target, a) for a in likely))
    if best.how != Anchoring.ORPHAN:
        return best
    likely_ids = {a.id for a in likely}
    others = [a for a in articles if a.id not in likely_ids]
    if not fuzzy_everywhere:
        others = [a for a in others if target.exact and target.exact in a.text]
    return _best(target, (anchor_in(target, a) for a in others))


def reanchor_annotation(
    annotation: Annotation, articles: Sequence[Article], fuzzy_everywhere: bool = True
) -> tuple[Anchor, ...]:
    return tuple(reanchor(t, articles, fuzzy_everywhere) for t in annotation.targets)


def relocated(annotation: Annotation, anchors: Sequence[Anchor]) -> Annotation:
    """The annotation with placed targets moved; orphan targets stay as stored."""
    targets = tuple(a.placed if a.placed is not None else a.target for a in anchors)
    return replace(annotation, targets=targets)


def orphans(anchors: Iterable[Anchor]) -> tuple[Target, ...]:
    return tuple(a.target for a in anchors if a.how == Anchoring.ORPHAN)


# --- helpers ------------------------------------------------------------------------


def _placed(
    target: Target,
    article: Article,
    start: int,
    end: int,
    how: Anchoring,
    score: float,
) -> Anchor:
    placed = quote(article, start, end, label=target.source)
    return Anchor(target, how, placed, score)


def _orphan(target: Target) -> Anchor:
    return Anchor(target, Anchoring.ORPHAN, None, 0.0)


def _best(target: Target, anchors: Iterable[Anchor]) -> Anchor:
    return max(anchors, key=lambda a: (_RANK[a.how], a.score), default=_orphan(target))


def _occurrences(text: str, needle: str) -> list[int]:
    if not needle:
        return []
    starts, i = [], text.find(needle)
    while i != -1:
        starts.append(i)
        i = text.find(needle, i + 1)
    return starts


def _context_score(target: Target, text: str, start: int) -> float:
    """How well the text around an occurrence agrees with the quoted prefix and suffix."""
    end = start + len(target.exact)
    before = text[max(0, start - len(target.prefix)) : start]
    after = text[end : end + len(target.suffix)]
    score = 0.0
    if target.prefix:
        score += fuzz.ratio(before, target.prefix)
    if target.suffix:
        score += fuzz.ratio(after, target.suffix)
    return score


def _fuzzy(target: Target, article: Article) -> Anchor:
    if not target.exact.strip():
        return _orphan(target)
    hit = fuzz.partial_ratio_alignment(target.exact, article.text, score_cutoff=FUZZY_THRESHOLD)
    if hit is None:
        return _orphan(target)
    start, end, score = hit.dest_start, hit.dest_end, hit.score
    sentence = _covering_sentence(article, start, end)
    if sentence is not None:
        whole = fuzz.ratio(target.exact, sentence.text)
        if whole >= FUZZY_THRESHOLD:
            start, end, score = sentence.start, sentence.end, whole
    return _placed(target, article, start, end, Anchoring.FUZZY, score)


def _covering_sentence(article: Article, start: int, end: int) -> Sentence | None:
    best, best_overlap = None, 0
    for s in article.sentences:
        overlap = min(end, s.end) - max(start, s.start)
        if overlap > best_overlap:
            best, best_overlap = s, overlap
    return best


class LoadedArticles:
    """What reanchor() compares every target with, worked out once per load: the ids,
    source labels and file names of the loaded articles."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self.ids = {a.id for a in articles}
        self.sources = {a.source for a in articles}
        self.names = {PurePath(a.path).name for a in articles}

    def anchor(self, target: Target) -> Anchor:
        """reanchor(target, articles, fuzzy_everywhere=False), with the same answer.

        A target of another folder (no id, source or file name in common, its quote in
        no loaded text) is an orphan: said without reanchor() taking every article's
        path apart, which made it the slowest step of a load for half the store.
        """
        if (
            target.article in self.ids
            or target.source in self.sources
            or PurePath(target.path).name in self.names
            or (target.exact and any(target.exact in a.text for a in self.articles))
        ):
            return reanchor(target, self.articles, fuzzy_everywhere=False)
        return Anchor(target, Anchoring.ORPHAN, None, 0.0)


def annotations_on(
    articles: Sequence[Article], annotations: Iterable[Annotation]
) -> list[Annotation]:
    """The annotations quoting `articles`, their targets moved to where the quotes are now
    (an edited or moved file keeps its annotations, as in the window)."""
    chosen = []
    # No fuzzy search through every article for annotations made elsewhere: that would
    # make one folder slow when the store holds many others.
    loaded = LoadedArticles(articles)
    for annotation in annotations:
        anchors = tuple(loaded.anchor(t) for t in annotation.targets)
        if any(a.how != Anchoring.ORPHAN for a in anchors):
            chosen.append(relocated(annotation, anchors))
    return chosen
