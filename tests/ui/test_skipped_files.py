"""No file vanishes unexplained: files skipped on purpose (a read-me, a copy of an open
article) are listed apart from files that could not be read, and the status bar counts
both."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from corroborate.core.model import LoadProblem
from corroborate.ui.state.load_report import load_message, shows_problems
from corroborate.ui.state.sources_model import SKIPPED_TEXT, UNREADABLE_TEXT, ProblemsModel
from tests.ui.conftest import open_and_wait, wait_loaded

pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")

NEW_STORY = "Markets rose on Monday after the talks. Traders welcomed the news."


def drop(window, paths) -> None:
    """What the file manager sends when files are dragged onto the window and let go."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    QApplication.sendEvent(window, QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, keys))


@pytest.fixture
def articles(tmp_path, seeds_dir):
    """A copy of the sample folder (five articles and a read-me) with one broken file."""
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a document")
    return folder


def test_the_problems_panel_tells_skipped_files_from_broken_ones(qtbot):
    # Broken: a read-me left out on purpose looks as alarming as a damaged file.
    model = ProblemsModel()
    model.add_problems(
        [
            LoadProblem("/a/README.md", "skipped: looks like a read-me", skipped=True),
            LoadProblem("/a/broken.docx", "not a Word document: the file is damaged"),
        ]
    )
    kinds = [model.index(r, ProblemsModel.KIND).data() for r in range(2)]
    assert kinds == [SKIPPED_TEXT, UNREADABLE_TEXT]
    icons = [
        model.index(r, ProblemsModel.KIND).data(Qt.ItemDataRole.DecorationRole) for r in (0, 1)
    ]
    assert not icons[0].isNull() and not icons[1].isNull()
    assert icons[0].cacheKey() != icons[1].cacheKey()
    assert [model.index(r, ProblemsModel.FILE).data() for r in range(2)] == [
        "README.md",
        "broken.docx",
    ]
    assert model.index(1, ProblemsModel.REASON).data().startswith("not a Word document")


def test_opening_a_folder_counts_skipped_and_unreadable_files(qtbot, window, articles):
    # Broken: the status bar says "5 articles loaded" and the read-me and the broken
    # file disappear without a word.
    open_and_wait(qtbot, window, articles)
    message = window.statusBar().currentMessage()
    assert message == "5 articles loaded, 1 skipped, 1 could not be read (see Problems)"
    by_name = {p.path.rsplit("/", 1)[-1]: p for p in window.problems.problems}
    assert by_name["README.md"].skipped and not by_name["broken.docx"].skipped
    assert not window.problems_dock.visibleRegion().isEmpty()  # a broken file: shown at once


def test_dropping_a_copy_of_an_open_article_says_it_was_skipped(qtbot, window, articles, tmp_path):
    # Broken: the copy silently adds nothing, and the user wonders where the file went.
    open_and_wait(qtbot, window, articles)
    window.sources_dock.raise_()
    dropped = tmp_path / "dropped"
    dropped.mkdir()
    copy = dropped / "copy of crbc.txt"
    shutil.copyfile(articles / "crbc-news.txt", copy)
    new = dropped / "markets.txt"
    new.write_text(NEW_STORY)
    wait_loaded(qtbot, window, lambda: drop(window, [copy, new]))
    assert window.sources.rowCount() == 6 and len(window.article_tabs()) == 6
    message = window.statusBar().currentMessage()
    assert message == "1 article loaded, 1 skipped (see Problems)"
    skipped = next(p for p in window.problems.problems if p.path == str(copy))
    assert (
        skipped.skipped and "crbc-news.txt" in skipped.reason and "already open" in skipped.reason
    )
    row = window.problems.problems.index(skipped)
    assert window.problems.index(row, ProblemsModel.KIND).data() == SKIPPED_TEXT
    assert not window.problems_dock.visibleRegion().isEmpty()  # the user named that file


def test_files_added_while_a_load_runs_are_all_loaded(qtbot, bench, tmp_path):
    # Broken: the second drop cancels the first, whose files never appear.
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The summit opened in Beijing on Monday. Leaders shook hands.")
    second.write_text(NEW_STORY)
    bench.add_paths([first])
    assert bench.workspace.is_loading
    bench.add_paths([second])
    qtbot.waitUntil(lambda: bench.sources.rowCount() == 2 and not bench.workspace.is_loading)
    assert sorted(a.path for a in bench.sources.articles) == [str(first), str(second)]


def test_load_messages_read_as_sentences():
    # Broken: the status bar says "1 skipped(s)" or points to Problems when nothing is there.
    readme = LoadProblem("/a/README.md", "skipped: looks like a read-me", skipped=True)
    broken = LoadProblem("/a/b.docx", "the file is damaged")
    assert load_message(5, ()) == "5 articles loaded"
    assert load_message(1, (readme,)) == "1 article loaded, 1 skipped (see Problems)"
    assert (
        load_message(0, (broken, broken)) == "0 articles loaded, 2 could not be read (see Problems)"
    )
    # A read-me in an opened folder stays in the list; a file the user named comes forward.
    assert not shows_problems((readme,), ["/a"], added=5)
    assert shows_problems((readme,), ["/a/README.md"], added=5)
    assert shows_problems((readme,), ["/a"], added=0)
    assert shows_problems((broken,), ["/a"], added=5)
