"""The optional columns of a CSV or workbook export: each side's date, byline and address.

If these broke, a fact-checker asking for them would get empty or shifted columns, a
byline such as `=HYPERLINK(…)` run as a formula, control characters shown as boxes, or
dates of the wrong article; and a script reading today's columns by position would break
for users who never asked for the new ones.
"""

import csv

from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.spreadsheet import write_csv, write_spreadsheet, write_xlsx
from corroborate.core.annotations.table_rows import (
    CSV_COLUMNS,
    METADATA_COLUMNS,
    article_metadata,
)
from corroborate.core.model import Article, Status
from tests.core.annotations.test_spreadsheet import MAIN, read_workbook, target

# The header every export had before the metadata columns existed, in its order.
TODAYS_HEADER = [
    "annotation_id", "status", "note",
    "source_a", "title_a", "file_a", "sentence_a", "start_a", "end_a",
    "source_b", "title_b", "file_b", "sentence_b", "start_b", "end_b",
    "similarity", "discrepancy", "created", "modified",
]  # fmt: skip
SIX = ["published_a", "byline_a", "url_a", "published_b", "byline_b", "url_b"]


def article(article_id, published=None, byline=None, url=None):
    return Article(
        article_id, f"/news/{article_id}.txt", "Title", "Outlet", "txt", "Text.",
        published=published, byline=byline, url=url,
    )  # fmt: skip


METADATA = article_metadata(
    [
        article("a", "2026-01-04", "Kim Tong-hyung", "https://wire.example.com/lee"),
        article("b", "2026-01-03T18:00:00-05:00", '=HYPERLINK("http://x","y")\x07 Desk'),
        article("c"),  # a file that says nothing
    ]
)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def test_csv_with_metadata_fills_both_sides_from_their_articles_neutralised(tmp_path):
    pair = new_annotation(Status.DISPUTED, [target("a", 0), target("b", 10)], "check")
    out = tmp_path / "out.csv"
    assert write_csv(out, [pair], metadata=METADATA) == 1
    header, [row] = read_csv(out)
    assert header == TODAYS_HEADER + SIX  # appended: today's columns keep their places
    assert tuple(SIX) == METADATA_COLUMNS
    assert (row["published_a"], row["byline_a"], row["url_a"]) == (
        "2026-01-04",
        "Kim Tong-hyung",
        "https://wire.example.com/lee",
    )
    assert row["published_b"] == "2026-01-03T18:00:00-05:00"
    # A spreadsheet shows the byline instead of running it; the bell character is gone.
    assert row["byline_b"] == '\'=HYPERLINK("http://x","y") Desk'
    assert row["url_b"] == ""
    assert row["source_a"] == "Outlet a" and row["note"] == "check"  # the rest unchanged


def test_sides_whose_articles_are_not_loaded_or_say_nothing_get_empty_cells(tmp_path):
    unknown = new_annotation(Status.AGREED, [target("zz", 0), target("c", 5)])
    alone = new_annotation(Status.UNVERIFIED, [target("a", 0)])  # one side only
    out = tmp_path / "out.csv"
    assert write_csv(out, [unknown, alone], metadata=METADATA) == 2
    _, rows = read_csv(out)
    assert all(rows[0][c] == "" for c in SIX)
    assert rows[1]["published_a"] == "2026-01-04"
    assert all(rows[1][c] == "" for c in SIX[3:])


def test_without_the_option_the_header_is_exactly_todays(tmp_path):
    pair = new_annotation(Status.AGREED, [target("a", 0), target("b", 10)])
    for write in (write_csv, write_spreadsheet):
        out = tmp_path / "plain.csv"
        write(out, [pair])
        header, [row] = read_csv(out)
        assert header == TODAYS_HEADER and "2026-01-04" not in row.values()
    assert list(CSV_COLUMNS) == TODAYS_HEADER


def test_the_workbook_gets_the_same_columns_with_the_text_as_written(tmp_path):
    pair = new_annotation(Status.DISPUTED, [target("a", 0), target("b", 10)])
    out = tmp_path / "out.xlsx"
    assert write_spreadsheet(out, [pair], metadata=METADATA) == 1
    cells, sheet, _ = read_workbook(out)
    columns = TODAYS_HEADER + SIX
    letters = [chr(ord("A") + i) for i in range(len(columns))]
    assert [cells[f"{c}1"][1] for c in letters] == columns
    by_name = {name: cells.get(f"{c}2") for name, c in zip(columns, letters, strict=True)}
    assert by_name["published_a"][:2] == ("s", "2026-01-04")  # text, never a date serial
    # A workbook's string is never run: the byline keeps its "=", only the bell is gone.
    assert by_name["byline_b"][1] == '=HYPERLINK("http://x","y") Desk'
    assert by_name["url_a"][1] == "https://wire.example.com/lee"
    assert by_name["url_b"] is None  # an empty cell, as the filters expect
    assert next(sheet.iter(f"{MAIN}f"), None) is None  # no formula anywhere
    assert sheet.find(f"{MAIN}autoFilter").get("ref") == f"A1:{letters[-1]}2"


def test_a_workbook_without_the_option_has_todays_columns_only(tmp_path):
    out = tmp_path / "plain.xlsx"
    write_xlsx(out, [new_annotation(Status.AGREED, [target("a", 0), target("b", 10)])])
    cells, _, _ = read_workbook(out)
    assert [cells[f"{chr(ord('A') + i)}1"][1] for i in range(len(TODAYS_HEADER))] == TODAYS_HEADER
    assert f"{chr(ord('A') + len(TODAYS_HEADER))}1" not in cells
