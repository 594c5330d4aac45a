"""What a Web Annotation of another tool holds beyond Corroborate's fields, kept to be given back.

An imported annotation keeps its id as written; Annotation.extras (a JSON object) keeps
the rest of what the app has no field for: the `type` and `motivation` as written, the
other top-level members (`creator`, `generator`, ...), the bodies as written with where
the note and the status stand among them, and each target as written. Exporting the
annotation again writes these back unchanged, changing only what the person changed
in the app (the note, the status), so nothing is lost and nothing is invented.

Annotations exported by Corroborate itself carry nothing extra and keep `extras` empty.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from ..model import Annotation, Status

# Extension properties are absolute IRIs in their own scheme, so they survive JSON-LD
# processing with the plain Web Annotation context.
EXT = "corroborate:"
OWN_MEMBERS = frozenset(
    {"@context", "id", "type", "motivation", "created", "modified", "body", "bodyValue", "target"}
)


def as_list(value: Any) -> list[Any]:
    """JSON-LD allows one value or an array of them: always a list (None is empty)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def has_type(value: Any, name: str) -> bool:
    """`type` may be a string or an array of strings."""
    return value == name or (isinstance(value, list) and name in value)


def status_body(status: Status) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": "assessing", "value": status.value}


def note_body(note: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": "commenting", "value": note, "format": "text/plain"}


def kept_extras(
    item: dict[str, Any], note_at: int | None, status_at: int | None, from_body_value: bool
) -> str:
    """The JSON for Annotation.extras; "" for an item in Corroborate's own shape.

    `note_at` and `status_at` are the positions, among the item's bodies, of the body
    read as the note and of the one read as the status.
    """
    others = {k: v for k, v in item.items() if k not in OWN_MEMBERS and not k.startswith(EXT)}
    targets = as_list(item.get("target"))
    ours = (
        item.get("type") == "Annotation"
        and item.get("motivation") == "assessing"
        and not others
        and not from_body_value
        and all(isinstance(t, dict) and EXT + "article" in t for t in targets)
    )
    if ours:
        return ""
    extras: dict[str, Any] = {
        "type": item.get("type"),
        "motivation": item.get("motivation"),  # null: the item had none
        "members": others,
        "target": item.get("target"),  # as written: one object or an array
    }
    if from_body_value:
        extras["bodyValue"] = True
    else:
        extras["body"] = item.get("body")  # null: the item had none
        extras["noteAt"] = note_at
        extras["statusAt"] = status_at
    return json.dumps(extras, ensure_ascii=False, separators=(",", ":"))


def with_foreign_members(item: dict[str, Any], a: Annotation) -> dict[str, Any]:
    """The exported `item` with what `a` kept of its original written back (a copy)."""
    if not a.extras:
        return item
    extras = json.loads(a.extras)
    out = {"id": item["id"], "type": extras["type"]}
    if extras["motivation"] is not None:
        out["motivation"] = extras["motivation"]
    out.update(created=item["created"], modified=item["modified"])
    out.update(extras["members"])
    if extras.get("bodyValue") and a.status == Status.UNVERIFIED:
        if a.note:
            out["bodyValue"] = a.note
    else:
        body = _bodies(a, extras)
        if body is not None:
            out["body"] = body
    out["target"] = _targets(item["target"], extras["target"], a)
    out.update({k: v for k, v in item.items() if k.startswith(EXT)})
    return out


def _bodies(a: Annotation, extras: dict[str, Any]) -> Any:
    """The original bodies with the note and status as they are now; their form kept."""
    written = extras.get("body")
    bodies = copy.deepcopy(as_list(written))
    note_at, status_at = extras.get("noteAt"), extras.get("statusAt")
    if note_at is not None and bodies[note_at].get("value") != a.note:
        if a.note:
            bodies[note_at]["value"] = a.note
        else:
            bodies[note_at] = None
    elif note_at is None and a.note:
        bodies.append(note_body(a.note))
    if status_at is not None:
        bodies[status_at]["value"] = a.status.value
    elif a.status != Status.UNVERIFIED:  # a verdict given in the app
        bodies.insert(0, status_body(a.status))
    bodies = [b for b in bodies if b is not None]
    if not bodies:
        return None
    unchanged = bodies == as_list(written)
    return written if unchanged else bodies


def _targets(built: list[dict[str, Any]], written: Any, a: Annotation) -> Any:
    """Each target as written while it still quotes the same words; else the one built,
    with the original source. One written target stays one object, as it was."""
    originals = as_list(written)
    out = []
    for n, (target, fresh) in enumerate(zip(a.targets, built, strict=True)):
        original = originals[n] if n < len(originals) else None
        if isinstance(original, dict) and _quoted(original) == target.exact:
            out.append(original)
            continue
        if isinstance(original, dict) and "source" in original:
            fresh = {**fresh, "source": original["source"]}
        out.append(fresh)
    return out[0] if isinstance(written, dict) and len(out) == 1 else out


def _quoted(target: dict[str, Any]) -> Any:
    for selector in as_list(target.get("selector")):
        if isinstance(selector, dict) and has_type(selector.get("type"), "TextQuoteSelector"):
            return selector.get("exact")
    return None
