"""Read article files of every supported format into `Article` records.

`read_article` never raises for a bad file: it returns a `LoadProblem` with a
sentence a person understands, so one broken file never stops a folder loading.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .model import Article, LoadProblem
from .segment import split_sentences

MAX_BYTES = 20 * 1024 * 1024
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}


class UnreadableFile(Exception):
    """A file that cannot become an article; the message is shown to the user."""


def is_article_file(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- text decoding ---------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_text(data: bytes) -> str:
    """Decode bytes of a text file, detecting the encoding instead of assuming UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096]:
        if _looks_like_bomless_utf16(data):
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        raise UnreadableFile("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile("binary file, not text")
    encoding = best.encoding
    # Western news text that is not UTF-8 is almost always cp1252 (a superset of latin-1).
    if encoding in {"latin_1", "iso8859_1", "iso8859_15"}:
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls > 0.02 * min(len(text), 8192)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- per-format readers: each returns (text, title or "", source or "") ------------


def _read_plain(path: Path, data: bytes) -> tuple[str, str, str]:
    text = normalise_newlines(decode_text(data))
    if _looks_binary(text):
        raise UnreadableFile("binary file, not text")
    return text, "", ""


def _read_markdown(path: Path, data: bytes) -> tuple[str, str, str]:
    text, _, _ = _read_plain(path, data)
    title = ""
    for line in text.splitlines():
        m = re.match(r"\s*#{1,6}\s+(.*\S)", line)
        if m:
            title = m.group(1).strip().strip("#").strip()
            break
        if line.strip():
            break
    return text, title, ""


def _read_html(path: Path, data: bytes) -> tuple[str, str, str]:
    import trafilatura

    html = (
        decode_text(data)
        if not data.lstrip().startswith(b"<?xml")
        else data.decode("utf-8", "replace")
    )
    if "<" not in html:
        raise UnreadableFile("not an HTML page: it has no markup")
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "") if meta else ""
    source = ((meta.sitename or "") if meta else "").strip()
    if not text or not text.strip():
        raise UnreadableFile("no article text found in this web page")
    body = normalise_newlines(text)
    # trafilatura separates paragraphs with single newlines; keep them as paragraphs.
    body = re.sub(r"\n(?!\n)", "\n\n", body)
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    return body, title, source


def _read_docx(path: Path, data: bytes) -> tuple[str, str, str]:
    import docx

    if not zipfile.is_zipfile(path):
        raise UnreadableFile("not a Word document: the file is damaged")
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise UnreadableFile("not a Word document: the file is damaged") from exc
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    text = "\n\n".join(paragraphs)
    props = document.core_properties
    return text, (props.title or "").strip(), (props.author or "").strip()


def _read_pdf(path: Path, data: bytes) -> tuple[str, str, str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise UnreadableFile("not a PDF document: the file is damaged")
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UnreadableFile("the PDF is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except UnreadableFile:
        raise
    except (PdfReadError, Exception) as exc:
        raise UnreadableFile("not a PDF document: the file is damaged or truncated") from exc
    text = "\n\n".join(_reflow_pdf_page(p) for p in pages if p.strip())
    title = (meta.title or "").strip() if meta else ""
    author = (meta.author or "").strip() if meta else ""
    if not text.strip():
        raise UnreadableFile("the PDF has no text layer (a scanned image?)")
    return text, title, author


def _reflow_pdf_page(page: str) -> str:
    """PDF text breaks lines mid-sentence; join lines, keep blank-line paragraphs."""
    page = normalise_newlines(page)
    paras = re.split(r"\n\s*\n", page)
    return "\n\n".join(re.sub(r"(?<=\S)-\n(?=[a-z])|\s*\n\s*", _join, p).strip() for p in paras)


def _join(m: re.Match[str]) -> str:
    return "" if m.group(0).endswith("-\n") or m.group(0) == "-\n" else " "


_READERS: dict[str, tuple[str, Callable[[Path, bytes], tuple[str, str, str]]]] = {
    ".txt": ("txt", _read_plain),
    ".md": ("md", _read_markdown),
    ".markdown": ("md", _read_markdown),
    ".html": ("html", _read_html),
    ".htm": ("html", _read_html),
    ".docx": ("docx", _read_docx),
    ".pdf": ("pdf", _read_pdf),
}


# --- the public entry points -------------------------------------------------------


def read_article(path: str | os.PathLike[str]) -> Article | LoadProblem:
    """Read one file; a file that cannot be read becomes a LoadProblem, never an exception."""
    p = Path(path)
    try:
        return _read(p)
    except UnreadableFile as exc:
        return LoadProblem(str(p), str(exc))
    except FileNotFoundError:
        return LoadProblem(str(p), "the file no longer exists (moved or deleted while loading)")
    except PermissionError:
        return LoadProblem(str(p), "permission denied: you are not allowed to read this file")
    except IsADirectoryError:
        return LoadProblem(str(p), "this is a folder, not a file")
    except OSError as exc:
        return LoadProblem(str(p), f"the file could not be read ({exc.strerror or exc})")
    except Exception as exc:  # a reader library failing on odd input must not stop the folder
        return LoadProblem(str(p), f"the file could not be read ({type(exc).__name__})")


def _read(p: Path) -> Article:
    suffix = p.suffix.lower()
    if suffix not in _READERS:
        raise UnreadableFile(f"unsupported file type “{p.suffix or 'no extension'}”")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise UnreadableFile(
            f"file too large ({size / 1024 / 1024:.0f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB)"
        )
    data = p.read_bytes()
    if not data.strip():
        raise UnreadableFile("empty file")
    fmt, reader = _READERS[suffix]
    text, title, source = reader(p, data)
    text = text.strip("\n")
    if not text.strip():
        raise UnreadableFile("empty file: no text in it")
    if not title:
        title = _first_line(text) or p.stem
    if not source:
        source = _source_from_text(text) or _source_from_filename(p)
    return Article(
        id=content_id(text),
        path=str(p),
        title=title,
        source=source,
        format=fmt,
        text=text,
        sentences=split_sentences(text),
    )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return ""


_OUTLET_LINE = re.compile(
    r"^[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3} (?:News|Times|Post|Herald|Journal|Tribune|Daily"
    r"|Gazette|Telegraph|Agency|Press|Online|Network|Radio|TV)$"
)


def _source_from_text(text: str) -> str:
    """An outlet name standing alone on the first line ("CRBC News"), if there is one."""
    first = _first_line(text)
    return first if _OUTLET_LINE.match(first) else ""


def _source_from_filename(p: Path) -> str:
    stem = re.sub(r"^\d+[_-]+", "", p.stem)
    stem = re.sub(r"[_-]+[0-9a-f]{8,}$", "", stem)
    words = re.split(r"[_\-\s]+", stem)
    return " ".join(w.capitalize() if w.islower() else w for w in words if w) or p.stem


def list_article_files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[LoadProblem]]:
    """Expand folders (recursively) into article files; skip hidden and non-article files."""
    files: list[Path] = []
    problems: list[LoadProblem] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    child = Path(root) / name
                    if is_article_file(child) and child not in seen:
                        seen.add(child)
                        files.append(child)
        elif p.exists() or p.is_symlink():
            if p.name.startswith("."):
                continue
            if p.suffix.lower() in ARTICLE_SUFFIXES:
                if p not in seen:
                    seen.add(p)
                    files.append(p)
            else:
                problems.append(
                    LoadProblem(str(p), f"unsupported file type “{p.suffix or 'no extension'}”")
                )
        else:
            problems.append(LoadProblem(str(p), "no such file or folder"))
    return files, problems
