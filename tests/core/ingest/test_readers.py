"""One file at a time: every format, every encoding, and files that cannot be read.

Each test names what the user would see in the app if it broke: a wrong title on a tab,
garbled quotes, menu text among the sentences, or a crash instead of a problem line.
"""

import os

import pytest

from corroborate.core.ingest.readers import MAX_BYTES, read_article
from corroborate.core.model import Article, LoadProblem
from tests.conftest import SEEDS
from tests.core.ingest.documents import make_docx, make_encrypted_pdf, make_pdf, pdf_bytes

BODY = "South Korean President Lee arrived in Beijing on Sunday. He met Xi Jinping on Monday."


def article(path) -> Article:
    result = read_article(path)
    assert isinstance(result, Article), result
    for s in result.sentences:
        assert result.text[s.start : s.end] == s.text
    return result


def problem(path) -> str:
    result = read_article(path)
    assert isinstance(result, LoadProblem), f"expected a problem, got {result.title!r}"
    assert result.path == str(path)
    return result.reason


# --- the five sample articles: the tab shows the headline and the outlet -------------

SEED_TITLES = {
    "crbc-news.txt": (
        "South Korea's Lee Visits China to Boost Trade, Avoid Taiwan Escalation",
        "CRBC News",
    ),
    "economic-ties-regional-tensions.txt": (
        "South Korea’s President Lee Jae Myung Visits China to Strengthen Economic Ties "
        "Amid Regional Tensions",
        "Economic Ties Regional Tensions",
    ),
    "reset-strained-relations.txt": (
        "South Korea’s President Lee Jae Myung is undertaking a significant diplomatic "
        "mission to Beijing…",
        "Reset Strained Relations",
    ),
    "ssbcrackexams.txt": (
        "South Korean President Lee Jae Myung Visits China to Strengthen Economic Ties "
        "Amid Regional Tensions",
        "SSBCrackExams",
    ),
    "state-visit-economic-security-talks.txt": (
        "South Korean President Lee Begins State Visit to China for Economic and Security Talks",
        "State Visit Economic Security Talks",
    ),
}


@pytest.mark.parametrize("name", sorted(SEED_TITLES))
def test_seed_titles_are_headlines_and_sources_are_outlets(name):
    # Broken: a tab titled "CRBC News" or "Politics" instead of the headline.
    a = article(SEEDS / name)
    assert (a.title, a.source) == SEED_TITLES[name]
    assert a.format == "txt"


def test_masthead_section_and_byline_are_not_the_title(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(
        "The Example Times\nWorld\nBy Jane Doe\nUpdated: Jan. 5, 2026\n\nLee Meets Xi\n\n" + BODY
    )
    a = article(path)
    assert (a.title, a.source) == ("Lee Meets Xi", "The Example Times")


def test_long_first_paragraph_gives_a_short_title(tmp_path):
    path = tmp_path / "untitled.txt"
    path.write_text("Lee arrived in Beijing. " * 20)
    a = article(path)
    assert a.title == "Lee arrived in Beijing."
    assert a.source == "Untitled"


# --- text encodings: the quotes and € read as written ------------------------------

QUOTED = "“Prices rose to €5,” she said — it’s déjà vu. Naïve hopes faded."


def test_cp1252_with_curly_quotes_and_euro(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(QUOTED.encode("cp1252"))
    assert article(path).text == QUOTED


def test_latin1_text(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café déjà vu. Le président est arrivé à Pékin.".encode("latin-1"))
    assert article(path).text == "Café déjà vu. Le président est arrivé à Pékin."


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_with_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    data = QUOTED.encode(encoding)
    if encoding in {"utf-16-le", "utf-16-be"}:
        data = ("\ufeff" + QUOTED).encode(encoding)
    path.write_bytes(data)
    a = article(path)
    assert a.text == QUOTED  # the mark itself is not part of the first sentence
    assert a.sentences[0].text.startswith("“Prices")


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "nobom.txt"
    path.write_bytes(QUOTED.encode("utf-16-le"))
    assert article(path).text == QUOTED


def test_invalid_utf8_keeps_the_good_characters(tmp_path):
    # Broken: one stray byte turns every ’ in the article into mojibake like "â€™".
    path = tmp_path / "stray.txt"
    path.write_bytes("It’s Lee’s first visit — in six years.".encode() + b"\xff Xi agreed.")
    text = article(path).text
    assert text.startswith("It’s Lee’s first visit — in six years.")
    assert text.endswith("Xi agreed.")


def test_windows_and_old_mac_newlines_become_paragraphs(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline\r\n\r\nFirst para. Second.\rThird line.")
    a = article(path)
    assert a.text == "Headline\n\nFirst para. Second.\nThird line."
    assert [s.paragraph for s in a.sentences] == [0, 1, 1, 1]


# --- other formats --------------------------------------------------------------------


def test_markdown_markup_is_stripped_and_heading_is_title(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Trade *talks* begin\n\nThe **two** leaders met [in Beijing](http://x).\n")
    a = article(path)
    assert a.title == "Trade talks begin"
    assert a.text == "Trade talks begin\n\nThe two leaders met in Beijing."
    assert a.format == "md"


HTML = """<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Lee visits Beijing | The Example Post</title>
<meta property="og:title" content="Lee visits Beijing to boost trade">
<meta property="og:site_name" content="The Example Post">
<script>var tracking = "HEAD_SCRIPT";</script></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent">We use cookies. Accept all cookies?</div>
<article><h1>Lee visits Beijing to boost trade</h1>
<p>South Korean President Lee Jae Myung arrived in Beijing on Sunday for a four-day
state visit, the first by a South Korean leader in six years, officials said.</p>
<p>He is expected to meet Chinese President Xi Jinping on Monday to discuss trade,
supply chains and the situation on the Korean Peninsula, said the “Blue House”.</p>
<script>document.write("BODY_SCRIPT")</script>
<p>Officials in Seoul said the delegation includes executives from Samsung, SK and
Hyundai, who will attend a business forum in Beijing worth €5 million.</p>
</article>
<footer><p>Copyright 2026 The Example Post. All rights reserved. Privacy policy</p></footer>
</body></html>"""


def test_html_keeps_the_article_and_drops_boilerplate(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("cp1252"))
    a = article(path)
    assert (a.title, a.source, a.format) == (
        "Lee visits Beijing to boost trade",
        "The Example Post",
        "html",
    )
    assert "four-day state visit" in a.text and "“Blue House”" in a.text and "€5" in a.text
    for boilerplate in ("SCRIPT", "cookies", "World news menu", "Copyright", "Privacy"):
        assert boilerplate not in a.text


def test_html_without_article_text(tmp_path):
    path = tmp_path / "menu.htm"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert problem(path) == "no article text found in this web page"


def test_docx_text_and_title_property(tmp_path):
    path = make_docx(tmp_path / "a.docx", ["Lee Meets Xi", BODY], title="Lee Meets Xi in Beijing")
    a = article(path)
    assert a.text == f"Lee Meets Xi\n\n{BODY}"
    assert (a.title, a.format) == ("Lee Meets Xi in Beijing", "docx")


def test_docx_title_style_when_properties_are_empty(tmp_path):
    path = make_docx(tmp_path / "b.docx", ["Trade Talks", BODY], title_style="Title")
    assert article(path).title == "Trade Talks"


def test_pdf_text_layer_title_and_outlet(tmp_path):
    lines = [
        "Lee Visits Beijing",
        "South Korean President Lee arrived in Beijing for negoti-",
        "ations on Sunday. He met Xi on Monday; a four-day visit.",
    ]
    path = make_pdf(tmp_path / "a.pdf", lines, title="Lee Visits Beijing | Example Times")
    a = article(path)
    assert (a.title, a.source, a.format) == ("Lee Visits Beijing", "Example Times", "pdf")
    # A word hyphenated at the line end is whole again, so it matches other sources.
    assert "Beijing for negotiations on Sunday." in a.text


# --- files that cannot become articles: one sentence each -----------------------------


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert problem(tmp_path / "empty.txt") == "empty file"


def test_whitespace_only_file(tmp_path):
    (tmp_path / "blank.txt").write_text("  \n\t\n   \r\n")
    assert problem(tmp_path / "blank.txt") == "empty file: it holds only blank space"


def test_binary_data_named_txt(tmp_path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 40)
    assert problem(tmp_path / "photo.txt") == "binary file, not text"


def test_damaged_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx", [BODY]).read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 3])
    (tmp_path / "junk.docx").write_bytes(b"PK\x03\x04 not really a word document")
    (tmp_path / "text.docx").write_text(BODY)
    for name in ("cut.docx", "junk.docx", "text.docx"):
        assert problem(tmp_path / name) == "not a Word document: the file is damaged"


def test_old_word_file_named_docx(tmp_path):
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "Word 97–2003" in problem(tmp_path / "old.docx")


def test_damaged_pdf(tmp_path):
    data = pdf_bytes(["Some text in a PDF."])
    (tmp_path / "cut.pdf").write_bytes(data[:120])
    (tmp_path / "junk.pdf").write_bytes(b"this is not a pdf at all")
    assert problem(tmp_path / "cut.pdf") == "not a PDF document: the file is damaged or cut short"
    assert problem(tmp_path / "junk.pdf") == "not a PDF document: the file is damaged"


def test_scanned_pdf_without_text_layer(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", [])
    assert problem(path).startswith("no text in this PDF: it is probably a scanned image")


def test_password_protected_pdf(tmp_path):
    path = make_encrypted_pdf(tmp_path / "locked.pdf", ["Secret."], password="s3cret")
    assert problem(path) == "the PDF is password-protected"


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: instant, takes no disk space
        fh.truncate(25 * 1024 * 1024)
    assert problem(path) == "too large: 25.0 MB (the limit is 20 MB)"
    assert MAX_BYTES == 20 * 1024 * 1024


def test_permission_denied_simulated(tmp_path, monkeypatch):
    # Tests may run as root, for whom chmod 000 does not block reading.
    path = tmp_path / "secret.txt"
    path.write_text(BODY)
    real_open = os.open

    def denying_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", denying_open)
    assert problem(path) == "permission denied: you are not allowed to read this file"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_for_real(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(BODY)
    path.chmod(0)
    try:
        assert problem(path) == "permission denied: you are not allowed to read this file"
    finally:
        path.chmod(0o644)


def test_missing_file(tmp_path):
    assert problem(tmp_path / "gone.txt") == "file disappeared while loading (moved or deleted)"


def test_broken_link(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "nowhere.txt")
    assert problem(tmp_path / "link.txt") == "broken link: the file it points to does not exist"


def test_unexpected_library_failure_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    import corroborate.core.ingest.formats as formats

    def explode(data):
        raise RecursionError("deeply nested markup")

    monkeypatch.setitem(formats.READERS, ".html", ("html", explode))
    (tmp_path / "deep.html").write_text("<div>" * 10 + "text")
    assert problem(tmp_path / "deep.html") == (
        "this web page could not be read: the reader failed on it (RecursionError)"
    )


def test_unsupported_type_named_explicitly(tmp_path):
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    assert problem(tmp_path / "notes.doc") == (
        "not supported: an old Word 97–2003 document: save it as .docx"
    )
