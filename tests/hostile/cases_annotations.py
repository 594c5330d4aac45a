"""Annotation files to import: each into a fresh store, which is then read back and exported."""

from __future__ import annotations

from . import make_annotations as anno
from . import make_special as special
from . import make_text as text
from .case import EITHER, IMPORTED, REFUSED, SLOW_SECONDS, Case, Outcome

MIB = 1024 * 1024


def good_one_imported(got: Outcome) -> str | None:
    """One bad item costs that item only: the good annotation beside it is in the store."""
    if anno.GOOD_ID not in got.details.get("stored_ids", []):
        return f"the good annotation beside the bad one was not imported ({got.reason})"
    return None


def bad_one_not_stored(got: Outcome) -> str | None:
    if anno.BAD_ID in got.details.get("stored_ids", []):
        return "an annotation with an offset no article can have was stored"
    return good_one_imported(got)


def stored_count(count: int):
    def check(got: Outcome) -> str | None:
        found = got.details.get("stored_count", 0)
        return None if found == count else f"{found} annotations stored, not {count}"

    return check


def _one_bad(label: str, change: anno.Change, why: str, impossible: bool = False) -> Case:
    return Case(
        f"annotations/{label}.json",
        anno.one_bad(change),
        why,
        EITHER,
        check=bad_one_not_stored if impossible else good_one_imported,
    )


_NOT_A_FILE = "importing it would freeze or crash instead of saying it is not a file"

ANNOTATION_CASES = [
    Case("annotations/fifo.json", special.fifo, _NOT_A_FILE, REFUSED),
    Case("annotations/folder.json", special.directory, _NOT_A_FILE, REFUSED),
    Case("annotations/dev-zero.json", special.link_to("/dev/zero"), _NOT_A_FILE, REFUSED),
    Case(
        "annotations/sparse-250MB.json",
        text.sparse(250 * MIB),
        "a huge file must be refused, not read into memory",
        REFUSED,
    ),
    Case("annotations/empty.json", anno.raw_file(""), "an empty file", REFUSED),
    Case("annotations/bom-only.json", anno.raw_file(b"\xef\xbb\xbf"), "only a BOM", REFUSED),
    Case(
        "annotations/not-utf8.json",
        anno.raw_file('[{"note": "café"}]'.encode("cp1252")),
        "a file saved in another encoding",
        REFUSED,
    ),
    Case("annotations/top-level-number.json", anno.raw_file("42"), "JSON but a number", REFUSED),
    Case("annotations/top-level-string.json", anno.json_file("agreed"), "a string", REFUSED),
    Case(
        "annotations/nested-arrays-100000.json",
        anno.nested("[", "]", 100_000),
        "JSON nested 100,000 deep would crash the parser",
        REFUSED,
    ),
    Case(
        "annotations/nested-objects-100000.json",
        anno.nested('{"a":', "}", 100_000, innermost="1"),
        "objects nested 100,000 deep",
        REFUSED,
    ),
    Case(
        "annotations/page-items-object.json",
        anno.json_file({"type": "AnnotationPage", "items": {"id": "x"}}),
        "a page whose items are not a list",
    ),
    Case(
        "annotations/type-list.json",
        anno.json_file({"type": ["Annotation"], "id": "x"}),
        "a type that is a list",
    ),
    Case(
        "annotations/lone-surrogate-note.json",
        anno.lone_surrogate_note,
        "a note holding half an emoji must neither crash the store nor break the next export",
    ),
    *(
        _one_bad(f"offset-{label}", anno.offsets(*values), why, impossible)
        for label, values, why, impossible in (
            ("10e30", (10**30,), "an offset beyond any article and any database integer", True),
            ("negative", (-5, 3), "a negative offset", True),
            ("float", (1.5, 7.25), "fractional offsets", False),
            ("huge-float", (1e300,), "an offset of 1e300", True),
            ("nan", (float("nan"),), "an offset that is NaN", True),
            ("infinity", (float("inf"),), "an infinite offset", True),
            ("booleans", (False, True), "offsets that are true and false", False),
            ("strings", ("0", "5"), "offsets written as text", False),
        )
    ),
    *(
        _one_bad(label, change, why)
        for label, change, why in (
            ("modified-not-iso", anno.field("modified", "yesterday"), "a date that is a word"),
            ("modified-number", anno.field("modified", 12345), "a date that is a number"),
            ("created-list", anno.field("created", ["2026"]), "a date that is a list"),
            ("no-target", anno.field("target", []), "an annotation with no target"),
            ("id-object", anno.field("id", {"uuid": 1}), "an id that is an object"),
            ("id-list", anno.field("id", ["a", "b"]), "an id that is a list"),
            ("body-string", anno.field("body", "agreed"), "a body that is a string"),
            ("body-numbers", anno.field("body", [1, 2]), "a body of numbers"),
            ("status-list", anno.status(["agreed"]), "a status that is a list"),
            ("status-object", anno.status({"agreed": True}), "a status that is an object"),
            ("target-string", anno.field("target", "crbc-news.txt"), "a target that is text"),
            ("target-numbers", anno.field("target", [1, 2]), "a target of numbers"),
            ("selector-string", anno.in_target("selector", "quote"), "a selector that is text"),
            ("exact-number", anno.in_quote("exact", 42), "a quote that is a number"),
            ("prefix-object", anno.in_quote("prefix", {"a": 1}), "a prefix that is an object"),
            ("note-list", anno.note(["a", "b"]), "a note that is a list"),
            ("similarity-text", anno.field("corroborate:similarity", "high"), "text score"),
            ("similarity-nan", anno.field("corroborate:similarity", float("nan")), "NaN score"),
            ("fact-id-object", anno.field("corroborate:factId", {"id": 1}), "an object id"),
        )
    ),
    Case(
        "annotations/modified-not-iso-twice.json",
        anno.two_copies_modified("2026-01-05T10:00:00Z", "yesterday"),
        "two copies of one annotation, one dated 'yesterday': the merge compares the dates",
    ),
    Case(
        "annotations/million-nulls.json",
        anno.huge_items(1_000_000, None),
        "a page of a million nulls",
        seconds=SLOW_SECONDS,
    ),
    Case(
        "annotations/many-annotations-20000.json",
        anno.many_annotations(20_000),
        "a large but valid file imports completely and in time",
        IMPORTED,
        seconds=SLOW_SECONDS,
        check=stored_count(20_000),
    ),
    Case(
        "annotations/many-targets-100000.json",
        anno.many_targets(100_000),
        "one annotation with 100,000 targets",
        seconds=SLOW_SECONDS,
    ),
]
