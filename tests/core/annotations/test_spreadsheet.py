"""Annotations as spreadsheet rows: one per pair of different sources, in CSV and .xlsx.

If these break, a reader of the exported table sees an outlet compared with itself, a
row with no outlet named, boxes for control characters, a formula run from a note, or
short notes such as `1/2` or `00123` turned into dates and numbers by the spreadsheet.
"""

import csv
import io
import zipfile
from itertools import combinations
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.spreadsheet import write_csv, write_spreadsheet, write_xlsx
from corroborate.core.annotations.table_rows import (
    CSV_COLUMNS,
    clean,
    csv_rows,
    neutralise,
    source_label,
)
from corroborate.core.model import Status, Target

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NOTES_THAT_LOOK_LIKE_VALUES = ["1/2", "00123", "TRUE", "50%", "(1)", "=A1+1", "1e5", "3-4"]


def target(article, start, exact="A sentence.", source=None, path=None, title=None):
    return Target(
        article,
        f"Outlet {article}" if source is None else source,
        f"Title {article}" if title is None else title,
        f"/news/{article}.txt" if path is None else path,
        start,
        start + len(exact),
        exact,
    )


def rows_of(*annotations):
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in csv_rows(annotations)]


# --- which rows ----------------------------------------------------------------------


def test_a_fact_over_four_outlets_gives_each_pair_of_different_outlets_once():
    # Outlet b reports the fact in two sentences: the old export paired b with itself.
    targets = [
        target("a", 10, "Seven died."),
        target("b", 40, "Seven people died."),
        target("b", 90, "The toll was seven."),
        target("c", 5, "7 dead."),
        target("d", 70, "Seven were killed."),
    ]
    fact = new_annotation(Status.AGREED, targets, fact_id="f1")
    rows = rows_of(fact)
    pairs = [(r["source_a"], r["source_b"]) for r in rows]
    outlets = ["Outlet a", "Outlet b", "Outlet c", "Outlet d"]
    assert pairs == list(combinations(outlets, 2))
    assert all(a != b for a, b in pairs)
    b_row = rows[0]
    assert b_row["sentence_b"] == "Seven people died.\nThe toll was seven."
    assert (b_row["start_b"], b_row["end_b"]) == ("40", str(90 + len("The toll was seven.")))


def test_a_one_to_many_pair_is_one_row_with_the_many_joined_in_text_order():
    one = target("a", 200, "Talks lasted four days.")
    many = [target("b", 80, "They met on Monday."), target("b", 20, "Talks began.")]
    pair = new_annotation(Status.DISPUTED, [one, *many], note="three or four?")
    [row] = rows_of(pair)
    assert (row["source_a"], row["sentence_a"]) == ("Outlet a", "Talks lasted four days.")
    assert (row["source_b"], row["sentence_b"]) == ("Outlet b", "Talks began.\nThey met on Monday.")
    assert (row["start_b"], row["end_b"]) == ("20", str(80 + len("They met on Monday.")))
    assert row["note"] == "three or four?" and row["status"] == "disputed"


def test_many_to_many_pairs_each_sentence_of_the_smaller_side_with_the_other_joined():
    side_a = [target("a", 0, "One."), target("a", 10, "Two.")]
    side_b = [target("b", 0, "Uno."), target("b", 10, "Dos."), target("b", 20, "Tres.")]
    rows = rows_of(new_annotation(Status.AGREED, side_a + side_b))
    assert [(r["sentence_a"], r["sentence_b"]) for r in rows] == [
        ("One.", "Uno.\nDos.\nTres."),
        ("Two.", "Uno.\nDos.\nTres."),
    ]


def test_an_annotation_on_one_source_is_one_row_with_source_b_empty():
    single = new_annotation(Status.UNVERIFIED, [target("a", 3)])
    two_of_one = new_annotation(Status.AGREED, [target("a", 30, "Later."), target("a", 3)])
    rows = rows_of(single, two_of_one)
    assert len(rows) == 2
    for row in rows:
        assert row["source_a"] == "Outlet a"
        assert all(row[c] == "" for c in CSV_COLUMNS if c.endswith("_b"))
    assert rows[1]["sentence_a"] == "A sentence.\nLater."


def test_outlet_labels_fall_back_to_the_file_name_then_the_title():
    imported = [
        target("a", 0, source="", path="/news/wire-report.txt"),
        target("b", 0, source="  ", path=r"C:\news\daily.html"),
        target("c", 0, source="", path="", title="Evening Post"),
    ]
    assert [source_label(t) for t in imported] == ["wire-report.txt", "daily.html", "Evening Post"]
    rows = rows_of(new_annotation(Status.AGREED, imported))
    assert all(r["source_a"] and r["source_b"] for r in rows)


# --- what the cells hold -------------------------------------------------------------


def test_control_characters_go_but_newlines_and_tabs_stay():
    note = "bell\x07 nul\x00 esc\x1b next-line\x85 del\x7f\r\nline two\rline three\tcol"
    [row] = rows_of(new_annotation(Status.AGREED, [target("a", 0, "Alarm\x07 rang.")], note))
    assert row["note"] == "bell nul esc next-line del\nline two\nline three\tcol"
    assert row["sentence_a"] == "Alarm rang."


@pytest.mark.parametrize(
    "note, shown",
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("\x07=1+1", "'=1+1"),  # a control character does not hide a formula
        ("\tindented", "'\tindented"),
        ("+1 more", "'+1 more"),
        ("plain", "plain"),
    ],
)
def test_csv_cells_that_would_run_as_formulas_start_with_an_apostrophe(note, shown):
    [row] = rows_of(new_annotation(Status.AGREED, [target("a", 0)], note))
    assert row["note"] == shown


NASTY = [
    "plain, with a comma",
    'she said "four days"',
    "two\nlines\nin one cell",
    "emoji 🇰🇷🤝🇨🇳 and 😀",
    "عربي — right-to-left עברית",
    "=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "",
]


def test_nasty_text_round_trips_through_csv(tmp_path):
    annotations = [
        new_annotation(Status.DISPUTED, [target("a", 0, text), target("b", 5, text)], note=text)
        for text in NASTY
    ]
    out = tmp_path / "nasty.csv"
    assert write_csv(out, annotations) == len(NASTY)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row, text in zip(rows, NASTY, strict=True):
        assert row["note"] == row["sentence_a"] == row["sentence_b"] == neutralise(text)


@settings(max_examples=200)
@given(st.text())
def test_any_note_reads_back_cleaned_and_neutralised_and_nothing_else(note):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(
        csv_rows([new_annotation(Status.AGREED, [target("a", 0)], note)])
    )
    [row] = csv.reader(io.StringIO(buffer.getvalue(), newline=""))
    cell = row[CSV_COLUMNS.index("note")]
    assert cell == neutralise(clean(note))
    assert not any(ord(c) < 32 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F for c in cell)


def test_csv_file_reads_back_with_the_header_and_one_row_per_pair(tmp_path):
    fact = new_annotation(Status.AGREED, [target(x, 0) for x in "abc"], fact_id="f")
    out = tmp_path / "out.csv"
    assert write_csv(out, [fact], bom=True) == 3
    with open(out, encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert tuple(header) == CSV_COLUMNS and len(rows) == 3


# --- the workbook --------------------------------------------------------------------


def read_workbook(path):
    """{cell reference: (type, text)} of the first sheet, the sheet's XML root, styles."""
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{MAIN}t")) for si in root]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        styles = ElementTree.fromstring(book.read("xl/styles.xml"))
    cells = {}
    for c in sheet.iter(f"{MAIN}c"):
        kind = c.get("t", "n")
        if kind == "s":
            text = shared[int(c.find(f"{MAIN}v").text)]
        elif kind == "inlineStr":
            text = "".join(t.text or "" for t in c.iter(f"{MAIN}t"))
        else:
            text = c.find(f"{MAIN}v").text
        cells[c.get("r")] = (kind, text, int(c.get("s", "0")))
    return cells, sheet, styles


def column_letter(name):
    return chr(ord("A") + CSV_COLUMNS.index(name))


def test_workbook_keeps_notes_that_look_like_values_as_text(tmp_path):
    annotations = [
        new_annotation(Status.AGREED, [target("a", 5, value), target("b", 7, value)], value)
        for value in NOTES_THAT_LOOK_LIKE_VALUES
    ]
    out = tmp_path / "notes.xlsx"
    assert write_xlsx(out, annotations) == len(NOTES_THAT_LOOK_LIKE_VALUES)
    cells, sheet, _ = read_workbook(out)
    for row, value in enumerate(NOTES_THAT_LOOK_LIKE_VALUES, start=2):
        for column in ("note", "sentence_a", "sentence_b"):
            kind, text, _ = cells[f"{column_letter(column)}{row}"]
            assert kind in ("s", "inlineStr") and text == value  # as typed, no apostrophe
        assert cells[f"{column_letter('start_a')}{row}"][:2] == ("n", "5")
    assert next(sheet.iter(f"{MAIN}f"), None) is None  # no formula anywhere


def test_workbook_has_a_bold_frozen_filtered_header_and_wraps_long_text(tmp_path):
    long_sentence = "The delegation, which arrived on Monday, met officials " * 4
    pair = new_annotation(
        Status.DISPUTED, [target("a", 0, long_sentence), target("b", 0)], "short", similarity=72.5
    )
    out = tmp_path / "look.xlsx"
    write_xlsx(out, [pair])
    cells, sheet, styles = read_workbook(out)
    assert [cells[f"{chr(ord('A') + i)}1"][1] for i in range(len(CSV_COLUMNS))] == list(CSV_COLUMNS)
    pane = sheet.find(f"{MAIN}sheetViews/{MAIN}sheetView/{MAIN}pane")
    assert (pane.get("state"), pane.get("ySplit"), pane.get("topLeftCell")) == ("frozen", "1", "A2")
    last = chr(ord("A") + len(CSV_COLUMNS) - 1)
    assert sheet.find(f"{MAIN}autoFilter").get("ref") == f"A1:{last}2"

    fonts = styles.find(f"{MAIN}fonts")
    xfs = styles.find(f"{MAIN}cellXfs")

    def xf(cell):
        return xfs[cells[cell][2]]

    header_font = fonts[int(xf("A1").get("fontId"))]
    assert header_font.find(f"{MAIN}b") is not None
    sentence = xf(f"{column_letter('sentence_a')}2").find(f"{MAIN}alignment")
    assert sentence is not None and sentence.get("wrapText") == "1"
    assert cells[f"{column_letter('similarity')}2"][:2] == ("n", "72.5")
    widths = {int(c.get("min")): float(c.get("width")) for c in sheet.iter(f"{MAIN}col")}
    sentence_width = widths[CSV_COLUMNS.index("sentence_a") + 1]
    assert 50 <= sentence_width <= 62  # capped and wrapped, not one screen-wide line
    assert widths[CSV_COLUMNS.index("status") + 1] < 15


def test_workbook_and_csv_hold_the_same_rows(tmp_path):
    fact = new_annotation(Status.AGREED, [target(x, 1, "=1+1") for x in "abcd"], fact_id="f")
    write_xlsx(tmp_path / "f.xlsx", [fact])
    cells, _, _ = read_workbook(tmp_path / "f.xlsx")
    csv_pairs = [(r["source_a"], r["source_b"]) for r in rows_of(fact)]
    a, b = column_letter("source_a"), column_letter("source_b")
    book_pairs = [(cells[f"{a}{r}"][1], cells[f"{b}{r}"][1]) for r in range(2, 2 + len(csv_pairs))]
    assert book_pairs == csv_pairs and len(csv_pairs) == 6
    assert cells[f"{column_letter('sentence_a')}2"][1] == "=1+1"  # a string: never run


def test_the_suffix_chooses_workbook_or_csv(tmp_path):
    pair = new_annotation(Status.AGREED, [target("a", 0), target("b", 0)])
    assert write_spreadsheet(tmp_path / "out.XLSX", [pair]) == 1
    assert zipfile.is_zipfile(tmp_path / "out.XLSX")
    assert write_spreadsheet(tmp_path / "out.csv", [pair]) == 1
    assert (tmp_path / "out.csv").read_text().startswith("annotation_id,")


def test_a_failed_workbook_write_keeps_the_previous_file_and_leaves_no_litter(tmp_path):
    out = tmp_path / "kept.xlsx"
    write_xlsx(out, [new_annotation(Status.AGREED, [target("a", 0)], "old")])
    before = out.read_bytes()
    with pytest.raises(ValueError, match="unknown status"):
        write_xlsx(out, [], status="none")
    blocked = tmp_path / "blocked.xlsx"
    blocked.mkdir()
    with pytest.raises(OSError):
        write_xlsx(blocked, [])
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked.xlsx", "kept.xlsx"]
