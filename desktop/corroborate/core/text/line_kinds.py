"""Page furniture: the lines above a headline that are not part of the story.

Bylines, dates, section labels ("Politics") and the page's own web address sit on lines of
their own in text copied from a news site; titles skip them and alignment leaves them out.
"""

from __future__ import annotations

import re

_SECTION_LABELS = frozenset(
    """news world politics business economy economics markets finance money asia
    asia-pacific americas europe africa middle-east international national local opinion
    analysis editorial sport sports technology tech science health culture entertainment
    lifestyle travel breaking latest top-stories diplomacy defense defence security
    north-korea south-korea china japan korea us uk home""".split()
)
_BYLINE = re.compile(
    r"^(?:by|written by|edited by|reported by|reporter|author|posted by|story by"
    r"|words by|photos? by)\b\s*:?",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^(?:(?:(?:article|story) )?(?:published|updated|posted|last updated|first published)\b.*"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? .*\d{4}.*"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}.*"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}.*"
    r"|\d{4}-\d{2}-\d{2}.*|\d+ (?:min|minute)s? read)$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\S\s*(?:>|›|»|/)\s*\S")
# A line that is only a web address: "http://www.nytimes.com/2007/04/10/us/10revenge.html",
# "www.bbc.co.uk/news/…", "news.bbc.co.uk/2/hi/middle_east/4475546.stm".
_WEB_ADDRESS = re.compile(
    r"^<?(?:(?:https?|ftp)://|www\.)\S+>?$|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*$", re.IGNORECASE
)


def _is_section_label(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 3 or line.endswith((".", "!", "?", ":")):
        return False
    if "-".join(words).casefold() in _SECTION_LABELS:
        return True
    return len(words) > 1 and _BREADCRUMB.search(line) is not None


def is_web_address(line: str) -> bool:
    """Whether `line` is only a web address (a copied page often starts with its own)."""
    return len(line) <= 2000 and _WEB_ADDRESS.match(line.strip()) is not None


def is_furniture(line: str) -> bool:
    """Bylines, dates, labels and web addresses that sit above a headline but are not one."""
    return bool(
        _BYLINE.match(line)
        or _DATE_LINE.match(line)
        or _is_section_label(line)
        or is_web_address(line)
    )
