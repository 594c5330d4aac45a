"""Annotations out to CSV and W3C Web Annotation JSON (core/annotations/importing reads it back).

CSV (RFC 4180 via the csv module, UTF-8, optional BOM so Excel detects the encoding)
has one row per annotation with the columns in CSV_COLUMNS:

- a single-sentence annotation leaves the *_b columns empty;
- a pair fills a and b;
- an annotation over more than two sentences (a fact, or one sentence matched to
  several) gets one row per extra sentence, each pairing the first target (a) with
  that sentence (b); the annotation columns repeat on every row.

Text cells that start with = + - @, a tab or a carriage return get a leading
apostrophe, so a spreadsheet shows them as text instead of running them as formulas
(OWASP CSV injection). Offsets and the similarity score are numbers and never start so.

Files are written atomically (`core/files.write_atomically`): if anything fails the
previous file is untouched and no temporary file is left behind.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..files import write_atomically
from ..model import Annotation, Status, Target

CSV_COLUMNS = (
    "annotation_id", "status", "note",
    "source_a", "title_a", "file_a", "sentence_a", "start_a", "end_a",
    "source_b", "title_b", "file_b", "sentence_b", "start_b", "end_b",
    "similarity", "discrepancy", "created", "modified",
)  # fmt: skip
STATUS_FILTERS = ("all", *(s.value for s in Status))
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Extension properties are absolute IRIs in their own scheme, so they survive JSON-LD
# processing with the plain Web Annotation context.
EXT = "corroborate:"


# --- CSV ----------------------------------------------------------------------------


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def selected(annotations: Iterable[Annotation], status: str = "all") -> list[Annotation]:
    if status not in STATUS_FILTERS:
        raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUS_FILTERS)}")
    return [a for a in annotations if status == "all" or a.status.value == status]


def csv_rows(annotations: Iterable[Annotation]) -> Iterator[list[str]]:
    """Data rows (no header) in CSV_COLUMNS order, cells neutralised."""
    for a in annotations:
        first = a.targets[0] if a.targets else None
        for other in a.targets[1:] or [None]:
            yield [
                neutralise(a.id),
                a.status.value,
                neutralise(a.note),
                *_target_cells(first),
                *_target_cells(other),
                "" if a.similarity is None else f"{a.similarity:g}",
                neutralise(a.discrepancy),
                neutralise(a.created),
                neutralise(a.modified),
            ]


def _target_cells(t: Target | None) -> list[str]:
    if t is None:
        return [""] * 6
    text_cells = (t.source, t.title, t.path, t.exact)
    return [*(neutralise(c) for c in text_cells), str(t.start), str(t.end)]


def write_csv(
    path: str | os.PathLike[str],
    annotations: Iterable[Annotation],
    status: str = "all",
    bom: bool = False,
) -> int:
    """Write the CSV atomically; returns the number of data rows."""
    chosen = selected(annotations, status)
    rows = list(csv_rows(chosen))

    def write(out: TextIO) -> None:
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
        writer.writerow(CSV_COLUMNS)
        writer.writerows(rows)

    write_atomically(path, write, encoding="utf-8-sig" if bom else "utf-8")
    return len(rows)


# --- W3C Web Annotation JSON ----------------------------------------------------------


def web_annotation(a: Annotation) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "assessing", "value": a.status.value}
    ]
    if a.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": a.note,
                "format": "text/plain",
            }
        )
    item: dict[str, Any] = {
        "id": f"urn:uuid:{a.id}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": a.created,
        "modified": a.modified,
        "body": body,
        "target": [_web_target(t) for t in a.targets],
    }
    if a.similarity is not None:
        item[EXT + "similarity"] = a.similarity
    if a.discrepancy:
        item[EXT + "discrepancy"] = a.discrepancy
    if a.fact_id is not None:
        item[EXT + "factId"] = a.fact_id
    return item


def _web_target(t: Target) -> dict[str, Any]:
    path = Path(t.path)
    return {
        "type": "SpecificResource",
        "source": path.as_uri() if path.is_absolute() else f"urn:corroborate:article:{t.article}",
        "selector": [
            {"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix, "suffix": t.suffix},
            {"type": "TextPositionSelector", "start": t.start, "end": t.end},
        ],
        EXT + "article": t.article,
        EXT + "label": t.source,
        EXT + "title": t.title,
        EXT + "path": t.path,
    }


def web_annotation_collection(annotations: Sequence[Annotation]) -> dict[str, Any]:
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": "Corroborate annotations",
        "total": len(annotations),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [web_annotation(a) for a in annotations],
        },
    }


def write_json(path: str | os.PathLike[str], annotations: Sequence[Annotation]) -> int:
    payload = web_annotation_collection(annotations)

    def write(out: TextIO) -> None:
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")

    write_atomically(path, write)
    return len(annotations)
