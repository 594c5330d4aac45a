"""Exported JSON meets the MUSTs of the W3C Web Annotation Data Model, and its positions
count the file's own characters.

If these break, other annotation tools refuse Corroborate's exports (no collection id,
a page that says nothing of its collection, a selector without its required members),
or place every annotation of a Windows (CRLF) file a few characters off.
"""

import json
import re
from pathlib import Path

import pytest

from corroborate.core.annotations.anchoring import quote
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.export import ANNO_CONTEXT, write_json
from corroborate.core.annotations.importing import import_json, read_json
from corroborate.core.annotations.store import Store
from corroborate.core.model import Article, Status

SEED = Path(__file__).parents[3] / "seeds" / "state-visit-economic-security-talks.txt"
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")  # absolute: a scheme, then no spaces
DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}  # fmt: skip


def article_file(path: Path, text: str, newline: str = "\n") -> Article:
    """Write the file and return the article the app reads from it (LF, edges trimmed)."""
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    normalised = text.strip("\n")
    return Article(f"id-{path.stem}", str(path), path.stem, "Wire", path.suffix[1:], normalised)


def sentence_span(text: str, near: int) -> tuple[int, int]:
    """The line-free sentence around offset `near`."""
    start = max(text.rfind(". ", 0, near) + 2, text.rfind("\n", 0, near) + 1)
    end = min(i for i in (text.find(". ", near) + 1, text.find("\n", near)) if i > 0)
    return start, end


def is_type(value, name):
    return value == name or (isinstance(value, list) and name in value)


def check_collection(data):
    """Every MUST of §5.1 (collection), §5.2 (page), §3 (annotation) and §4.2 (selectors)."""
    context = data["@context"]
    assert context == ANNO_CONTEXT or ANNO_CONTEXT in context
    assert IRI.match(data["id"]) and is_type(data["type"], "AnnotationCollection")
    page = data["first"]
    assert isinstance(data["total"], int) and data["total"] >= 0
    assert IRI.match(page["id"]) and is_type(page["type"], "AnnotationPage")
    assert page["partOf"] in (data["id"], {"id": data["id"]})  # SHOULD, kept
    assert data["last"] in (page["id"], {"id": page["id"]})  # one page: first is last
    assert isinstance(page["startIndex"], int) and page["startIndex"] >= 0
    assert len(page["items"]) == data["total"]
    ids = [item["id"] for item in page["items"]]
    assert len(set(ids)) == len(ids), "annotation ids must be unique"
    for item in page["items"]:
        check_annotation(item)


def check_annotation(item):
    assert IRI.match(item["id"]) and is_type(item["type"], "Annotation")
    for motivation in as_list(item.get("motivation")):
        assert motivation in MOTIVATIONS or IRI.match(motivation)
    for stamp in (item.get("created"), item.get("modified")):
        assert stamp is None or DATE.match(stamp)
    assert not ("body" in item and "bodyValue" in item)  # one or the other
    for body in as_list(item.get("body")):
        if isinstance(body, dict) and is_type(body.get("type"), "TextualBody"):
            assert isinstance(body["value"], str)
        if isinstance(body, dict) and "purpose" in body:
            assert body["purpose"] in MOTIVATIONS
    targets = as_list(item["target"])
    assert targets, "an annotation has at least one target"
    for target in targets:
        assert IRI.match(target if isinstance(target, str) else target["source"])
        for selector in as_list(target.get("selector") if isinstance(target, dict) else None):
            check_selector(selector)


def check_selector(selector):
    if is_type(selector["type"], "TextQuoteSelector"):
        assert isinstance(selector["exact"], str)
        for context in ("prefix", "suffix"):
            assert isinstance(selector.get(context, ""), str)
    if is_type(selector["type"], "TextPositionSelector"):
        start, end = selector["start"], selector["end"]
        assert type(start) is int and type(end) is int and 0 <= start <= end


def as_list(value):
    return [] if value is None else value if isinstance(value, list) else [value]


def exported(tmp_path, annotations):
    out = tmp_path / "export.json"
    write_json(out, annotations)
    return out, json.loads(out.read_text(encoding="utf-8"))


def positions(item):
    return [
        s
        for t in as_list(item["target"])
        for s in as_list(t["selector"])
        if is_type(s["type"], "TextPositionSelector")
    ]


def test_every_kind_of_annotation_exports_conforming(tmp_path):
    a = article_file(tmp_path / "a.txt", SEED.read_text(encoding="utf-8"))
    b = article_file(tmp_path / "b.html", "<p>Lee met Xi.</p>")
    missing = Article("gone", str(tmp_path / "gone.txt"), "Gone", "Wire", "txt", "Lee met Xi.")
    annotations = [
        new_annotation(Status.AGREED, [quote(a, *sentence_span(a.text, 300))], "ok"),
        new_annotation(Status.DISPUTED, [quote(a, 0, 10), quote(b, 3, 13)], similarity=61.0),
        new_annotation(Status.UNVERIFIED, [quote(a, 20, 30), quote(missing, 0, 7)], fact_id="f1"),
    ]
    _, data = exported(tmp_path, annotations)
    check_collection(data)
    assert data["id"] != data["first"]["id"]
    _, again = exported(tmp_path, annotations)
    assert again["id"] != data["id"], "each export is a new collection"


def test_an_empty_export_is_a_conforming_collection(tmp_path):
    _, data = exported(tmp_path, [])
    check_collection(data)
    assert data["total"] == 0 and data["first"]["items"] == []


def test_foreign_annotations_export_again_conforming(tmp_path):
    foreign = tmp_path / "foreign.json"
    foreign.write_text(
        json.dumps(
            [
                {
                    "id": "https://hypothes.is/a/Zz99",
                    "type": ["Annotation"],
                    "motivation": "commenting",
                    "bodyValue": "See the wire copy.",
                    "target": {
                        "source": "https://example.org/a",
                        "selector": {"type": "TextQuoteSelector", "exact": "Lee met Xi"},
                    },
                }
            ]
        ),
        encoding="utf-8",
    )
    with Store() as store:
        import_json(store, foreign)
        _, data = exported(tmp_path, store.annotations())
    check_collection(data)
    [item] = data["first"]["items"]
    assert item["id"] == "https://hypothes.is/a/Zz99"
    assert item["target"]["source"] == "https://example.org/a"


@pytest.mark.parametrize("near", [100, 1177, 2500])
def test_positions_in_a_crlf_file_index_the_files_own_text(tmp_path, near):
    article = article_file(tmp_path / "crlf.txt", SEED.read_text(encoding="utf-8"), "\r\n")
    start, end = sentence_span(article.text, near)
    annotation = new_annotation(Status.AGREED, [quote(article, start, end)])
    out, data = exported(tmp_path, [annotation])
    [item] = data["first"]["items"]
    [position] = positions(item)
    file_text = (tmp_path / "crlf.txt").read_bytes().decode("utf-8")  # CRLF kept
    exact = item["target"][0]["selector"][0]["exact"]
    assert file_text[position["start"] : position["end"]] == exact == article.text[start:end]
    assert position["start"] > start, "the CRLFs before the sentence are counted"
    # Read back, the position becomes the app's offsets again.
    [back] = read_json(out).annotations
    assert (back.targets[0].start, back.targets[0].end) == (start, end)


def test_a_position_a_consumer_could_not_check_is_left_out(tmp_path):
    page = article_file(tmp_path / "page.html", "<p>Lee met Xi.</p>")
    page = Article(page.id, page.path, "Page", "Wire", "html", "Lee met Xi.")  # extracted text
    gone = Article("gone", str(tmp_path / "gone.txt"), "Gone", "Wire", "txt", "Lee met Xi.")
    marked = article_file(tmp_path / "m.md", "**Lee** met Xi. Lee met Xi.")
    marked = Article(marked.id, marked.path, "M", "Wire", "md", "Lee met Xi. Lee met Xi.")
    annotations = [new_annotation(Status.AGREED, [quote(x, 0, 11)]) for x in (page, gone, marked)]
    _, data = exported(tmp_path, annotations)
    assert all(positions(item) == [] for item in data["first"]["items"])


def test_markdown_without_marks_before_the_quote_gets_its_position(tmp_path):
    text = "Lee met Xi today.\nThe talks went *well*."
    article = article_file(tmp_path / "v.md", text, "\r\n")
    article = Article(article.id, article.path, "V", "Wire", "md", text.replace("*", ""))
    _, data = exported(tmp_path, [new_annotation(Status.AGREED, [quote(article, 18, 27)])])
    [position] = positions(data["first"]["items"][0])
    file_text = (tmp_path / "v.md").read_bytes().decode("utf-8")
    assert file_text[position["start"] : position["end"]] == "The talks" == article.text[18:27]
