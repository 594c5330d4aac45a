"""`corroborate-cli annotations export FOLDER --csv OUT --metadata`: each side's
publication date, byline and address, read from the folder's files.

If these broke, a script asking for the columns would get them empty or shifted, a byline
starting with "=" would run as a formula in a spreadsheet, an unreadable folder would
give empty columns without a word, or scripts that never asked would see new columns.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from corroborate.core.annotations.anchoring import quote_sentence
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.store import Store
from corroborate.core.annotations.table_rows import CSV_COLUMNS, METADATA_COLUMNS
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import Status
from tests.cli import test_cli_annotations
from tests.cli.process import run_cli
from tests.core.annotations.test_spreadsheet import read_workbook

cli = test_cli_annotations.cli  # the fixture running corroborate-cli in this process

WIRE = """---
outlet: Morning Wire
published: 2026-01-04
byline: =cmd|' /C calc'!A0
url: https://wire.example.com/lee-beijing
---
Lee arrived in Beijing on Sunday. He will meet Xi on Monday.
"""
DAILY = """---
outlet: The Daily
byline: Jane Doe
---
Lee landed in Beijing on Sunday. Talks with Xi follow on Monday.
"""


def write_described_articles(parent: Path) -> Path:
    """A folder of two articles whose front matter gives dates, bylines and an address."""
    articles = parent / "articles"
    articles.mkdir()
    (articles / "wire.txt").write_text(WIRE, encoding="utf-8")
    (articles / "daily.txt").write_text(DAILY, encoding="utf-8")
    return articles


@pytest.fixture
def folder(tmp_path):
    """The two described articles, and one pair of them annotated in the store."""
    articles = write_described_articles(tmp_path)
    by_source = {a.source: a for a in load_paths([articles]).articles}
    wire, daily = by_source["Morning Wire"], by_source["The Daily"]
    pair = [quote_sentence(wire, wire.sentences[0]), quote_sentence(daily, daily.sentences[0])]
    with Store() as store:
        store.add(new_annotation(Status.AGREED, pair))
    return articles


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def test_the_flag_adds_both_sides_metadata_neutralised(folder, tmp_path):
    out = tmp_path / "out.csv"
    proc = run_cli("annotations", "export", str(folder), "--csv", str(out), "--metadata")
    assert proc.returncode == 0, proc.stderr
    header, [row] = read_csv(out)
    assert tuple(header) == CSV_COLUMNS + METADATA_COLUMNS
    assert (row["source_a"], row["published_a"]) == ("Morning Wire", "2026-01-04")
    assert row["byline_a"] == "'=cmd|' /C calc'!A0"  # text in a spreadsheet, never run
    assert row["url_a"] == "https://wire.example.com/lee-beijing"
    assert (row["published_b"], row["byline_b"], row["url_b"]) == ("", "Jane Doe", "")


def test_a_workbook_gets_the_same_columns(folder, tmp_path, cli):
    out = tmp_path / "out.xlsx"
    code, _, err = cli("annotations", "export", str(folder), "--csv", str(out), "--metadata")
    assert code == 0, err
    cells, _, _ = read_workbook(out)
    columns = CSV_COLUMNS + METADATA_COLUMNS
    header = [cells[f"{chr(ord('A') + i)}1"][1] for i in range(len(columns))]
    assert tuple(header) == columns
    assert cells[f"{chr(ord('A') + columns.index('byline_b'))}2"][1] == "Jane Doe"


def test_without_the_flag_the_columns_are_todays(folder, tmp_path, cli):
    out = tmp_path / "plain.csv"
    code, _, err = cli("annotations", "export", str(folder), "--csv", str(out))
    assert code == 0, err
    header, [row] = read_csv(out)
    assert tuple(header) == CSV_COLUMNS and "2026-01-04" not in row.values()


def test_an_unreadable_folder_is_said_in_one_line_and_the_columns_stay_empty(tmp_path, cli):
    out = tmp_path / "out.csv"
    missing = tmp_path / "gone"
    code, _, err = cli("annotations", "export", str(missing), "--csv", str(out), "--metadata")
    assert code == 0
    assert len(err.strip().splitlines()) == 1 and "metadata columns are empty" in err
    assert str(missing) in err
    header, rows = read_csv(out)
    assert tuple(header) == CSV_COLUMNS + METADATA_COLUMNS and rows == []


@pytest.mark.parametrize("args", [("--csv", "out.csv"), ("FOLDER", "--json", "out.json")])
def test_the_flag_needs_a_folder_and_a_table(tmp_path, cli, args):
    args = [str(tmp_path) if a == "FOLDER" else a for a in args]
    args = [str(tmp_path / a) if a.startswith("out.") else a for a in args]
    code, _, err = cli("annotations", "export", *args, "--metadata")
    assert code == 2 and "--metadata needs FOLDER and --csv" in err
    assert not any(tmp_path.glob("out.*"))  # nothing half-asked is written
