"""A `---` block of `key: value` lines at the top of a text or Markdown article.

    ---
    outlet: The Daily Star
    published: 2026-01-04
    byline: Jane Smith
    url: https://example.com/story
    ---

The block is taken off before the text becomes the article, so sentences, offsets and
annotations all index the text after it. A block that does not look like one (a line
that is not `key: value`, no known key, no closing `---` near the top) is left in the text.
"""

from __future__ import annotations

import re

from .metadata import Metadata, clean_value, iso_date, web_url

MAX_LINES = 30  # lines between the fences; a longer block is prose between two rules
_FENCE = re.compile(r"^---[ \t]*$")
_FIELD = re.compile(r"^([A-Za-z][\w -]{0,30}?)[ \t]*:[ \t]*(.*)$")
# Each field's names: the ones documented, and those blog tools write for the same thing.
_KEYS = {
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "published": "published",
    "date": "published",
    "byline": "byline",
    "author": "byline",
    "url": "url",
    "title": "title",
}


def split_front_matter(text: str) -> tuple[Metadata, str]:
    """(what the block says, the text after it); no metadata and `text` when it has none."""
    if not text.startswith("---"):
        return Metadata(), text
    lines = text.split("\n", MAX_LINES + 2)
    if not _FENCE.match(lines[0]):
        return Metadata(), text
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1 : MAX_LINES + 2], start=1):
        if _FENCE.match(line):
            if not fields:
                return Metadata(), text
            return _metadata(fields), "\n".join(lines[number + 1 :])
        if not line.strip():
            continue
        found = _FIELD.match(line)
        if found is None:
            return Metadata(), text
        key = _KEYS.get(found.group(1).strip().casefold())
        if key and key not in fields:
            fields[key] = _unquoted(found.group(2).strip())
    return Metadata(), text


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _metadata(fields: dict[str, str]) -> Metadata:
    return Metadata(
        title=clean_value(fields.get("title")),
        outlet=clean_value(fields.get("outlet")),
        published=iso_date(fields.get("published")),
        byline=clean_value(fields.get("byline")) or None,
        url=web_url(fields.get("url")),
    )
