"""The paragraphs of a Word (.docx) document, read within fixed limits.

A .docx file is a zip archive, and a 2 MB archive can expand to gigabytes: parsing it
whole would exhaust the computer's memory. So the archive's directory is checked first,
each part is decompressed as a stream with a byte cap (a forged size in the directory
cannot get past it), and the text is collected by a streaming XML parser that builds no
document tree. The paragraphs are those python-docx reads from the document body, plus
those in content controls and tracked insertions, which Word shows as body text too;
tables, text boxes and deleted text stay out, as before.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .decoding import UnreadableFile

MB = 1024 * 1024
DOCUMENT_LIMIT = 64 * MB  # word/document.xml, decompressed: a long book is a few MB
PART_LIMIT = 8 * MB  # each other part read: relationships, properties, styles
TOTAL_LIMIT = 80 * MB  # every part read, together
PARAGRAPH_LIMIT = 200_000  # about 4,000 pages; an article has a few dozen
ELEMENT_LIMIT = 4_000_000  # XML elements in the document part, so parsing stays quick

DAMAGED_DOCX = "not a Word document: the file is damaged"
_CHUNK = 256 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DC_CREATED = "{http://purl.org/dc/terms/}created"
# Block wrappers whose paragraphs Word shows as ordinary body text.
_BODY_WRAPPERS = frozenset({"sdt", "sdtContent", "customXml"})
# Content Word does not show as text: tracked deletions, and the fallback copy of content
# given twice (mc:AlternateContent), which would otherwise be read twice.
_HIDDEN = frozenset({"del", "moveFrom", "~Fallback"})
# Run content that stands for a character (python-docx reads them the same way).
_RUN_CHARACTERS = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}
_TITLE_STYLES = frozenset({"title", "heading 1"})


class _Refused(UnreadableFile):
    pass


def _too_big(limit: int) -> _Refused:
    return _Refused(
        f"this Word document expands to more than {limit // MB} MB: refused to protect "
        "your computer's memory"
    )


@dataclass(slots=True)
class WordText:
    paragraphs: list[tuple[str, str]]  # (text, style name), in reading order
    # From the document properties (docProps/core.xml); empty when it has none.
    title: str = ""
    creator: str = ""  # whoever the word processor named: often a login, not a byline
    created: str = ""  # as written (W3C date and time)


def read_word_text(data: bytes) -> WordText:
    """Paragraph text and style names of a .docx file; UnreadableFile when damaged or huge."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableFile(DAMAGED_DOCX) from exc
    with archive:
        package = _Package(archive)
        try:
            return package.read()
        except (UnreadableFile, MemoryError):
            raise
        except Exception as exc:  # bad CRC, truncated stream, broken XML, odd compression
            raise UnreadableFile(DAMAGED_DOCX) from exc


class _Package:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        # Producers disagree on the case of part names; Word does not care.
        self.parts = {info.filename.lower(): info for info in archive.infolist()}
        self.budget = TOTAL_LIMIT

    def read(self) -> WordText:
        root_rels = self._relationships("_rels/.rels")
        document = root_rels.get("officeDocument", "word/document.xml")
        info = self.parts.get(document.lower())
        if info is None:
            raise UnreadableFile(DAMAGED_DOCX)
        doc_rels = self._relationships(_rels_name(document), base=posixpath.dirname(document))
        styles = self._style_names(doc_rels.get("styles", ""))
        collector = _ParagraphCollector()
        self._stream(info, DOCUMENT_LIMIT, _feeder(collector))
        paragraphs = [(text, styles.get(style, style)) for text, style in collector.paragraphs]
        properties = self._xml(root_rels.get("core-properties", ""))
        return WordText(
            paragraphs,
            title=_property(properties, f"{_DC}title"),
            creator=_property(properties, f"{_DC}creator"),
            created=_property(properties, _DC_CREATED),
        )

    def _stream(self, info: zipfile.ZipInfo, limit: int, consume) -> None:
        """Decompress one part in chunks, refusing it once it passes `limit` or the budget."""
        if self.budget < limit:
            limit, named = self.budget, TOTAL_LIMIT
        else:
            named = limit
        if info.file_size > limit:  # the directory already admits it is too big
            raise _too_big(named)
        seen = 0
        with self.archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                seen += len(chunk)
                if seen > limit:  # the directory understated the size
                    raise _too_big(named)
                consume(chunk)
        consume(b"")
        self.budget -= seen

    def _small_part(self, name: str) -> bytes | None:
        info = self.parts.get(name.lower())
        if info is None:
            return None
        chunks: list[bytes] = []
        self._stream(info, PART_LIMIT, chunks.append)
        return b"".join(chunks)

    def _xml(self, name: str):
        data = self._small_part(name) if name else None
        if not data:
            return None
        return etree.fromstring(data, _safe_parser())

    def _relationships(self, name: str, base: str = "") -> dict[str, str]:
        """Relationship type (last word of its URI) -> part name inside the archive."""
        root = self._xml(name)
        found: dict[str, str] = {}
        if root is None:
            return found
        for rel in root.iter(f"{{{_RELATIONSHIPS}}}Relationship"):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target or kind in found:
                continue
            joined = target[1:] if target.startswith("/") else posixpath.join(base, target)
            found[kind] = posixpath.normpath(joined)
        return found

    def _style_names(self, name: str) -> dict[str, str]:
        root = self._xml(name)
        names: dict[str, str] = {}
        if root is None:
            return names
        for ns in (_W, _W_STRICT):
            for style in root.iter(f"{{{ns}}}style"):
                label = style.find(f"{{{ns}}}name")
                style_id = style.get(f"{{{ns}}}styleId")
                if style_id and label is not None and label.get(f"{{{ns}}}val"):
                    names[style_id] = label.get(f"{{{ns}}}val")
        return names


def _property(root, tag: str) -> str:
    element = root.find(tag) if root is not None else None
    return (element.text or "").strip() if element is not None else ""


def is_title_style(name: str) -> bool:
    """A paragraph style that marks a headline ("Title", "Heading 1", "heading 1")."""
    return name.casefold() in _TITLE_STYLES or name in {"Heading1"}


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _safe_parser() -> etree.XMLParser:
    # No entity expansion and no network: the XML comes from an untrusted file.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _feeder(collector: _ParagraphCollector):
    parser = etree.XMLParser(
        target=collector, resolve_entities=False, no_network=True, load_dtd=False
    )

    def feed(chunk: bytes) -> None:
        if chunk:
            parser.feed(chunk)
        else:
            parser.close()

    return feed


@dataclass(slots=True)
class _ParagraphCollector:
    """A streaming XML target: keeps the text of body paragraphs, builds no tree."""

    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (text, style id)
    stack: list[str] = field(default_factory=list)  # local names of the open elements
    elements: int = 0
    paragraph_count: int = 0  # every w:p, in tables and text boxes too
    current: list[str] | None = None  # pieces of the body paragraph being read
    style: str = ""
    nested: int = 0  # paragraphs open inside the current one (text boxes)
    hidden: int = 0  # open elements whose content is not shown (see _HIDDEN)
    in_text: bool = False

    def start(self, tag: str, attrib) -> None:
        self.elements += 1
        if self.elements > ELEMENT_LIMIT:
            raise _Refused(
                f"this Word document holds over {ELEMENT_LIMIT:,} pieces of markup: refused as "
                "far too long to be an article"
            )
        ns, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
        if ns not in (_W, _W_STRICT):
            local = "~" + local  # never mistaken for a Word element
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(local)
        if local == "p":
            self._open_paragraph()
        elif self.current is None or self.nested:
            return
        elif local in _HIDDEN:
            self.hidden += 1
        elif self.hidden:
            return
        elif parent == "r":
            if local == "t":
                self.in_text = True
            elif local in _RUN_CHARACTERS:
                self.current.append(_RUN_CHARACTERS[local])
            elif local == "br" and attrib.get(f"{{{ns}}}type", "textWrapping") == "textWrapping":
                self.current.append("\n")
        elif local == "pStyle" and parent == "pPr" and self.stack[-3] == "p":
            self.style = attrib.get(f"{{{ns}}}val", "")

    def _open_paragraph(self) -> None:
        self.paragraph_count += 1
        if self.paragraph_count > PARAGRAPH_LIMIT:
            raise _Refused(
                f"this Word document has more than {PARAGRAPH_LIMIT:,} paragraphs: refused as "
                "far too long to be an article"
            )
        if self.current is not None:
            self.nested += 1
        elif self._in_body():
            self.current, self.style, self.hidden = [], "", 0

    def _in_body(self) -> bool:
        """Whether the paragraph just opened is body text (python-docx's paragraphs)."""
        ancestors = self.stack[:-1]
        if "body" not in ancestors:
            return False
        below_body = ancestors[len(ancestors) - ancestors[::-1].index("body") :]
        return all(name in _BODY_WRAPPERS for name in below_body)

    def end(self, tag: str) -> None:
        local = self.stack.pop()
        if local == "t":
            self.in_text = False
        elif local in _HIDDEN and self.current is not None and not self.nested:
            self.hidden -= 1
        elif local == "p" and self.current is not None:
            if self.nested:
                self.nested -= 1
            else:
                self.paragraphs.append(("".join(self.current), self.style))
                self.current = None

    def data(self, text: str) -> None:
        if self.in_text and self.current is not None and not self.nested:
            self.current.append(text)

    def close(self) -> None:
        return None
