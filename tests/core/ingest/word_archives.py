"""Build hostile .docx archives in code: decompression bombs and paragraph floods.

A zip's directory states each part's size; `write_zip` lets a test state any size it
likes, and `deflated_runs` makes gigabytes of deflate data in a moment, by repeating one
self-contained block instead of compressing every byte.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
DOCUMENT_TAIL = "</w:body></w:document>"
MB = 1024 * 1024


@dataclass(frozen=True)
class Member:
    name: str
    deflated: bytes  # raw deflate stream
    crc: int
    size: int  # the real uncompressed size
    declared: int | None = None  # the size the directory states; None tells the truth


def member(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def deflated_runs(
    name: str, head: bytes, run: bytes, count: int, tail: bytes, declared: int | None
) -> Member:
    """`head`, `run` repeated `count` times, then `tail`: deflated at about 1,000 to 1."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    # After a full flush a block refers to nothing before it, so it can be repeated as is.
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    repeated = block.compress(run) + block.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(run, crc)
    crc = zlib.crc32(tail, crc)
    end = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = start + repeated * count + end.compress(tail) + end.flush()
    return Member(name, stream, crc, len(head) + len(run) * count + len(tail), declared)


def write_zip(path: Path, members: list[Member]) -> Path:
    """A plain (not zip64) archive of deflated members, sizes as each member declares."""
    central = bytearray()
    with open(path, "wb") as out:
        for m in members:
            offset = out.tell()
            name = m.name.encode()
            size = m.size if m.declared is None else m.declared
            fields = (0, 8, 0, 0x21, m.crc, len(m.deflated), size, len(name), 0)
            out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, *fields))
            out.write(name + m.deflated)
            central += struct.pack(
                "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, *fields, 0, 0, 0, 0, offset
            )
            central += name
        start = out.tell()
        out.write(central)
        count = len(members)
        out.write(
            struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(central), start, 0)
        )
    return path


def skeleton() -> list[Member]:
    return [
        member("[Content_Types].xml", CONTENT_TYPES.encode()),
        member("_rels/.rels", ROOT_RELS.encode()),
    ]


def whitespace_bomb(path: Path, gigabytes: float, declared: int | None = None) -> Path:
    """A docx of about 2 MB whose document part expands to `gigabytes` of blank space."""
    runs = int(gigabytes * 1024)
    head, tail = DOCUMENT_HEAD.encode(), DOCUMENT_TAIL.encode()
    document = deflated_runs("word/document.xml", head, b" " * MB, runs, tail, declared)
    return write_zip(path, [*skeleton(), document])


def paragraph_flood(path: Path, paragraphs: int) -> Path:
    """A small docx holding `paragraphs` empty paragraphs."""
    body = DOCUMENT_HEAD.encode() + b"<w:p/>" * paragraphs + DOCUMENT_TAIL.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", body)
    return path


def word_document(path: Path, body_xml: str, styles_xml: str = "") -> Path:
    """A minimal docx whose body is `body_xml` (w: elements), with optional styles."""
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", DOCUMENT_HEAD + body_xml + DOCUMENT_TAIL)
        if styles_xml:
            archive.writestr("word/_rels/document.xml.rels", rels)
            archive.writestr(
                "word/styles.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
                f"{styles_xml}</w:styles>",
            )
    return path
