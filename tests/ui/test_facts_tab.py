"""The Facts tab as a user meets it: every fact of the seeds against the five sources,
sorted and filtered, cells that open their article or a comparison, and facts annotated
with the comparison keys, listed and exported."""

import csv
import html
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from corroborate.core.annotations.export import CSV_COLUMNS
from corroborate.core.model import Status
from corroborate.ui.common.actions import ActionId
from corroborate.ui.common.wrapping_header import MARGIN, MAX_LINES, _at_most
from corroborate.ui.compare.compare_tab import CompareTab
from corroborate.ui.facts.facts_model import (
    DIFFERING,
    EXCLUSIVE,
    FACT_ROLE,
    SHARED,
    FactsModel,
)
from corroborate.ui.facts.facts_tab import FactsTab
from corroborate.ui.reading.article_tab import ArticleTab
from corroborate.ui.transfer.export_dialog import ExportChoice
from tests.ui.conftest import wait_loaded

CRBC = "crbc-news.txt"
STATE_VISIT = "state-visit-economic-security-talks.txt"


def load_and_find_facts(qtbot, shell, paths) -> None:
    shell.resize(1400, 900)
    with qtbot.waitSignal(shell.corroboration.table_ready, timeout=30_000):
        wait_loaded(qtbot, shell, lambda: shell.add_paths([str(p) for p in paths]))


@pytest.fixture
def seeded(qtbot, bench, seeds_dir):
    load_and_find_facts(qtbot, bench, [seeds_dir])
    return bench


def articles(shell) -> dict:
    return {Path(a.path).name: a for a in shell.sources.articles}


def open_facts(shell) -> FactsTab:
    shell.actions_[ActionId.SHOW_FACTS].trigger()
    tab = shell.tabs.currentWidget()
    assert isinstance(tab, FactsTab)
    return tab


def visit_length_fact(tab: FactsTab):
    """The fact holding the four-day / three-day visit, reported by every source."""
    facts = [
        f
        for f in tab.table.facts
        if {frozenset((d.a.value, d.b.value)) for d in f.discrepancies}
        == {frozenset(("four-day", "three-day"))}
    ]
    return max(facts, key=lambda f: f.coverage)


def select_cells(tab: FactsTab, fact, *article_ids) -> None:
    row = tab.model.row_of_fact(fact.id)
    selection = tab.view.selectionModel()
    for n, article_id in enumerate(article_ids):
        index = tab.proxy.mapFromSource(tab.model.index(row, tab.model.column_of(article_id)))
        flag = QItemSelectionModel.SelectionFlag
        selection.setCurrentIndex(index, flag.ClearAndSelect if n == 0 else flag.Select)


def shown_facts(tab: FactsTab):
    return [tab.proxy.index(r, 0).data(FACT_ROLE) for r in range(tab.proxy.rowCount())]


def type_text(widget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


# --- reading the table ----------------------------------------------------------------------


def test_facts_model_passes_the_model_tester(qtmodeltester, seeded):
    """A broken model would crash or garble the table while sorting or filtering."""
    tab = open_facts(seeded)
    qtmodeltester.check(tab.model)
    tab.set_filter(SHARED)
    qtmodeltester.check(tab.proxy)


def test_visit_length_row_shows_each_source_wording_and_is_marked_differing(seeded):
    tab = open_facts(seeded)
    fact = visit_length_fact(tab)
    row = tab.model.row_of_fact(fact.id)
    by_name = articles(seeded)
    for name, article in by_name.items():
        cell = tab.model.index(row, tab.model.column_of(article.id))
        text = cell.data(Qt.ItemDataRole.DisplayRole)
        if article.id in fact.articles:
            first = article.sentences[fact.sentences_of(article.id)[0]].text
            assert text and first in text, name  # the source's own wording
        else:
            assert text is None, name  # an empty cell: the source leaves it out
    crbc = tab.model.index(row, tab.model.column_of(by_name[CRBC].id))
    visit = tab.model.index(row, tab.model.column_of(by_name[STATE_VISIT].id))
    assert "four-day" in crbc.data(Qt.ItemDataRole.DisplayRole)
    assert "three-day" in visit.data(Qt.ItemDataRole.DisplayRole)
    marker = tab.model.index(row, FactsModel.MARKER)
    text = marker.data(Qt.ItemDataRole.DisplayRole)
    assert text.startswith("differs:") and "four-day" in text and "three-day" in text
    assert not marker.data(Qt.ItemDataRole.DecorationRole).isNull()  # icon and words
    assert "Duration differs" in marker.data(Qt.ItemDataRole.ToolTipRole)
    coverage = tab.model.index(row, FactsModel.COVERAGE).data(Qt.ItemDataRole.DisplayRole)
    assert coverage == f"{fact.coverage} of 5"


def test_sorting_by_coverage_puts_the_widest_facts_first(qtbot, seeded):
    tab = open_facts(seeded)
    tab.view.sortByColumn(FactsModel.COVERAGE, Qt.SortOrder.AscendingOrder)
    assert shown_facts(tab)[0].coverage == 1
    tab.view.sortByColumn(FactsModel.COVERAGE, Qt.SortOrder.DescendingOrder)
    coverages = [f.coverage for f in shown_facts(tab)]
    assert coverages == sorted(coverages, reverse=True)
    assert coverages[0] == 5 and coverages[-1] == 1


def test_filters_show_only_exclusive_shared_or_differing_facts(qtbot, seeded):
    tab = open_facts(seeded)
    total = tab.proxy.rowCount()
    qtbot.mouseClick(tab.filter_buttons[EXCLUSIVE], Qt.MouseButton.LeftButton)
    exclusive = shown_facts(tab)
    assert exclusive and all(f.coverage == 1 for f in exclusive)
    assert len(exclusive) == len(tab.table.exclusive)
    assert tab.filter_buttons[EXCLUSIVE].text() == f"Only one source ({len(exclusive)})"
    marker = tab.proxy.index(0, FactsModel.MARKER).data(Qt.ItemDataRole.DisplayRole)
    assert marker.startswith("only in ")
    qtbot.mouseClick(tab.filter_buttons[SHARED], Qt.MouseButton.LeftButton)
    assert all(f.coverage >= 2 for f in shown_facts(tab))
    assert tab.proxy.rowCount() + len(exclusive) == total
    qtbot.mouseClick(tab.filter_buttons[DIFFERING], Qt.MouseButton.LeftButton)
    assert shown_facts(tab) and all(f.discrepancies for f in shown_facts(tab))


# --- opening from a cell --------------------------------------------------------------------


def test_enter_on_a_cell_opens_the_article_at_that_sentence(qtbot, seeded):
    tab = open_facts(seeded)
    fact = visit_length_fact(tab)
    crbc = articles(seeded)[CRBC]
    select_cells(tab, fact, crbc.id)
    QTest.keyClick(tab.view, Qt.Key.Key_Return)
    current = seeded.tabs.currentWidget()
    assert isinstance(current, ArticleTab) and current.article.id == crbc.id
    assert current.reader.selected_sentence == fact.sentences_of(crbc.id)[0]


def test_two_cells_of_a_row_open_their_comparison_at_that_pair(qtbot, seeded):
    tab = open_facts(seeded)
    fact = visit_length_fact(tab)
    crbc, visit = articles(seeded)[CRBC], articles(seeded)[STATE_VISIT]
    select_cells(tab, fact, crbc.id, visit.id)
    assert tab.selected_pair() is not None
    QTest.keyClick(tab.view, Qt.Key.Key_Return)
    compare = seeded.tabs.currentWidget()
    assert isinstance(compare, CompareTab)
    first, second = sorted((crbc, visit), key=lambda a: tab.model.column_of(a.id))
    assert (compare.a.id, compare.b.id) == (first.id, second.id)
    qtbot.waitUntil(lambda: compare.current_source_row() >= 0, timeout=10_000)
    row = compare.model.row(compare.current_source_row())
    assert fact.sentences_of(first.id)[0] in row.a


def test_columns_follow_renamed_sources_and_added_articles(qtbot, window, seeds_dir):
    names = sorted(p for p in seeds_dir.iterdir() if p.suffix == ".txt")
    load_and_find_facts(qtbot, window, names[:4])
    tab = open_facts(window)
    assert tab.model.columnCount() == FactsModel.FIRST_SOURCE + 4
    load_and_find_facts(qtbot, window, names[4:])
    assert tab.model.columnCount() == FactsModel.FIRST_SOURCE + 5
    article = articles(window)[CRBC]
    window.sources.set_label(article.id, "Beijing Desk")
    column = tab.model.column_of(article.id)
    assert tab.model.headerData(column, Qt.Orientation.Horizontal) == "Beijing Desk"
    # A long name wraps at word boundaries in a narrow column, never cut mid-word
    # ("Economic Ties Regional Te…").
    name = "Economic Ties Regional Tensions"
    window.sources.set_label(article.id, name)
    header = tab.view.horizontalHeader()
    header.resizeSection(column, 120)
    lines = _at_most(name, 120 - 2 * MARGIN, MAX_LINES, header.fontMetrics()).split("\n")
    assert len(lines) >= 2 and " ".join(lines) == name  # whole, on several lines
    assert header.sizeHint().height() >= len(lines) * header.fontMetrics().lineSpacing()
    tip = tab.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Economic Ties Regional Tensions" in tip


# --- annotating a fact ------------------------------------------------------------------------


def test_fact_marked_disputed_with_a_note_is_listed_and_exported(qtbot, seeded, tmp_path):
    tab = open_facts(seeded)
    fact = visit_length_fact(tab)
    select_cells(tab, fact, articles(seeded)[CRBC].id)
    tab.view.setFocus()
    QTest.keyClick(tab.view, Qt.Key.Key_D)
    QTest.keyClick(tab.view, Qt.Key.Key_N)
    note = seeded.annotator.panel.note
    assert QApplication.focusWidget() is note
    type_text(note, "Three or four days?")
    QTest.keyClick(note, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is tab.view

    row = tab.model.row_of_fact(fact.id)
    status = tab.model.index(row, FactsModel.STATUS).data(Qt.ItemDataRole.DisplayRole)
    assert status == "Disputed ✎"
    listed = [p.annotation for p in seeded.annotator.session.listed()]
    assert len(listed) == 1
    annotation = listed[0]
    assert (annotation.status, annotation.note, annotation.fact_id) == (
        Status.DISPUTED,
        "Three or four days?",
        fact.id,
    )
    assert len(annotation.targets) == sum(len(m.sentences) for m in fact.mentions)
    assert seeded.annotator.list_panel.model.rowCount() == 1

    out = tmp_path / "facts.csv"
    assert seeded.annotation_files.export(ExportChoice(str(out), "csv")) == 1
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["status"] for r in rows} == {"disputed"}
    assert {r["note"] for r in rows} == {"Three or four days?"}
    assert all("Duration differs" in r["discrepancy"] for r in rows)
    assert tuple(rows[0]) == CSV_COLUMNS

    # The Annotations list leads back to the fact.
    seeded.show_article(articles(seeded)[CRBC].id)
    seeded.annotator.jump_to(annotation.id)
    assert seeded.tabs.currentWidget() is tab and tab.current_fact() == fact

    seeded.actions_[ActionId.UNDO].trigger()  # the note
    seeded.actions_[ActionId.UNDO].trigger()  # the mark
    assert tab.model.index(row, FactsModel.STATUS).data(Qt.ItemDataRole.DisplayRole) is None


def test_cancel_in_the_status_bar_stops_finding_facts(qtbot, seeded):
    corroboration = seeded.corroboration
    shown = corroboration.table
    with qtbot.assertNotEmitted(corroboration.table_ready, wait=500):
        corroboration.compute(seeded.comparisons.corpus)
        assert corroboration.is_computing
        qtbot.mouseClick(corroboration.progress.cancel_button, Qt.MouseButton.LeftButton)
        assert not corroboration.is_computing
    assert corroboration.table is shown  # the facts already shown stay
    assert seeded.statusBar().currentMessage() == "Finding facts cancelled"


def test_the_first_column_says_what_each_fact_is_as_plain_text(qtbot, seeded):
    tab = open_facts(seeded)
    assert FactsModel.CLAIM == 0
    header = tab.model.headerData(FactsModel.CLAIM, Qt.Orientation.Horizontal)
    assert header == "Fact"
    claims = [
        tab.proxy.index(r, FactsModel.CLAIM).data(Qt.ItemDataRole.DisplayRole)
        for r in range(tab.proxy.rowCount())
    ]
    assert all(claims) and len(set(claims)) == len(claims)  # no two rows read the same
    fact = visit_length_fact(tab)
    cell = tab.model.index(tab.model.row_of_fact(fact.id), FactsModel.CLAIM)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == fact.claim
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "four-day" in fact.claim or "three-day" in fact.claim
    assert html.escape(fact.claim, quote=False) in tip  # the full text
    # Elided in the view, not cut in the model: the column is narrower than long claims.
    assert tab.view.columnWidth(FactsModel.CLAIM) < tab.view.fontMetrics().horizontalAdvance(
        max(claims, key=len)
    )
    assert tab.view.textElideMode() != Qt.TextElideMode.ElideNone


def test_a_claim_that_looks_like_markup_is_shown_as_written(qtbot, bench, tmp_path):
    texts = {
        "a.txt": "Officials said the <b>summit</b> & talks on trade would start on Monday.",
        "b.txt": "Officials said the <b>summit</b> & talks on trade start on Monday in Beijing.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    load_and_find_facts(qtbot, bench, [tmp_path])
    tab = open_facts(bench)
    shared = next(f for f in tab.table.facts if f.coverage == 2)
    cell = tab.model.index(tab.model.row_of_fact(shared.id), FactsModel.CLAIM)
    assert "<b>summit</b> &" in cell.data(Qt.ItemDataRole.DisplayRole)
    assert "&lt;b&gt;summit&lt;/b&gt; &amp;" in cell.data(Qt.ItemDataRole.ToolTipRole)
