"""The Facts tab's timeline: each source on one time axis, its first reports counted, the
selected fact's sources highlighted and its first reporter marked.

If these broke, a fact-checker would see the wrong outlet marked as first for a fact, a
source without a date silently missing (or drawn at a made-up time), an empty chart
where there are no dates, tick labels printed over one another, or an outlet's name
shown as markup in a tooltip.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from corroborate.core.facts.timeline import (
    DAY_SECONDS,
    FirstReport,
    axis_span,
    axis_ticks,
    mark_span,
    moment_of,
)
from corroborate.ui.common.actions import ActionId
from corroborate.ui.common.theme import dark_palette, is_dark
from corroborate.ui.facts import timeline_panel
from corroborate.ui.facts.facts_model import FactsModel
from corroborate.ui.facts.facts_tab import FactsTab
from corroborate.ui.facts.timeline_panel import NO_DATES_NOTE, TimelinePanel
from corroborate.ui.facts.timeline_strip import MAX_ROWS, SourceRow, TimelineStrip
from corroborate.ui.menus import MENUS
from tests.ui.test_facts_tab import load_and_find_facts, open_facts
from tests.ui.test_facts_timeline import dated_seeds
from tests.ui.test_stories_panel import facts_and_stories_ready, write_mixed_folder

DATES = {  # four of the five seeds dated; economic-ties stays without a date
    "crbc-news.txt": "2026-01-04",
    "state-visit-economic-security-talks.txt": "2026-01-03T18:00:00-05:00",
    "reset-strained-relations.txt": "2026-01-05T08:15:00+09:00",
    "ssbcrackexams.txt": "2026-01-04T11:40:00+05:30",
}
UNDATED = "economic-ties-regional-tensions.txt"
START = datetime(2026, 1, 3, tzinfo=UTC).timestamp()


def label_width(text: str) -> float:
    return 7.0 * len(text)  # about a 12 px sans font


@pytest.fixture
def dated_tab(qtbot, bench, seeds_dir, tmp_path) -> FactsTab:
    load_and_find_facts(qtbot, bench, [dated_seeds(seeds_dir, tmp_path / "dated", DATES)])
    return open_facts(bench)


def article_id(tab: FactsTab, file_name: str) -> str:
    return next(a.id for a in tab.table.articles if Path(a.path).name == file_name)


def row_of(strip: TimelineStrip, article: str) -> int:
    return next(n for n, r in enumerate(strip.rows) if r.article_id == article)


def shown_tooltip(strip: TimelineStrip, n: int) -> str:
    """The tooltip Qt shows when hovering row `n`, as the user reads it."""
    point = strip.row_rect(n).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, strip.mapToGlobal(point))
    QApplication.sendEvent(strip, event)
    return QToolTip.text()


# --- the axis (pure) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "width", "unit_labels"),
    [
        (1, 900, ("06:00", "12:00")),  # one day: hours
        (2, 1100, ("06:00",)),  # the seeds' two days in a wide window
        (2, 300, ("4 Jan",)),  # the same days in a narrow one: days only
        (5, 700, ("4 Jan", "5 Jan")),  # days
        (45, 600, ("12 Jan", "19 Jan")),  # weeks (from Mondays)
        (120, 300, ("Mar", "Apr")),  # months
        (400, 700, ("Jul", "Oct")),  # quarters
        (3650, 600, ("2030",)),  # years
    ],
)
def test_tick_labels_never_overlap_and_follow_the_span(days, width, unit_labels):
    ticks = axis_ticks(START, START + days * DAY_SECONDS, width, label_width, gap=12)
    labelled = [t for t in ticks if t.label]
    assert len(labelled) >= 2
    for a, b in pairwise(labelled):
        assert a.left + a.width + 12 <= b.left, (a, b)
    assert all(t.left >= 0 and t.left + t.width <= width for t in labelled)
    assert all(0 <= t.x <= width for t in ticks)
    shown = {t.label for t in labelled}
    assert set(unit_labels) <= shown, shown


def test_a_tiny_axis_has_no_ticks_rather_than_cut_ones():
    assert axis_ticks(START, START + DAY_SECONDS, 20, label_width) == []


def test_a_date_alone_covers_its_whole_day_and_the_axis_whole_days():
    day, evening = moment_of("2026-01-04"), moment_of("2026-01-03T18:00:00-05:00")
    start, end = mark_span(day)
    assert end - start == DAY_SECONDS
    assert mark_span(evening)[0] == mark_span(evening)[1]  # a time is a point
    assert axis_span([day, evening]) == (START, START + 2 * DAY_SECONDS)


# --- the strip in the Facts tab ------------------------------------------------------------


def test_the_first_reporter_is_marked_for_the_selected_fact(dated_tab):
    tab, strip = dated_tab, dated_tab.timeline.strip
    assert strip.isVisible()
    crbc = article_id(tab, "crbc-news.txt")
    # A fact CRBC reported first (a date alone, 4 Jan) that the state visit (3 Jan) leaves out
    fact = next(
        f for f in tab.table.facts if not f.exclusive and crbc in tab.model.first_report(f).first
    )
    tab.select_fact(fact.id)
    report = tab.model.first_report(fact)
    assert strip.first_reporters == report.first and crbc in strip.first_reporters
    assert strip.highlighted == frozenset(fact.articles)
    assert "Selected fact: reported it first" in strip.tooltip_text(row_of(strip, crbc))
    assert tab.model.label(crbc) in tab.timeline.caption.text()
    later = [a for a, _moment in report.later]
    if later:
        assert "reported it later" in strip.tooltip_text(row_of(strip, later[0]))
    absent = [r.article_id for r in strip.rows if r.article_id not in fact.articles]
    for other in absent:
        assert "does not report it" in strip.tooltip_text(row_of(strip, other))


def test_counts_of_first_reports_match_the_report(dated_tab):
    """The same counts as the HTML report's "First to report" column on these dates."""
    tab, strip = dated_tab, dated_tab.timeline.strip
    counts = {Path(tab.model.article(r.article_id).path).name: r.firsts for r in strip.rows}
    assert counts[UNDATED] == 0
    shared = [f for f in tab.table.facts if not f.exclusive]
    for name, count in counts.items():
        article = article_id(tab, name)
        firsts = [f for f in shared if article in tab.model.first_report(f).first]
        assert count == len(firsts), name


def test_sources_without_a_date_are_listed_as_such(dated_tab):
    tab, strip = dated_tab, dated_tab.timeline.strip
    # Every source, the dated ones first in the table's order, the one without a date last.
    undated_id = article_id(tab, UNDATED)
    dated_ids = [a.id for a in tab.table.articles if a.id != undated_id]
    assert [r.article_id for r in strip.rows] == [*dated_ids, undated_id]
    undated = row_of(strip, undated_id)
    assert strip.rows[undated].moment is None
    assert "No publication date in the file" in strip.tooltip_text(undated)
    crbc = row_of(strip, article_id(tab, "crbc-news.txt"))
    assert "4 Jan 2026 (no time given: the whole day)" in strip.tooltip_text(crbc)
    dated = row_of(strip, article_id(tab, "state-visit-economic-security-talks.txt"))
    assert "3 Jan 2026, 18:00 −05:00" in strip.tooltip_text(dated)  # as written


def test_the_strip_hides_when_no_article_has_a_date(qtbot, bench, seeds_dir):
    load_and_find_facts(qtbot, bench, [seeds_dir])
    tab = open_facts(bench)
    assert not tab.timeline.strip.isVisible()
    assert tab.timeline.note.isVisible() and tab.timeline.note.text() == NO_DATES_NOTE
    tab.timeline_toggle.setChecked(False)
    assert not tab.timeline.isVisible()  # turned off: not even the note


def test_clicking_a_source_walks_through_the_facts_it_reported_first(qtbot, dated_tab):
    tab, strip = dated_tab, dated_tab.timeline.strip
    ssb = article_id(tab, "ssbcrackexams.txt")
    seen = []
    for _ in range(3):
        qtbot.mouseClick(
            strip, Qt.MouseButton.LeftButton, pos=strip.row_rect(row_of(strip, ssb)).center()
        )
        fact = tab.current_fact()
        assert fact is not None and ssb in tab.model.first_report(fact).first
        assert tab.view.currentIndex().column() == tab.model.column_of(ssb)  # its cell
        seen.append(fact.id)
    assert len(set(seen)) == 3  # the next one each time
    undated = article_id(tab, UNDATED)  # first to report none: the facts it reports
    qtbot.mouseClick(
        strip, Qt.MouseButton.LeftButton, pos=strip.row_rect(row_of(strip, undated)).center()
    )
    assert undated in tab.current_fact().articles
    assert tab.view.currentIndex().column() == tab.model.column_of(undated)


def test_tooltips_show_markup_in_a_name_literally(qtbot, bench, dated_tab):
    tab, strip = dated_tab, dated_tab.timeline.strip
    crbc = article_id(tab, "crbc-news.txt")
    bench.sources.set_label(crbc, "<b>x</b>")
    n = row_of(strip, crbc)
    assert strip.rows[n].name == "<b>x</b>"
    tip = shown_tooltip(strip, n)
    assert "&lt;b&gt;x&lt;/b&gt;" in tip and "<b>x" not in tip
    assert html.unescape(tip).count("<b>x</b>") == 1


def test_the_toggle_is_remembered_and_under_view(qtbot, dated_tab):
    view = dict(MENUS)["&View"]
    assert ActionId.SHOW_TIMELINE in view
    assert view.index(ActionId.SHOW_TIMELINE) == view.index(ActionId.SHOW_FACTS) + 1

    class Preference:
        facts_timeline_shown = True

    preference, toggle = Preference(), QAction("Facts Timeline", checkable=True)
    tab = FactsTab(timeline_toggle=toggle, preference=preference)
    qtbot.addWidget(tab)
    tab.set_table(dated_tab.table, {a.id: a.source for a in dated_tab.table.articles})
    tab.show()
    assert toggle.isChecked() and tab.timeline.isVisible()
    toggle.setChecked(False)  # View → Facts Timeline
    assert not tab.timeline.isVisible() and not tab.timeline_button.isChecked()
    assert preference.facts_timeline_shown is False
    again = FactsTab(timeline_toggle=QAction(checkable=True), preference=preference)
    qtbot.addWidget(again)
    again.set_table(dated_tab.table, {})
    again.show()
    assert not again.timeline.isVisible() and not again.timeline_button.isChecked()
    again.timeline_button.click()  # the button beside the counts does the same
    assert again.timeline.isVisible() and preference.facts_timeline_shown is True


def test_thirty_sources_scroll_and_the_first_reporter_stays_in_view(qtbot, dated_tab):
    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.resize(900, 10)
    moments = [moment_of(f"2026-01-{1 + n % 20:02d}T{n % 24:02d}:00:00Z") for n in range(35)]
    strip.set_rows([SourceRow(f"a{n}", f"Outlet {n}", m, n) for n, m in enumerate(moments)])
    strip.show()
    assert strip.height() < strip.row_rect(MAX_ROWS + 1).top()  # no taller than 8 rows
    assert strip.scroll.isVisible()
    fact = dated_tab.table.facts[0]
    strip.set_fact(FirstReport(fact, ("a30",), (moments[30],), (), ()))
    assert strip.row_at(strip.row_rect(30).center()) == 30  # scrolled to it


def test_the_strip_follows_the_dark_palette(qtbot, dated_tab):
    app = QApplication.instance()
    light = app.palette()
    try:
        app.setPalette(dark_palette())
        app.processEvents()  # the palette reaches the widgets through events
        image = dated_tab.timeline.strip.grab().toImage()
        assert is_dark(app.palette())
        assert image.pixelColor(2, 2).lightness() < 100  # not a white box in dark mode
        text = dated_tab.timeline.strip.palette().color(QPalette.ColorRole.Text)
        assert text.lightness() > 180
    finally:
        app.setPalette(light)
        app.processEvents()


def test_the_strip_shows_only_the_picked_storys_sources(qtbot, window, tmp_path):
    facts_and_stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    tab = window.corroboration.open_tab()
    stories = window.stories
    assert len(tab.timeline.strip.rows) == 6
    final = next(s for s in stories.table.stories if "Goal Times" in stories.model.outlets(s))
    with qtbot.waitSignal(window.workspace.facts_ready, timeout=30_000):
        stories.pick(final)
    strip = tab.timeline.strip
    assert {r.article_id for r in strip.rows} == set(final.articles)
    assert {r.name for r in strip.rows} == {"Goal Times", "Pitch Post", "Kick News"}
    assert [t.label for t in strip.ticks() if t.label][:1] == ["1 Jun"]
    assert tab.model.columnCount() == FactsModel.FIRST_SOURCE + 3


def test_a_large_table_is_counted_on_a_worker(qtbot, dated_tab, monkeypatch):
    """If this broke, a folder of thousands of facts would freeze the window while the strip
    counts first reports, or show counts that differ from a small table's."""
    expected = [r.firsts for r in dated_tab.timeline.strip.rows]
    monkeypatch.setattr(timeline_panel, "INLINE_MENTIONS", 0)
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.set_table(dated_tab.table, {})
    assert [r.firsts for r in panel.strip.rows] == [None] * len(expected)  # "…" meanwhile
    assert panel.strip.rows[0].moment is not None  # the dates at once
    qtbot.waitUntil(lambda: panel.line is not None, timeout=10_000)
    assert [r.firsts for r in panel.strip.rows] == expected


def test_the_keyboard_reaches_each_source_and_does_what_a_click_does(qtbot, dated_tab):
    """If this broke, someone without a mouse could read the picture but not use it:
    Up/Down would not move between sources, or Enter would not go to their facts."""
    tab, strip = dated_tab, dated_tab.timeline.strip
    ssb = article_id(tab, "ssbcrackexams.txt")
    assert strip.focusPolicy() == Qt.FocusPolicy.StrongFocus
    strip.setFocus()
    for _ in range(row_of(strip, ssb) + 1):
        qtbot.keyClick(strip, Qt.Key.Key_Down)
    assert "SSBCrackExams" in strip.accessibleDescription()
    qtbot.keyClick(strip, Qt.Key.Key_Return)
    fact = tab.current_fact()
    assert fact is not None and ssb in tab.model.first_report(fact).first
    qtbot.keyClick(strip, Qt.Key.Key_Up)
    assert "SSBCrackExams" not in strip.accessibleDescription()
