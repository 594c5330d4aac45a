"""W3C Web Annotation JSON back into the store, one item at a time.

A file that cannot be read at all raises AnnotationFormatError with a one-sentence
reason: missing or unreadable, not a regular file (a folder, a named pipe, a device),
larger than MAX_FILE_BYTES, not UTF-8 JSON, nested too deeply, or not annotations.

Otherwise each item is checked on its own. The good ones are merged in one store
transaction, so the import stays one undo step; each bad one becomes an ItemProblem
with its 1-based position in the file, and nothing already stored changes because of
it. An item is bad when it lacks an id or a quoted target (a TextQuoteSelector), when
its assessing body holds no status of ours, when an offset is not a whole number from 0
to MAX_OFFSET (true and false are not numbers), when a target ends before it starts, or
when `created` or `modified` is not an ISO 8601 date (the merge compares them).

Any other W3C annotation is welcome (core/annotations/w3c_foreign keeps what it holds
beyond our fields): one without an assessing body is unverified; its first textual body
(or `bodyValue`) is the note. A position it gives counts the file's own characters and is
turned into the app's offsets when the file is at hand (core/annotations/file_offsets).

Lone UTF-16 surrogates ("\\ud800" in the JSON), which neither SQLite nor a UTF-8 file
can hold, are repaired rather than refused: they become U+FFFD in every text field.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ..model import Anchoring, Annotation, Article, Status, Target
from .anchoring import anchor_in, reanchor
from .file_offsets import FileTexts, local_path
from .store import MergeResult, Store, now_iso
from .w3c_foreign import EXT, as_list, has_type, kept_extras

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


def import_json(
    store: Store, path: str | os.PathLike[str], articles: Sequence[Article] = ()
) -> ImportReport:
    """Merge the file's good items into the store and report the bad ones.

    Keyed on the annotation id, so importing a file twice adds nothing; an annotation
    already in the store is replaced only when the file's `modified` is newer.
    """
    return read_json(path, articles).merge_into(store)


def read_json(path: str | os.PathLike[str], articles: Sequence[Article] = ()) -> ParsedFile:
    """The file's annotations; targets of other tools are matched to `articles` (the
    loaded ones) by file address, else by quote, and kept as they are when neither fits."""
    annotations: list[Annotation] = []
    problems: list[ItemProblem] = []
    files = FileTexts()
    for index, item in enumerate(_items(_load(path)), start=1):
        try:
            annotations.append(parse_annotation(item, articles, files))
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
    if has_type(kind, "AnnotationCollection"):
        items: list[Any] = []
        page = data.get("first")
        while isinstance(page, dict):  # pages embedded one after another
            items += _items(page)
            page = page.get("next")
        return items
    if has_type(kind, "AnnotationPage"):
        items = data.get("items", [])
        if not isinstance(items, list):
            raise AnnotationFormatError("an AnnotationPage whose items are not a list.")
        return items
    if has_type(kind, "Annotation"):
        return [data]
    if kind is None:
        raise AnnotationFormatError("expected an annotation, but the JSON object has no type.")
    raise AnnotationFormatError(f"unexpected JSON object of type {_quoted(kind)}.")


# --- one item ----------------------------------------------------------------------------


def parse_annotation(
    item: Any, articles: Sequence[Article] = (), files: FileTexts | None = None
) -> Annotation:
    """The annotation an item of the file describes; ItemError says what is wrong.

    Any W3C annotation with a quoted target will do: one without an `assessing` body
    (commenting, highlighting, tagging, ...) has not been judged and is unverified.
    """
    if not isinstance(item, dict) or not has_type(item.get("type"), "Annotation"):
        raise ItemError("it is not a Web Annotation.")
    raw_id = _text(item.get("id") or "")
    if not raw_id:
        raise ItemError("it has no id.")
    status, status_at, note, note_at = _read_bodies(as_list(item.get("body")))
    body_value = item.get("bodyValue")
    from_body_value = "body" not in item and isinstance(body_value, str)
    if from_body_value:
        note = body_value
    targets = as_list(item.get("target"))
    if not targets:
        raise ItemError("it has no target.")
    similarity = item.get(EXT + "similarity")
    if similarity is not None and not _is_finite_number(similarity):
        raise ItemError("its similarity is not a number.")
    stamp = now_iso()
    created = _date(item.get("created"), "created") or stamp
    modified = _date(item.get("modified"), "modified") or created
    fact_id = item.get(EXT + "factId")
    files = files if files is not None else FileTexts()
    return Annotation(
        id=raw_id.removeprefix("urn:uuid:"),
        status=status,
        note=_text(note or ""),
        created=created,
        modified=modified,
        targets=tuple(_parse_target(t, n, articles, files) for n, t in enumerate(targets, start=1)),
        similarity=None if similarity is None else float(similarity),
        discrepancy=_text(item.get(EXT + "discrepancy") or ""),
        fact_id=None if fact_id is None else _text(fact_id),
        extras=_text(kept_extras(item, note_at, status_at, from_body_value)),
    )


# Bodies that say something about the text, read as the note; tags and links are kept
# as they are (core/annotations/w3c_foreign) but are no note.
_NOTE_PURPOSES = frozenset({None, "commenting", "describing", "replying", "questioning", "editing"})


def _read_bodies(bodies: list[Any]) -> tuple[Status, int | None, str | None, int | None]:
    """(status, where its body is, note, where its body is) among the item's bodies."""
    status, status_at, note, note_at = Status.UNVERIFIED, None, None, None
    for at, body in enumerate(bodies):
        if not isinstance(body, dict):
            continue  # a body given by its IRI: kept, nothing to read
        purpose = body.get("purpose")
        if purpose == "assessing" and status_at is None:
            value = body.get("value")
            if not isinstance(value, str):
                raise ItemError("its assessing body has no status agreed, disputed or unverified.")
            if value in _STATUSES:
                status, status_at = Status(value), at
            # Another tool's verdict ("inaccurate"): kept as it is, no status of ours.
        elif note_at is None and isinstance(body.get("value"), str) and _is_note(purpose):
            note, note_at = body["value"], at
    return status, status_at, note, note_at


def _is_note(purpose: Any) -> bool:
    return isinstance(purpose, str | None) and purpose in _NOTE_PURPOSES


def _parse_target(raw: Any, number: int, articles: Sequence[Article], files: FileTexts) -> Target:
    where = f"its target {number}"
    if not isinstance(raw, dict):
        raise ItemError(f"{where} has no selectors.")
    by_type: dict[str, dict[str, Any]] = {}
    for selector in as_list(raw.get("selector")):
        if isinstance(selector, dict):
            for kind in as_list(selector.get("type")):
                if isinstance(kind, str):
                    by_type.setdefault(kind, selector)
    quote = by_type.get("TextQuoteSelector")
    if quote is None or not isinstance(quote.get("exact"), str):
        raise ItemError(f"{where} has no TextQuoteSelector.")
    exact = _text(quote["exact"])
    source = raw.get("source", "")
    source = source if isinstance(source, str) else ""
    ours = EXT + "article" in raw
    file_path = "" if ours else local_path(source)
    start, end = _offsets(raw, by_type.get("TextPositionSelector"), exact, where)
    if EXT + "start" not in raw and "TextPositionSelector" in by_type:
        text = files.get(file_path) if file_path else None
        if text is not None:  # the position counts the file's characters; ours do not
            start, end = text.from_file(start, end)
    target = Target(
        article=_text(raw.get(EXT + "article", "")),
        source=_text(raw.get(EXT + "label", "")),
        title=_text(raw.get(EXT + "title", "")),
        path=_text(raw.get(EXT + "path", file_path or source)),
        start=start,
        end=end,
        exact=exact,
        prefix=_text(quote.get("prefix", "")),
        suffix=_text(quote.get("suffix", "")),
    )
    return target if ours else _matched(target, file_path, articles)


def _offsets(
    raw: dict[str, Any], position: dict[str, Any] | None, exact: str, where: str
) -> tuple[int, int]:
    """Our own offsets when written, else the position selector's, else a guess. A
    position selector is checked even when ours are used, so a damaged one is told."""
    span = 0, len(exact)
    if position is not None:
        span = _span(position, "start", "end", exact, where)
    if EXT + "start" in raw:
        span = _span(raw, EXT + "start", EXT + "end", exact, where)
    return span


def _span(
    holder: dict[str, Any], start_key: str, end_key: str, exact: str, where: str
) -> tuple[int, int]:
    start = _offset(holder.get(start_key, 0), where, "start")
    end = _offset(holder.get(end_key, start + len(exact)), where, "end")
    if end < start:
        raise ItemError(f"{where} ends before it starts.")
    return start, end


def _matched(target: Target, file_path: str, articles: Sequence[Article]) -> Target:
    """A target of another tool placed in the loaded article it quotes, when there is one:
    the article at its file address, else one holding the quote. Unplaced, it is kept
    as it is and listed among the orphans."""
    if not articles:
        return target
    if file_path:
        wanted = os.path.normcase(os.path.abspath(file_path))
        for article in articles:
            if os.path.normcase(os.path.abspath(article.path)) == wanted:
                anchor = anchor_in(target, article)
                if anchor.placed is not None:
                    return replace(anchor.placed, source=article.source)
    anchor = reanchor(target, articles, fuzzy_everywhere=False)
    if anchor.how == Anchoring.ORPHAN or anchor.placed is None:
        return target
    labels = {a.id: a.source for a in articles}
    return replace(anchor.placed, source=labels.get(anchor.placed.article, ""))


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
