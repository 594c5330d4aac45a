"""The Sources panel's Published and Byline columns, and sorting by them.

If these broke, a fact-checker could not see when each report was published or who
wrote it, sorting would scramble which article a row opens or compares, or a date would
show as a raw ISO string instead of "4 Jan 2026".
"""

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, QPoint, Qt

from corroborate.ui.state.sources_model import SourcesModel
from tests.ui.conftest import wait_loaded

BODY = "Lee arrived in Beijing on {day} for talks on trade. He met the premier for hours."
FILES = {
    # name: (published, byline, day written in the text so each article differs)
    "middle.txt": ("2026-01-04", "Jane Smith", "Sunday"),
    "undated.txt": (None, None, "Monday"),
    "latest.txt": ("2026-02-01T09:00:00+00:00", "Tom Lee", "Tuesday"),
    "earliest.txt": ("2025-12-31", None, "Wednesday"),
}


@pytest.fixture
def english_dates():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def folder(tmp_path):
    for name, (published, byline, day) in FILES.items():
        header = ""
        if published or byline:
            fields = [
                f"published: {published}" if published else "",
                f"byline: {byline}" if byline else "",
            ]
            header = (
                "---\n"
                + "".join(f"{f}\n" for f in fields if f)
                + "url: https://example.com/"
                + name
                + "\n---\n"
            )
        (tmp_path / name).write_text(header + BODY.format(day=day), encoding="utf-8")
    return tmp_path


def _column(sources: SourcesModel, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [sources.index(row, column).data(role) for row in range(sources.rowCount())]


def _files(sources: SourcesModel) -> list[str]:
    return [sources.article_at(row).path.rsplit("/", 1)[-1] for row in range(sources.rowCount())]


def test_published_and_byline_columns_show_readable_values(qtbot, bench, folder, english_dates):
    wait_loaded(qtbot, bench, lambda: bench.open_folder(str(folder)))
    sources = bench.sources
    row = sources.row_of(next(a.id for a in sources.articles if a.path.endswith("middle.txt")))
    published = sources.index(row, SourcesModel.PUBLISHED)
    assert published.data() == "4 Jan 2026"
    assert "2026-01-04" in published.data(Qt.ItemDataRole.ToolTipRole)
    assert sources.index(row, SourcesModel.BYLINE).data() == "Jane Smith"
    file_tip = sources.index(row, SourcesModel.FILE).data(Qt.ItemDataRole.ToolTipRole)
    assert "https://example.com/middle.txt" in file_tip
    undated = sources.row_of(next(a.id for a in sources.articles if a.path.endswith("undated.txt")))
    assert sources.index(undated, SourcesModel.PUBLISHED).data() == ""


def test_sorting_by_published_keeps_rows_and_selection_on_their_articles(qtbot, bench, folder):
    wait_loaded(qtbot, bench, lambda: bench.open_folder(str(folder)))
    sources, view = bench.sources, bench.sources_view
    loaded = [a.id for a in sources.articles]
    assert view.isSortingEnabled()
    # Select two articles, then sort: the selection must still name the same two.
    rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for name in ("latest.txt", "earliest.txt"):
        wanted = next(a.id for a in sources.articles if a.path.endswith(name))
        view.selectionModel().select(sources.index(sources.row_of(wanted), 0), rows)
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(SourcesModel.PUBLISHED) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == SourcesModel.PUBLISHED
    view.sortByColumn(SourcesModel.PUBLISHED, Qt.SortOrder.AscendingOrder)
    assert _files(sources) == ["earliest.txt", "middle.txt", "latest.txt", "undated.txt"]
    view.sortByColumn(SourcesModel.PUBLISHED, Qt.SortOrder.DescendingOrder)
    assert _files(sources) == ["latest.txt", "middle.txt", "earliest.txt", "undated.txt"]
    chosen = {a.path.rsplit("/", 1)[-1] for a in bench.comparisons.selected_sources()}
    assert chosen == {"latest.txt", "earliest.txt"}
    # Sorting is a view of the rows: the workspace keeps its articles in load order.
    assert [a.id for a in sources.articles] == loaded
    view.sortByColumn(SourcesModel.BYLINE, Qt.SortOrder.AscendingOrder)
    assert _column(sources, SourcesModel.BYLINE)[:2] == ["Jane Smith", "Tom Lee"]


def test_articles_added_to_a_sorted_list_take_their_place(qtbot, bench, folder, tmp_path_factory):
    wait_loaded(qtbot, bench, lambda: bench.open_folder(str(folder)))
    bench.sources_view.sortByColumn(SourcesModel.PUBLISHED, Qt.SortOrder.AscendingOrder)
    extra = tmp_path_factory.mktemp("more") / "first.txt"
    extra.write_text("---\npublished: 2020-05-01\n---\n" + BODY.format(day="Friday"))
    wait_loaded(qtbot, bench, lambda: bench.add_paths([str(extra)]))
    assert _files(bench.sources)[0] == "first.txt"
