"""Which files of a folder are articles, and why each other one is left out.

Images, hidden files and lock files are skipped quietly, and so are the reports and
exports Corroborate wrote itself. Everything else a person might expect to load (a
read-me, a licence, an old Word file) is listed with the reason it was not read, so
nothing vanishes unexplained. A file named directly, rather than found in a folder, is
always read or given a reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..model import LoadProblem
from .decoding import UnreadableFile
from .formats import READERS
from .generator import SNIFF_BYTES, is_own_report
from .opening import BROKEN_LINK, open_regular_file, os_error_reason

__all__ = [
    "ARTICLE_SUFFIXES",
    "is_article_file",
    "list_article_files",
    "unsupported_reason",
]

ARTICLE_SUFFIXES = frozenset(READERS)
_HTML_SUFFIXES = frozenset(s for s, (fmt, _) in READERS.items() if fmt == "html")
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
# Files that describe the folder rather than report the news, by name without suffix.
_FOLDER_NOTES = {
    "README": "a read-me",
    "LICENSE": "a licence",
    "LICENCE": "a licence",
    "CHANGELOG": "a change log",
    "NOTES": "notes about the folder",
}
_READABLE = ".txt, .md, .html, .docx and .pdf"
_IMPOSSIBLE_NAME = "the name holds a character that file names cannot contain"


def is_article_file(path: Path) -> bool:
    return not _is_hidden(path) and path.suffix.lower() in ARTICLE_SUFFIXES


def _is_hidden(path: Path) -> bool:
    # "~$report.docx" is the lock file Word leaves beside an open document.
    return path.name.startswith((".", "~$")) or path.name.lower() in _IGNORED_NAMES


def _is_quietly_skipped(path: Path) -> bool:
    return _is_hidden(path) or path.suffix.lower() in _IGNORED_SUFFIXES


def unsupported_reason(path: Path) -> str:
    known = _UNSUPPORTED_DOCUMENTS.get(path.suffix.lower())
    if known:
        return f"not supported: {known}"
    if not path.suffix:
        return f"not supported: the name has no extension such as {_READABLE}"
    return f"not supported: “{path.suffix}” files cannot be read, only {_READABLE}"


def _folder_notes_reason(path: Path) -> str | None:
    kind = _FOLDER_NOTES.get(path.stem.upper())
    if kind is None:
        return None
    return f"skipped: looks like {kind}; add it with Add Files to read it"


def _is_own_report(path: Path) -> bool:
    """A report Corroborate saved, recognised by the generator tag in its first bytes."""
    try:
        handle, _ = open_regular_file(path)
        with handle:
            head = handle.read(SNIFF_BYTES)
    except (OSError, UnreadableFile):
        return False  # not readable: reading it explains why
    return is_own_report(head)


def list_article_files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[LoadProblem]]:
    """Expand folders (recursively, in a stable order) into the files to read.

    Returns the files and the problems found while listing: paths that do not exist,
    unsupported documents, and files skipped on purpose (`LoadProblem.skipped`).
    Nothing here opens a file other than to sniff the first bytes of an ordinary one.
    """
    files: list[Path] = []
    problems: list[LoadProblem] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        if p.is_symlink() and not p.exists():
            problems.append(LoadProblem(str(p), BROKEN_LINK))
        elif p.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(p)
        else:
            problems.append(LoadProblem(str(p), unsupported_reason(p)))

    def add_found_in_folder(child: Path) -> None:
        notes = _folder_notes_reason(child)
        if notes is not None:
            problems.append(LoadProblem(str(child), notes, skipped=True))
        elif child.suffix.lower() in _HTML_SUFFIXES and _is_own_report(child):
            pass  # a report of an earlier comparison, not an article
        elif is_article_file(child) or child.suffix.lower() in _UNSUPPORTED_DOCUMENTS:
            add(child)

    for raw in paths:
        p = Path(raw)
        try:
            if p.is_dir():
                for child in _walk(p, problems):
                    if child not in seen and not _is_quietly_skipped(child):
                        seen.add(child)
                        add_found_in_folder(child)
            elif p.exists() or p.is_symlink():
                if p not in seen:
                    seen.add(p)
                    add(p)  # named directly: read, or told why not
            else:
                problems.append(LoadProblem(str(p), "no such file or folder"))
        except ValueError:  # e.g. a NUL byte in the name
            problems.append(LoadProblem(str(p), _IMPOSSIBLE_NAME))
        except OSError as exc:
            problems.append(LoadProblem(str(p), os_error_reason(exc)))
    return files, problems


def _walk(folder: Path, problems: list[LoadProblem]) -> Iterable[Path]:
    """Files under a folder in a stable order, not descending into hidden folders.

    Sub-folders that cannot be opened, and links to folders (not followed, so a link
    back up cannot loop), are reported instead of vanishing.
    """

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(folder)
        problems.append(LoadProblem(str(where), os_error_reason(exc, what="folder")))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        kept = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(root, d)):
                problems.append(
                    LoadProblem(
                        os.path.join(root, d),
                        "skipped: a link to another folder; open that folder to read it",
                        skipped=True,
                    )
                )
            else:
                kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            yield Path(root) / name
