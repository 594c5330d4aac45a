"""Word documents within limits: a small file that expands without end is refused quickly.

Broken, opening a folder with one hostile 2 MB .docx would fill the computer's memory
(a 2 GB part parsed whole needs many times that) or freeze the load for minutes.
Ordinary documents must still read exactly as before.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

import corroborate
from corroborate.core.ingest.readers import read_article
from corroborate.core.model import Article
from tests.core.ingest.documents import make_docx
from tests.core.ingest.word_archives import paragraph_flood, whitespace_bomb, word_document

MEMORY_REFUSED = (
    "this Word document expands to more than 64 MB: refused to protect your computer's memory"
)
DAMAGED = "not a Word document: the file is damaged"
DESKTOP = str(Path(corroborate.__file__).resolve().parent.parent)
MEASURE = """
import json, resource, sys, time
from corroborate.core.ingest.readers import read_article
start = time.perf_counter()
result = read_article(sys.argv[1])
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak_mb = peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024
print(json.dumps({"reason": getattr(result, "reason", None), "seconds": elapsed, "mb": peak_mb}))
"""


def read_in_child(path: Path) -> dict:
    """Read one file in a fresh process and report its reason, time and peak memory."""
    env = {**os.environ, "PYTHONPATH": DESKTOP}
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="measures with resource")


def test_a_2mb_docx_expanding_to_2gb_is_refused_quickly_in_little_memory(tmp_path):
    bomb = whitespace_bomb(tmp_path / "bomb.docx", gigabytes=2)
    assert bomb.stat().st_size < 3 * 1024 * 1024
    measured = read_in_child(bomb)
    assert measured["reason"] == MEMORY_REFUSED
    assert measured["seconds"] < 2, measured
    assert measured["mb"] < 1024, measured


@pytest.mark.parametrize("declared_mb", [0.001, 60])
def test_a_bomb_whose_directory_lies_about_its_size_is_refused(tmp_path, declared_mb):
    # The directory claims a small part; the stream really expands to 2 GB.
    bomb = whitespace_bomb(tmp_path / "liar.docx", 2, declared=int(declared_mb * 1024 * 1024))
    measured = read_in_child(bomb)
    assert measured["reason"] in {MEMORY_REFUSED, DAMAGED}
    assert measured["seconds"] < 5, measured
    assert measured["mb"] < 1024, measured


def test_three_million_empty_paragraphs_are_refused_in_seconds(tmp_path):
    path = paragraph_flood(tmp_path / "flood.docx", 3_000_000)
    assert path.stat().st_size < 500 * 1024
    start = time.perf_counter()
    reason = read_article(path).reason
    elapsed = time.perf_counter() - start
    assert reason == (
        "this Word document has more than 200,000 paragraphs: refused as far too long to be "
        "an article"
    )
    assert elapsed < 3, f"took {elapsed:.1f} s"


def _python_docx_reading(path: Path) -> tuple[str, str]:
    """How the document read when python-docx parsed it whole: the reference."""
    document = docx.Document(str(path))
    paragraphs = [(p.text.strip(), p.style.name if p.style else "") for p in document.paragraphs]
    paragraphs = [(t, s) for t, s in paragraphs if t]
    title = (document.core_properties.title or "").strip()
    if not title:
        title = next((t for t, s in paragraphs if s in {"Title", "Heading 1"}), "")
    return "\n\n".join(t for t, _ in paragraphs), title


def test_ordinary_documents_read_as_python_docx_reads_them(tmp_path):
    document = docx.Document()
    document.add_heading("Lee Meets Xi", level=1)
    paragraph = document.add_paragraph("Trade talks ")
    paragraph.add_run("began").bold = True
    paragraph.add_run(" on Monday.\tA tab, then")
    paragraph.add_run().add_break()
    paragraph.add_run("a line break.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell text is not body text"
    document.add_paragraph("")
    document.add_paragraph("Second paragraph — with “quotes” & ampersands.")
    path = tmp_path / "ordinary.docx"
    document.save(str(path))
    article = read_article(path)
    assert isinstance(article, Article)
    assert (article.text, article.title) == _python_docx_reading(path)
    assert "Cell text" not in article.text


def test_title_property_and_title_style_as_before(tmp_path):
    for path in (
        make_docx(tmp_path / "a.docx", ["Lee Meets Xi", "Body. More."], title="Property Title"),
        make_docx(tmp_path / "b.docx", ["Styled Title", "Body. More."], title_style="Title"),
    ):
        article = read_article(path)
        assert (article.text, article.title) == _python_docx_reading(path)


def test_hyperlinks_content_controls_and_tracked_changes(tmp_path):
    # Text in links and content controls shows in Word; deleted text and fallbacks do not.
    body = (
        '<w:sdt><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        "<w:r><w:t>Headline in a control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink><w:r>'
        "<w:t>the statement</w:t></w:r></w:hyperlink><w:del><w:r><w:delText>REMOVED"
        "</w:delText></w:r></w:del><w:ins><w:r><w:t> issued today.</w:t></w:r></w:ins></w:p>"
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    )
    article = read_article(word_document(tmp_path / "links.docx", body, styles))
    assert article.text == "Headline in a control\n\nSee the statement issued today."
    assert article.title == "Headline in a control"


def test_text_boxes_inside_a_paragraph_are_not_mixed_into_it(tmp_path):
    body = (
        "<w:p><w:r><w:t>Lead sentence.</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>Caption in a box</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>"
        '<w:r><w:t xml:space="preserve"> Rest of it.</w:t></w:r></w:p>'
    )
    article = read_article(word_document(tmp_path / "box.docx", body))
    assert article.text == "Lead sentence. Rest of it."
