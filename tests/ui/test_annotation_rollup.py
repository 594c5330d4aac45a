"""Pair and fact annotations seen from both sides: a pair disputed in a comparison shows in
the fact's Status in the Facts tab, and a fact marked there shows on its comparison rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from corroborate.core.model import Status
from corroborate.ui.common.actions import ActionId
from corroborate.ui.compare.compare_model import ComparisonModel
from corroborate.ui.facts.facts_model import FactsModel
from tests.ui.test_annotations_ui import compare, go_to
from tests.ui.test_facts_tab import (
    CRBC,
    articles,
    load_and_find_facts,
    open_facts,
    select_cells,
    visit_length_fact,
)


@pytest.fixture
def seeded(qtbot, bench, seeds_dir):
    """The parts over the seeds, their facts found."""
    load_and_find_facts(qtbot, bench, [seeds_dir])
    return bench


def fact_row_in(tab, fact) -> int | None:
    """A comparison row (proxy row) whose sentences on both sides all report the fact."""
    mine = {
        side: set(fact.sentences_of(article.id)) for side, article in (("a", tab.a), ("b", tab.b))
    }
    for r in range(tab.proxy.rowCount()):
        row = tab.model.row(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row())
        if row.a and row.b and set(row.a) <= mine["a"] and set(row.b) <= mine["b"]:
            return r
    return None


def compare_on(qtbot, shell, fact):
    """A comparison of two of the fact's sources with a row on the fact, and that row.

    Some pairs of sources match the fact's sentence together with a neighbour (a group):
    such a row is about more than the fact, so another pair of sources is taken."""
    names = {a.id: name for name, a in articles(shell).items()}
    for n, first in enumerate(fact.articles):
        for second in fact.articles[n + 1 :]:
            tab = compare(qtbot, shell, names[first], names[second])
            row = fact_row_in(tab, fact)
            if row is not None:
                return tab, row
    raise AssertionError("no comparison row on the fact")


def status_cell(tab, row: int, role=Qt.ItemDataRole.DisplayRole):
    return tab.proxy.index(row, ComparisonModel.STATUS).data(role)


def fact_status(facts, fact, role=Qt.ItemDataRole.DisplayRole):
    return facts.model.index(facts.model.row_of_fact(fact.id), FactsModel.STATUS).data(role)


def test_a_pair_disputed_in_a_comparison_disputes_its_fact_until_undone(qtbot, seeded):
    # Broken: the four-day/three-day pair is disputed, yet the Facts tab says nothing.
    facts = open_facts(seeded)
    fact = visit_length_fact(facts)
    tab, row = compare_on(qtbot, seeded, fact)
    go_to(tab, row)
    QTest.keyClick(tab.view, Qt.Key.Key_D)
    targets = seeded.annotator.current_rows().current_target().targets
    seeded.annotator.session.set_note(targets, "Four days <or> three?")
    assert status_cell(tab, row) == "Disputed"

    assert fact_status(facts, fact) == "Disputed ✎"
    tip = fact_status(facts, fact, Qt.ItemDataRole.ToolTipRole)
    assert "Four days &lt;or&gt; three?" in tip  # plain text, never markup
    labels = {seeded.sources.label(article) for article in (tab.a, tab.b)}
    assert all(label in tip for label in labels)
    facts.model.sort(FactsModel.STATUS, Qt.SortOrder.DescendingOrder)  # marked facts first
    assert fact_status(facts, facts.model.fact(0)).startswith("Disputed")
    seeded.tabs.setCurrentWidget(facts)
    facts.view.setFocus()
    select_cells(facts, fact, articles(seeded)[CRBC].id)
    panel = seeded.annotator.panel
    assert "Four days <or> three?" in panel.related.text() and not panel.related.isHidden()

    seeded.actions_[ActionId.UNDO].trigger()  # the note
    seeded.actions_[ActionId.UNDO].trigger()  # the mark
    assert fact_status(facts, fact) is None
    assert panel.related.isHidden()


def test_a_fact_marked_agreed_shows_on_its_comparison_rows_as_inherited(qtbot, seeded):
    # Broken: a fact agreed in the Facts tab looks unannotated when its pairs are compared.
    facts = open_facts(seeded)
    fact = next(f for f in facts.table.shared if not f.discrepancies and f.coverage >= 3)
    select_cells(facts, fact, fact.articles[0])
    facts.view.setFocus()
    seeded.annotator.mark(Status.AGREED)
    targets = seeded.annotator.current_rows().current_target().targets
    seeded.annotator.session.set_note(targets, "Confirmed by the ministry")
    assert fact_status(facts, fact).startswith("Agreed")

    tab, row = compare_on(qtbot, seeded, fact)
    assert status_cell(tab, row) == "Agreed (fact)"
    tip = status_cell(tab, row, Qt.ItemDataRole.ToolTipRole)
    assert "Marked agreed on the fact: Confirmed by the ministry" in tip
    go_to(tab, row)
    assert "Confirmed by the ministry" in seeded.annotator.panel.related.text()
    assert seeded.annotator.panel.note.toPlainText() == ""  # the row has no note of its own

    QTest.keyClick(tab.view, Qt.Key.Key_D)  # the row's own mark wins, and rolls up
    assert status_cell(tab, row) == "Disputed"
    assert fact_status(facts, fact) == "Disputed · 1 of 2 ✎"


def test_facts_tab_with_a_rolled_up_status_reads_well(qtbot, seeded, tmp_path):
    """A picture of the Facts tab with statuses rolled up from pairs (kept for a look)."""
    facts = open_facts(seeded)
    fact = visit_length_fact(facts)
    tab, row = compare_on(qtbot, seeded, fact)
    go_to(tab, row)
    QTest.keyClick(tab.view, Qt.Key.Key_D)
    seeded.tabs.setCurrentWidget(facts)
    facts.view.setFocus()
    select_cells(facts, fact, articles(seeded)[CRBC].id)
    seeded.annotator.mark(Status.AGREED)  # the fact itself agreed, one pair disputed
    assert fact_status(facts, fact) == "Disputed · 1 of 2"
    picture = tmp_path / "facts.png"
    assert facts.grab().save(str(picture))
