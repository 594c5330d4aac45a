"""File → Open URL… and Edit → Paste as Article: new article files in the open folder.

Pages come from a server on 127.0.0.1 (tests/core/ingest/web_pages.py); the dialogs
asking for the address and the outlet are answered by the test.
"""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from corroborate.ui.common.actions import ActionId
from corroborate.ui.common.tasks import wait_for_workers
from corroborate.ui.sources import article_intake
from tests.core.ingest.web_pages import ARTICLE_HTML, serving
from tests.ui.conftest import wait_loaded

PASTED = (
    "Lee Meets Xi in Beijing\n\n"
    "President Lee met President Xi in Beijing on Monday. The two leaders discussed "
    "trade, security and the visit's joint statement for more than two hours.\n"
)


@pytest.fixture
def server():
    with serving() as running:
        running.page("/lee", ARTICLE_HTML)
        yield running


@pytest.fixture
def folder(qtbot, window, tmp_path, seeds_dir):
    """A folder of one article, open in the window."""
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(seeds_dir / "crbc-news.txt", news)
    wait_loaded(qtbot, window, lambda: window.open_folder(str(news)))
    return news


@pytest.fixture
def answers(monkeypatch):
    """What the input dialogs are answered with, in turn; the messages shown."""
    given: list[str] = []
    shown: list[str] = []

    def answer(_parent, _title, _label, *_args):
        return (given.pop(0), True) if given else ("", False)

    monkeypatch.setattr(article_intake.QInputDialog, "getText", answer)
    monkeypatch.setattr(article_intake, "show_message", lambda *args: shown.append(args[-1]))
    return given, shown


def _trigger(qtbot, window, action_id):
    wait_loaded(qtbot, window, window.actions_[action_id].trigger)
    return window.sources.articles


def test_open_url_saves_the_page_in_the_folder_and_adds_it(qtbot, window, folder, server, answers):
    # Broken: File → Open URL would fetch nothing, or add an article whose file is gone.
    answers[0].append(server.url("/lee"))
    articles = _trigger(qtbot, window, ActionId.OPEN_URL)
    saved = folder / "Lee Visits Beijing for Talks - 127.0.0.1.html"
    assert saved.is_file()
    assert [a.path for a in articles] == [str(folder / "crbc-news.txt"), str(saved)]
    assert articles[1].title == "Lee Visits Beijing for Talks"
    assert window.tab_for(articles[1].id) is not None


def test_paste_as_article_saves_the_text_with_its_outlet_and_adds_it(
    qtbot, window, folder, answers
):
    # Broken: pasted text would vanish on restart, or come back without its outlet.
    QGuiApplication.clipboard().setText(PASTED)
    answers[0].append("Yonhap")
    articles = _trigger(qtbot, window, ActionId.PASTE_ARTICLE)
    saved = folder / "Lee Meets Xi in Beijing - Yonhap.txt"
    assert saved.read_text("utf-8") == f"---\noutlet: Yonhap\n---\n\n{PASTED}"
    (pasted,) = [a for a in articles if a.path == str(saved)]
    assert "President Lee met President Xi in Beijing on Monday." in pasted.text
    assert pasted.source == "Yonhap"  # read back from the file: it survives a restart


def test_ctrl_v_pastes_an_article_outside_text_fields_only(qtbot, window, folder, answers):
    # Broken: Ctrl+V in the find bar would make an article instead of pasting the words,
    # or Ctrl+V on the reading area would do nothing.
    QGuiApplication.clipboard().setText(PASTED)
    field = QLineEdit(window.statusBar())
    field.show()
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text().startswith("Lee Meets Xi in Beijing")
    assert sorted(p.name for p in folder.iterdir()) == ["crbc-news.txt"]
    answers[0].append("Yonhap")
    window.tabs.currentWidget().setFocus()
    wait_loaded(
        qtbot,
        window,
        lambda: QTest.keyClick(
            window.tabs.currentWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier
        ),
    )
    assert (folder / "Lee Meets Xi in Beijing - Yonhap.txt").is_file()


def test_a_page_that_cannot_be_fetched_says_why_and_adds_nothing(
    qtbot, window, folder, server, answers
):
    # Broken: a failed fetch would fail silently, or leave a half file in the folder.
    given, shown = answers
    given.append(server.url("/missing"))
    intake = window.article_intake
    with qtbot.waitSignal(intake.failed, timeout=10_000) as failed:
        window.actions_[ActionId.OPEN_URL].trigger()
    reason = f"Could not open {server.url('/missing')}: not found (HTTP 404)"
    assert failed.args == [reason]
    assert shown == [reason]
    assert sorted(p.name for p in folder.iterdir()) == ["crbc-news.txt"]
    assert len(window.sources.articles) == 1


def test_cancel_stops_a_fetch_and_nothing_is_added(qtbot, window, folder, server, answers):
    # Broken: Cancel in the status bar would leave the fetch running and add it later.
    server.route("/stall", lambda _request: server.released.wait(30))
    intake = window.article_intake
    intake.open_url(server.url("/stall"))
    assert intake.is_busy
    intake.progress.cancel_button.click()
    assert not intake.is_busy
    assert window.statusBar().currentMessage() == "Cancelled"
    assert wait_for_workers(2.0), "the cancelled fetch kept waiting on the silent server"
    assert sorted(p.name for p in folder.iterdir()) == ["crbc-news.txt"]


def test_with_no_folder_open_the_user_picks_where_to_save(
    qtbot, window, tmp_path, answers, monkeypatch
):
    # Broken: with nothing open, a pasted article would be written nowhere (or in the
    # program's own folder).
    window.close_all()
    window.workspace.current_folder = None
    monkeypatch.setattr(
        article_intake.QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path)
    )
    QGuiApplication.clipboard().setText(PASTED)
    answers[0].append("")
    articles = _trigger(qtbot, window, ActionId.PASTE_ARTICLE)
    saved = tmp_path / "Lee Meets Xi in Beijing.txt"
    assert saved.read_text("utf-8") == PASTED  # no outlet given: no front matter
    assert [a.path for a in articles] == [str(saved)]


def test_an_empty_clipboard_says_so(window, folder, answers):
    QGuiApplication.clipboard().clear()
    window.actions_[ActionId.PASTE_ARTICLE].trigger()
    assert window.statusBar().currentMessage() == (
        "The clipboard holds no text to paste as an article"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["crbc-news.txt"]
