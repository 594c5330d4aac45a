"""Annotation files (W3C Web Annotation JSON) with every kind of wrong value in them."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

GOOD_ID = "00000000-0000-4000-8000-000000000001"
BAD_ID = "00000000-0000-4000-8000-000000000002"
QUOTE = "The talks ended on Tuesday."


def annotation(number: int = 1) -> dict[str, Any]:
    """A valid annotation as Corroborate exports it."""
    return {
        "id": f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": "2026-01-05T10:00:00.000000Z",
        "modified": "2026-01-05T10:00:00.000000Z",
        "body": [
            {"type": "TextualBody", "purpose": "assessing", "value": "agreed"},
            {"type": "TextualBody", "purpose": "commenting", "value": "Checked against the wire."},
        ],
        "target": [
            {
                "type": "SpecificResource",
                "source": "urn:corroborate:article:0123456789abcdef",
                "selector": [
                    {"type": "TextQuoteSelector", "exact": QUOTE, "prefix": "", "suffix": ""},
                    {"type": "TextPositionSelector", "start": 0, "end": len(QUOTE)},
                ],
                "corroborate:article": "0123456789abcdef",
                "corroborate:label": "CRBC News",
                "corroborate:title": "State visit",
                "corroborate:path": "crbc-news.txt",
            }
        ],
    }


def _position(item: dict) -> dict:
    return item["target"][0]["selector"][1]


def _quote(item: dict) -> dict:
    return item["target"][0]["selector"][0]


Change = Callable[[dict], None]


def changed(change: Change, number: int = 2) -> dict:
    item = annotation(number)
    change(item)
    return item


def offsets(start: Any, end: Any = None) -> Change:
    def change(item: dict) -> None:
        _position(item)["start"] = start
        _position(item)["end"] = start if end is None else end

    return change


def field(name: str, value: Any) -> Change:
    def change(item: dict) -> None:
        item[name] = value

    return change


def in_target(name: str, value: Any) -> Change:
    def change(item: dict) -> None:
        item["target"][0][name] = value

    return change


def in_quote(name: str, value: Any) -> Change:
    def change(item: dict) -> None:
        _quote(item)[name] = value

    return change


def note(value: Any) -> Change:
    def change(item: dict) -> None:
        item["body"][1]["value"] = value

    return change


def status(value: Any) -> Change:
    def change(item: dict) -> None:
        item["body"][0]["value"] = value

    return change


def collection(items: list[Any]) -> dict:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def json_file(payload: Any):
    """A builder writing `payload` as JSON (NaN and Infinity as Python's json writes them)."""

    def build(path: Path) -> Path:
        path.write_text(json.dumps(payload), encoding="utf-8")
        return path

    return build


def raw_file(text: str | bytes):
    def build(path: Path) -> Path:
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    return build


def one_bad(change: Change):
    """A collection of one good annotation and one with `change` applied."""
    return json_file(collection([annotation(1), changed(change)]))


def lone_surrogate_note(path: Path) -> Path:
    # json.dumps writes a lone surrogate as the escape "\ud800", as other tools do.
    return json_file(collection([changed(note("before \ud800 after"), number=1)]))(path)


def nested(opener: str, closer: str, depth: int, innermost: str = ""):
    return raw_file(opener * depth + innermost + closer * depth)


def huge_items(count: int, item: Any):
    """A page of `count` copies of `item`, written without building the list in memory."""

    def build(path: Path) -> Path:
        one = json.dumps(item)
        with open(path, "w", encoding="utf-8") as out:
            out.write('{"type": "AnnotationPage", "items": [')
            out.write(",".join([one] * count))
            out.write("]}")
        return path

    return build


def many_annotations(count: int):
    def build(path: Path) -> Path:
        return json_file(collection([annotation(n) for n in range(1, count + 1)]))(path)

    return build


def many_targets(count: int):
    def build(path: Path) -> Path:
        item = annotation(1)
        item["target"] = [copy.deepcopy(item["target"][0]) for _ in range(count)]
        return json_file(collection([item]))(path)

    return build


def two_copies_modified(first: Any, second: Any):
    """The same annotation twice: the store compares `modified` to keep the newer."""
    return json_file(
        collection([changed(field("modified", first), 1), changed(field("modified", second), 1)])
    )
