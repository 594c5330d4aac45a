"""A weekday written with its date ("Tuesday, January 7"), and whether the calendar agrees.

A report that names both the weekday and the date of an event states two facts the
calendar can check: in 2026 the 7th of January is a Wednesday, so "Tuesday, January 7"
is wrong in one of them, and another outlet's "on Tuesday" may be about a different day.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .quantities import WEEKDAYS, Mention

# What may stand between a weekday and its date: "Tuesday, January 7", "Sunday (Jan. 4)",
# "Tuesday 7 January".
_BETWEEN = re.compile(r"\s*[,(]?\s*")


@dataclass(frozen=True, slots=True)
class DatedWeekday:
    weekday: str  # lower case, as in quantities.WEEKDAYS
    month: int
    day: int
    year: int | None  # as written; None when the sentence gives no year
    start: int  # character span in the sentence, weekday to date
    end: int

    def actual_weekday(self, reference_year: int | None) -> str | None:
        """The weekday the calendar gives this date, in its own year or the story's."""
        year = self.year or reference_year
        if year is None:
            return None
        try:
            return WEEKDAYS[datetime.date(year, self.month, self.day).weekday()]
        except ValueError:  # "February 30"
            return None

    def date_words(self, reference_year: int | None) -> str:
        """'7 January 2026': the date as the calendar check read it."""
        year = self.year or reference_year
        return f"{self.day} {calendar.month_name[self.month]} {year}"

    def same_day(self, m: Mention) -> bool:
        """Whether a mention names this day: its weekday, or its date in a compatible year."""
        if m.family == "weekday":
            return m.value == self.weekday
        if m.family != "calendar":
            return False
        month, day, year, _ = m.value
        return (month, day) == (self.month, self.day) and (
            not year or not self.year or year == self.year
        )


def dated_weekdays(text: str, mentions: Sequence[Mention]) -> tuple[DatedWeekday, ...]:
    """Weekdays of `text` written right before a date with a day, from its `mentions`."""
    found = []
    for weekday, date in zip(mentions, mentions[1:], strict=False):
        if weekday.family != "weekday" or date.family != "calendar":
            continue
        month, day, year, part = date.value
        between = text[weekday.end : date.start]
        if day is None or part or not _BETWEEN.fullmatch(between):
            continue
        end = date.end + ("(" in between and text[date.end : date.end + 1] == ")")
        found.append(DatedWeekday(weekday.value, month, day, year, weekday.start, end))
    return tuple(found)
