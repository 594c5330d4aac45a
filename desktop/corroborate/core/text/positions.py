"""Map Python string offsets to UTF-16 code units and back.

Qt counts text positions in UTF-16 code units; Python counts code points. They differ
after any character outside the Basic Multilingual Plane (emoji, some CJK).
"""

from __future__ import annotations

from bisect import bisect_right


class Utf16Map:
    def __init__(self, text: str) -> None:
        # Python offsets of characters that take two UTF-16 units; usually empty.
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 position just after each of them.
        self._wide_ends = [i + n + 2 for n, i in enumerate(self._wide)]
        self._length = len(text)

    def to_utf16(self, offset: int) -> int:
        return offset + bisect_right(self._wide, offset - 1)

    def from_utf16(self, position: int) -> int:
        offset = position - bisect_right(self._wide_ends, position)
        return max(0, min(offset, self._length))
