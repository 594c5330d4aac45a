"""The report's timeline: when each outlet published and who reported each fact first.

If these broke, a reader of the report would see the wrong outlet credited with a fact,
facts out of the order they were reported, an outlet's name or headline run as HTML, a
timeline drawn from a single date (or none), or one that only works with scripts.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.find import find_facts
from corroborate.core.facts.timeline import timeline
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import FactTable
from corroborate.core.report.html import render_report
from tests.conftest import SEEDS
from tests.core.report.test_report import section

WHEN = datetime(2026, 1, 6, 9, 0, tzinfo=UTC)
DATES = {  # seeds given a publication date; the other two stay undated
    "crbc-news.txt": "2026-01-04",
    "state-visit-economic-security-talks.txt": "2026-01-03T18:00:00-05:00",
    "reset-strained-relations.txt": "2026-01-05T08:15:00+09:00",
}


@pytest.fixture(scope="module")
def seeds() -> FactTable:
    return find_facts(Corpus(load_paths([SEEDS]).articles))


def dated(table: FactTable, dates: dict[str, str], **renamed: str) -> FactTable:
    """The same facts over articles given these dates (and sources renamed by file)."""
    articles = tuple(
        replace(
            a,
            published=dates.get(Path(a.path).name),
            source=renamed.get(Path(a.path).stem.replace("-", "_"), a.source),
        )
        for a in table.articles
    )
    return FactTable(articles, table.facts, table.threshold, table.skipped)


def label(table: FactTable, file_name: str) -> str:
    return next(a.source for a in table.articles if Path(a.path).name == file_name)


def test_a_timeline_row_per_outlet_and_the_facts_in_order_of_first_report(seeds):
    table = dated(seeds, DATES)
    document = render_report(table, [], generated=WHEN)
    part = section(document, "timeline")
    rows = re.findall(r"<tr><td class='who'>(.*?)</td>(.*?)</tr>", part, flags=re.S)
    assert [html.unescape(who) for who, _ in rows] == [a.source for a in table.articles]
    marks = {html.unescape(who): cells.count("class='mark ") for who, cells in rows}
    assert sum(marks.values()) == len(DATES)  # one mark per dated article, none for others
    assert "no date in the file" in part
    # A date alone is drawn over its whole day, a time as a dot.
    assert part.count("class='mark day'") == 1 and part.count("class='mark time'") == 2

    # Each outlet's count of shared facts it reported first, as the core computes it.
    line = timeline(table)
    first_by = {}
    for report in line.reports:
        if not report.fact.exclusive:
            for article in report.first:
                source = next(a.source for a in table.articles if a.id == article)
                first_by[source] = first_by.get(source, 0) + 1
    counts = {
        html.unescape(who): int(re.findall(r"<td class='num'>(\d+)</td>", cells)[-1])
        for who, cells in rows
    }
    assert counts == {a.source: first_by.get(a.source, 0) for a in table.articles}
    assert counts[label(table, "state-visit-economic-security-talks.txt")] > 0

    # The list: shared dated facts, earliest first, grouped by who reported them first.
    groups = re.findall(
        r"<p class='first'><span class='when'>(.*?)</span> · (.*?) <span class='by'>"
        r"· first with (\d+) facts?</span></p><ul>(.*?)</ul>",
        part,
    )
    shared = [r for r in line.ordered if not r.fact.exclusive]
    counted = re.findall(r"· first with (\d+) facts?</span>", part)
    assert sum(int(n) for n in counted) == len(shared) > 0
    assert part.count("<span class='by'>(fact ") == len(shared)
    when, who, _, claims = groups[0]
    assert when == "3 Jan 2026, 18:00 −05:00"  # as the New York article wrote it
    assert html.unescape(re.sub("<[^>]+>", "", who)) == label(
        table, "state-visit-economic-security-talks.txt"
    )
    listed = [html.unescape(c) for c in re.findall(r"<li>(.*?) <span class='by'>", claims)]
    assert listed[0] == (shared[0].fact.claim or listed[0])


def test_no_timeline_without_two_dates(seeds):
    none = render_report(dated(seeds, {}), [], generated=WHEN)
    one = render_report(dated(seeds, {"crbc-news.txt": "2026-01-04"}), [], generated=WHEN)
    assert "id='timeline'" not in none and "id='timeline'" not in one


def test_names_and_titles_in_the_timeline_are_escaped(seeds):
    table = dated(seeds, DATES, crbc_news="<script>alert(1)</script> & Co")
    document = render_report(table, [], generated=WHEN)
    part = section(document, "timeline")
    assert "<script>" not in document and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in part
    assert "<script" not in part.lower() and "src=" not in part and "http" not in part


def test_times_are_shown_as_written_with_their_offset(seeds):
    part = section(render_report(dated(seeds, DATES), [], generated=WHEN), "timeline")
    tips = [html.unescape(t) for t in re.findall(r"class='mark time'[^>]*title='([^']*)'", part)]
    assert any("3 Jan 2026, 18:00 −05:00 (2026-01-03T18:00:00-05:00)" in tip for tip in tips)
    assert any("5 Jan 2026, 08:15 +09:00" in tip for tip in tips)


def test_the_timeline_keeps_to_the_print_rules(seeds):
    document = render_report(dated(seeds, DATES), [], generated=WHEN)
    style = document.split("<style>", 1)[1].split("</style>", 1)[0]
    printing = style.split("@media print", 1)[1]
    assert "table.timeline" in printing and "ol.first-reports" in printing
    assert "print-color-adjust: exact" in printing  # the marks are backgrounds
