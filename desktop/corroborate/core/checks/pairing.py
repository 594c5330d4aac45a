"""Which value on one side of an aligned match answers which value on the other.

Two sentences about the same event can hold several numbers or dates each. A value is
compared with one of the other side only when the words around them show they are about
the same thing, and when the choice is unique: a guess would be a false alarm.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article
from ..text.words import word_tokens, zipf
from .quantities import MONTHS, WEEKDAYS

# Content words on each side of a value that say what it is about.
CONTEXT_WINDOW = 8
# A sentence of a merged side is a partner of a sentence of the other side when it
# shares at least this share of what the closest sentence of its side shares.
CLOSE_SHARE = 0.9
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Words news prose uses interchangeably for what a value is about ("four-day trip",
# "three-day visit"), mapped to the stem of one of them. Keyed on the word, not its stem:
# "according" stems to "accord", and attribution is not an agreement.
_SAME_MEANING = {
    **dict.fromkeys(("trip", "trips", "journey", "journeys", "tour", "tours"), "visit"),
    **dict.fromkeys(("pact", "pacts", "deal", "deals", "accord", "accords"), "agreement"),
}


@dataclass(frozen=True, slots=True)
class Spot:
    """A value found on one side, placed in its article."""

    sentence: int  # sentence index in the article
    start: int  # character offsets in the article text
    end: int
    context: frozenset[str]  # content-word stems around the value
    item: object  # what was found: a Mention, a NounNumber, a Speaker, ...


@dataclass(frozen=True, slots=True)
class SideText:
    """The sentences of one side of a match."""

    article: Article
    sentences: tuple[tuple[int, int, str], ...]  # (index, offset in article, text)


def side_text(article: Article, indices: Sequence[int]) -> SideText:
    rows = []
    for i in sorted(set(indices)):
        s = article.sentences[i]
        rows.append((i, s.start, article.text[s.start : s.end]))
    return SideText(article, tuple(rows))


@lru_cache(maxsize=16384)
def _content_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, stem) of the words of a sentence that carry content."""
    return tuple(
        (t.start, t.end, _SAME_MEANING.get(t.norm, t.stem))
        for t in word_tokens(text)
        if not t.stop and t.norm.isalpha() and t.norm not in _CALENDAR_WORDS
    )


def context(text: str, start: int, end: int, skip: Sequence[tuple[int, int]]) -> frozenset[str]:
    """Stems of content words near [start, end) of `text`, outside the spans in `skip`.

    Other values are skipped so that "four-day" and "three-day" are not linked by "day".
    """
    words = [w for w in _content_words(text) if not any(s < w[1] and w[0] < e for s, e in skip)]
    before = [w[2] for w in words if w[1] <= start][-CONTEXT_WINDOW:]
    after = [w[2] for w in words if w[0] >= end][:CONTEXT_WINDOW]
    return frozenset(before + after)


def pair_up(
    xs: Sequence[Spot],
    ys: Sequence[Spot],
    comparable: Callable[[object, object], bool],
    consistent: Callable[[object, object], bool | None],
    identity: Callable[[object], object],
    linked: Callable[[int, int], bool],
) -> list[tuple[Spot, Spot]]:
    """Pairs of values that contradict each other and describe the same thing.

    A value with a consistent (or undecidable) counterpart on the other side is accounted
    for. The rest are grouped by value (a side may repeat "four-day"); a group pairs with
    the group of the other side whose surrounding words it shares most, when that choice
    is unique and mutual, through its best-placed occurrences. `linked(i, j)` says whether
    sentence i of the first side may be compared with sentence j of the second at all.
    """

    def accounted(x: Spot, others: Sequence[Spot], flip: bool) -> bool:
        for y in others:
            p, q = (y.item, x.item) if flip else (x.item, y.item)
            if comparable(p, q) and consistent(p, q) is not False:
                return True
        return False

    groups_x: dict[object, list[Spot]] = {}
    groups_y: dict[object, list[Spot]] = {}
    for x in xs:
        if not accounted(x, ys, False):
            groups_x.setdefault(identity(x.item), []).append(x)
    for y in ys:
        if not accounted(y, xs, True):
            groups_y.setdefault(identity(y.item), []).append(y)
    best: dict[tuple[object, object], tuple[int, Spot, Spot]] = {}
    for gx, members_x in groups_x.items():
        for gy, members_y in groups_y.items():
            x0, y0 = members_x[0].item, members_y[0].item
            if not comparable(x0, y0) or consistent(x0, y0) is not False:
                continue
            candidates = [
                (len(x.context & y.context), x, y)
                for x in members_x
                for y in members_y
                if linked(x.sentence, y.sentence) and x.context & y.context
            ]
            if candidates:
                best[gx, gy] = min(candidates, key=_tie_break)
    pairs = []
    for (gx, gy), (n, x, y) in best.items():
        rivals = [m for (p, q), (m, _, _) in best.items() if (p == gx) != (q == gy)]
        if all(m < n for m in rivals):
            pairs.append((x, y))
    return pairs


def _tie_break(candidate: tuple[int, Spot, Spot]) -> tuple:
    """Most shared words first, then the earliest occurrences, read alike from either side."""
    n, x, y = candidate
    return -n, sorted([(x.sentence, x.start), (y.sentence, y.start)])


def sentence_links(sa: SideText, sb: SideText) -> Callable[[int, int], bool]:
    """Which sentence of one side may be compared with which of the other.

    A one-to-one match compares everything. When a side holds several sentences, a
    sentence of the other side is compared only with those of them that share nearly as
    much with it as the closest one: a merged neighbour about another event ("last met in
    November") must not be read against the date of this one ("Monday, January 5").
    """
    if len(sa.sentences) == 1 and len(sb.sentences) == 1:
        return lambda i, j: True
    weight = _stem_weights(sa.article, sb.article)
    allowed = set()
    for i, _, text_a in sa.sentences:
        for j, _, text_b in sb.sentences:
            if _close_enough(text_a, text_b, sb.sentences, weight) and _close_enough(
                text_b, text_a, sa.sentences, weight
            ):
                allowed.add((i, j))
    return lambda i, j: (i, j) in allowed


def _close_enough(
    text: str, partner: str, side: Sequence[tuple[int, int, str]], weight: Callable[[str], float]
) -> bool:
    best = max(_shared_weight(text, other, weight) for _, _, other in side)
    return _shared_weight(text, partner, weight) >= CLOSE_SHARE * best


def _shared_weight(x: str, y: str, weight: Callable[[str], float]) -> float:
    sx, sy = _stems(x), _stems(y)
    return sum(weight(t) * min(sx[t], sy[t]) for t in sx.keys() & sy.keys())


@lru_cache(maxsize=16384)
def _stems(text: str) -> dict[str, float]:
    """Content-word stems of a sentence and their rarity in general English.

    Rarity is 9 - Zipf frequency of the commonest form, kept in 0.5-8.
    """
    stems: dict[str, float] = {}
    for t in word_tokens(text):
        if not t.stop:
            rarity = min(8.0, max(0.5, 9.0 - zipf(t.norm)))
            stems[t.stem] = min(rarity, stems.get(t.stem, rarity))
    return stems


@lru_cache(maxsize=256)
def _sentence_counts(text: str, spans: tuple[tuple[int, int], ...]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for start, end in spans:
        counts.update(_stems(text[start:end]))
    return counts


def _stem_weights(a: Article, b: Article) -> Callable[[str], float]:
    """How much a shared word says about two sentences of these articles.

    The story's actors ("Lee", "Xi") are in nearly every sentence and say little; words
    rare in the two articles say more (and, see `_stems`, words rare in general English).
    """
    counts = [
        _sentence_counts(x.text, tuple((s.start, s.end) for s in x.sentences)) for x in (a, b)
    ]
    n = len(a.sentences) + len(b.sentences)

    def weight(stem: str) -> float:
        df = counts[0][stem] + counts[1][stem]
        return math.log((n + 1) / (df + 1)) + 1.0

    return weight
