"""Word documents (zip archives) built to exhaust memory or time, or to lie about themselves."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from .make_text import write_secret

DOCUMENT = "word/document.xml"
TEXT = "The summit ended on Tuesday with a joint statement on trade and security."
MIB = 1024 * 1024


def base_docx(text: str = TEXT) -> bytes:
    """A real document made by python-docx: its members are the starting point of each lie."""
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _body_halves(document_xml: bytes) -> tuple[bytes, bytes]:
    """The document XML split just inside <w:body>, where paragraphs may be inserted."""
    cut = document_xml.index(b"<w:body>") + len(b"<w:body>")
    return document_xml[:cut], document_xml[cut:]


class _RepeatingDeflate:
    """Deflate for the same block written again and again.

    After a full flush the compressor forgets what came before, so the same block
    always compresses to the same bytes: compressing it once instead of 2,048 times
    makes a 2 GiB member in well under a second instead of six.
    """

    def __init__(self, block: bytes) -> None:
        self._deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        self._block = block
        self._packed: bytes | None = None

    def compress(self, data: bytes) -> bytes:
        if data is self._block and self._packed is not None:
            return self._packed
        packed = self._deflate.compress(data) + self._deflate.flush(zlib.Z_FULL_FLUSH)
        if data is self._block:
            self._packed = packed
        return packed

    def flush(self) -> bytes:
        return self._deflate.flush()


def _write_inflating(
    path: Path, head: bytes, block: bytes, repeats: int, tail: bytes, extra: dict[str, bytes]
) -> None:
    """A zip whose document member is head + block * repeats + tail, written in chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in extra.items():
            z.writestr(name, content)
        with z.open(DOCUMENT, "w", force_zip64=True) as member:
            if hasattr(member, "_compressor"):  # absent in another Python: slow but the same file
                member._compressor = _RepeatingDeflate(block)
            member.write(head)
            for _ in range(repeats):
                member.write(block)
            member.write(tail)


def whitespace_bomb(inflated_mib: int):
    """document.xml inflating to `inflated_mib` MiB of spaces around one real paragraph."""

    def build(path: Path) -> Path:
        members = _members(base_docx())
        head, tail = _body_halves(members.pop(DOCUMENT))
        _write_inflating(path, head, b" " * MIB, inflated_mib, tail, members)
        return path

    return build


def empty_paragraphs(count: int):
    """Millions of empty paragraphs before the one with text: a small file, a huge tree."""

    def build(path: Path) -> Path:
        members = _members(base_docx())
        head, tail = _body_halves(members.pop(DOCUMENT))
        per_block = 100_000
        _write_inflating(path, head, b"<w:p/>" * per_block, count // per_block, tail, members)
        return path

    return build


def _patched_central_entry(data: bytes, name: str, field: int, fmt: str, value: int) -> bytes:
    """Overwrite one field of `name`'s central directory record (offsets from its start)."""
    out = bytearray(data)
    at = out.rindex(b"PK\x01\x02", 0, out.rindex(name.encode()))
    struct.pack_into(fmt, out, at + field, value)
    return bytes(out)


def _patched_local_entry(data: bytes, name: str, field: int, fmt: str, value: int) -> bytes:
    """Overwrite one field of `name`'s local header, the first place its name appears."""
    out = bytearray(data)
    at = out.rindex(b"PK\x03\x04", 0, out.index(name.encode()))
    struct.pack_into(fmt, out, at + field, value)
    return bytes(out)


def _moderate_bomb_bytes(inflated_mib: int) -> bytes:
    scratch = io.BytesIO()
    members = _members(base_docx())
    head, tail = _body_halves(members.pop(DOCUMENT))
    with zipfile.ZipFile(scratch, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
        z.writestr(DOCUMENT, head + b" " * (inflated_mib * MIB) + tail)
    return scratch.getvalue()


# Central directory record fields: compressed size at 20, uncompressed size at 24.
def claims_small_size(path: Path) -> Path:
    """The directory says 100 bytes; the member inflates to 64 MiB."""
    path.write_bytes(_patched_central_entry(_moderate_bomb_bytes(64), DOCUMENT, 24, "<I", 100))
    return path


def claims_huge_size(path: Path) -> Path:
    """The directory says almost 4 GiB for a member of a few kilobytes."""
    path.write_bytes(_patched_central_entry(base_docx(), DOCUMENT, 24, "<I", 0xFFFFFFF0))
    return path


def claims_data_past_the_end(path: Path) -> Path:
    """The compressed size runs past the end of the file."""
    path.write_bytes(_patched_central_entry(base_docx(), DOCUMENT, 20, "<I", 0x7FFFFFFF))
    return path


def encrypted_member(path: Path) -> Path:
    """The text member is flagged as password-encrypted (general purpose flag bit 0)."""
    data = _patched_central_entry(base_docx(), DOCUMENT, 8, "<H", 1)
    path.write_bytes(_patched_local_entry(data, DOCUMENT, 6, "<H", 1))
    return path


def unsupported_compression(path: Path) -> Path:
    """The text member claims PPMd compression (method 98), which zipfile cannot inflate."""
    data = _patched_central_entry(base_docx(), DOCUMENT, 10, "<H", 98)
    path.write_bytes(_patched_local_entry(data, DOCUMENT, 8, "<H", 98))
    return path


def zip_of_docx(path: Path) -> Path:
    """A zip holding a Word document, named .docx: the archive around it is not one."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("inner.docx", base_docx())
    return path


def _nested_archive(levels: int, inflated_mib: int) -> bytes:
    data = b" " * (inflated_mib * MIB)
    name = "spaces.txt"
    for level in range(levels):
        scratch = io.BytesIO()
        with zipfile.ZipFile(scratch, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(name, data)
        data, name = scratch.getvalue(), f"level{level}.zip"
    return data


def embedded_nested_zips(path: Path) -> Path:
    """A document carrying an attached archive of archives (zip in zip in zip) as a part."""
    members = _members(base_docx())
    rels = "word/_rels/document.xml.rels"
    link = (
        b'<Relationship Id="rIdHostile" Target="embeddings/archive.zip" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/package"/>'
    )
    members[rels] = members[rels].replace(b"</Relationships>", link + b"</Relationships>")
    types = "[Content_Types].xml"
    zip_type = b'<Default Extension="zip" ContentType="application/zip"/>'
    members[types] = members[types].replace(b"</Types>", zip_type + b"</Types>")
    members["word/embeddings/archive.zip"] = _nested_archive(3, 64)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return path


def many_members(count: int):
    """A real document plus `count` tiny unrelated members: a huge central directory."""

    def build(path: Path) -> Path:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
            for name, content in _members(base_docx()).items():
                z.writestr(name, content)
            for n in range(count):
                z.writestr(f"junk/{n}.bin", b"x")
        return path

    return build


def _with_document(path: Path, document_xml: bytes) -> Path:
    members = _members(base_docx())
    members[DOCUMENT] = document_xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return path


def _paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def entity_expansion(path: Path) -> Path:
    """'Billion laughs': ten nested entities, each ten times the one before."""
    head, tail = _body_halves(_members(base_docx())[DOCUMENT])
    declaration, root = head.split(b"?>", 1)
    entities = ['<!ENTITY e0 "laugh">']
    for n in range(1, 10):
        previous = f"&e{n - 1};"
        entities.append(f'<!ENTITY e{n} "{previous * 10}">')
    doctype = f"<!DOCTYPE w:document [{''.join(entities)}]>".encode()
    body = _paragraph(TEXT) + _paragraph("&e9;")
    return _with_document(path, declaration + b"?>" + doctype + root + body + tail)


def external_entity(path: Path) -> Path:
    """An entity naming a local file: its content must never appear as article text."""
    secret = write_secret(path.parent)
    head, tail = _body_halves(_members(base_docx())[DOCUMENT])
    declaration, root = head.split(b"?>", 1)
    doctype = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'.encode()
    body = _paragraph(TEXT) + _paragraph("&x;")
    return _with_document(path, declaration + b"?>" + doctype + root + body + tail)


def deep_elements(depth: int):
    """Paragraph runs nested `depth` levels deep inside smart tags."""

    def build(path: Path) -> Path:
        head, tail = _body_halves(_members(base_docx())[DOCUMENT])
        nested = b"<w:sdt><w:sdtContent>" * depth + b"</w:sdtContent></w:sdt>" * depth
        return _with_document(path, head + _paragraph(TEXT) + nested + tail)

    return build
