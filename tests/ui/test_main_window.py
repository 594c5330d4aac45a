import shutil

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from corroborate.core.ingest.loading import LoadResult, load_paths
from corroborate.ui.common import tab_opening
from corroborate.ui.common.settings import Settings
from corroborate.ui.main_window import MainWindow
from tests.ui.conftest import wait_loaded

# Qt offers only the QPoint constructor for drag-enter events; it is still the real one.
pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(
        pos.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    assert window.drop_overlay.isVisible(), "no drop hint while dragging files over the window"
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert not window.drop_overlay.isVisible()


def test_open_seeds_shows_five_tabs_with_titles(qtbot, window, seeds_dir):
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    expected = load_paths([seeds_dir]).articles
    tabs = window.article_tabs()
    assert len(tabs) == 5
    assert [t.article.title for t in tabs] == [a.title for a in expected]
    for i, tab in enumerate(tabs):
        assert window.tabs.tabText(i) == tab.article.source
        assert tab.article.title in window.tabs.tabToolTip(i)
    assert window.sources.rowCount() == 5
    # The folder's read-me is listed as skipped, without hiding the sources behind Problems.
    assert [p.skipped for p in window.problems.problems] == [True]
    assert not window.sources_dock.visibleRegion().isEmpty()
    assert window.problems_dock.visibleRegion().isEmpty()
    assert window.stack.currentWidget() is window.tabs
    assert window.statusBar().currentMessage() == "5 articles loaded, 1 skipped (see Problems)"


def test_dropping_files_adds_tabs(qtbot, window, seeds_dir, tmp_path):
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    extra = []
    for name, text in (
        ("one.txt", "Lee met Xi in Beijing. They talked."),
        ("two.md", "# Trade talks\n\nThe two leaders discussed trade."),
    ):
        (tmp_path / name).write_text(text)
        extra.append(tmp_path / name)
    wait_loaded(qtbot, window, lambda: _drop(window, extra))
    assert window.tabs.count() == 7
    assert [t.article.title for t in window.article_tabs()[-2:]] == [
        "Lee met Xi in Beijing. They talked.",
        "Trade talks",
    ]


def test_dropping_a_broken_file_lists_a_problem(qtbot, window, tmp_path):
    broken = tmp_path / "report.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a word document")
    good = tmp_path / "good.txt"
    good.write_text("A sentence that loads. Another one.")
    wait_loaded(qtbot, window, lambda: _drop(window, [broken, good]))
    assert window.tabs.count() == 1
    assert window.problems.rowCount() == 1
    problem = window.problems.problems[0]
    assert problem.path == str(broken)
    assert "Word document" in problem.reason
    assert window.problems_dock.isVisible()
    message = window.statusBar().currentMessage()
    assert message == "1 article loaded, 1 could not be read (see Problems)"


def test_drag_without_files_is_refused(window):
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert not window.drop_overlay.isVisible()


def test_recent_folders_survive_a_restart(qtbot, make_window, seeds_dir, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(seeds_dir, other)
    first = make_window()
    wait_loaded(qtbot, first, lambda: first.open_folder(str(seeds_dir)))
    wait_loaded(qtbot, first, lambda: first.open_folder(str(other)))
    first.close()
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    assert Settings().recent_folders == [str(other.resolve()), str(seeds_dir.resolve())]
    assert Settings().last_folder == str(other.resolve())
    second.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in second.recent_menu.actions() if a.text()]
    assert texts[:2] == [str(other.resolve()), str(seeds_dir.resolve())]


def test_window_geometry_is_remembered(qtbot, make_window):
    first = make_window()
    first.resize(700, 500)
    first.sources_dock.hide()
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (700, 500)
    assert second.sources_dock.isHidden()


def test_renaming_a_source_renames_its_tab(qtbot, window, seeds_dir):
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    index = window.sources.index(0, window.sources.SOURCE)
    assert window.sources.setData(index, "Outlet One")
    assert window.tabs.tabText(0) == "Outlet One"
    assert "Outlet One" in window.article_tabs()[0].meta.text()


def test_close_tab_and_empty_state(qtbot, window, tmp_path):
    (tmp_path / "a.txt").write_text("Only one article here.")
    wait_loaded(qtbot, window, lambda: window.add_paths([str(tmp_path / "a.txt")]))
    assert window.tabs.count() == 1
    window.close_tab(0)
    assert window.tabs.count() == 0
    assert window.stack.currentWidget() is window.empty_state


def test_sources_model_is_consistent(qtmodeltester, qtbot, window, seeds_dir):
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    qtmodeltester.check(window.sources)
    qtmodeltester.check(window.problems)


# --- tabs open a few per turn ------------------------------------------------------------


def test_a_second_load_arriving_while_tabs_open_reports_both_and_opens_every_tab(
    qtbot, window, seeds_dir, monkeypatch
):
    monkeypatch.setattr(tab_opening, "TABS_PER_TURN", 1)
    articles = load_paths([seeds_dir]).articles
    first, second = LoadResult(articles[:4], ()), LoadResult(articles[4:], ())
    reported = []
    window.loading_finished.connect(lambda result: reported.append(len(result.articles)))
    window.workspace._on_loaded(first, None)
    assert window.tabs.count() == 1, "all tabs opened in one go"
    window.workspace._on_loaded(second, None)  # e.g. a file dropped while the folder still opens
    qtbot.waitUntil(lambda: len(reported) == 2, timeout=5000)
    assert reported == [4, 1], "each load is reported once, in order"
    assert [t.article.id for t in window.article_tabs()] == [a.id for a in articles]


def test_close_all_while_tabs_open_leaves_an_empty_window(qtbot, window, seeds_dir, monkeypatch):
    monkeypatch.setattr(tab_opening, "TABS_PER_TURN", 1)
    reported = []
    window.loading_finished.connect(reported.append)
    window.workspace._on_loaded(LoadResult(load_paths([seeds_dir]).articles, ()), None)
    window.close_all()
    qtbot.wait(100)
    assert window.tabs.count() == 0 and window.sources.rowCount() == 0
    assert reported == [], "a closed load was reported as finished"


def test_closing_the_window_while_tabs_open_stops_the_load(qtbot, window, seeds_dir, monkeypatch):
    monkeypatch.setattr(tab_opening, "TABS_PER_TURN", 1)
    reported = []
    window.loading_finished.connect(reported.append)
    window.workspace._on_loaded(LoadResult(load_paths([seeds_dir]).articles, ()), None)
    window.close()  # the annotation store closes with it
    qtbot.wait(100)
    assert reported == [], "the load went on after the window closed"


def test_every_tab_is_in_the_tab_list_even_when_the_bar_scrolls(qtbot, window, seeds_dir):
    window.resize(500, 600)  # too narrow for five titles: the bar scrolls
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    menu = window.tab_host.tab_list.menu()
    menu.aboutToShow.emit()
    entries = [a.text() for a in menu.actions()]
    assert len(entries) == window.tabs.count() == 5
    widgets = [window.tabs.widget(i) for i in range(5)]
    titles = [window.tab_host.title(w) for w in widgets]
    assert entries == [t.replace("&", "&&") for t in titles]  # whole, shown as written
    menu.actions()[3].trigger()
    assert window.tabs.currentIndex() == 3
    # A long name is cut in the bar, whole in the list; a short one is never cut.
    long_name = "The Korea Herald and Korea JoongAng Daily, combined Sunday edition"
    window.sources.setData(window.sources.index(3, 0), long_name)
    shown = window.tabs.tabText(
        window.tabs.indexOf(window.reading.tab_for(window.sources.article_at(3).id))
    )
    assert shown.endswith("…") and len(shown) < len(long_name)
    menu.aboutToShow.emit()
    assert long_name in [a.text() for a in menu.actions()]
    short = min(titles, key=len)
    assert window.tabs.tabText(titles.index(short)) == short.replace("&", "&&")


def test_a_source_named_after_its_file_says_so_until_renamed(qtbot, window, seeds_dir):
    # Broken: "Reset Strained Relations" reads like an outlet though nobody found one.
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    sources = window.sources
    shown = {
        sources.article_at(r).path.rsplit("/", 1)[-1]: sources.index(r, 0).data()
        for r in range(sources.rowCount())
    }
    assert shown["crbc-news.txt"] == "CRBC News"  # the outlet was found in the file
    assert shown["reset-strained-relations.txt"].endswith("(from file name)")
    row = next(r for r in range(sources.rowCount()) if "reset" in sources.article_at(r).path)
    assert "file name" in sources.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert sources.setData(sources.index(row, 0), "Yonhap")
    assert sources.index(row, 0).data() == "Yonhap"  # renamed: no longer a guess
    assert sources.index(row, 0).data(Qt.ItemDataRole.EditRole) == "Yonhap"
