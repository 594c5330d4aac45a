"""Plain-text search that folds case, diacritics and typographic quotes: "Sao Paulo" finds
"São Paulo", "don't" finds "don’t". Offsets of hits are those of the original text."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .words import PLAIN_PUNCTUATION

# Narrow spaces too: a search for "10 km" finds "10\u202fkm".
_PLAIN = {**PLAIN_PUNCTUATION, ord("\u202f"): " ", ord("\u2009"): " "}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """The text as search compares it: lower case, no accents, straight quotes."""
    return "".join(_fold_char(c) for c in text)


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index it came from."""
    parts: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char) if not char.isascii() or char.isupper() else char
        parts.append(folded)
        origins.extend([index] * len(folded))
    return "".join(parts), origins


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every (start, end) of `query` in `text`, folded, left to right, not overlapping."""
    needle = fold(query)
    if not needle.strip():
        return []
    haystack, origins = _folded_with_origins(text)
    hits: list[tuple[int, int]] = []
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(needle)
        hits.append((origins[at], origins[end - 1] + 1))
        at = haystack.find(needle, end)
    return hits


def contains(text: str, query: str) -> bool:
    needle = fold(query)
    return bool(needle.strip()) and needle in fold(text)
