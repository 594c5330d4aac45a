"""Guess an article's headline and outlet from its first lines and its file name.

Text copied from a news site often starts with a masthead ("CRBC News"), a section
label ("Politics"), the page's web address, bylines and dates before the headline; none
of those is the title.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..text.line_kinds import is_furniture, is_web_address

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


def guess_title_and_source(
    text: str, path: Path, title: str = "", source: str = "", site_name: str = ""
) -> tuple[str, str]:
    """Fill in whichever of title and source the file's own metadata did not give.

    The outlet comes from, in order: `source` (said outright, as in front matter), a short
    line anywhere that spells the file's name ("ssbcrackexams.txt" -> "SSBCrackExams"), a
    masthead line at the top, the site name a web page declares, a 'Headline | Outlet'
    title, and last the file name itself. A byline names a person (often an editor), not
    the outlet, so it never becomes the source.
    """
    # A metadata field holding only a zero-width space is as good as empty.
    title, source = strip_invisible(title), strip_invisible(source)
    suffix_source = ""
    if title:
        title, suffix_source = split_title_suffix(title)
    lines = [strip_invisible(strip_invisible(line).lstrip("#")) for line in text.splitlines()]
    lines = [line for line in lines if line]
    source = source or _line_naming_file(lines, path)
    headline = ""
    for line in lines[:8]:
        if not source and is_outlet_name(line):
            source = line
            continue
        if is_furniture(line) or is_outlet_name(line) or line in (source, site_name):
            continue
        headline = line
        break
    # A name found in the text beats a declared one: pages declare their publisher's group
    # or a syndication partner, while the text shows the outlet a reader saw.
    source = source or strip_invisible(site_name) or suffix_source
    if not title:
        first = next((line for line in lines if not is_web_address(line)), "")
        title = _as_title(headline or first) or _visible_name(path)
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
