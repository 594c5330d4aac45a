"""Word-level difference of two sentences, for highlighting what one source changed.

Words are compared in their normalised form (`text.words.word_tokens`: case, curly quotes
and dashes folded), so "Lee’s" and "lee's" are equal. Each operation carries character
offsets into both original strings, and the operations cover both strings completely
and in order.

Where the text between words goes: an operation's range on one side runs from the
start of its first word to the start of the word after its last one. The whitespace
and punctuation after a word therefore belong to the operation holding that word;
text before the first word belongs to the first operation. An operation with no words
on one side ("insert" on side a, "delete" on side b) has an empty range there, except
when that side has no words at all and its whole (blank or punctuation) text is the range.
"""

from __future__ import annotations

from typing import NamedTuple

from rapidfuzz.distance import Indel

from ..text.words import Token, word_tokens


class DiffOp(NamedTuple):
    kind: str  # "equal", "insert" (only in b), "delete" (only in a), "replace"
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def word_diff(a: str, b: str) -> tuple[DiffOp, ...]:
    """Operations turning `a` into `b`, word by word, with character offsets."""
    ta, tb = word_tokens(a), word_tokens(b)
    if not ta or not tb:
        return _without_words(a, b, ta, tb)
    bounds_a, bounds_b = _bounds(ta, len(a)), _bounds(tb, len(b))
    ops: list[DiffOp] = []
    # Indel (longest common subsequence) never pairs unrelated words the way a
    # substitution-based edit script does; a deletion next to an insertion is a replacement.
    for op in _merge_replacements(Indel.opcodes([t.norm for t in ta], [t.norm for t in tb])):
        kind, i1, i2, j1, j2 = op
        ops.append(DiffOp(kind, bounds_a[i1], bounds_a[i2], bounds_b[j1], bounds_b[j2]))
    return tuple(ops)


def _bounds(tokens: tuple[Token, ...], length: int) -> list[int]:
    """Character position where the range of token k starts; the last is the end."""
    return [0] + [t.start for t in tokens[1:]] + [length]


def _merge_replacements(opcodes) -> list[tuple[str, int, int, int, int]]:
    merged: list[tuple[str, int, int, int, int]] = []
    for op in opcodes:
        kind, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if merged and kind != "equal" and merged[-1][0] != "equal":
            _, pi1, _, pj1, _ = merged[-1]
            merged[-1] = ("replace", pi1, i2, pj1, j2)
        else:
            merged.append((kind, i1, i2, j1, j2))
    return merged


def _without_words(a: str, b: str, ta, tb) -> tuple[DiffOp, ...]:
    if not a and not b:
        return ()
    if ta:
        kind = "delete"
    elif tb:
        kind = "insert"
    else:
        kind = "equal"  # nothing but blanks and punctuation on both sides
    return (DiffOp(kind, 0, len(a), 0, len(b)),)
