"""Tokens with character spans, for pattern rules over news sentences.

Numbers keep their separators ("2,000", "150th", "four-day"), names keep their inner
hyphens ("Jae-in", "Sung-lac"), so rules can read a sentence the way it is written and
still point at the exact characters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text.words import fold


class Tok(NamedTuple):
    text: str  # as written
    low: str  # folded: lower case, ASCII quotes and dashes
    start: int
    end: int


# Numbers keep separators and ordinal suffixes ("2,000", "150th", "4-day"); words keep inner
# hyphens and apostrophes ("four-day", "Jae-in", "didn't") but not a possessive "'s".
_TOKEN = re.compile(
    r"\d(?:[\d,.]*\d)?(?:st|nd|rd|th)?(?:-[^\W\d_]+)*"
    r"|[^\W\d_]+(?:-(?:[^\W\d_]+|\d+))*(?:'(?!s\b)[^\W\d_]+)*"
    r"|'s\b"
    r"|\S",
    re.IGNORECASE,
)


def folded_as_tokens(text: str) -> str:
    """`text` folded as `written_tokens` reads it: one character for each of `text`'s."""
    folded = fold(text)
    if len(folded) != len(text):  # a ligature or similar expanded: fold per character
        folded = "".join(fold(ch)[:1] or " " for ch in text)
    return folded


@lru_cache(maxsize=8192)
def written_tokens(text: str) -> tuple[Tok, ...]:
    """Every word, number and punctuation mark of `text` as written, with folded forms."""
    folded = folded_as_tokens(text)
    return tuple(
        Tok(text[m.start() : m.end()], m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(folded)
    )


def is_capitalised(tok: Tok) -> bool:
    return tok.text[:1].isupper()


def singular(word: str) -> str:
    """A plain singular for an English plural noun; unchanged if it does not look plural."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def noun_singular(tok: Tok) -> str:
    """Singular of a noun token, knowing that "MOUs" and "CEOs" are plural acronyms."""
    if len(tok.text) > 2 and tok.text.endswith("s") and tok.text[:-1].isupper():
        return tok.low[:-1]
    return singular(tok.low)
