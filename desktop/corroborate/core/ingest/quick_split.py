"""Sentence ends found by a few rules in linear time, for text beyond pysbd's budget.

A sentence ends at '.', '!', '?' or '…' (and any closing quote or bracket) followed by
a space and a capital letter, a digit or an opening quote, unless the word before the
period is an abbreviation, an initial or a dotted abbreviation such as "U.S.". The
abbreviation lists are pysbd's own, used the way pysbd uses them, so both splitters agree
on ordinary news prose; these rules only ever split less often where they are unsure.
"""

from __future__ import annotations

import re

from pysbd.lang.english import English

_ABBREVIATIONS = frozenset(a.strip().lower() for a in English.Abbreviation.ABBREVIATIONS)
# "Mr. Smith": these never end a sentence, whatever follows.
_PREPOSITIVE = frozenset(a.strip().lower() for a in English.Abbreviation.PREPOSITIVE_ABBREVIATIONS)
_OPENERS = "\"'“‘(["
# A word, then either a sure end ("!", "?", "…", "...") or a single period, then any
# closing quotes or brackets, then a space and what can start a sentence.
_CANDIDATE_END = re.compile(
    r"(?<!\S)(\S+?)(?:([.!?…]{2,}|[!?…])|\.)[\"'”’)\]]*(?=\s+[\"'“‘(\[]*([A-Z0-9]))"
)


def quick_spans(window: str) -> list[tuple[int, int]]:
    """Spans covering the whole window, one per sentence, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE_END.finditer(window):
        word, sure_end, next_char = m.groups()
        if sure_end or _period_ends_sentence(word.lstrip(_OPENERS).lower(), next_char):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(window)))
    return spans


def _period_ends_sentence(word: str, next_char: str) -> bool:
    if word in _PREPOSITIVE or "." in word or (len(word) == 1 and word.isalpha()):
        return False
    # pysbd ends a sentence after another abbreviation only before a capital ("etc. The").
    return word not in _ABBREVIATIONS or next_char.isupper()
