"""Read article files of every supported format into `Article` records.

`read_article` never raises for a bad file: it returns a `LoadProblem` with a
sentence a person understands, so one broken file never stops a folder loading.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from ..model import Article, LoadProblem
from .decoding import UnreadableFile
from .formats import READERS
from .listing import ARTICLE_SUFFIXES, is_article_file, list_article_files, unsupported_reason
from .opening import BROKEN_LINK, open_regular_file, os_error_reason
from .segment import Cancelled
from .sentence_cache import cached_sentences
from .titles import guess_title_and_source, has_visible_text

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_BYTES",
    "UnreadableFile",
    "content_id",
    "is_article_file",
    "list_article_files",
    "read_article",
]

MAX_BYTES = 20 * 1024 * 1024
# How a failure names the file, by format.
_FORMAT_NOUNS = {
    "txt": "text file",
    "md": "Markdown file",
    "html": "web page",
    "docx": "Word document",
    "pdf": "PDF",
}


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_article(
    path: str | os.PathLike[str], keep_going: Callable[[], bool] | None = None
) -> Article | LoadProblem:
    """Read one file; a file that cannot be read becomes a LoadProblem, never an exception.

    `keep_going` is asked now and then while a long text is split into sentences; when it
    returns False, `segment.Cancelled` is raised: the one exception that passes through.
    """
    p = Path(path)
    try:
        return _read(p, keep_going)
    except Cancelled:
        raise
    except UnreadableFile as exc:
        return LoadProblem(str(p), str(exc), skipped=exc.skipped)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and p.is_symlink():
            return LoadProblem(str(p), BROKEN_LINK)
        return LoadProblem(str(p), os_error_reason(exc))
    except MemoryError:
        return LoadProblem(str(p), "not enough memory to read this file")
    except Exception as exc:  # a reader library failing on odd input must not stop the folder
        noun = _FORMAT_NOUNS.get(READERS.get(p.suffix.lower(), ("",))[0], "file")
        return LoadProblem(
            str(p), f"this {noun} could not be read: the reader failed on it ({type(exc).__name__})"
        )


def _read(p: Path, keep_going: Callable[[], bool] | None) -> Article:
    suffix = p.suffix.lower()
    if suffix not in READERS:
        raise UnreadableFile(unsupported_reason(p))
    data = _read_bytes(p)
    if not data:
        raise UnreadableFile("empty file")
    if not data.strip():
        raise UnreadableFile("empty file: it holds only blank space")
    fmt, reader = READERS[suffix]
    extracted = reader(data)
    text = extracted.text.strip("\n")
    if not text.strip():
        raise UnreadableFile("empty file: it holds only blank space")
    if not has_visible_text(text):  # zero-width spaces, joiners, soft hyphens and the like
        raise UnreadableFile("empty file: it holds no visible text")
    meta = extracted.meta
    title, source = guess_title_and_source(text, p, meta.title, meta.outlet, meta.site_name)
    # Sentences are cached by text alone; the metadata is read from the file every time,
    # so two files with the same text never share a date or a byline.
    return Article(
        id=content_id(text),
        path=str(p),
        title=title,
        source=source,
        format=fmt,
        text=text,
        sentences=cached_sentences(text, keep_going=keep_going),
        published=meta.published,
        byline=meta.byline,
        url=meta.url,
    )


def _read_bytes(p: Path) -> bytes:
    """The file's bytes, refusing oversized files without reading them whole.

    Pipes, sockets and devices are refused before they are opened (see core/ingest/opening.py).
    """
    handle, info = open_regular_file(p)
    with handle:
        if info.st_size > MAX_BYTES:
            raise UnreadableFile(_too_large(info.st_size))
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # grew while being read
        raise UnreadableFile(_too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return f"too large: {size / 1024 / 1024:.1f} MB (the limit is {MAX_BYTES // 1024 // 1024} MB)"
