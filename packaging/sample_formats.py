"""Write one article in every format the app reads, to check a build can read them all.

Each reader leans on a library with its own data files (trafilatura for HTML, python-docx,
pypdf, charset detection): a frozen build that forgot one fails on that format only.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def write_txt(paragraphs: list[str], path: Path) -> None:
    path.write_bytes("\n\n".join(paragraphs).encode("cp1252", errors="replace"))


def write_markdown(paragraphs: list[str], path: Path) -> None:
    path.write_text(f"# {paragraphs[0]}\n\n" + "\n\n".join(paragraphs[1:]), encoding="utf-8")


def write_html(paragraphs: list[str], path: Path) -> None:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(paragraphs[0])}</title></head><body><article>"
        f"<h1>{html.escape(paragraphs[0])}</h1>{body}</article></body></html>",
        encoding="utf-8",
    )


def write_docx(paragraphs: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(paragraphs[0], level=1)
    for paragraph in paragraphs[1:]:
        document.add_paragraph(paragraph)
    document.save(str(path))


def write_pdf(paragraphs: list[str], path: Path) -> None:
    """A text PDF drawn by Qt, laid out by QTextDocument."""
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need it)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setPlainText("\n\n".join(paragraphs))
    document.print_(writer)


def write_samples(text: str, folder: Path, stem: str = "sample") -> list[Path]:
    """The article `text` as .txt (in Windows-1252, to exercise charset detection), .md, .html,
    .docx and .pdf files in `folder`, each headed by its format so none is a duplicate."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, write in WRITERS.items():
        paragraphs = paragraphs_of(text)
        paragraphs[0] = f"{paragraphs[0]} ({suffix} copy)"
        path = folder / f"{stem}{suffix}"
        write(paragraphs, path)
        paths.append(path)
    return paths


WRITERS = {
    ".txt": write_txt,
    ".md": write_markdown,
    ".html": write_html,
    ".docx": write_docx,
    ".pdf": write_pdf,
}
