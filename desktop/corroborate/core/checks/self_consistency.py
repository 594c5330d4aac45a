"""An article that contradicts itself: a "three-day visit" whose own dates span five days.

A stated length of a trip ("a three-day state visit", "a week-long tour") is set against
the dates and weekdays the same article gives for that trip. When the first to the last
of them is longer than the length (with a day's grace, as reports count travel days
differently), one of the two is wrong, and the reader should check before quoting either.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from ..model import Article, Discrepancy, DiscrepancySide
from . import consistency
from .quantities import MONTHS, WEEKDAYS, find_mentions
from .speakers import SPEECH_VERBS
from .weekday_dates import dated_weekdays

# Nouns a length can describe: "three-day visit", "four-day state visit", "week-long tour".
_TRIP_NOUNS = frozenset("visit trip tour journey stay swing mission".split())
# A sentence with one of these is about the trip's programme, so its days are the trip's.
_TRIP_WORDS = _TRIP_NOUNS | frozenset(
    "travel travels traveling travelling travelled traveled leg legs itinerary summit talks "
    "arrive arrives arrived arriving depart departs departed departing return returns "
    "returning stop meeting meetings ceremony negotiations agenda".split()
)
# Days reported this far after the start are another occasion: "the next round in March".
_WITHIN_DAYS = 31
# Reports differ on whether a travel day counts: a "three-day" visit may end on day four.
_GRACE_DAYS = 1
_WORD = re.compile(r"[A-Za-z]+")
_WEEK_LONG = re.compile(r"\b(?:(one|two|three)[- ])?weeks?[- ]?long\b", re.IGNORECASE)
_WEEKS = {None: 1, "one": 1, "two": 2, "three": 3}
_REPORTING_DAY = re.compile(
    rf"\b(?:{'|'.join(sorted(SPEECH_VERBS))})(?:\s+(?:reporters|journalists))?,?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# A placeholder year for the calendar arithmetic of dates written without any year.
_ANY_YEAR = 2001


@dataclass(frozen=True, slots=True)
class _Length:
    days: int
    sentence: int
    start: int  # span in the article text
    end: int
    noun: str  # "visit"


@dataclass(frozen=True, slots=True)
class _Day:
    date: datetime.date | None  # None for a weekday written without a date
    weekday: str  # "" when not written
    sentence: int
    start: int
    end: int


def find_inconsistencies(
    article: Article, reference_year: int | None = None
) -> tuple[Discrepancy, ...]:
    """Contradictions between sentences of one article, as "self-contradiction" findings.

    Both sides of each finding are in `article`: side a holds the stated length, side b
    the date that falls outside it. `reference_year` dates a "January 8" written without
    a year; when None it is the latest year written with a month in the article.
    """
    if reference_year is None:
        reference_year = consistency.reference_year(article)
    days = _trip_days(article, reference_year)
    found = []
    for length in _lengths(article):
        finding = _outside(article, length, days)
        if finding is not None:
            found.append(finding)
    return tuple(found)


def _sentences(article: Article):
    for s in article.sentences:
        yield s.index, s.start, article.text[s.start : s.end]


def _lengths(article: Article) -> list[_Length]:
    found = []
    for index, offset, text in _sentences(article):
        spans = [
            (m.start, m.end, int(m.value))
            for m in find_mentions(text)
            if m.family == "duration" and m.key == "day" and not m.hedge and m.value >= 1
        ]
        spans += [
            (w.start(), w.end(), 7 * _WEEKS[w.group(1) and w.group(1).lower()])
            for w in _WEEK_LONG.finditer(text)
        ]
        for start, end, n in spans:
            following = [w.lower() for w in _WORD.findall(text[end : end + 30])][:3]
            noun = next((w for w in following if w in _TRIP_NOUNS), None)
            if noun is not None:
                found.append(_Length(n, index, offset + start, offset + end, noun))
    return found


def _trip_days(article: Article, reference_year: int | None) -> list[_Day]:
    days = []
    for index, offset, text in _sentences(article):
        words = {w.lower() for w in _WORD.findall(text)}
        if not words & _TRIP_WORDS:
            continue
        mentions = find_mentions(text)
        # "In an interview on Friday, Lee said": a bare weekday near a speech verb is more
        # likely when something was said than a day of the trip.
        speech = bool(words & SPEECH_VERBS)
        dated = {(d.start, d.end): d for d in dated_weekdays(text, mentions)}
        with_date = {d.start for d in dated.values()}
        for m in mentions:
            if _REPORTING_DAY.search(text[: m.start]):
                continue  # "Lee said on Friday": when it was said, not a day of the trip
            if m.family == "calendar":
                month, day, year, part = m.value
                if day is None or part:
                    continue
                weekday = next((d.weekday for d in dated.values() if d.end >= m.end > d.start), "")
                date = _date(year or reference_year or _ANY_YEAR, month, day)
                if date is not None:
                    days.append(_Day(date, weekday, index, offset + m.start, offset + m.end))
            elif m.family == "weekday" and m.start not in with_date and not speech:
                days.append(_Day(None, m.value, index, offset + m.start, offset + m.end))
    return days


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _outside(article: Article, length: _Length, days: list[_Day]) -> Discrepancy | None:
    """The latest day of the trip when it falls beyond the stated length."""
    own = [d for d in days if d.sentence == length.sentence]
    if not own:
        return None  # no start given with the length: the trip's days cannot be counted
    start = next((d for d in own if d.date is not None), own[0])
    start_weekday = start.weekday or (start.date and WEEKDAYS[start.date.weekday()])
    latest, latest_offset = None, 0
    for d in days:
        if d.date is not None and start.date is not None:
            offset = (d.date - start.date).days
        elif d.date is None and d.weekday and start_weekday:
            offset = (WEEKDAYS.index(d.weekday) - WEEKDAYS.index(start_weekday)) % 7
        else:
            continue
        if 0 <= offset <= _WITHIN_DAYS and offset > latest_offset:
            latest, latest_offset = d, offset
    if latest is None or latest_offset <= length.days - 1 + _GRACE_DAYS:
        return None
    return _finding(article, length, start, latest)


def _finding(article: Article, length: _Length, start: _Day, latest: _Day) -> Discrepancy:
    text = article.text
    value_length, value_day = text[length.start : length.end], text[latest.start : latest.end]
    start_words = ", ".join(
        words
        for words in (
            start.weekday.capitalize(),
            start.date and f"{calendar.month_name[start.date.month]} {start.date.day}",
        )
        if words
    )
    part = _place_of(article, latest, length)
    leg = f"the {part} leg" if part else "part of it"
    name = article.source.strip() or article.title.strip() or "This article"
    explanation = (
        f"Self-contradiction: {name} calls it a {value_length} {length.noun} from "
        f"{start_words}, but also dates {leg} {value_day}"
    )
    return Discrepancy(
        "self-contradiction",
        explanation,
        DiscrepancySide(article.id, length.sentence, length.start, length.end, value_length),
        DiscrepancySide(article.id, latest.sentence, latest.start, latest.end, value_day),
    )


_PLACE = re.compile(r"\b(?:to|in|at)\s+([A-Z][a-z]+)")


def _place_of(article: Article, day: _Day, length: _Length) -> str:
    """A place the later day's sentence names and the length's sentence does not."""
    text, length_text = (
        article.text[s.start : s.end]
        for s in (article.sentences[day.sentence], article.sentences[length.sentence])
    )
    for m in _PLACE.finditer(text):
        place = m.group(1)
        calendar_word = place.lower() in MONTHS or place.lower() in WEEKDAYS
        if not calendar_word and place not in length_text:
            return place
    return ""
