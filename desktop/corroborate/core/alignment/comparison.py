"""One comparison of two articles: an `Alignment` and what each of its pairs shows.

The Compare tab, `corroborate-cli align` and the report all read a pair's word
differences, score explanation and typed discrepancies from here, so they never tell
the reader different things about the same two sentences.

Each is computed the first time it is asked for and kept, by the sentences involved,
so a new alignment of the same articles (another threshold, a link made by hand) keeps
what was already worked out (`realigned`, `adopting`). Results are immutable. The
first pair's discrepancies need the year the story happens in, read from both whole
articles (about 150 ms for a long one): `prepared()` works it out up front, where
waiting is fine (the aligning worker), instead of in the first paint of a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import EllipsisType
from typing import NamedTuple

from ..checks.consistency import reference_year
from ..checks.discrepancy import find_discrepancies
from ..model import Alignment, Article, Discrepancy, Match
from .explanation import SharedWord, explain
from .similarity import Corpus
from .word_diff import DiffOp, word_diff

SentenceGroups = tuple[tuple[int, ...], tuple[int, ...]]


class PairDetails(NamedTuple):
    """What one pair of sentence groups shows; offsets of `diff` count characters in each
    side's sentences joined by one character (a space or a line break)."""

    diff: tuple[DiffOp, ...]
    explanation: tuple[SharedWord, ...]
    discrepancies: tuple[Discrepancy, ...]


class _Found:
    """Results by sentence groups; shared by the comparisons of one pair of articles."""

    def __init__(self) -> None:
        self.year: int | None | EllipsisType = ...  # ...: not worked out yet
        self.diffs: dict[SentenceGroups, tuple[DiffOp, ...]] = {}
        self.discrepancies: dict[SentenceGroups, tuple[Discrepancy, ...]] = {}


class Comparison:
    """An alignment of `a` and `b`, with each pair's details computed on first use.

    `corpus` gives the folder's word weights for explanations (None: the two articles'
    own). Not for use from two threads at once: the GUI reads one on its own thread.
    """

    def __init__(
        self, alignment: Alignment, corpus: Corpus | None = None, *, _found: _Found | None = None
    ) -> None:
        self._alignment = alignment
        self._corpus = corpus
        self._found = _found or _Found()
        self._explanations: dict[SentenceGroups, tuple[SharedWord, ...]] = {}

    @property
    def alignment(self) -> Alignment:
        return self._alignment

    @property
    def a(self) -> Article:
        return self._alignment.a

    @property
    def b(self) -> Article:
        return self._alignment.b

    @property
    def corpus(self) -> Corpus | None:
        return self._corpus

    @property
    def reference_year(self) -> int | None:
        """The latest year written with a month in either article (`consistency`)."""
        if self._found.year is ...:
            self._found.year = reference_year(self.a, self.b)
        return self._found.year

    def prepared(self) -> Comparison:
        """This comparison, with what every pair's discrepancies start from worked out."""
        _ = self.reference_year
        return self

    def realigned(self, alignment: Alignment) -> Comparison:
        """The same two articles aligned anew: what was worked out is kept."""
        if (alignment.a, alignment.b) != (self.a, self.b):
            return Comparison(alignment, self._corpus)
        again = Comparison(alignment, self._corpus, _found=self._found)
        again._explanations = self._explanations
        return again

    def with_corpus(self, corpus: Corpus | None) -> Comparison:
        """New folder word weights: explanations start again, the rest is kept."""
        return Comparison(self._alignment, corpus, _found=self._found)

    def adopting(self, earlier: Comparison) -> Comparison:
        """This comparison, keeping what `earlier` (of the same articles) worked out."""
        if (earlier.a, earlier.b) != (self.a, self.b):
            return self
        if earlier._found.year is ...:
            earlier._found.year = self._found.year
        again = Comparison(self._alignment, self._corpus, _found=earlier._found)
        if earlier._corpus is self._corpus:
            again._explanations = earlier._explanations
        return again

    # --- per pair ------------------------------------------------------------------------
    def word_diff(
        self, a_sentences: Sequence[int], b_sentences: Sequence[int]
    ) -> tuple[DiffOp, ...]:
        key = _key(a_sentences, b_sentences)
        if key not in self._found.diffs:
            self._found.diffs[key] = word_diff(joined(self.a, key[0]), joined(self.b, key[1]))
        return self._found.diffs[key]

    def explanation(
        self, a_sentences: Sequence[int], b_sentences: Sequence[int]
    ) -> tuple[SharedWord, ...]:
        """The words behind the pair's score, largest share first."""
        key = _key(a_sentences, b_sentences)
        if key not in self._explanations:
            self._explanations[key] = explain(self._corpus, self.a, key[0], self.b, key[1])
        return self._explanations[key]

    def discrepancies(
        self, a_sentences: Sequence[int], b_sentences: Sequence[int]
    ) -> tuple[Discrepancy, ...]:
        """Typed differences between the two groups (none when a side is empty)."""
        key = _key(a_sentences, b_sentences)
        if not key[0] or not key[1]:
            return ()
        if key not in self._found.discrepancies:
            self._found.discrepancies[key] = find_discrepancies(
                self.a, key[0], self.b, key[1], self.reference_year
            )
        return self._found.discrepancies[key]

    def knows_discrepancies(self, a_sentences: Sequence[int], b_sentences: Sequence[int]) -> bool:
        return _key(a_sentences, b_sentences) in self._found.discrepancies

    def details(self, match: Match) -> PairDetails:
        return PairDetails(
            self.word_diff(match.a, match.b),
            self.explanation(match.a, match.b),
            self.discrepancies(match.a, match.b),
        )


def joined(article: Article, sentences: Sequence[int], separator: str = " ") -> str:
    """The sentences' texts joined by one character, as word differences count them."""
    return separator.join(article.sentences[i].text for i in sentences)


def _key(a_sentences: Sequence[int], b_sentences: Sequence[int]) -> SentenceGroups:
    return (tuple(a_sentences), tuple(b_sentences))
