"""Odd files that used to surface as puzzling problems: each now reads, or says why not.

Broken, a person would see "an unexpected error (LookupError)" for a page with a strange
charset label, a blank tab for a file of zero-width spaces, or "empty file" for a deeply
quoted Markdown file that is full of words.
"""

import errno

import pytest

from corroborate.core.ingest.opening import os_error_reason
from corroborate.core.ingest.readers import read_article
from corroborate.core.ingest.titles import guess_title_and_source
from corroborate.core.model import Article, LoadProblem
from tests.core.ingest.documents import pdf_bytes
from tests.core.ingest.word_archives import word_document

PAGE = """<html><head><meta charset="{charset}"><title>Trade talks</title></head><body>
<article><h1>Trade talks</h1><p>South Korean President Lee Jae Myung arrived in Beijing
on Sunday for a four-day visit, officials said. He met Xi Jinping on Monday to discuss
trade and “supply chains”, the first such meeting in six years.</p></article></body></html>"""


def read(path) -> Article:
    result = read_article(path)
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zip", "uu", "undefined"])
def test_a_charset_label_naming_no_text_encoding_is_ignored(tmp_path, charset):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode("utf-8"))
    article = read(path)
    assert "“supply chains”" in article.text and article.title == "Trade talks"


@pytest.mark.parametrize("charset", ["utf-16", "utf-16le", "utf-32"])
def test_a_wide_charset_label_on_a_byte_page_is_ignored(tmp_path, charset):
    # Browsers ignore it too: a page whose label can be read as ASCII is not UTF-16.
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode("utf-8"))
    assert "“supply chains”" in read(path).text


def test_paragraphs_pasted_in_utf8_and_cp1252_both_read_right(tmp_path):
    # Broken: one half turns into mojibake like "â€œreset" or "Ä2 billion".
    path = tmp_path / "pasted.txt"
    path.write_bytes(
        "Seoul called it a “reset” of relations.\n\n".encode()
        + "The deal is worth €2 billion, said the ministry’s spokesman.\n\n".encode("cp1252")
        + "Le président a parlé à la presse à Pékin.\n".encode("latin-1")
    )
    assert read(path).text == (
        "Seoul called it a “reset” of relations.\n\n"
        "The deal is worth €2 billion, said the ministry’s spokesman.\n\n"
        "Le président a parlé à la presse à Pékin."
    )


def test_cyrillic_in_a_windows_code_page_is_not_read_as_western(tmp_path):
    path = tmp_path / "ru.txt"
    text = "Президент Южной Кореи прибыл в Пекин. Переговоры начнутся в понедельник."
    path.write_bytes(text.encode("cp1251"))
    assert read(path).text == text


def test_a_bogus_charset_in_http_equiv_is_ignored(tmp_path):
    path = tmp_path / "page.htm"
    page = PAGE.format(charset="utf-8").replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=base64">',
    )
    path.write_bytes(page.encode("utf-8"))
    assert "“supply chains”" in read(path).text


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_file_of_only_invisible_characters_is_empty(tmp_path, suffix):
    path = tmp_path / f"blank{suffix}"
    path.write_text((INVISIBLE + " \n") * 50, encoding="utf-8")
    assert read_article(path) == LoadProblem(str(path), "empty file: it holds no visible text")


def test_a_word_document_of_invisible_characters_is_empty(tmp_path):
    path = word_document(tmp_path / "blank.docx", f"<w:p><w:r><w:t>{INVISIBLE}</w:t></w:r></w:p>")
    assert read_article(path).reason == "empty file: it holds no visible text"


def test_a_title_is_never_made_of_invisible_characters(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(
        f"{INVISIBLE}\n\u200b \u200b\n\u200bLee meets Xi\u200b\n\nHe arrived on Sunday."
    )
    assert read(path).title == "Lee meets Xi"
    title, source = guess_title_and_source("Body text here.", path, title="\u200b", source="\ufeff")
    assert (title, source) == ("Body text here.", "Wire")


def test_a_file_named_only_with_invisible_characters_gets_a_visible_title(tmp_path):
    title, _ = guess_title_and_source("", tmp_path / "\u200b.txt")
    assert title == "\u200b.txt"


def test_markdown_nested_past_the_parser_limit_keeps_its_words(tmp_path):
    path = tmp_path / "quoted.md"
    path.write_text("# Deep quotes\n\n" + "> " * 40 + "Lee met Xi in Beijing on Monday.\n")
    article = read(path)
    assert article.title == "Deep quotes"
    assert "Lee met Xi in Beijing on Monday." in article.text and ">" not in article.text


def test_markdown_nested_lists_past_the_limit_keep_their_words(tmp_path):
    path = tmp_path / "lists.md"
    lines = [f"{'  ' * depth}- point **{depth}** of [the talks](http://x)" for depth in range(40)]
    path.write_text("\n".join(lines) + "\n")
    article = read(path)
    assert "point 39 of the talks" in article.text and "**" not in article.text


def test_markdown_that_is_only_deep_markup_says_so(tmp_path):
    path = tmp_path / "marks.md"
    path.write_text("> " * 40 + "\n" + "> " * 40 + "**\n")
    assert read_article(path).reason == "the Markdown is nested too deeply to read"


def test_ordinary_markdown_is_still_rendered_not_stripped_by_hand(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Talks\n\n> A quoted line with `code` and snake_case_name.\n")
    assert read(path).text == "Talks\n\nA quoted line with code and snake_case_name."


def test_a_pdf_library_failure_names_the_pdf(tmp_path, monkeypatch):
    import pypdf

    def explode(*args, **kwargs):
        raise RecursionError("deeply nested objects")

    monkeypatch.setattr(pypdf, "PdfReader", explode)
    (tmp_path / "odd.pdf").write_bytes(pdf_bytes(["Some text."]))
    assert read_article(tmp_path / "odd.pdf").reason == (
        "not a PDF document: the file is damaged or cut short"
    )


def test_running_out_of_memory_on_a_pdf_says_so(tmp_path, monkeypatch):
    import pypdf

    def exhaust(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pypdf, "PdfReader", exhaust)
    (tmp_path / "big.pdf").write_bytes(pdf_bytes(["Some text."]))
    assert read_article(tmp_path / "big.pdf").reason == "not enough memory to read this file"


@pytest.mark.parametrize(
    "body",
    [
        "<w:p><w:r><w:t>unclosed",  # XML cut short
        "<w:p><w:r><w:t>a</w:r></w:t></w:p>",  # XML badly nested
    ],
)
def test_a_word_document_with_broken_xml_is_damaged(tmp_path, body):
    path = word_document(tmp_path / "broken.docx", body)
    assert read_article(path).reason == "not a Word document: the file is damaged"


def test_a_zip_that_is_no_word_document_is_named_so(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "photos.docx", "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")
    assert read_article(tmp_path / "photos.docx").reason == (
        "not a Word document: the file is damaged"
    )


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.EIO, "Input/output error"), "the disk reported an error while reading"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "the name or folder path is too long"),
        (OSError(errno.EMFILE, "Too many open files"), "too many files are open at once"),
        (OSError(errno.EROFS, "Read-only file system."), "the file could not be read: read-only"),
    ],
)
def test_system_errors_read_as_sentences(error, reason):
    text = os_error_reason(error)
    assert text.startswith(reason) and not text.endswith(".")
    assert "Error" not in text and "errno" not in text
