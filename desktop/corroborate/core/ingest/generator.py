"""The mark Corroborate leaves in the HTML reports it writes, so it can tell them from articles.

A report saved beside the articles it describes would otherwise be read back as one more
"article" the next time the folder is opened.
"""

from __future__ import annotations

import re

from ... import __version__

GENERATOR_NAME = "Corroborate"
# The generator tag sits near the top of the head; a few KB always reach it.
SNIFF_BYTES = 8192

_NAME_ATTR = rb"""name\s*=\s*["']?generator\b["']?"""
_CONTENT_ATTR = rb"""content\s*=\s*["']%s(?:\s[^"'>]*)?["']""" % re.escape(
    GENERATOR_NAME.encode("ascii")
)
# Either attribute order, since a browser's "Save page" may rewrite the tag.
_MARKER = re.compile(
    rb"<meta\s+(?:%s\s+%s|%s\s+%s)" % (_NAME_ATTR, _CONTENT_ATTR, _CONTENT_ATTR, _NAME_ATTR),
    re.IGNORECASE,
)


def generator_meta() -> str:
    """The tag report heads carry: `<meta name="generator" content="Corroborate 0.1.0">`."""
    return f'<meta name="generator" content="{GENERATOR_NAME} {__version__}">'


def is_own_report(head: bytes) -> bool:
    """Whether the first bytes of an HTML file show that Corroborate wrote it."""
    return _MARKER.search(head[:SNIFF_BYTES]) is not None
