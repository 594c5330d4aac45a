"""Offsets into an article file's own text (CRLF kept), for the positions Web Annotations carry.

Corroborate counts the characters of its normalised text: line ends made "\\n" and blank
lines at the start dropped (core/ingest). Another tool reading the file counts the
file's own characters, one more for every CRLF line end before the span. Only plain
text and Markdown files that decode as UTF-8 are mapped, and a mapped span must hold the
quote in the file: a position that cannot be checked so (an edited file, Markdown marks
before the quote) is left out rather than guessed.
"""

from __future__ import annotations

import os
import stat
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MAX_FILE_BYTES = 20 * 1024 * 1024  # the largest article core/ingest reads


@dataclass(frozen=True, slots=True)
class FileText:
    text: str  # the file's characters as a consumer reads them: CRLF kept
    lead: int  # normalised characters dropped at the start (blank lines)
    crlf_normalised: tuple[int, ...]  # where each "\r\n" stands in the normalised text
    crlf_in_file: tuple[int, ...]  # where each "\r\n" stands in the file's text

    def to_file(self, start: int, end: int, exact: str) -> tuple[int, int] | None:
        """File offsets of the app's span start:end, None when the file does not hold `exact`."""
        file_start, file_end = self._file_offset(start), self._file_offset(end)
        # Not the quote there: the file changed, or it is Markdown whose marks the app
        # dropped. Another occurrence of the quote might be a different passage: none.
        if self.text[file_start:file_end] != exact:
            return None
        return file_start, file_end

    def from_file(self, start: int, end: int) -> tuple[int, int]:
        """The app's offsets of the file's span start:end (a first guess; anchoring checks)."""
        return self._app_offset(start), max(self._app_offset(end), self._app_offset(start))

    def _file_offset(self, offset: int) -> int:
        normalised = offset + self.lead
        return normalised + bisect_left(self.crlf_normalised, normalised)

    def _app_offset(self, offset: int) -> int:
        return max(0, offset - bisect_left(self.crlf_in_file, offset) - self.lead)


def file_text(path: str) -> FileText | None:
    """The text of a local plain-text or Markdown file; None for any other file or failure."""
    if not path or Path(path).suffix.lower() not in TEXT_SUFFIXES:
        return None
    try:
        # Non-blocking: a named pipe in the file's place must not hang an export.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with open(os.open(path, flags), "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None
            data = stream.read(MAX_FILE_BYTES + 1)
        text = data.decode("utf-8-sig")
    except (OSError, ValueError):
        return None
    if len(data) > MAX_FILE_BYTES:
        return None
    crlf_in_file = []
    at = text.find("\r\n")
    while at != -1:
        crlf_in_file.append(at)
        at = text.find("\r\n", at + 2)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    lead = len(normalised) - len(normalised.lstrip("\n"))
    crlf_normalised = tuple(at - n for n, at in enumerate(crlf_in_file))
    return FileText(text, lead, crlf_normalised, tuple(crlf_in_file))


class FileTexts:
    """file_text() once per path, for an export or import touching one file many times."""

    def __init__(self) -> None:
        self._texts: dict[str, FileText | None] = {}

    def get(self, path: str) -> FileText | None:
        if path not in self._texts:
            self._texts[path] = file_text(path)
        return self._texts[path]


def local_path(uri: str) -> str:
    """The file path a file: URI names; "" for any other address."""
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return ""
    path = unquote(parts.path)
    if os.name == "nt" and path[:1] == "/" and path[2:3] == ":":
        path = path[1:]  # file:///C:/x -> C:/x
    return str(Path(path))
