"""Read article files of every supported format into `Article` records.

`read_article` never raises for a bad file: it returns a `LoadProblem` with a
sentence a person understands, so one broken file never stops a folder loading.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .cache import cached_sentences
from .decoding import UnreadableFile
from .formats import READERS
from .model import Article, LoadProblem
from .titles import guess_title_and_source

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
ARTICLE_SUFFIXES = frozenset(READERS)
# Files a folder of saved articles often holds beside them; skipped without a word.
_IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
_IGNORED_SUFFIXES = frozenset(
    """.png .jpg .jpeg .gif .webp .bmp .tif .tiff .svg .ico .heic .avif .css .js .json .map
    .woff .woff2 .ttf .otf .eot .mp3 .mp4 .m4a .mov .webm .wav .zip .gz .tmp .part .crdownload
    .ds_store .lnk .url .webloc .xml .csv""".split()
)
# Documents a person may expect to load; they get a problem saying what to do instead.
_UNSUPPORTED_DOCUMENTS = {
    ".doc": "an old Word 97–2003 document: save it as .docx",
    ".rtf": "an RTF document: save it as .docx or .txt",
    ".odt": "an OpenDocument text: save it as .docx",
    ".pages": "a Pages document: export it as .docx or .pdf",
    ".epub": "an e-book, not an article",
    ".mht": "a web archive: save the page as .html",
    ".mhtml": "a web archive: save the page as .html",
}


def is_article_file(path: Path) -> bool:
    return not _is_hidden(path) and path.suffix.lower() in ARTICLE_SUFFIXES


def _is_hidden(path: Path) -> bool:
    # "~$report.docx" is the lock file Word leaves beside an open document.
    return path.name.startswith((".", "~$")) or path.name.lower() in _IGNORED_NAMES


def _is_quietly_skipped(path: Path) -> bool:
    return _is_hidden(path) or path.suffix.lower() in _IGNORED_SUFFIXES


def _is_folder_notes(path: Path) -> bool:
    """A README or licence beside the articles describes the folder; it is not an article."""
    return path.stem.upper() in {"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTES"}


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_article(path: str | os.PathLike[str]) -> Article | LoadProblem:
    """Read one file; a file that cannot be read becomes a LoadProblem, never an exception."""
    p = Path(path)
    try:
        return _read(p)
    except UnreadableFile as exc:
        return LoadProblem(str(p), str(exc))
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and p.is_symlink():
            return LoadProblem(str(p), "broken link: the file it points to does not exist")
        return LoadProblem(str(p), _os_error_reason(exc))
    except MemoryError:
        return LoadProblem(str(p), "not enough memory to read this file")
    except Exception as exc:  # a reader library failing on odd input must not stop the folder
        return LoadProblem(
            str(p), f"the file could not be read: an unexpected error ({type(exc).__name__})"
        )


def _os_error_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file disappeared while loading (moved or deleted)"
    if isinstance(exc, PermissionError):
        return "permission denied: you are not allowed to read this file"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a file"
    if exc.errno == errno.ELOOP:
        return "broken link: it points back to itself"
    return f"the file could not be read ({exc.strerror or exc})"


def _read(p: Path) -> Article:
    suffix = p.suffix.lower()
    if suffix not in READERS:
        raise UnreadableFile(_unsupported_reason(p))
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
    title, source = guess_title_and_source(text, p, extracted.title, extracted.source)
    return Article(
        id=content_id(text),
        path=str(p),
        title=title,
        source=source,
        format=fmt,
        text=text,
        sentences=cached_sentences(text),
    )


def _read_bytes(p: Path) -> bytes:
    """The file's bytes, refusing oversized files without reading them whole."""
    with open(p, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            # A pipe or device would block or never end.
            raise UnreadableFile("not a regular file")
        if info.st_size > MAX_BYTES:
            raise UnreadableFile(_too_large(info.st_size))
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # grew while being read
        raise UnreadableFile(_too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return f"too large: {size / 1024 / 1024:.1f} MB (the limit is {MAX_BYTES // 1024 // 1024} MB)"


def _unsupported_reason(p: Path) -> str:
    known = _UNSUPPORTED_DOCUMENTS.get(p.suffix.lower())
    if known:
        return f"not supported: {known}"
    return f"unsupported file type “{p.suffix or 'no extension'}”"


def list_article_files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[LoadProblem]]:
    """Expand folders (recursively) into article files.

    Hidden files, lock files, images and other non-article files are skipped quietly;
    documents in formats that cannot be read are reported, so nothing vanishes unexplained.
    """
    files: list[Path] = []
    problems: list[LoadProblem] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        if p in seen:
            return
        seen.add(p)
        if p.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(p)
        else:
            problems.append(LoadProblem(str(p), _unsupported_reason(p)))

    for raw in paths:
        p = Path(raw)
        try:
            if p.is_dir():
                for child in _walk(p):
                    if _is_quietly_skipped(child) or _is_folder_notes(child):
                        continue
                    if is_article_file(child) or child.suffix.lower() in _UNSUPPORTED_DOCUMENTS:
                        add(child)
            elif p.exists() or p.is_symlink():
                if not _is_quietly_skipped(p):
                    add(p)
            else:
                problems.append(LoadProblem(str(p), "no such file or folder"))
        except (OSError, ValueError) as exc:  # e.g. a name with a NUL byte in it
            problems.append(LoadProblem(str(p), f"this path cannot be opened ({exc})"))
    return files, problems


def _walk(folder: Path) -> Iterable[Path]:
    """Files under a folder in a stable order, not descending into hidden folders."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            yield Path(root) / name
