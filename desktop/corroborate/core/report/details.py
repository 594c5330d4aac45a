"""The detailed parts of the HTML report (core/report/html.py): the timeline of who
reported what first, disputed and differing facts with every wording, agreed and
unverified facts, annotated sentence pairs, and what each source alone reports. All text
is escaped through `esc`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from ..facts.timeline import FirstReport, Moment, first_counts
from ..model import Article, Discrepancy, DiscrepancySide, Fact, Status, Target
from .context import (
    ReportContext,
    Span,
    esc,
    fact_notes_html,
    file_name,
    in_details,
    note_html,
    status_badge,
)

SEPARATOR = "<span class='sep'>/</span>"  # between the sentences of one mention

# --- fact cards -----------------------------------------------------------------------


def _marked(article: Article, start: int, end: int, spans: Sequence[tuple[int, int, str]]) -> str:
    """article.text[start:end], escaped, with the given (start, end, tooltip) spans marked."""
    out, at = [], start
    for s, e, tip in sorted(spans):
        s, e = max(s, at), min(e, end)
        if s >= e:
            continue  # overlaps a span already marked, or lies outside the sentence
        out.append(esc(article.text[at:s]))
        out.append(f"<mark title='{esc(tip)}'>{esc(article.text[s:e])}</mark>")
        at = e
    out.append(esc(article.text[at:end]))
    return "".join(out)


def _wordings(r: ReportContext, fact: Fact) -> str:
    marks: dict[str, list[tuple[int, int, str]]] = {}
    for d in fact.discrepancies:
        for side in (d.a, d.b):
            marks.setdefault(side.article, []).append((side.start, side.end, _head(d)))
    rows = []
    for article in r.table.articles:  # the sources' order, as in the matrix
        sentences = fact.sentences_of(article.id)
        if not sentences:
            continue
        texts = []
        for i in sentences:
            s = article.sentences[i]
            texts.append(_marked(article, s.start, s.end, marks.get(article.id, [])))
        rows.append(
            f"<tr><td class='who'>{esc(r.labels[article.id])}"
            f"<span class='file'>{esc(file_name(article.path))}</span></td>"
            f"<td>{SEPARATOR.join(texts)}</td></tr>"
        )
    missing = [r.labels[a] for a in r.table.left_out_by(fact)]
    absent = f"<p class='extra'>Not reported by: {esc(', '.join(missing))}</p>" if missing else ""
    return f"<table class='wordings'><tbody>{''.join(rows)}</tbody></table>{absent}"


def _head(d: Discrepancy) -> str:
    """The kind part of an explanation ("Duration differs"), without the sources it names."""
    return d.explanation.split(":", 1)[0].strip() or d.kind


def _explanations(r: ReportContext, fact: Fact) -> str:
    """One line per group of findings that share a value: "three-day (A) vs four-day (B, C)".

    Findings are pairwise; five outlets disagreeing on one number would otherwise read as
    ten lines. Findings sharing a side (the same words of one article) are one dispute.
    """
    groups: list[list[Discrepancy]] = []
    for d in fact.discrepancies:
        keys = {_side_key(d.a), _side_key(d.b)}
        joined = [g for g in groups if keys & {_side_key(s) for x in g for s in (x.a, x.b)}]
        merged = [d, *(x for g in joined for x in g)]
        groups = [g for g in groups if g not in joined] + [merged]
    lines = []
    for group in groups:
        by_value: dict[str, list[str]] = {}
        for d in reversed(group):  # the order the finder reported them
            for side in (d.a, d.b):
                labels = by_value.setdefault(side.value, [])
                if (label := r.labels.get(side.article, "?")) not in labels:
                    labels.append(label)
        values = " vs ".join(
            f"<mark>{esc(v)}</mark> ({esc(', '.join(who))})" for v, who in by_value.items()
        )
        lines.append(f"<li><b>{esc(_head(group[0]))}:</b> {values}</li>")
    return f"<ul class='why'>{''.join(lines)}</ul>" if lines else ""


def _side_key(side: DiscrepancySide) -> Span:
    return (side.article, side.start, side.end)


def _card(r: ReportContext, fact: Fact, kind: str) -> str:
    n = r.number[fact.id]
    status = status_badge(r.status(fact))
    if fact.discrepancies and not status:
        status = "<span class='status disputed'>≠ Values differ</span>"
    coverage = f"reported by {fact.coverage} of {len(r.table.peers_of(fact))} sources"
    claim = f": <span class='claim'>{esc(fact.claim)}</span>" if fact.claim else ""
    return (
        f"<section class='card {kind}' id='fact-{n}'><h3>Fact {n}{claim}{status}"
        f"<span class='cov'>{coverage}</span></h3>{_explanations(r, fact)}"
        f"{_wordings(r, fact)}{fact_notes_html(r, fact)}</section>"
    )


def disputed_section(r: ReportContext) -> str:
    chosen = [f for f in r.table.facts if f.discrepancies or r.status(f) == Status.DISPUTED]
    cards = "".join(
        _card(r, f, "disputed" if r.status(f) == Status.DISPUTED else "differs") for f in chosen
    )
    return (
        "<h2 id='disputed'>Disputed and differing facts</h2>"
        "<p class='lead'>Facts a person marked disputed, and facts whose sources state "
        "different values (<mark>marked</mark>), with every source's wording.</p>"
        + (cards or "<p class='empty'>No fact is disputed and no values differ.</p>")
    )


def annotated_section(r: ReportContext, status: Status, heading: str, anchor: str) -> str:
    chosen = [
        f for f in r.table.facts if r.status(f) == status and not f.discrepancies
    ]  # facts with differing values are already shown above, with their status
    cards = "".join(_card(r, f, status.value) for f in chosen)
    empty = f"<p class='empty'>No other fact is marked {status.value}.</p>"
    return f"<h2 id='{anchor}'>{esc(heading)}</h2>" + (cards or empty)


# --- pair and sentence annotations -----------------------------------------------------


def _quote(r: ReportContext, target: Target) -> str:
    label = r.labels.get(target.article) or target.source or "Unknown source"
    return (
        f"<tr><td class='who'>{esc(label)}<span class='file'>{esc(file_name(target.path))}"
        f"</span></td><td>{esc(target.exact)}</td></tr>"
    )


def pairs_section(r: ReportContext) -> str:
    cards = []
    order = {Status.DISPUTED: 0, Status.UNVERIFIED: 1, Status.AGREED: 2}
    for a in sorted(r.others, key=lambda a: order[a.status]):
        what = "Sentence" if len(a.targets) == 1 else f"{len(a.targets)} sentences"
        if a.fact_id is not None:
            what += " (a fact no longer found)"
        details = []
        if a.discrepancy:
            details.append(f"Flagged difference: {esc(a.discrepancy)}")
        if a.similarity is not None:
            details.append(f"similarity {a.similarity:.0f}")
        extra = f"<p class='extra'>{' · '.join(details)}</p>" if details else ""
        quotes = "".join(_quote(r, t) for t in a.targets)
        cards.append(
            f"<section class='card {a.status.value}'><h3>{what}{status_badge(a.status)}</h3>"
            f"<table class='wordings'><tbody>{quotes}</tbody></table>{extra}{note_html(a)}"
            "</section>"
        )
    empty = "<p class='empty'>No sentence or sentence pair is annotated.</p>"
    return (
        "<h2 id='pairs'>Annotated sentences and pairs</h2>"
        "<p class='lead'>Annotations made while comparing two sources, disputed first.</p>"
        + ("".join(cards) or empty)
    )


# --- exclusive facts -------------------------------------------------------------------


def exclusive_section(r: ReportContext) -> str:
    parts = [
        "<h2 id='exclusive'>Reported by one source only</h2>"
        "<p class='lead'>What each outlet reports that no other loaded source does, in "
        "reading order.</p>"
    ]
    for article in r.table.articles:
        facts = [f for f in r.table.facts if f.exclusive and f.articles == (article.id,)]
        facts.sort(key=lambda f: f.mentions[0].sentences)
        label = r.labels[article.id]
        parts.append(
            f"<section class='exclusive-source'><h3>{esc(label)} "
            f"<span class='by'>({len(facts)} of {len(r.table.facts_of(article.id))} facts · "
            f"{esc(file_name(article.path))})</span></h3>"
        )
        if not facts:
            parts.append("<p class='empty'>Nothing that other sources leave out.</p>")
        else:
            items = []
            for f in facts:
                status = status_badge(r.status(f))
                anchor = "" if in_details(r, f) else f" id='fact-{r.number[f.id]}'"
                items.append(
                    f"<li{anchor}>"
                    f"{esc(r.wording(article.id, f.mentions[0].sentences))} {status}"
                    f"{fact_notes_html(r, f)}</li>"
                )
            parts.append(f"<ol class='exclusive'>{''.join(items)}</ol>")
        parts.append("</section>")
    return "".join(parts)


# --- timeline --------------------------------------------------------------------------

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_SECONDS = 86_400
MAX_DAY_TICKS = 10  # a longer span is labelled at its two ends only


def report_date(moment: Moment) -> str:
    """ "4 Jan 2026", or "4 Jan 2026, 22:00 −05:00" with the time and offset as written
    (the report is read anywhere: no time is moved to the reader's zone)."""
    written = datetime.fromisoformat(moment.iso)
    day = f"{written.day} {MONTHS[written.month - 1]} {written.year}"
    if moment.instant is None:
        return day
    offset = written.strftime("%z")
    zone = f" {offset[:3]}:{offset[3:]}".replace("-", "−") if offset else " UTC"
    return f"{day}, {written:%H:%M}{zone}"


def _span(moment: Moment) -> tuple[float, float]:
    """Where a mark lies on the axis, in seconds: a date alone covers its whole day."""
    start = moment.key[0]
    return (start, start + DAY_SECONDS) if moment.instant is None else (start, start)


def _days(moments: Sequence[Moment]) -> list[date]:
    """Every day from the first date to the last (UTC days, as `Moment.day`)."""
    first, last = min(m.day for m in moments), max(m.day for m in moments)
    return [first + timedelta(n) for n in range((last - first).days + 1)]


def _axis(days: Sequence[date]) -> tuple[float, float]:
    """The axis's start and length in seconds: whole days, so a day alone fits in it."""
    return datetime.combine(days[0], time(), UTC).timestamp(), len(days) * DAY_SECONDS


def _percent(at: float, axis: tuple[float, float]) -> str:
    return f"{100 * (at - axis[0]) / axis[1]:.2f}%"


def _day_label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _ticks(days: Sequence[date], axis: tuple[float, float]) -> str:
    """A label over each day; over the first and last only when there are many."""
    if len(days) > MAX_DAY_TICKS:
        return (
            f"<span class='tick start'>{esc(_day_label(days[0]))} {days[0].year}</span>"
            f"<span class='tick end'>{esc(_day_label(days[-1]))} {days[-1].year}</span>"
        )
    width = _percent(axis[0] + DAY_SECONDS, axis)
    return "".join(
        f"<span class='tick' style='left: {_percent(axis[0] + n * DAY_SECONDS, axis)}; "
        f"width: {width}'>{esc(_day_label(day))}</span>"
        for n, day in enumerate(days)
    )


def _dividers(days: Sequence[date], axis: tuple[float, float]) -> str:
    """Lines between days, when each day has its label."""
    if len(days) > MAX_DAY_TICKS:
        return ""
    return "".join(
        f"<span class='divider' style='left: {_percent(axis[0] + n * DAY_SECONDS, axis)}'></span>"
        for n in range(1, len(days))
    )


def _marks(r: ReportContext, articles: Sequence[Article], axis: tuple[float, float]) -> str:
    marks = []
    for article in articles:
        moment = r.timeline.moments[article.id]
        start, end = _span(moment)
        kind = "day" if moment.instant is None else "time"
        width = f" width: {_percent(axis[0] + end - start, axis)};" if end > start else ""
        tip = f"{r.labels[article.id]}: {report_date(moment)} ({moment.iso}) · {article.title}"
        marks.append(
            f"<span class='mark {kind}' style='left: {_percent(start, axis)};{width}' "
            f"title='{esc(tip)}'><span class='sr-only'>{esc(report_date(moment))}</span></span>"
        )
    return "".join(marks)


def _strip(r: ReportContext) -> str:
    """One row per outlet, a mark where each of its articles was published."""
    days = _days(list(r.timeline.moments.values()))
    axis = _axis(days)
    firsts = first_counts(r.timeline, r.labels, shared_only=True)
    by_outlet: dict[str, list[Article]] = {}
    for article in r.table.articles:
        by_outlet.setdefault(r.labels[article.id], []).append(article)
    rows = []
    for outlet, articles in by_outlet.items():
        dated = [a for a in articles if a.id in r.timeline.moments]
        track = (
            f"<td class='track'><div class='lane'>{_dividers(days, axis)}"
            f"{_marks(r, dated, axis)}</div></td>"
            if dated
            else "<td class='track none'>no date in the file</td>"
        )
        first = firsts.get(outlet, 0)
        rows.append(
            f"<tr><td class='who'>{esc(outlet)}</td>{track}<td class='num'>{first}</td></tr>"
        )
    return (
        "<table class='timeline'><thead><tr><th scope='col'>Source</th>"
        f"<th class='axis' scope='col'><div class='lane'>{_ticks(days, axis)}</div></th>"
        "<th class='num' scope='col'>First to report</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _first_reports(r: ReportContext) -> str:
    """The shared facts in the order they were first reported, one group per first
    report (the same outlets at the same time)."""
    groups: list[tuple[FirstReport, list[str]]] = []
    for report in r.timeline.ordered:
        if report.fact.exclusive:
            continue  # first by default: "Reported by one source only" lists them
        fact, n = report.fact, r.number[report.fact.id]
        number = f"<a href='#fact-{n}'>{n}</a>" if in_details(r, fact) else str(n)
        item = f"<li>{esc(r.claim(fact))} <span class='by'>(fact {number})</span></li>"
        if groups and _same_first(groups[-1][0], report):
            groups[-1][1].append(item)
        else:
            groups.append((report, [item]))
    blocks = []
    for report, items in groups:
        noun = "fact" if len(items) == 1 else "facts"
        blocks.append(
            f"<li><p class='first'>{_first_words(r, report)} "
            f"<span class='by'>· first with {len(items)} {noun}</span></p>"
            f"<ul>{''.join(items)}</ul></li>"
        )
    undated = sum(1 for rep in r.timeline.reports if not rep.dated and not rep.fact.exclusive)
    note = (
        f"<p class='extra'>{undated} more shared facts are reported only by sources "
        "without a date.</p>"
        if undated
        else ""
    )
    listed = f"<ol class='first-reports'>{''.join(blocks)}</ol>" if blocks else ""
    return listed + note


def _same_first(a: FirstReport, b: FirstReport) -> bool:
    return a.first == b.first and a.moments == b.moments


def _first_words(r: ReportContext, report: FirstReport) -> str:
    """ "3 Jan 2026, 18:00 −05:00 · <b>Outlet</b>"; each outlet with its own date when
    tied outlets give different ones (a day alone and a time on it)."""
    dates = {m.iso for m in report.moments}
    pairs = zip(report.first, report.moments, strict=True)
    if len(dates) == 1:
        who = ", ".join(f"<b>{esc(r.labels[a])}</b>" for a in report.first)
        return f"<span class='when'>{esc(report_date(report.moments[0]))}</span> · {who}"
    return ", ".join(
        f"<b>{esc(r.labels[a])}</b> <span class='when'>({esc(report_date(m))})</span>"
        for a, m in pairs
    )


def timeline_section(r: ReportContext) -> str:
    """When each outlet published and who reported each shared fact first; nothing when
    fewer than two articles carry a date."""
    if len(r.timeline.moments) < 2:
        return ""
    undated = [r.labels[a] for a in r.timeline.undated]
    without = f" No date was found for: {esc(', '.join(undated))}." if undated else ""
    return (
        "<h2 id='timeline'>Timeline</h2>"
        "<p class='lead'>When each source was published, from the dates in the articles, "
        "and how many facts shared with other sources it reported first. A date without a "
        f"time covers its whole day and ties with any time on it.{without}</p>"
        f"{_strip(r)}<h3>Facts in the order they were first reported</h3>{_first_reports(r)}"
    )
