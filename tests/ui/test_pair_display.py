"""How a Compare row shows a pair: a paraphrase tints the key content both sources share
and marks the value they differ on; a near-identical pair keeps its word diff.

If these broke, a journalist comparing two rewrites of one story would again see nearly
every word underlined, names included, and have to hunt for the one value that differs.
"""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextDocument

from corroborate.ui.common.theme import tint
from corroborate.ui.compare.compare_model import HTML_ROLE, ComparisonModel
from corroborate.ui.compare.delegates import SHARED_TINT, SHARED_TINT_ALPHA, word_style_sheet
from tests.ui.conftest import open_and_wait

CRBC = "crbc-news.txt"
STATE_VISIT = "state-visit-economic-security-talks.txt"
ECONOMIC_TIES = "economic-ties-regional-tensions.txt"


@pytest.fixture
def open_pair(qtbot, bench, seeds_dir):
    open_and_wait(qtbot, bench, seeds_dir, bench.comparisons.corpus_ready)
    by_name = {Path(a.path).name: a for a in bench.sources.articles}

    def open_(name_a: str, name_b: str):
        tab = bench.comparisons.open(by_name[name_a], by_name[name_b])
        qtbot.waitUntil(lambda: tab.is_aligned and not tab.is_aligning, timeout=10_000)
        return tab

    return open_


def row_with(tab, words: str) -> int:
    for row in range(tab.proxy.rowCount()):
        if words in (tab.proxy.index(row, ComparisonModel.A).data() or ""):
            return row
    raise AssertionError(f"no row showing {words!r}")


def rendered(tab, row: int, column: int, palette: QPalette | None = None) -> QTextDocument:
    """The cell's document as the delegate lays it out, with its style sheet."""
    document = QTextDocument()
    document.setDefaultStyleSheet(word_style_sheet(palette or tab.view.palette()))
    document.setHtml(tab.proxy.index(row, column).data(HTML_ROLE))
    return document


def fragments(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def tinted_text(document: QTextDocument, colour: QColor) -> str:
    return " ".join(
        f.text() for f in fragments(document) if f.charFormat().background().color() == colour
    )


def test_a_paraphrase_tints_the_shared_names_and_marks_only_the_differing_value(open_pair):
    tab = open_pair(CRBC, STATE_VISIT)
    row = row_with(tab, "is on a four-day visit")
    shared = tint(tab.view.palette(), SHARED_TINT, SHARED_TINT_ALPHA)
    for column, name, value in (
        (ComparisonModel.A, "Lee Jae Myung", "four-day"),
        (ComparisonModel.B, "Lee Jae-myung", "three-day"),
    ):
        document = rendered(tab, row, column)
        tinted = tinted_text(document, shared)
        assert name in tinted  # the president, as each source writes him
        # A highlight of what matters, not a diff: most of the sentence stays plain.
        assert len(tinted) < len(document.toPlainText()) / 2
        underlined = [f.text() for f in fragments(document) if f.charFormat().fontUnderline()]
        bold = [
            f.text()
            for f in fragments(document)
            if f.charFormat().fontWeight() >= QFont.Weight.Bold
        ]
        assert "".join(bold) == value and "".join(underlined) == value


def test_a_pair_that_changed_a_few_words_keeps_its_word_diff(open_pair):
    tab = open_pair(CRBC, ECONOMIC_TIES)
    row = row_with(tab, "Only hours before Lee departed")
    html_a = tab.proxy.index(row, ComparisonModel.A).data(HTML_ROLE)
    html_b = tab.proxy.index(row, ComparisonModel.B).data(HTML_ROLE)
    assert '<span class="removed">' in html_a and '<span class="added">' in html_b
    assert 'class="shared"' not in html_a + html_b


def test_the_score_tooltip_says_in_plain_words_what_both_mention(open_pair):
    tab = open_pair(CRBC, STATE_VISIT)
    row = row_with(tab, "is on a four-day visit")
    tip = QTextDocument()
    tip.setHtml(tab.proxy.index(row, ComparisonModel.SCORE).data(Qt.ItemDataRole.ToolTipRole))
    text = tip.toPlainText()
    assert "match (" in text and "both mention" in text and "Lee Jae Myung" in text
    assert "They differ on: four-day / three-day." in text


def test_the_shared_tint_reads_on_a_dark_palette(open_pair):
    tab = open_pair(CRBC, STATE_VISIT)
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, QColor(40, 40, 40)),
        (QPalette.ColorRole.Base, QColor(30, 30, 30)),
        (QPalette.ColorRole.Text, QColor(230, 230, 230)),
    ):
        dark.setColor(role, colour)
    shared = tint(dark, SHARED_TINT, SHARED_TINT_ALPHA)
    # Visible against the base, and still dark enough for the light text.
    assert shared != dark.color(QPalette.ColorRole.Base) and shared.lightness() < 110
    document = rendered(tab, row_with(tab, "is on a four-day visit"), ComparisonModel.A, dark)
    assert "Lee Jae Myung" in tinted_text(document, shared)
