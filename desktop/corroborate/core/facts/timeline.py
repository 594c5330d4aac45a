"""Who reported each fact first, and when: the timeline of a folder's facts.

Dates come from the articles' `published` (ISO 8601, core/ingest/metadata.py). Two times
are compared as instants, their offsets applied; a time written without an offset is
read as UTC, so the result never depends on the machine's time zone. A date alone is
compared as that whole day (a UTC day, the one zone every offset maps to): earlier than
any later day, and neither earlier nor later than a time on the same day. The first
reporters of a fact are the mentions no other mention is known to precede, so ties keep
every outlet. Articles without a date are never first: they are listed as undated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

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
