"""Sentences that may not share a fact however alike they read: different people's statements.

Outlets quote different experts on the same theme ("China sees Seoul as the weakest link,"
said Kang; Park said China's aim is to pull Seoul away from Washington). The two sentences
share most of their content words, yet they report two statements by two people: one fact
holding both misleads the reader about who said what. Two sentences are kept apart when
each credits one named speaker (`checks.speakers`), the two are different people, neither
sentence names the other's speaker, both are people (or both bodies: one outlet may
credit a ministry, another its spokesperson), and they do not give the same statement
(`checks.attribution.same_statement`: then it is one fact with a disputed speaker, which
the discrepancy checks flag).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..checks.attribution import same_statement
from ..checks.speakers import Speaker, find_speakers, same_person
from ..text.words import word_tokens


class SpeakerConflicts:
    """`apart(x, y)` for rows whose text and article `text_of(row)` and `article_of(row)`
    give; results are cached."""

    def __init__(self, text_of: Callable[[int], str], article_of: Callable[[int], int]) -> None:
        self._text_of, self._article_of = text_of, article_of
        self._speaker: dict[int, tuple[Speaker, frozenset[str]] | None] = {}
        self._apart: dict[tuple[int, int], bool] = {}

    def _only_speaker(self, row: int) -> tuple[Speaker, frozenset[str]] | None:
        """The sentence's one named speaker and its words, or None (none, or several)."""
        if row not in self._speaker:
            text = self._text_of(row)
            found = find_speakers(text)
            # Most sentences credit no one: their words are never read.
            words = frozenset(t.norm for t in word_tokens(text)) if len(found) == 1 else None
            self._speaker[row] = (found[0], words) if words is not None else None
        return self._speaker[row]

    def any_apart(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> bool:
        """Whether a row of `rows_a` and one of `rows_b` report different people's
        statements; rows of one article are not compared (one outlet quoting two people
        in two sentences of one fact is its own reading of the fact)."""
        quoting_a = [r for r in rows_a if self._only_speaker(r) is not None]
        if not quoting_a:
            return False
        quoting_b = [r for r in rows_b if self._only_speaker(r) is not None]
        return any(
            self.apart(x, y)
            for x in quoting_a
            for y in quoting_b
            if self._article_of(x) != self._article_of(y)
        )

    def apart(self, x: int, y: int) -> bool:
        """Whether rows `x` and `y` report statements of two different people."""
        key = (x, y) if x < y else (y, x)
        if key not in self._apart:
            self._apart[key] = self._differ(*key)
        return self._apart[key]

    def _differ(self, x: int, y: int) -> bool:
        one, other = self._only_speaker(x), self._only_speaker(y)
        if one is None or other is None:
            return False
        (a, words_a), (b, words_b) = one, other
        if same_person(a, b) or a.key & words_b or b.key & words_a:
            return False
        if a.organisation != b.organisation:
            return False  # a body and a person: perhaps its spokesperson

        return not same_statement(self._text_of(x), a, self._text_of(y), b)
