"""File → Export Report… in the window: the report is written, and the user is told where."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from corroborate.core.model import Status
from corroborate.ui.common.actions import ACTION_SPECS, ActionId
from tests.ui.conftest import wait_loaded


@pytest.fixture
def seeded(qtbot, bench, seeds_dir):
    wait_loaded(qtbot, bench, lambda: bench.open_folder(str(seeds_dir)))
    return bench


def export(qtbot, shell, path) -> tuple[str, bool]:
    """The path written, and whether the facts had to be found on a worker first."""
    with qtbot.waitSignal(shell.report_export.written, timeout=60_000) as blocker:
        shell.report_export.export_to(str(path))
        on_worker = shell.report_export.is_busy
    return blocker.args[0], on_worker


def test_export_report_is_in_the_file_menu_and_needs_articles(window):
    # Broken: the command cannot be found, has no key, or offers a report of nothing.
    action = window.actions_[ActionId.EXPORT_REPORT]
    assert action in window.file_menu.actions()
    assert action.shortcut().matches(ACTION_SPECS[ActionId.EXPORT_REPORT].key_sequence())
    assert action.toolTip() and not action.isEnabled()


def test_report_is_written_with_facts_found_on_a_worker(qtbot, seeded, tmp_path):
    # Broken: exporting before the Facts tab has its facts writes nothing or freezes.
    seeded.workspace.facts = None  # as if the facts were not found yet
    target = tmp_path / "report.html"
    assert export(qtbot, seeded, target) == (str(target), True)
    document = target.read_text(encoding="utf-8")
    for article in seeded.sources.articles:
        assert html.escape(seeded.sources.label(article)) in document
    assert "<mark title='Duration differs'>four-day</mark>" in document
    assert str(target) in seeded.statusBar().currentMessage()
    assert seeded.actions_[ActionId.EXPORT_REPORT].isEnabled()


def test_report_uses_the_window_facts_labels_and_annotations(qtbot, seeded, tmp_path):
    # Broken: the report ignores a renamed source or the user's verdicts and notes.
    if seeded.corroboration.table is None:
        with qtbot.waitSignal(seeded.corroboration.table_ready, timeout=60_000):
            pass
    table = seeded.corroboration.table
    first = seeded.sources.articles[0]
    seeded.sources.setData(seeded.sources.index(0, 0), "Desk <One>")
    session = seeded.annotator.session
    targets = [  # a pair of sentences reporting the first fact, as the comparison marks it
        session.targets(session.article(m.article), m.sentences[:1], "x")[0]
        for m in table.shared[0].mentions[:2]
    ]
    session.set_status(targets, Status.DISPUTED)
    session.set_note(targets, "Check with the <ministry>")
    target = tmp_path / "out.html"
    assert export(qtbot, seeded, target) == (str(target), False)  # the known facts used
    document = target.read_text(encoding="utf-8")
    assert seeded.sources.label(first) == "Desk <One>"
    assert "Desk &lt;One&gt;" in document
    assert "Check with the &lt;ministry&gt;" in document


def test_choosing_a_path_without_suffix_saves_an_html_file(qtbot, seeded, tmp_path, monkeypatch):
    # Broken: the file chooser's answer is ignored, or the file cannot be opened by a browser.
    chosen = tmp_path / "weekly"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), "HTML report (*.html)")
    )
    with qtbot.waitSignal(seeded.report_export.written, timeout=60_000) as blocker:
        seeded.actions_[ActionId.EXPORT_REPORT].trigger()
    assert blocker.args[0] == str(chosen) + ".html"
    assert (tmp_path / "weekly.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_folder_that_cannot_be_written_is_reported(qtbot, seeded, tmp_path, monkeypatch):
    # Broken: a failed save looks like success, or the window crashes.
    warnings = []  # (text, format) of each message box shown instead of blocking the test
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: warnings.append((box.text(), box.textFormat()))
    )
    seeded.workspace.facts = None
    with qtbot.waitSignal(seeded.report_export.failed, timeout=60_000) as blocker:
        seeded.report_export.export_to(str(tmp_path / "missing" / "report.html"))
    assert "Could not write" in blocker.args[0]
    assert warnings == [(blocker.args[0], Qt.TextFormat.PlainText)]  # the path shown as written
    assert "Could not write" in seeded.statusBar().currentMessage()
    assert not (tmp_path / "missing").exists()


def test_a_saved_report_can_be_opened_from_the_status_bar(qtbot, seeded, tmp_path, monkeypatch):
    # Broken: after saving, the user has to find the file to look at the report.
    opened = []
    monkeypatch.setattr(
        "corroborate.ui.transfer.report_export.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    button = seeded.report_export.open_button
    assert button in seeded.report_export.status_widgets and button.isHidden()
    path, _ = export(qtbot, seeded, tmp_path / "report.html")
    assert not button.isHidden()
    button.click()
    assert opened == [path] and button.isHidden()
