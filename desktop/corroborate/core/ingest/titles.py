"""Guess an article's headline and outlet from its first lines and its file name.

Text copied from a news site often starts with a masthead ("CRBC News"), a section
label ("Politics"), bylines and dates before the headline; none of those is the title.
"""

from __future__ import annotations

import re
from pathlib import Path

TITLE_LIMIT = 150

_OUTLET_WORDS = (
    "News|Times|Post|Herald|Journal|Tribune|Daily|Gazette|Telegraph|Agency|Press|Online"
    "|Network|Radio|TV|Broadcasting|Media|Review|Observer|Guardian|Monitor|Chronicle|Report"
    "|Wire|Today|Insider|Standard|Express|Mail|Star|Sun|Independent|Economist|Weekly"
)
_OUTLET_LINE = re.compile(
    rf"^(?:The )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){{0,3}} (?:{_OUTLET_WORDS})$"
    r"|^[A-Z]{2,6}(?: [A-Z][a-z]+)?$"  # "BBC", "CNN", "AP", "NHK World"
)
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
    r"^(?:(?:published|updated|posted|last updated|first published)\b.*"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? .*\d{4}.*"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}.*"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}.*"
    r"|\d{4}-\d{2}-\d{2}.*|\d+ (?:min|minute)s? read)$",
    re.IGNORECASE,
)
# Characters that take no space on screen: zero-width spaces and joiners, word joiners,
# byte order marks, soft hyphens, direction marks, variation selectors, Hangul fillers.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
)
_VISIBLE_CHARACTER = re.compile(f"[^\\s{_INVISIBLE}]")
# The same set spelled out for str.strip, which (unlike a regex) stays linear on long lines.
_BLANK_OR_INVISIBLE = "".join(
    ch for ch in map(chr, range(0x10000)) if ch.isspace() or not _VISIBLE_CHARACTER.match(ch)
)
_BREADCRUMB = re.compile(r"\S\s*(?:>|›|»|/)\s*\S")
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||–|—|-|::)\s+")


def has_visible_text(text: str) -> bool:
    """Whether anything in `text` would show on screen."""
    return _VISIBLE_CHARACTER.search(text) is not None


def strip_invisible(text: str) -> str:
    """`text` without blank or invisible characters at either end."""
    return text.strip(_BLANK_OR_INVISIBLE)


def is_outlet_name(line: str) -> bool:
    return len(line) <= 40 and bool(_OUTLET_LINE.match(line))


def _squashed(s: str) -> str:
    return re.sub(r"[\W_]+", "", s).casefold()


def _is_section_label(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 3 or line.endswith((".", "!", "?", ":")):
        return False
    if "-".join(words).casefold() in _SECTION_LABELS:
        return True
    return len(words) > 1 and _BREADCRUMB.search(line) is not None


def _is_furniture(line: str) -> bool:
    """Bylines, dates and labels that sit above a headline but are not one."""
    return bool(_BYLINE.match(line) or _DATE_LINE.match(line) or _is_section_label(line))


def guess_title_and_source(
    text: str, path: Path, title: str = "", source: str = ""
) -> tuple[str, str]:
    """Fill in whichever of title and source the file's own metadata did not give.

    The outlet comes from, in order: the metadata, a masthead line at the top, a short
    line anywhere that spells the file's name ("ssbcrackexams.txt" -> "SSBCrackExams"),
    a 'Headline | Outlet' title, and last the file name itself. A byline names a person
    (often an editor), not the outlet, so it never becomes the source.
    """
    # A metadata field holding only a zero-width space is as good as empty.
    title, source = strip_invisible(title), strip_invisible(source)
    if title:
        title, suffix_source = split_title_suffix(title)
        source = source or suffix_source
    lines = [strip_invisible(strip_invisible(line).lstrip("#")) for line in text.splitlines()]
    lines = [line for line in lines if line]
    source = source or _line_naming_file(lines, path)
    headline = ""
    for line in lines[:8]:
        if not source and is_outlet_name(line):
            source = line
            continue
        if _is_furniture(line) or is_outlet_name(line) or line == source:
            continue
        headline = line
        break
    if not title:
        title = _as_title(headline or (lines[0] if lines else "")) or _visible_name(path)
        title, suffix_source = split_title_suffix(title)
        source = source or suffix_source
    return title, source or source_from_filename(path)


def _visible_name(path: Path) -> str:
    """The file's stem, or its whole name when the stem shows nothing ("\u200b.txt")."""
    return strip_invisible(path.stem) or path.name


def _line_naming_file(lines: list[str], path: Path) -> str:
    wanted = _squashed(source_from_filename(path))
    if len(wanted) < 3:
        return ""
    return next((line for line in lines if len(line) <= 40 and _squashed(line) == wanted), "")


def split_title_suffix(title: str) -> tuple[str, str]:
    """'Headline | Outlet' (web page and PDF titles) -> ('Headline', 'Outlet')."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) >= 2:
        head, tail = " - ".join(parts[:-1]).strip(), parts[-1].strip()
        piped = "|" in title or "::" in title
        if head and (is_outlet_name(tail) or (piped and len(tail.split()) <= 4)):
            return head, tail
    return title, ""


def _as_title(line: str) -> str:
    """A headline as it is; a body paragraph cut to its first sentence, within a limit."""
    if len(line) <= TITLE_LIMIT:
        return line
    first = re.match(r".+?[.!?](?=\s+[A-Z“\"'‘(])", line)
    if first and len(first.group(0)) <= TITLE_LIMIT:
        return first.group(0)
    cut = line[: TITLE_LIMIT - 1]
    # End at a clause if one ends late enough to say something, else at a word.
    clause = max(cut.rfind(", "), cut.rfind("; "), cut.rfind(" — "))
    if clause >= 60:
        cut = cut[:clause]
    elif " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-") + "…"


def source_from_filename(path: Path) -> str:
    """'03_the-daily-star-5f2a9c1e.txt' -> 'The Daily Star'."""
    stem = re.sub(r"^\d+[_\-\s]+", "", path.stem)
    stem = re.sub(r"[_\-\s]+[0-9a-f]{8,}$", "", stem)
    words = [w for w in re.split(r"[_\-\s]+", stem) if w]
    return " ".join(w.capitalize() if w.islower() else w for w in words) or path.stem
