"""Exported annotations read back exactly, are safe to open in a spreadsheet, and an
export that fails never destroys the previous file.

If these break, users get garbled or dangerous CSV files, lose an earlier export, or
duplicate annotations when they import a colleague's JSON twice.
"""

import csv
import json
import os
from dataclasses import replace

import pytest

from corroborate.core.annotations import export
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.export import (
    ANNO_CONTEXT,
    write_csv,
    write_json,
)
from corroborate.core.annotations.importing import AnnotationFormatError, import_json, read_json
from corroborate.core.annotations.store import Store
from corroborate.core.model import Status, Target

NASTY = [
    "plain, with a comma",
    'she said "four days"',
    "two\nlines\r\nand CRLF",
    "emoji 🇰🇷🤝🇨🇳 and a surrogate-free 😀",
    "عربي — right-to-left עברית",
    "=cmd|' /C calc'!A0",
    "+1 more",
    "-2 fewer",
    "@SUM(A1)",
    "\tindented",
    "\rcarriage",
    "",
]


def target(article, n, exact="A sentence.", path=None):
    return Target(
        article, f"Source {article}", f"Title {article}", path or f"/news/{article}.txt",
        n, n + len(exact), exact, "before ", " after",
    )  # fmt: skip


def pair(note="", status=Status.AGREED, **kw):
    return new_annotation(status, [target("a", 10), target("b", 20, "B sentence.")], note, **kw)


def counts(report):
    return report.added, report.updated, report.unchanged


def read_back(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f))


def test_status_filter_and_rfc4180_line_ends(tmp_path):
    annotations = [pair(status=s) for s in Status]
    out = tmp_path / "disputed.csv"
    assert write_csv(out, annotations, status="disputed") == 1
    assert read_back(out)[1][1] == "disputed"
    assert out.read_bytes().count(b"\r\n") == 2
    with pytest.raises(ValueError, match="unknown status"):
        write_csv(out, annotations, status="none")


def test_bom_only_when_asked(tmp_path):
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    annotation = pair("é")
    write_csv(plain, [annotation])
    write_csv(excel, [annotation], bom=True)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_back(excel, "utf-8-sig") == read_back(plain)


# --- atomic writing ------------------------------------------------------------------


def test_a_directory_in_place_of_the_file_fails_cleanly(tmp_path):
    blocked = tmp_path / "out.csv"
    blocked.mkdir()
    (blocked / "keep.txt").write_text("mine")
    with pytest.raises(OSError):
        write_csv(blocked, [pair("x")])
    assert (blocked / "keep.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_write_error_midway_leaves_the_old_file_untouched(tmp_path, monkeypatch):
    out = tmp_path / "export.json"
    write_json(out, [pair("old export")])
    old = out.read_bytes()

    def dump_half_then_fail(payload, stream, **kw):
        stream.write('{"@context": ')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.json, "dump", dump_half_then_fail)
    with pytest.raises(OSError, match="No space"):
        write_json(out, [pair("new export")])
    assert out.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_a_failure_at_the_last_step_keeps_the_old_csv_and_its_permissions(tmp_path, monkeypatch):
    out = tmp_path / "export.csv"
    write_csv(out, [pair("old")])
    out.chmod(0o640)
    old = out.read_bytes()
    monkeypatch.setattr(export.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "EIO")))
    with pytest.raises(OSError):
        write_csv(out, [pair("new")])
    assert out.read_bytes() == old and len(list(tmp_path.iterdir())) == 1
    monkeypatch.undo()
    write_csv(out, [pair("new")])
    assert "new" in out.read_text() and out.stat().st_mode & 0o777 == 0o640


# --- W3C Web Annotation JSON ------------------------------------------------------------


def test_json_is_a_web_annotation_collection(tmp_path):
    a = pair("Check the date", status=Status.DISPUTED, similarity=77.0)
    out = tmp_path / "out.json"
    write_json(out, [a])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@context"] == ANNO_CONTEXT and data["type"] == "AnnotationCollection"
    [item] = data["first"]["items"]
    assert item["id"] == f"urn:uuid:{a.id}" and item["motivation"] == "assessing"
    assert {b["purpose"]: b["value"] for b in item["body"]} == {
        "assessing": "disputed",
        "commenting": "Check the date",
    }
    first = item["target"][0]
    assert first["source"] == "file:///news/a.txt"
    # The file is not on this disk: no position in its own text can be promised, so none
    # is written; the app's own offsets travel under its own names.
    (quote,) = first["selector"]
    assert quote == {
        "type": "TextQuoteSelector", "exact": "A sentence.", "prefix": "before ", "suffix": " after"
    }  # fmt: skip
    assert (first["corroborate:start"], first["corroborate:end"]) == (10, 21)


def test_json_export_then_import_into_an_empty_store_is_identical(tmp_path):
    annotations = [
        pair(text, status=status, similarity=50.5, discrepancy="date")
        for text, status in zip(NASTY, list(Status) * 4, strict=False)
    ]
    annotations.append(
        new_annotation(Status.AGREED, [target("a", 1), target("b", 2), target("c", 3)], fact_id="f")
    )
    annotations.append(new_annotation(Status.UNVERIFIED, [target("r", 0, path="relative/r.txt")]))
    out = tmp_path / "all.json"
    write_json(out, annotations)
    with Store(tmp_path / "other" / "empty.sqlite3") as empty:
        assert counts(import_json(empty, out)) == (len(annotations), 0, 0)
        assert sorted(empty.annotations(), key=lambda a: a.id) == sorted(
            annotations, key=lambda a: a.id
        )
        assert counts(import_json(empty, out)) == (0, 0, len(annotations))  # twice adds nothing
        assert len(empty.annotations()) == len(annotations)


def test_import_keeps_the_newer_of_two_versions(tmp_path):
    with Store() as store:
        mine = pair("mine")
        store.add(mine)
        theirs_newer = replace(mine, note="theirs", modified="2999-01-01T00:00:00.000000Z")
        write_json(tmp_path / "newer.json", [theirs_newer])
        assert counts(import_json(store, tmp_path / "newer.json")) == (0, 1, 0)
        assert store.get(mine.id).note == "theirs"
        write_json(tmp_path / "older.json", [mine])
        assert counts(import_json(store, tmp_path / "older.json")) == (0, 0, 1)
        assert store.get(mine.id).note == "theirs"


def test_a_plain_w3c_annotation_from_another_tool_imports(tmp_path):
    foreign = {
        "@context": ANNO_CONTEXT,
        "id": "http://example.org/anno1",
        "type": "Annotation",
        "motivation": "assessing",
        "body": {"type": "TextualBody", "purpose": "assessing", "value": "agreed"},
        "target": {
            "source": "http://example.org/page1",
            "selector": {"type": "TextQuoteSelector", "exact": "Lee met Xi"},
        },
    }
    path = tmp_path / "foreign.json"
    path.write_text(json.dumps(foreign))
    [a] = read_json(path).annotations
    assert (a.id, a.status, a.note) == ("http://example.org/anno1", Status.AGREED, "")
    assert (a.targets[0].exact, a.targets[0].start, a.targets[0].end) == ("Lee met Xi", 0, 10)
    assert a.targets[0].path == "http://example.org/page1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not JSON"),
        ('"a string"', "expected an annotation"),
        ('{"type": "Page"}', "unexpected JSON object of type 'Page'"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with Store() as store, pytest.raises(AnnotationFormatError, match=message):
        import_json(store, path)
    with Store() as store:
        assert store.annotations() == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"type": "Annotation", "id": "x", "target": []}', "no target"),
        ('[{"type": "Annotation", "id": "x", "body": {"purpose": "assessing", '
         '"value": "agreed"}, "target": {"selector": []}}]', "TextQuoteSelector"),
    ],
)  # fmt: skip
def test_a_file_of_bad_items_imports_nothing_and_says_why(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with Store() as store:
        report = import_json(store, path)
        assert report.all_bad and store.annotations() == ()
    [problem] = report.problems
    assert (problem.index, problem.id) == (1, "x") and message in problem.reason


def test_no_temporary_files_are_left_after_success(tmp_path):
    write_csv(tmp_path / "a.csv", [pair()])
    write_json(tmp_path / "a.json", [pair()])
    assert sorted(os.listdir(tmp_path)) == ["a.csv", "a.json"]
