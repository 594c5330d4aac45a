"""Whether two quantity or calendar mentions (see `quantities`) can both be true.

"more than 10 MOUs" and "14 agreements" agree; "four-day" and "three-day" do not, nor do
"six years" and "since 2019" in a story of 2026 (seven calendar years), while "nearly six
years" and "since 2019" do. Values carry the precision they were written with, so
"$328 billion" and "$328.08 billion" agree and "about 10" is not held to exactly ten.
"""

from __future__ import annotations

import math

from ..model import Article
from .quantities import Mention, calendar_mentions

# Nouns news reports use for the same counted thing.
_SAME_THING = (
    frozenset({"agreement", "deal", "pact", "accord", "memorandum", "memoranda", "mou"}),
    frozenset({"person", "people"}),
    frozenset({"troop", "soldier"}),
)
# How loose "about", "nearly", "some" are: a quarter of the value either way.
APPROX_SHARE = 0.25


def _same_thing(x: str, y: str) -> bool:
    return x == y or any(x in group and y in group for group in _SAME_THING)


def comparable(x: Mention, y: Mention) -> bool:
    """Whether two mentions measure the same kind of thing: days with days, MOUs with deals."""
    if x.family != y.family:
        return False
    if x.family in ("number", "ordinal"):
        return _same_thing(x.key, y.key)
    return x.key == y.key


def identity(m: Mention) -> tuple:
    """Mentions with the same identity say the same thing ("four-day" twice)."""
    return m.family, m.key, m.value, m.hedge


def _interval(m: Mention, reference_year: int | None) -> tuple[float, float] | None:
    if m.hedge == "since":  # a hedged "nearly six years" may meet "since 2019" in 2026
        if reference_year is None or reference_year - m.value < 1:
            return None
        span = reference_year - m.value
        return span - 1.0, span
    # Just under half a step: "10" and "11" written as whole numbers never overlap.
    value, half = float(m.value), 0.49 * m.step
    if m.hedge == "approx":
        half = max(half, APPROX_SHARE * abs(value))
    if m.hedge == "min":
        return value - half, math.inf
    if m.hedge == "max":
        return -math.inf, value + half
    return value - half, value + half


def _calendar_years(m: Mention, reference_year: int | None) -> int | None:
    """Calendar years from a "since YEAR" mention to the story's year."""
    if m.hedge != "since" or reference_year is None:
        return None
    return reference_year - int(m.value)


def _exact_years(m: Mention) -> bool:
    """A whole number of years written plainly: "six years", not "nearly six" or "a decade"."""
    return m.family == "duration" and m.key == "year" and not m.hedge and m.step == 1.0


def _span_counts_differ(x: Mention, y: Mention, reference_year: int | None) -> bool | None:
    """ "in six years" against "since 2019": the count of calendar years decides.

    None when the pair is not one plain count of years against one start year.
    """
    for span, since in ((x, y), (y, x)):
        years = _calendar_years(since, reference_year)
        if years is not None and years >= 1 and _exact_years(span):
            return span.value != years
    return None


def span_note(x: Mention, y: Mention, reference_year: int | None) -> str | None:
    """The arithmetic behind a length of time against a start year, for an explanation."""
    since = [m for m in (x, y) if m.hedge == "since"]
    if len(since) != 1 or reference_year is None:
        return None
    start = int(since[0].value)
    years = reference_year - start
    unit = "calendar year" if years == 1 else "calendar years"
    return f"{start} to {reference_year} is {_number_words(years)} {unit}"


_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()


def _number_words(n: int) -> str:
    return _SMALL_NUMBERS[n] if 0 <= n < len(_SMALL_NUMBERS) else str(n)


def _dates_agree(x: tuple, y: tuple) -> bool:
    (month_x, day_x, year_x, part_x), (month_y, day_y, year_y, part_y) = x, y
    if month_x != month_y:
        return False
    if (day_x and day_y and day_x != day_y) or (year_x and year_y and year_x != year_y):
        return False
    return {part_x, part_y} != {"early", "late"}


def consistent(x: Mention, y: Mention, reference_year: int | None) -> bool | None:
    """True if both can hold, False if they cannot, None if it cannot be told.

    `reference_year` is when the story happens; without it "since 2019" has no length.
    """
    if x.family == "calendar":
        return _dates_agree(x.value, y.value)
    if x.family in ("weekday", "year"):
        return x.value == y.value
    if x.hedge == "since" and y.hedge == "since":
        return x.value == y.value
    differ = _span_counts_differ(x, y, reference_year)
    if differ is not None:
        return not differ
    ix, iy = _interval(x, reference_year), _interval(y, reference_year)
    if ix is None or iy is None:
        return None
    return ix[0] <= iy[1] and iy[0] <= ix[1]


def latest_dated_year(article: Article) -> int | None:
    """The latest year written with a month in the article, or None."""
    years = [m.value[2] for m in calendar_mentions(article.text) if m.value[2]]
    return max(years, default=None)


def reference_year(*articles: Article) -> int | None:
    """The latest year written with a month ("January 4, 2026") in any of the articles.

    That is when the story happens, closely enough to count "since 2019" in years. Years
    written alone ("by 2030", "in 2016") are too often plans or history to serve.
    """
    years = [latest_dated_year(a) for a in articles]
    return max((y for y in years if y is not None), default=None)
