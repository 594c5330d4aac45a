"""The corroboration heat map of article tabs: sentences tinted by how many other sources
report them, sentences only one source reports marked in the margin, a legend, and the
hover highlight unharmed."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCharFormat

from corroborate.core.facts.coverage import DIFFERENT_VALUE, others_by_sentence
from corroborate.core.ingest.loading import load_paths
from corroborate.ui.reading.article_tab import ArticleTab
from corroborate.ui.reading.heatmap import (
    LEVELS,
    describe,
    heat_colour,
    level_of,
)
from tests.ui.conftest import open_and_wait

CRBC = "crbc-news.txt"
STATE_VISIT = "state-visit-economic-security-talks.txt"


@pytest.fixture
def seeded(qtbot, bench, seeds_dir):
    open_and_wait(qtbot, bench, seeds_dir, bench.corroboration.table_ready)
    return bench


def article_tab(shell, name: str = STATE_VISIT) -> ArticleTab:
    article = next(a for a in shell.sources.articles if Path(a.path).name == name)
    shell.show_article(article.id)
    return shell.tab_for(article.id)


def tinted(reader) -> dict[int, object]:
    """Sentence index -> background colour of its heat selection."""
    starts = {reader._positions.to_utf16(s.start): s.index for s in reader.article.sentences}
    return {
        starts[sel.cursor.selectionStart()]: sel.format.background().color()
        for sel in reader.heat_selections()
        if sel.format.background().style() != Qt.BrushStyle.NoBrush
    }


def dotted(reader) -> set[int]:
    """Sentences underlined with dots: the in-text mark of "only here"."""
    starts = {reader._positions.to_utf16(s.start): s.index for s in reader.article.sentences}
    return {
        starts[sel.cursor.selectionStart()]
        for sel in reader.heat_selections()
        if sel.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    }


def test_no_tint_and_no_legend_until_the_facts_are_known(qtbot, seeds_dir):
    article = next(a for a in load_paths([seeds_dir]).articles if Path(a.path).name == CRBC)
    tab = ArticleTab(article, "CRBC News")
    qtbot.addWidget(tab)
    assert tab.reader.extraSelections() == [] and tab.legend.isHidden()


def test_sentence_several_sources_carry_is_tinted_and_exclusive_one_is_marked(qtbot, seeded):
    tab = article_tab(seeded)
    reader = tab.reader
    corroboration = reader.corroboration
    assert corroboration, "the heat map arrives with the facts"
    colours = tinted(reader)
    widest = max(corroboration, key=lambda i: len(corroboration[i]))
    assert len(corroboration[widest]) >= 4
    palette = reader.palette()
    assert colours[widest] == heat_colour(palette, 3)  # the strongest tint
    assert colours[widest] != palette.color(QPalette.ColorRole.Base)
    for sentence, others in corroboration.items():
        assert (sentence in colours) == bool(others)
        if others:
            assert colours[sentence] == heat_colour(palette, level_of(len(others)))
    # Sentences only this source reports: no tint, a margin mark, and words saying so on hover.
    only = reader.only_here()
    assert only and not set(only) & set(colours)
    assert dotted(reader) == set(only)
    assert describe(corroboration[only[0]]) == "Only this source reports this sentence"
    assert "State Visit" not in describe(corroboration[widest])
    assert not tab.legend.isHidden()
    legend = tab.legend.text()
    for words in ("Reported by:", "only here", "1 other", "2–3", "4+ sources"):
        assert words in legend


def test_hover_highlight_still_shows_over_the_tints(qtbot, seeded):
    reader = article_tab(seeded).reader
    heat = len(reader.heat_selections())
    reader.set_hovered(0)
    assert len(reader.extraSelections()) == heat + 1
    reader.set_hovered(-1)
    assert len(reader.extraSelections()) == heat


def test_levels_name_how_many_other_sources(seeded):
    assert [level_of(n) for n in range(6)] == [0, 1, 2, 2, 3, 3]
    assert len(LEVELS) == 3
    table = seeded.corroboration.table
    crbc = next(a for a in table.articles if Path(a.path).name == CRBC)
    labels = {a.id: a.source for a in table.articles}
    others = others_by_sentence(table, crbc.id, labels)
    assert all("CRBC News" not in names for names in others.values())
    assert max(len(names) for names in others.values()) == 4


def test_the_tooltip_names_each_other_source_and_how_it_puts_the_sentence(qtbot, seeded):
    # Broken: "also reported by 4 other sources" hides that one of them gives another value.
    tab = article_tab(seeded, CRBC)
    reader = tab.reader
    differing = [i for i, ways in reader.wording.items() if DIFFERENT_VALUE in dict(ways).values()]
    assert differing, "the four-day / three-day sentence is stated differently elsewhere"
    index = differing[0]
    text = describe(reader.corroboration[index], reader.wording[index])
    lines = text.splitlines()
    assert lines[0].startswith("Also reported by")
    assert len(lines) == 1 + len(reader.corroboration[index])  # one line per other source
    assert any(line.endswith(f": {DIFFERENT_VALUE}") for line in lines[1:])
    assert not any("CRBC News" in line for line in lines[1:])  # never its own source
