"""What a file says about its article: publication date, byline, address, outlet.

Every value here comes from a file someone else wrote, so each is checked and normalised
(dates to ISO 8601, names to a plain comma-separated list) and anything implausible is
dropped: metadata is a help for the reader, never a reason for a file not to load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MAX_VALUE = 300  # characters: longer metadata values are garbage, not a name or a date
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


@dataclass(frozen=True, slots=True)
class Metadata:
    """The fields of `Article` a file's metadata can fill; empty strings when unknown."""

    title: str = ""
    outlet: str = ""  # said outright (front matter): wins over any guess
    site_name: str = ""  # declared by a web page: used when the text names no outlet
    published: str | None = None  # ISO 8601
    byline: str | None = None
    url: str | None = None


# --- dates ----------------------------------------------------------------------------

_WRITTEN_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d", "%d.%m.%Y")
_DATE_ONLY = re.compile(r"^\d{4}-?\d{2}-?\d{2}$")
_PDF_DATE = re.compile(
    r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?"
)


def iso_date(value: object) -> str | None:
    """`value` as an ISO 8601 date, or datetime (with its offset when it has one); None
    when it is not a plausible date."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 64:
        return None
    if _DATE_ONLY.match(text):
        parsed = _parse(text)
        return _checked(parsed.date()) if parsed else None
    parsed = _parse(text)
    if parsed is None:
        return None
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and parsed.tzinfo is None:
        return _checked(parsed.date())  # a date written with a midnight time says only the day
    return _checked(parsed)


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)  # "Sun, 04 Jan 2026 10:30:00 +0100"
    except (TypeError, ValueError, IndexError):
        pass
    for pattern in _WRITTEN_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def _checked(moment: date | datetime) -> str | None:
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return None
    if isinstance(moment, datetime):
        return moment.isoformat(timespec="seconds")
    return moment.isoformat()


def pdf_date(value: object) -> str | None:
    """A PDF date ("D:20260104103000+01'00'") as ISO 8601; None when it is not one."""
    if not isinstance(value, str):
        return None
    match = _PDF_DATE.match(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, zulu, sign, off_h, off_m = match.groups()
    if month is None or day is None:
        return None
    if hour is None:
        return iso_date(f"{year}-{month}-{day}")
    stamp = f"{year}-{month}-{day}T{hour}:{minute or '00'}:{second or '00'}"
    if zulu:
        stamp += "+00:00"
    elif sign:
        stamp += f"{sign}{off_h}:{off_m or '00'}"
    return iso_date(stamp)


# --- names and addresses ----------------------------------------------------------------

# Names that word processors and PDF makers write for whoever saved the file.
_GENERIC_AUTHORS = frozenset(
    {
        "admin",
        "administrator",
        "author",
        "owner",
        "user",
        "unknown",
        "microsoft office user",
        "windows user",
        "office user",
        "python-docx",
    }
)
_NAME_PARTICLES = frozenset({"de", "del", "der", "di", "du", "da", "van", "von", "bin", "al", "la"})
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_NAME_SEPARATORS = re.compile(r"\s*(?:;|,|\band\b|&)\s*")
_BY = re.compile(r"^by\s+", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)|^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.IGNORECASE)


def clean_value(value: object) -> str:
    """A metadata value on one line with plain spaces; empty when unusable."""
    if not isinstance(value, str) or len(value) > 4 * MAX_VALUE:
        return ""
    text = " ".join(value.split())
    return text if len(text) <= MAX_VALUE else ""


def person_byline(value: object) -> str | None:
    """The people named in an author field ("Jane Smith; Tom Lee" -> "Jane Smith, Tom Lee"),
    or None when it does not look like people's names (a login, a program, an outlet)."""
    text = _BY.sub("", clean_value(value))
    names = [name for name in _NAME_SEPARATORS.split(text) if name]
    if not names or not all(_looks_like_a_person(name) for name in names):
        return None
    return ", ".join(names)


def _looks_like_a_person(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5 or name.casefold() in _GENERIC_AUTHORS:
        return False
    for word in words:
        if word.casefold() in _NAME_PARTICLES:
            continue
        if not _NAME_WORD.match(word) or word[0].islower():
            return False
    return True


def page_byline(value: object, outlet: str = "") -> str | None:
    """A web page's author field as a byline: never the outlet, never a web address."""
    text = _BY.sub("", clean_value(value)).replace("; ", ", ")
    if not text or is_web_address(text) or text.casefold() == outlet.casefold():
        return None
    return text


def is_web_address(text: str) -> bool:
    return bool(_WEB_ADDRESS.match(text.strip()))


def web_url(value: object) -> str | None:
    """An http(s) address without spaces, else None."""
    text = clean_value(value)
    if re.match(r"^https?://[^\s/]+\.[^\s/]+", text, re.IGNORECASE) and " " not in text:
        return text
    return None


def site_name(value: object) -> str:
    """A declared site name, unless it is only a web address or a social media handle."""
    text = clean_value(value)
    if not text or is_web_address(text) or text.startswith("@"):
        return ""
    return text
