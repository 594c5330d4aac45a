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
