"""Immutable records passed between core functions and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # content hash of the text: annotations follow content, not paths
    path: str
    title: str
    source: str
    format: str
    text: str
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class LoadProblem:
    path: str
    reason: str


# --- Alignment of two articles (core/align.py) -------------------------------------


@dataclass(frozen=True, slots=True)
class Match:
    """Sentences of article a and article b that report the same thing.

    One-to-one in the common case; one side holds two or three indices when one long
    sentence covers several shorter ones in the other source.
    """

    a: tuple[int, ...]  # sentence indices into Alignment.a.sentences, ascending
    b: tuple[int, ...]  # sentence indices into Alignment.b.sentences, ascending
    score: float  # 0-100

    def mirrored(self) -> Match:
        return Match(self.b, self.a, self.score)


@dataclass(frozen=True, slots=True)
class Alignment:
    a: Article
    b: Article
    threshold: float  # the score a pair had to reach
    matches: tuple[Match, ...]  # in reading order of a
    only_a: tuple[int, ...]  # sentences of a with no partner in b, ascending
    only_b: tuple[int, ...]


# --- Typed differences inside an aligned pair (core/discrepancy.py) ----------------


@dataclass(frozen=True, slots=True)
class DiscrepancySide:
    article: str  # Article.id
    sentence: int  # sentence index in that article
    start: int  # character offsets of the value in the article text
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class Discrepancy:
    kind: str  # "number", "duration", "date", "money", "percent", "plural", "speaker", ...
    explanation: str  # one line a person understands
    a: DiscrepancySide
    b: DiscrepancySide
