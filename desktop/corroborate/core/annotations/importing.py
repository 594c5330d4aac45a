"""W3C Web Annotation JSON back into the store, one item at a time.

A file that cannot be read at all raises AnnotationFormatError with a one-sentence
reason: missing or unreadable, not a regular file (a folder, a named pipe, a device),
larger than MAX_FILE_BYTES, not UTF-8 JSON, nested too deeply, or not annotations.

Otherwise each item is checked on its own. The good ones are merged in one store
transaction, so the import stays one undo step; each bad one becomes an ItemProblem
with its 1-based position in the file, and nothing already stored changes because of
it. An item is bad when it lacks an id, a status or a target, when an offset is not a
whole number from 0 to MAX_OFFSET (true and false are not numbers), when a target ends
before it starts, or when `created` or `modified` is not an ISO 8601 date (the merge
compares them).

Lone UTF-16 surrogates ("\\ud800" in the JSON), which neither SQLite nor a UTF-8 file
can hold, are repaired rather than refused: they become U+FFFD in every text field.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..model import Annotation, Status, Target
from .export import EXT
from .store import MergeResult, Store, now_iso

# Far above any real annotation file (2,000 annotations take about 4 MB); refused unread.
MAX_FILE_BYTES = 200 * 1024 * 1024
# Character offsets past any article; also well inside SQLite's 64-bit integers.
MAX_OFFSET = 2**31

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_STATUSES = frozenset(s.value for s in Status)
# Reasons quote at most this much of a value taken from the file.
_QUOTED_CHARS = 40


class AnnotationFormatError(ValueError):
    """The file cannot be imported at all; the message says why in one sentence."""


class ItemError(AnnotationFormatError):
    """One item of the file is not an annotation this program can read."""


@dataclass(frozen=True, slots=True)
class ItemProblem:
    index: int  # 1-based position among the file's items
    id: str  # as written in the file; "" when the item has none
    reason: str

    def __str__(self) -> str:
        named = f" ({self.id})" if self.id else ""
        return f"item {self.index}{named}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportReport:
    read: int  # items that were annotations; added + updated + unchanged, less repeats
    merged: MergeResult  # what the store did, and what undoing it needs
    problems: tuple[ItemProblem, ...] = ()

    @property
    def added(self) -> int:
        return self.merged.added

    @property
    def updated(self) -> int:
        return self.merged.updated

    @property
    def unchanged(self) -> int:
        return self.merged.unchanged

    @property
    def all_bad(self) -> bool:
        """The file had items and not one of them could be read."""
        return self.read == 0 and bool(self.problems)


@dataclass(frozen=True, slots=True)
class ParsedFile:
    annotations: tuple[Annotation, ...]
    problems: tuple[ItemProblem, ...] = ()

    def merge_into(self, store: Store) -> ImportReport:
        merged = store.merge(self.annotations)
        return ImportReport(len(self.annotations), merged, self.problems)


def import_json(store: Store, path: str | os.PathLike[str]) -> ImportReport:
    """Merge the file's good items into the store and report the bad ones.

    Keyed on the annotation id, so importing a file twice adds nothing; an annotation
    already in the store is replaced only when the file's `modified` is newer.
    """
    return read_json(path).merge_into(store)


def read_json(path: str | os.PathLike[str]) -> ParsedFile:
    annotations: list[Annotation] = []
    problems: list[ItemProblem] = []
    for index, item in enumerate(_items(_load(path)), start=1):
        try:
            annotations.append(parse_annotation(item))
        except ItemError as exc:
            problems.append(ItemProblem(index, _item_id(item), str(exc)))
        except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
            # A shape not foreseen below must cost this item only, never the file.
            problems.append(ItemProblem(index, _item_id(item), "it is not a readable annotation."))
    return ParsedFile(tuple(annotations), tuple(problems))


# --- the file --------------------------------------------------------------------------


def _load(path: str | os.PathLike[str]) -> Any:
    try:
        _refuse_unless_regular(os.stat(path))
        # Non-blocking, so a named pipe put in the file's place after the check above
        # cannot hang the open; fstat then sees what was really opened.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with open(os.open(path, flags), "rb") as stream:
            _refuse_unless_regular(os.fstat(stream.fileno()))
            raw = stream.read(MAX_FILE_BYTES + 1)  # a file that grew meanwhile stops here
    except OSError as exc:
        raise AnnotationFormatError(f"{exc.strerror or exc}.") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise AnnotationFormatError(_too_large())
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnnotationFormatError("it is not a UTF-8 text file.") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise AnnotationFormatError("the file is nested too deeply to be annotations.") from None
    except MemoryError:
        raise AnnotationFormatError(
            "the file is nested too deeply or too large to be annotations."
        ) from None
    except ValueError as exc:  # JSONDecodeError, or an integer of thousands of digits
        raise AnnotationFormatError(f"not JSON: {exc}.") from None


def _refuse_unless_regular(info: os.stat_result) -> None:
    if stat.S_ISREG(info.st_mode):
        if info.st_size > MAX_FILE_BYTES:
            raise AnnotationFormatError(_too_large())
        return
    if stat.S_ISFIFO(info.st_mode):
        raise AnnotationFormatError("it is a named pipe, not a file.")
    if stat.S_ISDIR(info.st_mode):
        raise AnnotationFormatError("it is a folder, not a file.")
    raise AnnotationFormatError("it is a device or socket, not a file.")


def _too_large() -> str:
    return f"it is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, too large to be annotations."


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise AnnotationFormatError("expected an annotation, a list, a page or a collection.")
    kind = data.get("type")
    if kind == "AnnotationCollection":
        items: list[Any] = []
        page = data.get("first")
        while isinstance(page, dict):  # pages embedded one after another
            items += _items(page)
            page = page.get("next")
        return items
    if kind == "AnnotationPage":
        items = data.get("items", [])
        if not isinstance(items, list):
            raise AnnotationFormatError("an AnnotationPage whose items are not a list.")
        return items
    if kind == "Annotation":
        return [data]
    if kind is None:
        raise AnnotationFormatError("expected an annotation, but the JSON object has no type.")
    raise AnnotationFormatError(f"unexpected JSON object of type {_quoted(kind)}.")


# --- one item ----------------------------------------------------------------------------


def parse_annotation(item: Any) -> Annotation:
    """The annotation an item of the file describes; ItemError says what is wrong."""
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise ItemError("it is not a Web Annotation.")
    raw_id = _text(item.get("id") or "")
    if not raw_id:
        raise ItemError("it has no id.")
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    status = note = None
    for body in bodies:
        if isinstance(body, dict) and body.get("purpose") == "assessing":
            status = body.get("value")
        elif isinstance(body, dict) and body.get("purpose") == "commenting":
            note = body.get("value")
    if not isinstance(status, str) or status not in _STATUSES:
        raise ItemError("it has no status agreed, disputed or unverified.")
    targets = item.get("target", [])
    targets = targets if isinstance(targets, list) else [targets]
    if not targets:
        raise ItemError("it has no target.")
    similarity = item.get(EXT + "similarity")
    if similarity is not None and not _is_finite_number(similarity):
        raise ItemError("its similarity is not a number.")
    stamp = now_iso()
    created = _date(item.get("created"), "created") or stamp
    modified = _date(item.get("modified"), "modified") or created
    fact_id = item.get(EXT + "factId")
    return Annotation(
        id=raw_id.removeprefix("urn:uuid:"),
        status=Status(status),
        note=_text(note or ""),
        created=created,
        modified=modified,
        targets=tuple(_parse_target(t, n) for n, t in enumerate(targets, start=1)),
        similarity=None if similarity is None else float(similarity),
        discrepancy=_text(item.get(EXT + "discrepancy") or ""),
        fact_id=None if fact_id is None else _text(fact_id),
    )


def _parse_target(raw: Any, number: int) -> Target:
    where = f"its target {number}"
    if not isinstance(raw, dict):
        raise ItemError(f"{where} has no selectors.")
    selectors = raw.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    by_type = {
        s["type"]: s for s in selectors if isinstance(s, dict) and isinstance(s.get("type"), str)
    }
    quote = by_type.get("TextQuoteSelector")
    if quote is None or not isinstance(quote.get("exact"), str):
        raise ItemError(f"{where} has no TextQuoteSelector.")
    exact = _text(quote["exact"])
    position = by_type.get("TextPositionSelector", {})
    start = _offset(position.get("start", 0), where, "start")
    end = _offset(position.get("end", start + len(exact)), where, "end")
    if end < start:
        raise ItemError(f"{where} ends before it starts.")
    source = raw.get("source", "")
    return Target(
        article=_text(raw.get(EXT + "article", "")),
        source=_text(raw.get(EXT + "label", "")),
        title=_text(raw.get(EXT + "title", "")),
        path=_text(raw.get(EXT + "path", source if isinstance(source, str) else "")),
        start=start,
        end=end,
        exact=exact,
        prefix=_text(quote.get("prefix", "")),
        suffix=_text(quote.get("suffix", "")),
    )


def _offset(value: Any, where: str, which: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ItemError(f"{where} has a {which} offset that is not a whole number.")
    if not 0 <= value <= MAX_OFFSET:
        raise ItemError(f"{where} has a {which} offset outside 0 to {MAX_OFFSET}.")
    return value


def _date(value: Any, field: str) -> str:
    """The date as written, "" when absent; ItemError when it is not ISO 8601."""
    if not value:
        return ""
    text = _text(value)
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise ItemError(f"its {field} date {_quoted(text)} is not an ISO 8601 date.") from None
    return text


def _is_finite_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _text(value: Any) -> str:
    """`value` as text that SQLite and UTF-8 files can hold."""
    return _LONE_SURROGATE.sub("\ufffd", str(value))


def _quoted(value: Any) -> str:
    text = _text(value)
    if len(text) > _QUOTED_CHARS:
        text = text[:_QUOTED_CHARS] + "…"
    return repr(text)


def _item_id(item: Any) -> str:
    raw = item.get("id") if isinstance(item, dict) else None
    if not isinstance(raw, str | int) or isinstance(raw, bool):
        return ""
    text = _text(raw)
    return text if len(text) <= 100 else text[:100] + "…"
