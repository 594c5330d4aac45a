"""Build .docx and .pdf test files in code, so no binary fixtures live in the repository."""

from __future__ import annotations

from pathlib import Path


def make_docx(path: Path, paragraphs: list[str], title: str = "", title_style: str = "") -> Path:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for i, text in enumerate(paragraphs):
        if i == 0 and title_style:
            document.add_paragraph(text, style=title_style)
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def pdf_bytes(lines: list[str], title: str = "") -> bytes:
    """A one-page PDF showing `lines` in Helvetica: a real text layer pypdf can extract.

    An empty `lines` gives a page with nothing to extract, like a scanned image.
    """
    content = b"BT /F1 12 Tf 72 720 Td 14 TL\n"
    for line in lines:
        content += _pdf_string(line) + b" Tj T*\n"
    content += b"ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Title " + _pdf_string(title) + b" /Producer (tests) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_pdf(path: Path, lines: list[str], title: str = "") -> Path:
    path.write_bytes(pdf_bytes(lines, title))
    return path


def make_encrypted_pdf(path: Path, lines: list[str], password: str) -> Path:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(lines))))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    with open(path, "wb") as fh:
        writer.write(fh)
    return path
