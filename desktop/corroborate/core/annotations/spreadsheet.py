"""Annotations out to a spreadsheet: CSV, or an Excel workbook (.xlsx) whose text stays text.

Both hold the rows of core/annotations/table_rows, under a header of CSV_COLUMNS, followed
by METADATA_COLUMNS when the articles' dates, bylines and addresses are given (`metadata`).

CSV is RFC 4180 through the csv module, UTF-8, with an optional BOM so Excel detects the
encoding. A spreadsheet still guesses each cell's type on import (a note `1/2` becomes a
date, `00123` a number), unless every column is imported as Text (see README).

The workbook needs no import settings: each text cell is written as a string and
formatted as Text, so `1/2`, `00123`, `TRUE`, `50%` or `=A1` are never reinterpreted,
even when edited; offsets and the similarity are numbers. Its header is bold, frozen
and filterable; long text wraps in columns sized to their content.

Both are written atomically (`core/files.write_atomically`): if anything fails the
previous file is untouched and no temporary file is left behind.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from typing import TextIO

import xlsxwriter

from ..files import write_atomically
from ..model import Annotation
from .table_rows import (
    CSV_COLUMNS,
    NUMBER_COLUMNS,
    ArticleMetadata,
    Cell,
    columns,
    csv_rows,
    selected,
    table_rows,
)

SPREADSHEET_SUFFIXES = (".csv", ".xlsx")
SHEET_NAME = "Annotations"
# Excel keeps at most this many characters in a cell; longer text is cut, visibly.
CELL_LIMIT = 32_767
# Widest a column grows (in characters) before its text wraps; narrower ones fit content.
WRAPPED_WIDTHS = {"note": 40, "title_a": 30, "title_b": 30, "sentence_a": 60, "sentence_b": 60}
WRAPPED_WIDTHS |= {"discrepancy": 40, "file_a": 30, "file_b": 30}
WRAPPED_WIDTHS |= {"byline_a": 30, "byline_b": 30, "url_a": 40, "url_b": 40}
NARROWEST, WIDEST_UNWRAPPED = 8, 38


def write_csv(
    path: str | os.PathLike[str],
    annotations: Iterable[Annotation],
    status: str = "all",
    bom: bool = False,
    metadata: ArticleMetadata | None = None,
) -> int:
    """Write the CSV atomically; returns the number of data rows. With `metadata`
    (Article.id -> published, byline, url), the METADATA_COLUMNS follow the others."""
    rows = list(csv_rows(selected(annotations, status), metadata))

    def write(out: TextIO) -> None:
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
        writer.writerow(columns(metadata is not None))
        writer.writerows(rows)

    write_atomically(path, write, encoding="utf-8-sig" if bom else "utf-8")
    return len(rows)


def write_xlsx(
    path: str | os.PathLike[str],
    annotations: Iterable[Annotation],
    status: str = "all",
    metadata: ArticleMetadata | None = None,
) -> int:
    """Write the workbook atomically; returns the number of data rows (`metadata` as
    for write_csv)."""
    chosen = selected(annotations, status)
    rows = list(table_rows(chosen, for_csv=False, metadata=metadata))
    data = workbook_bytes(rows, columns(metadata is not None))
    # latin-1 maps each byte to one character and back, so the bytes land unchanged.
    write_atomically(path, lambda out: out.write(data.decode("latin-1")), encoding="latin-1")
    return len(rows)


def write_spreadsheet(
    path: str | os.PathLike[str],
    annotations: Iterable[Annotation],
    status: str = "all",
    bom: bool = False,
    metadata: ArticleMetadata | None = None,
) -> int:
    """A workbook when `path` ends in .xlsx, else CSV; returns the number of data rows.
    With `metadata` (Article.id -> published, byline, url), both get METADATA_COLUMNS."""
    if os.fspath(path).lower().endswith(".xlsx"):
        return write_xlsx(path, annotations, status, metadata)
    return write_csv(path, annotations, status, bom, metadata)


def workbook_bytes(rows: Sequence[Sequence[Cell]], names: Sequence[str] = CSV_COLUMNS) -> bytes:
    """The workbook of `rows` under the header `names` (one per cell of a row)."""
    buffer = io.BytesIO()
    # in_memory: no temporary files of its own; the workbook's strings are never parsed.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(SHEET_NAME)
    header = book.add_format({"bold": True, "valign": "top", "bottom": 1})
    text = book.add_format({"num_format": "@", "valign": "top"})
    wrapped = book.add_format({"num_format": "@", "valign": "top", "text_wrap": True})
    number = book.add_format({"valign": "top"})

    for col, name in enumerate(names):
        sheet.write_string(0, col, name, header)
        width = _width(name, (row[col] for row in rows))
        wraps = name in WRAPPED_WIDTHS and width >= WRAPPED_WIDTHS[name]
        sheet.set_column(col, col, width, wrapped if wraps else text)
        cell_format = number if name in NUMBER_COLUMNS else (wrapped if wraps else text)
        for r, row in enumerate(rows, start=1):
            _write(sheet, r, col, row[col], cell_format)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(names) - 1)
    book.close()
    return buffer.getvalue()


def _write(sheet, row: int, col: int, cell: Cell, cell_format) -> None:
    if isinstance(cell, str):
        if not cell:
            return  # an empty cell, not an empty string: filters show it as (empty)
        if len(cell) > CELL_LIMIT:
            cell = cell[: CELL_LIMIT - 1] + "…"
        sheet.write_string(row, col, cell, cell_format)
    else:
        sheet.write_number(row, col, cell, cell_format)


def _width(name: str, cells: Iterable[Cell]) -> int:
    """Characters of the column's longest line, between NARROWEST and its widest."""
    widest = WRAPPED_WIDTHS.get(name, WIDEST_UNWRAPPED)
    longest = len(name) + 3  # room for the filter button
    for cell in cells:
        text = cell if isinstance(cell, str) else f"{cell:g}"
        longest = max(longest, max((len(line) for line in text.split("\n")), default=0))
        if longest >= widest:
            return widest
    return max(NARROWEST, longest + 1)
