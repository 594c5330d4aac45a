"""Annotations as table rows, one per annotated pair of different sources (CSV and .xlsx).

The targets of an annotation are grouped by article (the order they were annotated in
gives the order of the groups), and each two groups make rows:

- one article only (a single sentence, or several of one article): one row, *_b empty;
- two articles, 1:1 or 1:n: one row, the n sentences joined one per line;
- m:n with both sides above one: each sentence of the smaller side with the joined
  sentences of the other, so a reader sees what each sentence was matched to;
- a fact over k outlets: one row per pair of different outlets (k·(k-1)/2 rows).

Asked for, each side's article adds its publication date, byline and address
(METADATA_COLUMNS, after the others, so scripts reading today's columns by position keep
working); a side whose article is not loaded gets empty cells.

A source is never paired with itself. Joined sentences are in text order; their offsets
span from the first sentence's start to the last one's end. The source label falls back
to the file name (or title) when the target has none, as imported annotations may not.

Every text cell loses C0/C1 control characters except tab and newline (a CR or CRLF
becomes a newline), which spreadsheets show as boxes or refuse. For CSV, text cells
starting with = + - @ or a tab get a leading apostrophe so a spreadsheet shows them
instead of running them as formulas (OWASP CSV injection); a workbook writes every text
cell as a string, which is never run, so it keeps the text as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..model import Annotation, Article, Status, Target

CSV_COLUMNS = (
    "annotation_id", "status", "note",
    "source_a", "title_a", "file_a", "sentence_a", "start_a", "end_a",
    "source_b", "title_b", "file_b", "sentence_b", "start_b", "end_b",
    "similarity", "discrepancy", "created", "modified",
)  # fmt: skip
METADATA_COLUMNS = ("published_a", "byline_a", "url_a", "published_b", "byline_b", "url_b")
NUMBER_COLUMNS = frozenset(("start_a", "end_a", "start_b", "end_b", "similarity"))
STATUS_FILTERS = ("all", *(s.value for s in Status))
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# C0 except tab and newline, DEL, C1: shown as boxes, or rejected in a workbook's XML.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?")
_PATH_PARTS = re.compile(r"[\\/]")

Cell = str | int | float
# Article.id -> (published, byline, url) as the file gives them; None where it does not.
ArticleMetadata = Mapping[str, tuple[str | None, str | None, str | None]]


@dataclass(frozen=True, slots=True)
class Side:
    """One article's part of a row: its sentences of the annotation, joined."""

    source: str
    title: str
    file: str
    sentence: str
    start: int
    end: int
    article: str = ""  # Article.id of the sentences


def columns(metadata: bool = False) -> tuple[str, ...]:
    """The header: CSV_COLUMNS, then METADATA_COLUMNS when the articles' are asked for."""
    return CSV_COLUMNS + METADATA_COLUMNS if metadata else CSV_COLUMNS


def article_metadata(
    articles: Iterable[Article],
) -> dict[str, tuple[str | None, str | None, str | None]]:
    """What each article's file says about it, for the metadata columns."""
    return {a.id: (a.published, a.byline, a.url) for a in articles}


def clean(cell: str) -> str:
    """The text without control characters, line breaks as newlines."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", cell))


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def selected(annotations: Iterable[Annotation], status: str = "all") -> list[Annotation]:
    if status not in STATUS_FILTERS:
        raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUS_FILTERS)}")
    return [a for a in annotations if status == "all" or a.status.value == status]


def source_label(t: Target) -> str:
    """The outlet's label, else the file name, else the title: never empty for a target."""
    name = _PATH_PARTS.split(t.path)[-1] if t.path else ""
    return t.source.strip() or name or t.title.strip() or t.article


def sides(targets: Sequence[Target]) -> list[list[Target]]:
    """The targets grouped by article, groups in annotated order, sentences in text order."""
    groups: dict[str, list[Target]] = {}
    for t in targets:
        groups.setdefault(t.article or t.path or source_label(t), []).append(t)
    return [sorted(group, key=lambda t: (t.start, t.end)) for group in groups.values()]


def joined(targets: Sequence[Target]) -> Side:
    first = targets[0]
    return Side(
        source_label(first),
        first.title,
        first.path,
        "\n".join(t.exact for t in targets),
        min(t.start for t in targets),
        max(t.end for t in targets),
        first.article,
    )


def side_pairs(targets: Sequence[Target]) -> Iterator[tuple[Side | None, Side | None]]:
    """The (a, b) sides of an annotation's rows, by the rules of the module docstring."""
    groups = sides(targets)
    if not groups:  # nothing to quote: the annotation's own cells still make a row
        yield None, None
        return
    if len(groups) == 1:
        yield joined(groups[0]), None
        return
    for a, b in combinations(groups, 2):
        if len(a) == 1 or len(b) == 1:
            yield joined(a), joined(b)
        elif len(a) <= len(b):
            other = joined(b)
            for t in a:
                yield joined([t]), other
        else:
            other = joined(a)
            for t in b:
                yield other, joined([t])


def table_rows(
    annotations: Iterable[Annotation], *, for_csv: bool, metadata: ArticleMetadata | None = None
) -> Iterator[list[Cell]]:
    """Data rows (no header) in `columns(metadata is not None)` order: text cleaned (and
    neutralised for CSV), offsets as ints, the similarity as a float; "" where there is
    nothing."""
    text = (lambda c: neutralise(clean(c))) if for_csv else clean
    for a in annotations:
        for side_a, side_b in side_pairs(a.targets):
            row: list[Cell] = [
                text(a.id),
                a.status.value,
                text(a.note),
                *_side_cells(side_a, text),
                *_side_cells(side_b, text),
                "" if a.similarity is None else a.similarity,
                text(a.discrepancy),
                text(a.created),
                text(a.modified),
            ]
            if metadata is not None:
                row += _metadata_cells(side_a, metadata, text)
                row += _metadata_cells(side_b, metadata, text)
            yield row


def _side_cells(side: Side | None, text) -> list[Cell]:
    if side is None:
        return [""] * 6
    return [
        *(text(c) for c in (side.source, side.title, side.file, side.sentence)),
        side.start,
        side.end,
    ]


def _metadata_cells(side: Side | None, metadata: ArticleMetadata, text) -> list[Cell]:
    """The side's published, byline and url cells: empty when its article is not known."""
    given = metadata.get(side.article) if side is not None else None
    return [text(value or "") for value in given or (None, None, None)]


def csv_rows(
    annotations: Iterable[Annotation], metadata: ArticleMetadata | None = None
) -> Iterator[list[str]]:
    """Data rows (no header) in `columns(metadata is not None)` order as CSV text, cells
    neutralised."""
    for row in table_rows(annotations, for_csv=True, metadata=metadata):
        yield [_csv_text(cell) for cell in row]


def _csv_text(cell: Cell) -> str:
    if isinstance(cell, float):
        return f"{cell:g}"
    return str(cell)
