"""Importing hostile or damaged annotation files: never a hang or a crash, and one bad item
never costs the others.

If these break, importing a colleague's file freezes the program (a named pipe), crashes
it (huge offsets, deep nesting, broken text), lets in a date that breaks every later
import of that annotation, or throws away a whole file for one damaged entry.
"""

import json
import os
import sqlite3
import sys
import threading

import pytest

from corroborate.core.annotations import importing as annotation_import
from corroborate.core.annotations.edits import new_annotation, undo_of_merge
from corroborate.core.annotations.export import web_annotation, write_csv, write_json
from corroborate.core.annotations.importing import (
    MAX_FILE_BYTES,
    MAX_OFFSET,
    AnnotationFormatError,
    import_json,
    read_json,
)
from corroborate.core.annotations.store import Store, _instant, default_path
from corroborate.core.model import Status, Target


def target(article, start, exact="A sentence."):
    return Target(article, "Source", "Title", f"{article}.txt", start, start + len(exact), exact)


def good(n, note=""):
    return new_annotation(Status.AGREED, [target(f"article{n}", 10 * n)], note)


def item(n, note=""):
    """A good annotation as the JSON dict a file holds, ready to be damaged: its offsets
    in a position selector, as another tool writes them."""
    entry = web_annotation(good(n, note))
    for t in entry["target"]:
        start, end = t.pop("corroborate:start"), t.pop("corroborate:end")
        t["selector"].append({"type": "TextPositionSelector", "start": start, "end": end})
    return entry


def position(entry, target_number=0):
    return entry["target"][target_number]["selector"][1]


def write_items(path, items):
    path.write_text(json.dumps({"type": "AnnotationPage", "items": items}), encoding="utf-8")
    return path


# --- files that are not files -------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once_instead_of_hanging(tmp_path):
    pipe = tmp_path / "small.json"
    os.mkfifo(pipe)
    outcome = []

    def read():
        try:
            read_json(pipe)
        except AnnotationFormatError as exc:
            outcome.append(str(exc))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # release the hung reader before failing
        with open(pipe, "w"):
            pass
        pytest.fail("reading a named pipe hung")
    assert outcome == ["it is a named pipe, not a file."]


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(AnnotationFormatError, match="a folder, not a file"):
        read_json(tmp_path)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space, the size is what counts
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda *a, **kw: opened.append(a) or real_open(*a, **kw))
    with pytest.raises(AnnotationFormatError, match="larger than 200 MB"):
        read_json(huge)
    assert opened == [], "the file was opened although its size already refused it"


def test_a_file_that_grows_past_the_limit_is_not_read_whole(tmp_path, monkeypatch):
    grown = write_items(tmp_path / "grown.json", [item(1)])
    monkeypatch.setattr(annotation_import, "MAX_FILE_BYTES", 10)
    monkeypatch.setattr(annotation_import, "_refuse_unless_regular", lambda info: None)
    with pytest.raises(AnnotationFormatError, match="too large"):
        read_json(grown)


def test_a_missing_file_names_its_real_cause(tmp_path):
    with pytest.raises(AnnotationFormatError, match="No such file or directory"):
        read_json(tmp_path / "missing.json")


# --- files that are not annotations ---------------------------------------------------------


def test_json_nested_far_too_deep_is_refused_without_raising_the_recursion_limit(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    limit = sys.getrecursionlimit()
    with pytest.raises(AnnotationFormatError, match="nested too deeply to be annotations"):
        read_json(deep)
    assert sys.getrecursionlimit() == limit


def test_an_integer_of_thousands_of_digits_is_refused_as_not_json(tmp_path):
    entry = item(1)
    path = write_items(tmp_path / "digits.json", [entry])
    path.write_text(path.read_text().replace('"start": 10', '"start": ' + "9" * 5000))
    with pytest.raises(AnnotationFormatError, match="not JSON"):
        read_json(path)


def test_a_page_whose_items_are_not_a_list_is_refused(tmp_path):
    path = tmp_path / "page.json"
    path.write_text('{"type": "AnnotationPage", "items": 5}')
    with pytest.raises(AnnotationFormatError, match="items are not a list"):
        read_json(path)


def test_a_valid_empty_collection_imports_nothing_and_reports_nothing(tmp_path):
    path = tmp_path / "empty.json"
    write_json(path, [])
    with Store() as store:
        report = import_json(store, path)
    assert (report.read, report.added, report.problems, report.all_bad) == (0, 0, (), False)


# --- one bad item at a time -----------------------------------------------------------------


def only_problem(tmp_path, entry):
    """Import [good, entry, good]: the good ones must land whatever `entry` holds."""
    path = write_items(tmp_path / "one-bad.json", [item(1), entry, item(3)])
    with Store() as store:
        report = import_json(store, path)
        assert report.added == 2 and len(store.annotations()) == 2
    [problem] = report.problems
    assert problem.index == 2
    return problem


@pytest.mark.parametrize(
    ("start", "end", "reason"),
    [
        (10**30, 10**30 + 5, "start offset outside 0 to 2147483648"),
        (0, MAX_OFFSET + 1, "end offset outside"),
        (-1, 5, "start offset outside"),
        (True, 5, "start offset that is not a whole number"),
        (0, False, "end offset that is not a whole number"),
        (1.5, 5, "not a whole number"),
        ("3", 5, "not a whole number"),
        (9, 3, "ends before it starts"),
    ],
)
def test_offsets_must_be_whole_numbers_within_bounds(tmp_path, start, end, reason):
    entry = item(2)
    position(entry).update(start=start, end=end)
    problem = only_problem(tmp_path, entry)
    assert reason in problem.reason and problem.id == entry["id"]


def test_the_largest_allowed_offset_is_stored(tmp_path):
    entry = item(2)
    position(entry).update(start=MAX_OFFSET, end=MAX_OFFSET)
    path = write_items(tmp_path / "far.json", [entry])
    with Store() as store:
        assert import_json(store, path).problems == ()
        [stored] = store.annotations()
    assert stored.targets[0].end == MAX_OFFSET


@pytest.mark.parametrize("field", ["modified", "created"])
def test_a_date_that_is_not_iso_is_reported_and_later_imports_of_that_id_work(tmp_path, field):
    entry = item(2)
    entry[field] = "last Tuesday"
    problem = only_problem(tmp_path, entry)
    assert problem.reason == f"its {field} date 'last Tuesday' is not an ISO 8601 date."
    entry[field] = "2099-01-01T00:00:00Z"
    path = write_items(tmp_path / "fixed.json", [entry])
    with Store() as store:
        assert import_json(store, path).added == 1
        assert import_json(store, path).unchanged == 1


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda e: e.pop("id"), "it has no id."),
        (lambda e: e.update(body={"purpose": "assessing", "value": ["agreed"]}), "no status"),
        (lambda e: e.update(target=[]), "it has no target."),
        (lambda e: e.update(target=["x"]), "its target 1 has no selectors."),
        (lambda e: e["target"][0]["selector"][0].update(type=["Text"]), "TextQuoteSelector"),
        (lambda e: e.update({"corroborate:similarity": True}), "similarity is not a number"),
        (lambda e: e.update({"corroborate:similarity": float("nan")}), "not a number"),
        (lambda e: e.update(type="Note"), "it is not a Web Annotation."),
    ],
)
def test_each_kind_of_damage_costs_its_item_only(tmp_path, damage, reason):
    entry = item(2)
    damage(entry)
    assert reason in only_problem(tmp_path, entry).reason


def test_something_that_is_not_an_object_is_reported_by_position(tmp_path):
    problem = only_problem(tmp_path, "just a string")
    assert (problem.id, problem.reason) == ("", "it is not a Web Annotation.")


def test_lone_surrogates_are_repaired_and_the_rest_of_the_text_survives(tmp_path):
    entry = item(1, note="before \ud800 after")
    entry["target"][0]["selector"][0]["prefix"] = "\udfff"
    entry["corroborate:discrepancy"] = "date \udbff"
    path = write_items(tmp_path / "surrogates.json", [entry])
    assert "\\ud800" in path.read_text()  # the escape as another program writes it
    with Store() as store:
        report = import_json(store, path)
        [stored] = store.annotations()
    assert report.added == 1 and report.problems == ()
    assert stored.note == "before \ufffd after"
    assert (stored.targets[0].prefix, stored.discrepancy) == ("\ufffd", "date \ufffd")
    # Export afterwards works: the repaired text encodes as UTF-8.
    assert write_csv(tmp_path / "out.csv", [stored]) == 1
    write_json(tmp_path / "out.json", [stored])
    assert "before \ufffd after" in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_a_bad_newer_copy_leaves_the_stored_annotation_as_it_was(tmp_path):
    with Store() as store:
        mine = good(1, "mine")
        store.add(mine)
        theirs = web_annotation(mine)
        theirs.update(modified="2099-01-01T00:00:00Z")
        theirs["body"][1]["value"] = "theirs"
        theirs["target"][0]["corroborate:start"] = 10**30
        report = import_json(store, write_items(tmp_path / "bad-copy.json", [theirs, item(2)]))
        assert (report.added, report.updated) == (1, 0)
        assert store.get(mine.id) == mine


def mixed_file(path):
    """3 good items and 4 bad ones of different kinds: (good annotations, file path)."""
    kept = [good(n, f"good {n}") for n in range(3)]
    huge, boolean, undated = item(10), item(11), item(12)
    position(huge).update(start=10**30, end=10**30)
    position(boolean).update(start=True)
    undated["modified"] = "<b>soon</b>"
    items = [
        web_annotation(kept[0]), huge, "not an annotation", web_annotation(kept[1]),
        boolean, undated, web_annotation(kept[2]),
    ]  # fmt: skip
    return kept, write_items(path, items)


def test_a_mixed_file_imports_the_good_items_and_reports_the_bad_by_position(tmp_path):
    kept, path = mixed_file(tmp_path / "mixed.json")
    with Store() as store:
        report = import_json(store, path)
        assert sorted(store.annotations(), key=lambda a: a.note) == kept
        # One transaction, so undo takes back exactly the three good ones.
        undo_of_merge(report.merged, "import mixed.json").apply(store)
        assert store.annotations() == ()
    assert (report.read, report.added, report.all_bad) == (3, 3, False)
    assert [p.index for p in report.problems] == [2, 3, 5, 6]
    assert [bool(p.id) for p in report.problems] == [True, False, True, True]
    assert all(p.reason.endswith(".") and "\n" not in p.reason for p in report.problems)
    assert str(report.problems[0]).startswith(f"item 2 ({report.problems[0].id}): its target 1")


# --- dates already stored --------------------------------------------------------------------


def test_a_bad_date_already_in_a_users_store_counts_as_oldest(tmp_path):
    with Store() as store:
        mine = good(1, "stored with a bad date")
        store.add(mine)
    conn = sqlite3.connect(default_path())  # as an older version let it in
    with conn:
        conn.execute("UPDATE annotations SET modified = 'last Tuesday'")
    conn.close()
    theirs = web_annotation(mine)
    theirs["body"][1]["value"] = "theirs"
    with Store() as store:
        report = import_json(store, write_items(tmp_path / "newer.json", [theirs]))
        assert report.updated == 1 and store.get(mine.id).note == "theirs"
    assert _instant("last Tuesday") < _instant("0001-01-02T00:00:00")
    assert _instant(None) == _instant("not a date")  # never raises, whatever is stored
