"""Annotations out to CSV and W3C Web Annotation JSON (core/annotations/importing reads it back).

The CSV part lives in core/annotations/table_rows (the rows) and spreadsheet (CSV and
.xlsx writers); its names are imported here too, for the callers that look for them.

Files are written atomically (`core/files.write_atomically`): if anything fails the
previous file is untouched and no temporary file is left behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from uuid import uuid4

from ..files import write_atomically
from ..model import Annotation, Target
from .file_offsets import FileTexts
from .spreadsheet import write_csv as write_csv
from .table_rows import CSV_COLUMNS as CSV_COLUMNS
from .table_rows import FORMULA_STARTS as FORMULA_STARTS
from .table_rows import STATUS_FILTERS as STATUS_FILTERS
from .table_rows import csv_rows as csv_rows
from .table_rows import neutralise as neutralise
from .table_rows import selected as selected
from .w3c_foreign import EXT, note_body, status_body, with_foreign_members

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


# --- W3C Web Annotation JSON ----------------------------------------------------------


def web_id(annotation_id: str) -> str:
    """Our UUIDs as `urn:uuid:` IRIs; an imported annotation's IRI exactly as it came."""
    return annotation_id if ":" in annotation_id else f"urn:uuid:{annotation_id}"


def web_annotation(a: Annotation, files: FileTexts | None = None) -> dict[str, Any]:
    body = [status_body(a.status)]
    if a.note:
        body.append(note_body(a.note))
    files = files if files is not None else FileTexts()
    item: dict[str, Any] = {
        "id": web_id(a.id),
        "type": "Annotation",
        "motivation": "assessing",
        "created": a.created,
        "modified": a.modified,
        "body": body,
        "target": [_web_target(t, files) for t in a.targets],
    }
    if a.similarity is not None:
        item[EXT + "similarity"] = a.similarity
    if a.discrepancy:
        item[EXT + "discrepancy"] = a.discrepancy
    if a.fact_id is not None:
        item[EXT + "factId"] = a.fact_id
    return with_foreign_members(item, a)


def _web_target(t: Target, files: FileTexts) -> dict[str, Any]:
    path = Path(t.path)
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix, "suffix": t.suffix}
    ]
    # A position counts the file's own characters, so it is given only where the file
    # is at hand and holds the quote there (core/annotations/file_offsets).
    text = files.get(t.path) if path.is_absolute() else None
    span = text.to_file(t.start, t.end, t.exact) if text is not None else None
    if span is not None:
        selectors.append({"type": "TextPositionSelector", "start": span[0], "end": span[1]})
    return {
        "type": "SpecificResource",
        "source": path.as_uri() if path.is_absolute() else f"urn:corroborate:article:{t.article}",
        "selector": selectors,
        EXT + "article": t.article,
        EXT + "label": t.source,
        EXT + "title": t.title,
        EXT + "path": t.path,
        # The app's own offsets (normalised text), for reading its exports back exactly.
        EXT + "start": t.start,
        EXT + "end": t.end,
    }


def web_annotation_collection(annotations: Sequence[Annotation]) -> dict[str, Any]:
    """One collection with every annotation on its one page (Web Annotation Protocol 4.2)."""
    collection_id, page_id = f"urn:uuid:{uuid4()}", f"urn:uuid:{uuid4()}"
    files = FileTexts()
    return {
        "@context": ANNO_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Corroborate annotations",
        "total": len(annotations),
        "first": {
            "id": page_id,
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": [web_annotation(a, files) for a in annotations],
        },
        "last": page_id,
    }


def write_json(path: str | os.PathLike[str], annotations: Sequence[Annotation]) -> int:
    payload = web_annotation_collection(annotations)

    def write(out: TextIO) -> None:
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")

    write_atomically(path, write)
    return len(annotations)
