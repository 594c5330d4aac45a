"""Who reported each fact first, and when: the timeline of a folder's facts.

Dates come from the articles' `published` (ISO 8601, core/ingest/metadata.py). Two times
are compared as instants, their offsets applied; a time written without an offset is
read as UTC, so the result never depends on the machine's time zone. A date alone is
compared as that whole day (a UTC day, the one zone every offset maps to): earlier than
any later day, and neither earlier nor later than a time on the same day. The first
reporters of a fact are the mentions no other mention is known to precede, so ties keep
every outlet. Articles without a date are never first: they are listed as undated.

For pictures of the timeline, `mark_span`, `axis_span` and `axis_ticks` place moments on
a time axis by the same rules and pick ticks (hours, days, weeks…) whose labels never
overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise

from ..model import Article, Fact, FactTable


@dataclass(frozen=True, slots=True)
class Moment:
    """When one article was published, as far as its file says."""

    iso: str  # as the article carries it
    day: date  # a date alone as written; a time's day in UTC
    instant: datetime | None  # with an offset (UTC when none was written); None: a day only

    @property
    def key(self) -> tuple[float, int]:
        """A total order for sorting that agrees with `precedes`: by instant, a day alone at
        its start and before the times of that day."""
        start = self.instant or datetime.combine(self.day, time(), UTC)
        return (start.timestamp(), 0 if self.instant is None else 1)


def moment_of(published: str | None) -> Moment | None:
    """`published` read as a Moment; None when there is none or it is not ISO 8601."""
    if not published:
        return None
    try:
        parsed = datetime.fromisoformat(published)
    except ValueError:
        return None
    if "T" not in published and " " not in published:
        return Moment(published, parsed.date(), None)
    instant = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return Moment(published, instant.astimezone(UTC).date(), instant)


def precedes(a: Moment, b: Moment) -> bool:
    """Whether `a` is known to come before `b`."""
    if a.instant is not None and b.instant is not None:
        return a.instant < b.instant
    return a.day < b.day


@dataclass(frozen=True, slots=True)
class FirstReport:
    """Who reported one fact first."""

    fact: Fact
    first: tuple[str, ...]  # Article.ids of the first reporters, in the table's order
    moments: tuple[Moment, ...]  # their dates, in the same order
    later: tuple[tuple[str, Moment], ...]  # the other dated reporters, earliest first
    undated: tuple[str, ...]  # reporters whose article has no date

    @property
    def dated(self) -> bool:
        return bool(self.first)

    @property
    def earliest(self) -> Moment | None:
        """The first reporters' earliest date (by `Moment.key`)."""
        return min(self.moments, key=lambda m: m.key) if self.moments else None


@dataclass(frozen=True, slots=True)
class Timeline:
    """The first reports of every fact of a table."""

    reports: tuple[FirstReport, ...]  # one per fact, in the table's order
    ordered: tuple[FirstReport, ...]  # the dated ones, by first date (ties: table order)
    moments: Mapping[str, Moment]  # Article.id -> its date, for dated articles only
    undated: tuple[str, ...]  # Article.ids of the articles without a date
    by_fact: Mapping[str, FirstReport]  # Fact.id -> its report


def article_moments(articles: tuple[Article, ...]) -> dict[str, Moment]:
    found = {a.id: moment_of(a.published) for a in articles}
    return {article: moment for article, moment in found.items() if moment is not None}


def first_report(
    fact: Fact, moments: Mapping[str, Moment], order: Mapping[str, int] | None = None
) -> FirstReport:
    """The mentions of `fact` no other mention is known to precede, in `order` (Article.id
    -> position; default the mentions' order).

    Linear in the mentions: a time is preceded only by an earlier time or an earlier day;
    a day alone only by an earlier day.
    """
    mentions = sorted(fact.mentions, key=lambda m: order[m.article]) if order else fact.mentions
    dated = [(m.article, moments[m.article]) for m in mentions if m.article in moments]
    undated = tuple(m.article for m in mentions if m.article not in moments)
    if not dated:
        return FirstReport(fact, (), (), (), undated)
    earliest_day = min(moment.day for _, moment in dated)
    instants = [moment.instant for _, moment in dated if moment.instant is not None]
    days_alone = [moment.day for _, moment in dated if moment.instant is None]
    earliest_instant = min(instants) if instants else None
    earliest_day_alone = min(days_alone) if days_alone else None

    def is_first(moment: Moment) -> bool:
        if moment.instant is None:
            return moment.day == earliest_day
        preceded_by_day = earliest_day_alone is not None and earliest_day_alone < moment.day
        return moment.instant == earliest_instant and not preceded_by_day

    first = [(article, moment) for article, moment in dated if is_first(moment)]
    later = [(article, moment) for article, moment in dated if not is_first(moment)]
    return FirstReport(
        fact,
        tuple(article for article, _ in first),
        tuple(moment for _, moment in first),
        tuple(sorted(later, key=lambda pair: pair[1].key)),
        undated,
    )


def timeline(table: FactTable) -> Timeline:
    """The first report of every fact of `table`; pure, linear in its mentions."""
    moments = article_moments(table.articles)
    order = {a.id: n for n, a in enumerate(table.articles)}
    reports = tuple(first_report(fact, moments, order) for fact in table.facts)
    dated = [r for r in reports if r.earliest is not None]
    ordered = sorted(dated, key=lambda r: r.earliest.key if r.earliest else (0.0, 0))
    undated = tuple(a.id for a in table.articles if a.id not in moments)
    by_fact = {r.fact.id: r for r in reports}
    return Timeline(reports, tuple(ordered), moments, undated, by_fact)


def first_counts(
    line: Timeline, outlet_of: Mapping[str, str] | None = None, shared_only: bool = False
) -> dict[str, int]:
    """How many facts each outlet reported first, by outlet name (`outlet_of` maps
    Article.id to it; default the id itself). Outlets with several articles count a fact
    once; `shared_only` counts only facts another source reports too."""
    counts: dict[str, int] = {}
    for report in line.reports:
        if shared_only and report.fact.exclusive:
            continue
        outlets = {(outlet_of or {}).get(a, a) for a in report.first}
        for outlet in outlets:
            counts[outlet] = counts.get(outlet, 0) + 1
    return counts


# --- a time axis for pictures of the timeline -------------------------------------------

DAY_SECONDS = 86_400
HOUR_SECONDS = 3_600
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Steps between ticks, finest first: (unit, how many). The first whose labels all fit is
# used, so a span of hours is ticked in hours, one of weeks in days or weeks.
TICK_STEPS = (
    ("hour", 1), ("hour", 2), ("hour", 3), ("hour", 6), ("hour", 12),
    ("day", 1), ("day", 2), ("week", 1), ("week", 2),
    ("month", 1), ("month", 3), ("month", 6), ("year", 1), ("year", 5), ("year", 25),
)  # fmt: skip
_ROUGH_SECONDS = {
    "hour": 3_600,
    "day": 86_400,
    "week": 604_800,
    "month": 2_629_746,
    "year": 31_556_952,
}
LABEL_PAD = 3.0  # pixels between a tick's line and its label


def mark_span(moment: Moment) -> tuple[float, float]:
    """Where a moment lies on a time axis, in seconds since the epoch: a date alone covers
    its whole (UTC) day, a time is a point."""
    start = moment.key[0]
    return (start, start + DAY_SECONDS) if moment.instant is None else (start, start)


def axis_span(moments: Iterable[Moment]) -> tuple[float, float]:
    """The start and end of an axis holding every moment, in seconds: whole UTC days from
    the first day to the last, so a day alone always fits (as in the HTML report)."""
    days = [m.day for m in moments]
    start = datetime.combine(min(days), time(), UTC).timestamp()
    end = datetime.combine(max(days), time(), UTC).timestamp() + DAY_SECONDS
    return start, end


@dataclass(frozen=True, slots=True)
class Tick:
    """A line across the axis at `x` (pixels from its start), labelled from `left`."""

    at: float  # seconds since the epoch
    x: float
    label: str
    left: float  # where the label starts
    width: float  # how wide the label is


def _tick_times(start: float, end: float, unit: str, count: int) -> list[datetime]:
    """The UTC times of one step's ticks in [start, end), on round boundaries."""
    first = datetime.fromtimestamp(start, UTC)
    if unit in ("hour", "day"):
        seconds = count * (HOUR_SECONDS if unit == "hour" else DAY_SECONDS)
        origin = datetime.combine(first.date(), time(), UTC).timestamp()
        at = origin + -(-(start - origin) // seconds) * seconds
        return [datetime.fromtimestamp(t, UTC) for t in _range(at, end, seconds)]
    if unit == "week":  # from Mondays
        monday = datetime.combine(first.date() - timedelta(first.weekday()), time(), UTC)
        times = _range(monday.timestamp(), end, count * 7 * DAY_SECONDS)
        return [datetime.fromtimestamp(t, UTC) for t in times if t >= start]
    months = count * (12 if unit == "year" else 1)
    index = first.year * 12 + first.month - 1
    index -= index % months
    found = []
    while True:
        at = datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)
        if at.timestamp() >= end:
            return found
        if at.timestamp() >= start:
            found.append(at)
        index += months


def _range(start: float, end: float, step: float) -> list[float]:
    count = max(0, int(-(-(end - start) // step)))
    return [start + n * step for n in range(count)]


def _tick_label(at: datetime, unit: str, first: bool) -> str:
    """ "18:00" within a day, "4 Jan" at a day's start, "Mar" or "Mar 2026", "2026"."""
    if unit == "year":
        return str(at.year)
    if unit == "month":
        return (
            f"{MONTHS[at.month - 1]} {at.year}" if first or at.month == 1 else MONTHS[at.month - 1]
        )
    if unit == "hour" and (at.hour or at.minute):
        return f"{at:%H:%M}"
    return f"{at.day} {MONTHS[at.month - 1]}"


def axis_ticks(
    start: float, end: float, width: float, measure: Callable[[str], float], gap: float = 12
) -> list[Tick]:
    """Ticks for an axis `width` pixels wide from `start` to `end` (seconds), at the finest
    round step whose labels (each `measure` pixels wide, `gap` apart) never overlap and
    stay inside the axis; [] when even the coarsest step does not fit."""
    if end <= start or width <= 0:
        return []
    scale = width / (end - start)
    for unit, count in TICK_STEPS:
        if (end - start) / (count * _ROUGH_SECONDS[unit]) > width / gap + 1:
            continue  # too many to fit, whatever their labels
        times = _tick_times(start, end, unit, count)
        ticks = []
        for n, at in enumerate(times):
            label = _tick_label(at, unit, n == 0)
            x = (at.timestamp() - start) * scale
            ticks.append(Tick(at.timestamp(), x, label, x + LABEL_PAD, measure(label)))
        if ticks and _fits(ticks, width, gap):
            return _with_start(ticks, start, measure, gap)
    return []


def _with_start(
    ticks: list[Tick], start: float, measure: Callable[[str], float], gap: float
) -> list[Tick]:
    """The axis's first day labelled too when the round steps begin later (weeks from a
    Monday, months from the 1st) and its label fits before the next one."""
    if ticks[0].at <= start:
        return ticks
    day = datetime.fromtimestamp(start, UTC)
    label = f"{day.day} {MONTHS[day.month - 1]}"
    first = Tick(start, 0.0, label, LABEL_PAD, measure(label))
    following = next((t for t in ticks if t.label), None)
    if following is not None and first.left + first.width + gap > following.left:
        return ticks
    return [first, *ticks]


def _fits(ticks: list[Tick], width: float, gap: float) -> bool:
    """Whether consecutive labels keep `gap` apart; a last label past the end is dropped
    first (its line stays), so a long span is not ticked coarser for one label."""
    last = ticks[-1]
    if last.left + last.width > width:
        ticks[-1] = Tick(last.at, last.x, "", last.left, 0.0)
    labelled = [t for t in ticks if t.label]
    if not labelled or labelled[-1].left + labelled[-1].width > width:
        return False
    return all(a.left + a.width + gap <= b.left for a, b in pairwise(labelled))
