"""Evidence about two sentences beyond their shared words: numbers, quotes, near spellings.

Shared words say two sentences are about the same thing; these say whether they state
the same thing about it. Each is a plain measurement the scorers combine:

- `number_disagreement`: the share of the numbers the two sentences give that only one
  of them gives, when both give numbers ("4 NATO troops killed" against "Eight NATO
  troops killed"). Number words up to twelve count as their digits.
- `quote_disagreement`: how little the words inside quotation marks overlap, when both
  sentences quote someone ("'It's going to happen,' said Santangelo" against "'That
  really affects the companies,' said Santangelo": one person, two statements).
- `near_spellings`: pairs of words only one side has whose stems are spelt almost alike
  ("Syria"/"Syrian", "recharging"/"charging"), each with its character similarity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, utils
from rapidfuzz.distance import Indel

from ..text.words import Token

_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
# A quotation of at least a few words, in straight or curly marks.
_QUOTATION = re.compile(r'"([^"]{8,})"|\u201c([^\u201d]{8,})\u201d')
# Two different words count as one spelling when their normalised Indel similarity
# reaches this (chosen on STS-B train news: 0.7 ranked better than 0.75 and 0.8) ...
NEAR_SPELLING = 0.7
# ... and both have at least this many characters (shorter words collide by chance).
NEAR_SPELLING_MIN_LENGTH = 4


def numbers(tokens: Iterable[Token]) -> set[str]:
    """The numbers a sentence gives, number words written as digits."""
    out = set()
    for t in tokens:
        if t.norm[:1].isdigit():
            out.add(t.norm)
        elif t.norm in _NUMBER_WORDS:
            out.add(_NUMBER_WORDS[t.norm])
    return out


def number_disagreement(a: Iterable[Token], b: Iterable[Token]) -> float:
    """0 when the numbers agree (or a side gives none), up to 1 when none is shared."""
    na, nb = numbers(a), numbers(b)
    if not na or not nb:
        return 0.0
    return len(na ^ nb) / len(na | nb)


def quotation(text: str) -> str:
    """The quoted words of a sentence, joined; empty when it quotes nobody."""
    return " ".join(m.group(1) or m.group(2) for m in _QUOTATION.finditer(text))


def quote_disagreement(a: str, b: str) -> float:
    """0 when the quotations match (or a side quotes nothing), towards 1 when they differ."""
    return quotations_disagreement(quotation(a), quotation(b))


def quotations_disagreement(qa: str, qb: str) -> float:
    """`quote_disagreement` of two quotations already taken out of their sentences."""
    if not qa or not qb:
        return 0.0
    return 1.0 - fuzz.token_set_ratio(qa, qb, processor=utils.default_process) / 100.0


def near_spellings(a: Mapping[str, float], b: Mapping[str, float]) -> list[tuple[str, str, float]]:
    """(term of a, term of b, similarity) for each term only `a` has and its closest
    unshared term of `b`, when they are spelt almost alike (numbers never are)."""

    def unshared(mine: Mapping[str, float], other: Mapping[str, float]) -> list[str]:
        return [
            t
            for t in mine
            if t not in other and len(t) >= NEAR_SPELLING_MIN_LENGTH and not t[0].isdigit()
        ]

    candidates = unshared(b, a)
    found = []
    for t in unshared(a, b):
        best, partner = 0.0, ""
        for u in candidates:
            value = Indel.normalized_similarity(t, u)
            if value > best:
                best, partner = value, u
        if best >= NEAR_SPELLING:
            found.append((t, partner, best))
    return found
