"""Reports and exports are first proposed outside the articles folder, so the next
opening of the folder never reads them back as one more article."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from corroborate.ui.common.save_locations import save_folder
from corroborate.ui.common.settings import Settings
from corroborate.ui.transfer.export_dialog import ExportChoice, ExportDialog
from tests.ui.conftest import open_and_wait


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder with a Documents folder, standing in for the user's."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def articles(tmp_path, seeds_dir):
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    return folder


def report(qtbot, shell, path: str) -> str:
    with qtbot.waitSignal(shell.report_export.written, timeout=60_000) as blocker:
        shell.report_export.export_to(path)
    return blocker.args[0]


def test_a_report_saved_where_proposed_is_not_read_back(qtbot, bench, home, articles):
    # Broken: the report lands among the articles and comes back as a sixth source.
    open_and_wait(qtbot, bench, articles)
    assert bench.sources.rowCount() == 5
    proposed = bench.report_export.default_path()
    assert proposed == str(home / "Documents" / "articles report.html")
    report(qtbot, bench, proposed)
    open_and_wait(qtbot, bench, articles)
    assert bench.sources.rowCount() == 5
    assert sorted(p.name for p in articles.rglob("*.html")) == []


def test_the_last_folder_saved_to_is_proposed_next_time(qtbot, make_window, home, articles):
    # Broken: every save starts over in Documents, or a restart forgets the folder.
    window = make_window()
    open_and_wait(qtbot, window, articles)
    reports = home / "reports"
    reports.mkdir()
    report(qtbot, window, str(reports / "weekly.html"))
    assert window.report_export.default_path() == str(reports / "articles report.html")
    window.close()
    assert Settings().last_save_folder == str(reports.resolve())


def test_a_folder_inside_the_articles_is_never_proposed(qtbot, bench, home, articles):
    # Broken: one save into the articles folder makes every later report land there too.
    open_and_wait(qtbot, bench, articles)
    inside = articles / "saved"
    inside.mkdir()
    report(qtbot, bench, str(inside / "chosen.html"))  # the user may still pick it
    assert bench.settings.last_save_folder == str(inside.resolve())
    assert bench.report_export.default_path() == str(home / "Documents" / "articles report.html")


def test_without_a_documents_folder_the_home_folder_is_proposed(home, articles):
    # Broken: the proposal is a folder that does not exist, or the articles folder.
    shutil.rmtree(home / "Documents")
    assert save_folder(None, str(articles)) == home.resolve()
    assert save_folder(str(home / "gone"), str(articles)) == home.resolve()
    # Articles kept in the home folder itself: the folder above it, outside them.
    assert save_folder(None, str(home)) == home.resolve().parent


def test_annotation_exports_start_outside_the_articles_and_are_remembered(
    qtbot, bench, home, articles, monkeypatch
):
    # Broken: File → Export Annotations proposes a file among the articles.
    open_and_wait(qtbot, bench, articles)
    proposed = []

    def browse_and_cancel(dialog: ExportDialog) -> int:
        dialog.browse()
        return QDialog.DialogCode.Rejected

    def chooser(_parent, _title, start, _filter):
        proposed.append(start)
        return "", ""  # the user cancels the file chooser

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chooser)
    monkeypatch.setattr(ExportDialog, "exec", browse_and_cancel)
    bench.annotation_files.choose_export()
    assert proposed == [str(home / "Documents" / "articles annotations.csv")]

    out = home / "exports" / "all.json"
    out.parent.mkdir()
    transfers = bench.annotation_files.transfers
    with qtbot.waitSignal(transfers.finished, timeout=10_000):
        transfers.export(ExportChoice(str(out), "json"))
    assert out.is_file()
    assert bench.settings.last_save_folder == str(out.parent.resolve())
