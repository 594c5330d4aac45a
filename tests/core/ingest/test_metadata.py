"""What files say about their article: date, byline, address and outlet.

If these broke, the Sources panel would show no date or a wrong one, a login name such as
"Microsoft Office User" as the byline, a reporter's name as the outlet, or a text file's
front matter among its sentences (and annotations pointing at the wrong words).
"""

import io
from datetime import UTC, datetime

import pytest

from corroborate.core.ingest.front_matter import split_front_matter
from corroborate.core.ingest.metadata import iso_date, pdf_date, person_byline
from tests.core.ingest.documents import make_docx, pdf_bytes
from tests.core.ingest.test_readers import article  # checks every sentence's offsets

BODY = (
    "Prime Minister Lee arrived in Beijing on Sunday for talks on trade. "
    "He met the premier for three hours."
)

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Lee visits Beijing | EP</title>
<meta property="og:title" content="Lee visits Beijing to boost trade">
<meta property="og:site_name" content="The Example Post">
<meta property="article:published_time" content="2026-01-04T10:30:00+01:00">
<meta name="author" content="Jane Smith">
<link rel="canonical" href="https://example.com/world/lee-beijing">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Lee visits Beijing", "datePublished": "2026-01-04T10:30:00+01:00",
"author": [{"@type": "Person", "name": "Jane Smith"}, {"@type": "Person", "name": "Tom Lee"}],
"publisher": {"@type": "Organization", "name": "The Example Post"}}</script>
</head><body><article><h1>Lee visits Beijing to boost trade</h1>
<p>Prime Minister Lee arrived in Beijing on Sunday for talks on trade. He met the premier
for three hours, and officials said the two sides signed four agreements.</p>
<p>The agreements cover investment, customs and the exchange of students, a spokesman
for the ministry said after the meeting.</p></article></body></html>"""


def test_a_web_page_gives_its_date_byline_address_and_outlet(tmp_path):
    path = tmp_path / "lee.html"
    path.write_text(PAGE, encoding="utf-8")
    a = article(path)
    assert a.published == "2026-01-04T10:30:00+01:00"
    assert a.byline == "Jane Smith, Tom Lee"
    assert a.url == "https://example.com/world/lee-beijing"
    # The declared publisher, not the title's abbreviation and never the byline.
    assert a.source == "The Example Post"
    assert a.title == "Lee visits Beijing to boost trade"


def test_an_outlet_named_in_the_text_beats_the_declared_site_name(tmp_path):
    # A syndicated story: the page declares its group, the text and file name the outlet.
    page = PAGE.replace("<article>", "<article><p>Seoul Herald</p>")
    path = tmp_path / "seoul-herald.html"
    path.write_text(page, encoding="utf-8")
    assert article(path).source == "Seoul Herald"


def test_a_page_without_metadata_has_none(tmp_path):
    path = tmp_path / "bare.html"
    path.write_text(f"<html><body><article><p>{BODY}</p></article></body></html>")
    a = article(path)
    assert (a.published, a.byline, a.url) == (None, None, None)


def test_a_broken_date_in_a_page_is_ignored(tmp_path):
    page = PAGE.replace("2026-01-04T10:30:00+01:00", "yesterday-ish at 25:99")
    path = tmp_path / "odd.html"
    path.write_text(page, encoding="utf-8")
    a = article(path)
    assert a.published is None
    assert a.byline == "Jane Smith, Tom Lee"  # the rest still read


def test_word_core_properties_give_date_and_byline(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.author = "Jane Smith"
    document.core_properties.created = datetime(2026, 1, 4, 9, 15, tzinfo=UTC)
    document.add_paragraph(BODY)
    path = tmp_path / "story.docx"
    document.save(str(path))
    a = article(path)
    assert a.published == "2026-01-04T09:15:00+00:00"
    assert a.byline == "Jane Smith"
    assert a.source != "Jane Smith"


@pytest.mark.parametrize("login", ["Microsoft Office User", "admin", "python-docx", "jsmith"])
def test_a_login_or_program_name_is_not_a_byline(tmp_path, login):
    import docx

    path = make_docx(tmp_path / "story.docx", [BODY])
    document = docx.Document(str(path))
    document.core_properties.author = login
    document.save(str(path))
    assert article(path).byline is None


def _pdf_with_info(info: dict) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([BODY]))))
    writer.add_metadata(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_info_dictionary_gives_date_and_byline(tmp_path):
    path = tmp_path / "story.pdf"
    path.write_bytes(
        _pdf_with_info({"/Author": "Jane Smith", "/CreationDate": "D:20260104103000+01'00'"})
    )
    a = article(path)
    assert a.published == "2026-01-04T10:30:00+01:00"
    assert a.byline == "Jane Smith"


def test_a_pdf_with_a_damaged_date_still_loads_without_one(tmp_path):
    path = tmp_path / "story.pdf"
    path.write_bytes(_pdf_with_info({"/Author": "Administrator", "/CreationDate": "D:2026xx"}))
    a = article(path)
    assert (a.published, a.byline) == (None, None)
    assert "Beijing" in a.text


FRONT = """---
outlet: The Daily Star
published: 2026-01-04
byline: Jane Smith
url: https://example.com/story
---
"""


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_front_matter_is_read_and_taken_out_of_the_text(tmp_path, suffix):
    path = tmp_path / f"story{suffix}"
    path.write_text(FRONT + "\n" + BODY + "\n", encoding="utf-8")
    a = article(path)  # checks every sentence's offsets against the text
    assert a.text == BODY
    assert not any("outlet" in s.text or "---" in s.text for s in a.sentences)
    assert a.source == "The Daily Star"
    assert (a.published, a.byline, a.url) == (
        "2026-01-04",
        "Jane Smith",
        "https://example.com/story",
    )


def test_front_matter_with_a_bad_date_keeps_the_rest(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(FRONT.replace("2026-01-04", "the 32nd of Smarch") + BODY)
    a = article(path)
    assert a.published is None
    assert a.source == "The Daily Star" and a.text == BODY


def test_a_rule_followed_by_prose_is_not_front_matter():
    text = "---\nLee arrived in Beijing on Sunday.\n---\nHe met Xi on Monday."
    meta, rest = split_front_matter(text)
    assert rest == text and meta.outlet == "" and meta.published is None


def test_an_unclosed_block_is_left_in_the_text():
    text = "---\noutlet: The Daily Star\n" + "Lee arrived.\n" * 3
    assert split_front_matter(text)[1] == text


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2026-01-04", "2026-01-04"),
        ("2026-01-04T10:30:00Z", "2026-01-04T10:30:00+00:00"),
        ("2026-01-04T10:30:00+0100", "2026-01-04T10:30:00+01:00"),
        ("2026-01-04T00:00:00", "2026-01-04"),
        ("Sun, 04 Jan 2026 10:30:00 +0100", "2026-01-04T10:30:00+01:00"),
        ("4 January 2026", "2026-01-04"),
        ("2026-02-30", None),
        ("0001-01-01", None),
        ("soon", None),
        ("9" * 500, None),
    ],
)
def test_dates_are_normalised_to_iso_8601_or_dropped(written, iso):
    assert iso_date(written) == iso


def test_pdf_dates():
    assert pdf_date("D:20260104") == "2026-01-04"
    assert pdf_date("D:20260104103000Z") == "2026-01-04T10:30:00+00:00"
    assert pdf_date("D:2026") is None
    assert pdf_date(None) is None


def test_person_names():
    assert person_byline("By Jane Smith and Tom O'Neil") == "Jane Smith, Tom O'Neil"
    assert person_byline("Ludwig van Beethoven") == "Ludwig van Beethoven"
    assert person_byline("Staff Writer 2") is None
    assert person_byline("") is None
