"""One reader per file format: bytes in, article text plus what the file says about it.

Each reader raises `UnreadableFile` with a sentence for the user when the file cannot
become an article; other exceptions are caught by `read_article` as a last resort.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .decoding import UnreadableFile, decode_html, decode_text, normalise_newlines
from .front_matter import split_front_matter
from .metadata import (
    Metadata,
    iso_date,
    page_byline,
    pdf_date,
    person_byline,
    site_name,
    web_url,
)


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    meta: Metadata = Metadata()  # from the format's metadata; empty fields when it has none


Reader = Callable[[bytes], Extracted]
MIN_HTML_WORDS = 5


def read_plain(data: bytes) -> Extracted:
    meta, text = split_front_matter(normalise_newlines(decode_text(data)))
    return Extracted(text, meta)


def read_markdown(data: bytes) -> Extracted:
    """Markdown rendered to plain text: no '#', '**' or link syntax among the sentences."""
    meta, source = split_front_matter(normalise_newlines(decode_text(data)))
    extracted = _render_markdown(source)
    return Extracted(extracted.text, replace(meta, title=meta.title or extracted.meta.title))


def _render_markdown(source: str) -> Extracted:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    try:
        tokens = parser.parse(source)
    except RecursionError:
        tokens = None
    # Past its nesting limit markdown-it silently drops the deeper text; read it plainly.
    if tokens is None or any(t.level >= parser.options["maxNesting"] - 1 for t in tokens):
        return _markdown_as_plain_text(source)
    blocks: list[str] = []
    title = ""
    for i, token in enumerate(tokens):
        if token.type != "inline":
            continue
        text = _inline_text(token.children or [])
        if not text.strip():
            continue
        opener = tokens[i - 1] if i else None
        if (
            not title
            and opener is not None
            and opener.type == "heading_open"
            and opener.tag == "h1"
        ):
            title = text.strip()
        blocks.append(text.strip())
    return Extracted("\n\n".join(blocks), Metadata(title=title))


_MD_BLOCK_MARKS = re.compile(r"^(?:\s*(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s)))+\s*")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)")


def _markdown_as_plain_text(source: str) -> Extracted:
    """The words of a Markdown file with the common markup taken off, without parsing it."""
    paragraphs: list[str] = []
    current: list[str] = []
    title = ""
    for raw in source.split("\n"):
        line = _MD_BLOCK_MARKS.sub("", raw).strip()
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(2)
        line = _MD_EMPHASIS.sub("", _MD_LINK.sub(r"\1", line)).strip()
        if heading and line and not title and heading.group(1) == "#":
            title = line
        if line and not heading:
            current.append(line)
            continue
        if current:
            paragraphs.append(" ".join(current))
            current = []
        if line:
            paragraphs.append(line)
    if current:
        paragraphs.append(" ".join(current))
    if not any(p.strip() for p in paragraphs):
        raise UnreadableFile("the Markdown is nested too deeply to read")
    return Extracted("\n\n".join(paragraphs), Metadata(title=title))


def _inline_text(children: list) -> str:
    """Words of one Markdown block; emphasis, links and images reduced to their text."""
    pieces = {"text": None, "code_inline": None, "softbreak": " ", "hardbreak": "\n"}
    out = []
    for child in children:
        if child.type in pieces:
            out.append(child.content if pieces[child.type] is None else pieces[child.type])
    return "".join(out)


# trafilatura's time grows faster than the page: ~3 s at this many elements on a 2-core
# machine, over a minute at 100,000. A saved news page has a few thousand.
MAX_HTML_ELEMENTS = 20_000
# Opening tags of the elements trafilatura walks; scripts, styles, icon drawings and
# empty tags such as <br> or <img> do not count.
_COUNTED_HTML_TAG = re.compile(
    r"<(?!(?:script|style|svg|path|g|use|symbol|defs|circle|rect|polygon|polyline|line"
    r"|ellipse|meta|link|br|hr|img|source|input|option|wbr)[\s/>])[a-zA-Z]",
    re.IGNORECASE,
)


def read_html(data: bytes) -> Extracted:
    """The main text of a web page; menus, footers, cookie notices and scripts left out."""
    import trafilatura

    html = decode_html(data)
    if "<" not in html:
        raise UnreadableFile("not a web page: it has no HTML markup")
    elements = sum(1 for _ in _COUNTED_HTML_TAG.finditer(html))
    if elements > MAX_HTML_ELEMENTS:
        raise UnreadableFile(
            f"this web page is too large to read: it has {elements:,} paragraphs, links and "
            f"other parts (the limit is {MAX_HTML_ELEMENTS:,})"
        )
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    # A page that is all menus leaves a word or two ("Home") behind, not an article.
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise UnreadableFile("no article text found in this web page")
    meta = _page_metadata(html)
    # trafilatura ends each paragraph with a single newline; a blank line marks paragraphs.
    body = re.sub(r"\n+", "\n\n", normalise_newlines(text).strip())
    if meta.title and not body.startswith(meta.title):
        body = f"{meta.title}\n\n{body}"
    return Extracted(body, meta)


# Only dates the page states (meta tags, JSON-LD, <time>, its address), not ones guessed
# from its text; the time and offset kept when given.
_PAGE_DATE_SEARCH = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


def _page_metadata(html: str) -> Metadata:
    """Title, site name, date, author and canonical address that a web page declares
    (Open Graph, article:*, Dublin Core, JSON-LD, <link rel=canonical>)."""
    import trafilatura

    try:
        found = trafilatura.extract_metadata(html, date_config=dict(_PAGE_DATE_SEARCH))
    except MemoryError:
        raise
    except Exception:  # metadata is a bonus: a page whose markup defeats it still loads
        return Metadata()
    if found is None:
        return Metadata()
    outlet = site_name(found.sitename)
    return Metadata(
        title=(found.title or "").strip(),
        site_name=outlet,
        published=iso_date(found.date),
        byline=page_byline(found.author, outlet),
        url=web_url(found.url),
    )


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes) -> Extracted:
    """Paragraph text in reading order; the title from the document properties or a Title style.

    The author property is not used as the outlet: it usually names whoever saved the file,
    so it becomes the byline only when it looks like a person's name. The creation date in
    the properties is the published date.
    The limits that keep a small archive from expanding without end are in core/ingest/docx_text.py.
    """
    from .docx_text import DAMAGED_DOCX, is_title_style, read_word_text

    if data.startswith(_OLE_MAGIC):
        raise UnreadableFile(
            "not a .docx document: an old Word 97–2003 file or a password-protected one "
            "(save it as .docx without a password)"
        )
    if not data.startswith(b"PK"):
        raise UnreadableFile(DAMAGED_DOCX)
    document = read_word_text(data)
    paragraphs = [(text.strip(), style) for text, style in document.paragraphs]
    paragraphs = [(text, style) for text, style in paragraphs if text]
    if not paragraphs:
        raise UnreadableFile("empty file: this Word document has no text")
    title = document.title
    if not title:
        title = next((t for t, style in paragraphs if is_title_style(style)), "")
    meta = Metadata(
        title=title, published=iso_date(document.created), byline=person_byline(document.creator)
    )
    return Extracted("\n\n".join(text for text, _ in paragraphs), meta)


def read_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if b"%PDF-" not in data[:1024]:
        raise UnreadableFile("not a PDF document: the file is damaged")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile("the PDF is password-protected")
        pages = [_page_text(page) for page in reader.pages]
        meta = _pdf_metadata(reader)
    except (UnreadableFile, MemoryError):
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise UnreadableFile("the PDF is password-protected") from exc
    except Exception as exc:
        raise UnreadableFile("not a PDF document: the file is damaged or cut short") from exc
    text = "\n\n".join(page for page in pages if page.strip())
    if not text.strip():
        raise UnreadableFile(
            "no text in this PDF: it is probably a scanned image, and reading text "
            "from images is not supported"
        )
    return Extracted(text, meta)


def _pdf_metadata(reader) -> Metadata:
    """Title, author (as a byline when it names people) and creation date of the info
    dictionary. The raw date is parsed here: pypdf's own parsing fails on odd values."""
    try:
        info = reader.metadata
        if not info:
            return Metadata()
        title, author, created = info.title, info.author, info.creation_date_raw
    except Exception:  # a damaged info dictionary costs the metadata, not the text
        return Metadata()
    return Metadata(
        title=title.strip() if isinstance(title, str) else "",
        published=pdf_date(created),
        byline=person_byline(author),
    )


def _page_text(page) -> str:
    try:
        raw = page.extract_text() or ""
    except Exception:  # one unreadable page should not lose the others
        return ""
    return _reflow(raw)


def _reflow(page: str) -> str:
    """PDF text breaks lines mid-sentence: join them back into paragraphs.

    A line ends its paragraph when it is followed by a blank line, or when it is clearly
    shorter than the page's full lines (a headline, or the last line of a paragraph).
    Words hyphenated across a line break ("negoti-" + "ations") are rejoined.
    """
    lines = [line.strip() for line in normalise_newlines(page).split("\n")]
    full = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current.endswith("-") and current[-2:-1].islower() and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if len(line) < 0.7 * full and not line.endswith((",", "-")):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", read_plain),
    ".text": ("txt", read_plain),
    ".md": ("md", read_markdown),
    ".markdown": ("md", read_markdown),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".docx": ("docx", read_docx),
    ".pdf": ("pdf", read_pdf),
}
