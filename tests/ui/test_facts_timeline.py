"""The Facts tab's "First reported" column: which outlet published each fact first.

If these broke, a fact-checker would see the wrong outlet credited with a story, dates
sorted as text (or undated facts mixed among the dated ones), or a blank column with no
word on why, when the articles carry no publication dates.
"""

import html
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from corroborate.ui.facts.facts_model import NO_DATE, NO_DATES_TIP, FactsModel
from corroborate.ui.facts.facts_tab import FactsTab
from corroborate.ui.state.sources_model import readable_date
from tests.ui.test_facts_tab import load_and_find_facts, open_facts

DATES = {  # seeds given a publication date; the other two stay undated
    "crbc-news.txt": "2026-01-04",
    "state-visit-economic-security-talks.txt": "2026-01-03T18:00:00-05:00",
    "reset-strained-relations.txt": "2026-01-05",
}


def dated_seeds(seeds_dir: Path, target: Path, dates: dict[str, str]) -> Path:
    target.mkdir()
    for seed in seeds_dir.glob("*.txt"):
        text = seed.read_text(encoding="utf-8")
        if seed.name in dates:
            text = f"---\npublished: {dates[seed.name]}\n---\n{text}"
        (target / seed.name).write_text(text, encoding="utf-8")
    shutil.copy(seeds_dir / "README.md", target / "README.md")
    return target


def first_cells(tab: FactsTab, role=Qt.ItemDataRole.DisplayRole) -> list:
    column = FactsModel.FIRST_REPORTED
    return [tab.proxy.index(r, column).data(role) for r in range(tab.proxy.rowCount())]


@pytest.fixture
def dated_tab(qtbot, bench, seeds_dir, tmp_path) -> FactsTab:
    load_and_find_facts(qtbot, bench, [dated_seeds(seeds_dir, tmp_path / "dated", DATES)])
    return open_facts(bench)


def label_of(tab: FactsTab, file_name: str) -> str:
    article = next(a for a in tab.table.articles if Path(a.path).name == file_name)
    return tab.model.label(article.id)


def test_the_column_names_the_first_outlet_and_its_date(dated_tab):
    tab = dated_tab
    header = tab.model.headerData(FactsModel.FIRST_REPORTED, Qt.Orientation.Horizontal)
    assert header == "First reported"
    assert FactsModel.FIRST_REPORTED == FactsModel.COVERAGE + 1
    # 18:00 on 3 Jan in New York is 23:00 on 3 Jan in UTC: a day before CRBC's 4 Jan, so
    # the state visit article is first wherever both report.
    state_visit = label_of(tab, "state-visit-economic-security-talks.txt")
    crbc = label_of(tab, "crbc-news.txt")
    shared = [
        f
        for f in tab.table.facts
        if {a.id for a in tab.table.articles if Path(a.path).name in DATES} <= set(f.articles)
    ]
    assert shared, "the seeds share facts across the three dated articles"
    row = tab.model.row_of_fact(shared[0].id)
    cell = tab.model.index(row, FactsModel.FIRST_REPORTED)
    expected_day = readable_date("2026-01-03T18:00:00-05:00")
    assert cell.data(Qt.ItemDataRole.DisplayRole) == f"{state_visit} · {expected_day}"
    tip = shown_text(cell.data(Qt.ItemDataRole.ToolTipRole))
    assert "2026-01-03T18:00:00-05:00" in tip and f"Then {crbc}: 2026-01-04" in tip
    assert "2026-01-05" in tip  # every dated reporter, with its full ISO value


def test_sorting_by_first_report_keeps_undated_facts_last(dated_tab):
    tab = dated_tab
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        tab.view.sortByColumn(FactsModel.FIRST_REPORTED, order)
        cells = first_cells(tab)
        keys = [tab.model.first_report(f).earliest for f in shown_rows(tab)]
        dated = [k.key for k in keys if k is not None]
        assert NO_DATE in cells and dated, "the seeds have dated and undated facts"
        # Every dated fact comes before every undated one, whatever the direction.
        first_undated = cells.index(NO_DATE)
        assert all(cell == NO_DATE for cell in cells[first_undated:])
        assert dated == sorted(dated, reverse=order == Qt.SortOrder.DescendingOrder)


def shown_rows(tab: FactsTab):
    rows = (tab.proxy.mapToSource(tab.proxy.index(r, 0)).row() for r in range(tab.proxy.rowCount()))
    return [tab.model.fact(row) for row in rows]


def shown_text(tooltip: str) -> str:
    """What the user reads in a rich tooltip."""
    return html.unescape(re.sub(r"<[^>]+>", "", tooltip))


def test_without_any_date_the_column_says_why(qtbot, bench, seeds_dir, tmp_path):
    load_and_find_facts(qtbot, bench, [dated_seeds(seeds_dir, tmp_path / "undated", {})])
    tab = open_facts(bench)
    assert set(first_cells(tab)) == {NO_DATE}
    tips = {shown_text(tip) for tip in first_cells(tab, Qt.ItemDataRole.ToolTipRole)}
    assert tips == {NO_DATES_TIP}
