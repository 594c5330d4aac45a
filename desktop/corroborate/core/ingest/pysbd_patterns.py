"""pysbd's regular expressions compiled once per process instead of over and over.

pysbd calls `re.sub(pattern_text, ...)` and the like with about 640 different patterns
on news prose (many built from its abbreviation list), more than the 512 that `re`
keeps compiled, and `re` drops the oldest first: cycling through them, nearly every call
compiled its pattern again, a seventh of pysbd's time. pysbd's modules are given their
own `re` with a larger cache; each call still runs the same compiled pattern as `re`'s.
"""

from __future__ import annotations

import functools
import re
from types import ModuleType
from typing import Any

import pysbd.abbreviation_replacer
import pysbd.between_punctuation
import pysbd.exclamation_words
import pysbd.lists_item_replacer
import pysbd.processor
import pysbd.punctuation_replacer
import pysbd.utils

# The modules of pysbd that call re's functions while splitting (not pysbd.segmenter,
# whose patterns are made from each sentence and are never used twice).
_SPLITTING_MODULES: tuple[ModuleType, ...] = (
    pysbd.abbreviation_replacer,
    pysbd.between_punctuation,
    pysbd.exclamation_words,
    pysbd.lists_item_replacer,
    pysbd.processor,
    pysbd.punctuation_replacer,
    pysbd.utils,
)
PATTERNS_KEPT = 4096


@functools.lru_cache(maxsize=PATTERNS_KEPT)
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _pattern(pattern: str | re.Pattern[str], flags: int) -> re.Pattern[str]:
    return pattern if isinstance(pattern, re.Pattern) else _compiled(pattern, flags)


class _CachingRe:
    """`re` with the module-level functions pysbd uses going through `_compiled`."""

    @staticmethod
    def compile(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
        return _pattern(pattern, flags)

    @staticmethod
    def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
        return _pattern(pattern, flags).sub(repl, string, count)

    @staticmethod
    def findall(pattern: Any, string: str, flags: int = 0) -> list[Any]:
        return _pattern(pattern, flags).findall(string)

    @staticmethod
    def finditer(pattern: Any, string: str, flags: int = 0) -> Any:
        return _pattern(pattern, flags).finditer(string)

    @staticmethod
    def search(pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        return _pattern(pattern, flags).search(string)

    @staticmethod
    def match(pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        return _pattern(pattern, flags).match(string)

    @staticmethod
    def split(pattern: Any, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        return _pattern(pattern, flags).split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:  # escape, IGNORECASE, error, ...
        return getattr(re, name)


def install() -> None:
    """Give pysbd's splitting modules the caching `re`; calling it again changes nothing."""
    caching = _CachingRe()
    for module in _SPLITTING_MODULES:
        module.re = caching  # type: ignore[attr-defined]
