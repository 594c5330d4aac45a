"""Edit → Find: what a reader sees while searching an article, a comparison and the
annotations list."""

from pathlib import Path

from corroborate.ui.common.actions import ActionId
from corroborate.ui.reading.article_tab import ArticleTab
from tests.ui.conftest import open_and_wait
from tests.ui.test_compare_tab import open_comparison


def _find(qtbot, window, query: str) -> None:
    window.actions_[ActionId.FIND].trigger()
    bar = window.finder.bar
    bar.edit.setText(query)
    bar.refresh()  # as the short pause after typing does
    assert bar.isVisible()


def _article_tab(window, name: str) -> ArticleTab:
    return next(t for t in window.tab_host.tabs_of(ArticleTab) if Path(t.article.path).name == name)


def _marks(tab: ArticleTab, word: str) -> list:
    selections = tab.reader.extraSelections()
    return [s for s in selections if s.cursor.selectedText().lower() == word]


def test_find_in_an_article_counts_marks_and_steps_through_the_matches(qtbot, window, seeds_dir):
    open_and_wait(qtbot, window, seeds_dir)
    tab = _article_tab(window, "crbc-news.txt")
    window.tab_host.show(tab)
    text = tab.article.text
    expected = text.lower().count("four-day")
    assert expected >= 1
    _find(qtbot, window, "FOUR-DAY")  # case is ignored
    bar = window.finder.bar
    assert bar.count.text() == f"1 of {expected}"
    cursor = tab.reader.textCursor()
    assert cursor.selectedText().lower() == "four-day"  # the first match is selected
    marks = [
        s for s in tab.reader.extraSelections() if s.cursor.selectedText().lower() == "four-day"
    ]
    assert len(marks) == expected  # every match is marked, not only the current one
    window.actions_[ActionId.FIND_NEXT].trigger()
    assert bar.count.text() == f"{2 if expected > 1 else 1} of {expected}"
    window.actions_[ActionId.FIND_PREVIOUS].trigger()
    assert bar.count.text() == f"1 of {expected}"
    bar.edit.setText("no such words here")
    bar.refresh()
    assert bar.count.text() == "No matches"
    assert not [
        s for s in tab.reader.extraSelections() if s.cursor.selectedText().lower() == "four-day"
    ]
    bar.close_bar()
    assert not bar.isVisible()


def test_find_follows_the_current_tab_and_searches_a_comparison_by_rows(qtbot, window, seeds_dir):
    open_and_wait(qtbot, window, seeds_dir, window.comparisons.corpus_ready)
    compare = open_comparison(qtbot, window)
    window.tab_host.show(compare)
    _find(qtbot, window, "Taiwan")
    bar = window.finder.bar
    hits = bar.hits
    assert hits >= 1 and bar.count.text() == f"1 of {hits}"
    current = compare.view.currentIndex()
    cells = [
        str(compare.proxy.index(current.row(), c).data() or "")
        for c in range(compare.proxy.columnCount())
    ]
    assert any("taiwan" in cell.lower() for cell in cells)  # the current row holds the word
    article = _article_tab(window, "crbc-news.txt")
    window.tab_host.show(article)  # the bar stays open and searches the new tab
    assert bar.isVisible() and bar.count.text().endswith(
        f"of {article.article.text.count('Taiwan')}"
    )


def test_find_searches_the_annotations_list_when_it_has_the_focus(qtbot, window, seeds_dir):
    open_and_wait(qtbot, window, seeds_dir, window.comparisons.corpus_ready)
    compare = open_comparison(qtbot, window)
    window.tab_host.show(compare)
    compare.view.setFocus()
    compare.view.selectRow(0)
    window.actions_[ActionId.MARK_DISPUTED].trigger()
    panel = window.annotator.list_panel
    window.annotator.list_dock.show()
    panel.view.setFocus()
    window.activateWindow()
    qtbot.waitUntil(panel.view.hasFocus, timeout=2000)
    _find(qtbot, window, "disputed")
    assert window.finder.target() is not compare  # the list, not the tab behind it
    assert window.finder.bar.hits == 1
    assert panel.view.currentIndex().row() == 0
