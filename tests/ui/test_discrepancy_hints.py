"""Discrepancy hints in comparisons: a badge on rows whose sources disagree on a value,
the values marked in the text, the Annotation panel's explanation with its Mark Disputed
button, and the explanation kept with the annotation and its export."""

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QPalette, QTextDocument
from PySide6.QtTest import QTest

from corroborate.core.model import Status
from corroborate.ui.common.discrepancy_hints import DIFFERS_CLASS, PANEL_HINT, layered_html
from corroborate.ui.compare.compare_model import (
    ANNOTATION_ROLE,
    DISCREPANCY_ROLE,
    HTML_ROLE,
    ComparisonModel,
)
from corroborate.ui.compare.compare_tab import CompareTab
from corroborate.ui.compare.delegates import (
    DIFFERS_TINT,
    DIFFERS_TINT_ALPHA,
    blend,
    word_style_sheet,
)
from corroborate.ui.transfer.export_dialog import ExportChoice
from tests.ui.conftest import open_and_wait

CRBC = "crbc-news.txt"
STATE_VISIT = "state-visit-economic-security-talks.txt"


@pytest.fixture
def visit_pair(qtbot, bench, seeds_dir) -> CompareTab:
    open_and_wait(qtbot, bench, seeds_dir, bench.comparisons.corpus_ready)
    by_name = {Path(a.path).name: a for a in bench.sources.articles}
    tab = bench.comparisons.open(by_name[CRBC], by_name[STATE_VISIT])
    qtbot.waitUntil(lambda: tab.is_aligned and not tab.is_aligning, timeout=10_000)
    tab.view.setFocus()
    return tab


def visit_length_row(tab: CompareTab) -> int:
    """The proxy row pairing the four-day visit with the three-day one."""
    for row in range(tab.proxy.rowCount()):
        found = tab.proxy.index(row, ComparisonModel.STATUS).data(DISCREPANCY_ROLE)
        if any({d.a.value, d.b.value} == {"four-day", "three-day"} for d in found or ()):
            return row
    raise AssertionError("no row with the four-day / three-day discrepancy")


def go_to(tab: CompareTab, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    tab.view.selectionModel().setCurrentIndex(tab.proxy.index(row, ComparisonModel.A), flags)


def bold_words(tab: CompareTab, row: int, column: int) -> str:
    """The text a cell shows in bold, as the delegate renders its HTML."""
    document = QTextDocument()
    document.setDefaultStyleSheet(word_style_sheet(tab.view.palette()))
    document.setHtml(tab.proxy.index(row, column).data(HTML_ROLE))
    bold, block = [], document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                bold.append(fragment.text())
            it += 1
        block = block.next()
    return "".join(bold)


def badge_pixels(tab: CompareTab, row: int) -> int:
    """Pixels of the badge's ground painted in the row's status cell."""
    tab.view.scrollTo(tab.proxy.index(row, 0))
    rect = tab.view.visualRect(tab.proxy.index(row, ComparisonModel.STATUS))
    image = tab.view.viewport().grab(rect).toImage()
    base = tab.view.palette().color(QPalette.ColorRole.Base)
    ground = blend(base, DIFFERS_TINT, DIFFERS_TINT_ALPHA).rgb()
    return sum(
        image.pixel(x, y) == ground for x in range(image.width()) for y in range(image.height())
    )


def test_pair_with_differing_visit_length_gets_a_badge_and_marked_values(qtbot, visit_pair):
    tab = visit_pair
    row = visit_length_row(tab)
    plain = next(
        r
        for r in range(tab.proxy.rowCount())
        if tab.model.row(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).kind == "matched"
        and not tab.proxy.index(r, ComparisonModel.STATUS).data(DISCREPANCY_ROLE)
    )
    assert badge_pixels(tab, row) > 50  # the "⚠ 1 differs" badge is painted
    assert badge_pixels(tab, plain) == 0
    # The differing values, and only they, are bold (and tinted, underlined) in the text.
    assert bold_words(tab, row, ComparisonModel.A) == "four-day"
    assert bold_words(tab, row, ComparisonModel.B) == "three-day"
    tip = tab.proxy.index(row, ComparisonModel.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Duration differs" in tip and PANEL_HINT in tip


def test_marked_values_are_escaped_and_nest_inside_changed_words():
    text = 'The <b>"four-day"</b> visit & talks'
    start = text.index("four-day")
    html = layered_html(text, (([(0, len(text))], "added"), ([(start, start + 8)], DIFFERS_CLASS)))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp; talks" in html
    assert f'<span class="added"><span class="{DIFFERS_CLASS}">four-day</span></span>' in html


def test_panel_explains_the_discrepancy_and_its_button_marks_disputed(qtbot, visit_pair):
    tab = visit_pair
    window = tab.window()
    panel = window.annotator.panel
    go_to(tab, visit_length_row(tab))
    assert not panel.hint.isHidden()
    text = panel.hint_text.text()
    assert "Duration differs: four-day (CRBC News) vs three-day" in text
    assert PANEL_HINT in text
    qtbot.mouseClick(panel.dispute_button, Qt.MouseButton.LeftButton)
    annotation = tab.proxy.index(visit_length_row(tab), ComparisonModel.STATUS).data(
        ANNOTATION_ROLE
    )
    assert annotation.status == Status.DISPUTED
    assert annotation.discrepancy.startswith("Duration differs: four-day")
    # Done: the panel no longer asks for it (a stale "Press D" read as not yet marked).
    assert PANEL_HINT not in panel.hint_text.text() and "Marked disputed" in panel.hint_text.text()
    assert panel.dispute_button.isHidden()

    go_to(tab, 0 if visit_length_row(tab) else 1)
    found = tab.proxy.index(tab.view.currentIndex().row(), 0).data(DISCREPANCY_ROLE)
    assert panel.hint.isHidden() == (not found)


def test_marking_the_pair_with_d_fills_the_exported_discrepancy_column(qtbot, visit_pair, tmp_path):
    tab = visit_pair
    window = tab.window()
    row = visit_length_row(tab)
    go_to(tab, row)
    QTest.keyClick(tab.view, Qt.Key.Key_D)
    found = tab.proxy.index(row, ComparisonModel.STATUS).data(DISCREPANCY_ROLE)
    annotation = tab.proxy.index(row, ComparisonModel.STATUS).data(ANNOTATION_ROLE)
    assert annotation.discrepancy == "; ".join(d.explanation for d in found)
    out = tmp_path / "pairs.csv"
    assert window.annotation_files.export(ExportChoice(str(out), "csv")) == 1
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["discrepancy"] for r in rows} == {annotation.discrepancy}
    assert {r["status"] for r in rows} == {"disputed"}
