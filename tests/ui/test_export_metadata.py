"""File → Export Annotations… can add each side's publication date, byline and address.

If this broke, ticking "Include publication dates, bylines and addresses" would change
nothing in the file, the box would be offered for JSON (which has no such columns), or
it would have to be ticked again at every export.
"""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QDialog

from corroborate.core.annotations.table_rows import CSV_COLUMNS, METADATA_COLUMNS
from corroborate.core.model import Status
from corroborate.ui.common.settings import Settings
from corroborate.ui.transfer.export_dialog import ExportChoice, ExportDialog
from tests.cli.test_annotations_metadata import write_described_articles
from tests.ui.conftest import open_and_wait


@pytest.fixture
def folder(tmp_path):
    return write_described_articles(tmp_path)


def annotate_a_pair(qtbot, bench, folder) -> None:
    open_and_wait(qtbot, bench, folder)
    session = bench.workspace.session
    by_source = {a.source: a for a in bench.workspace.sources.articles}
    wire, daily = by_source["Morning Wire"], by_source["The Daily"]
    targets = [*session.targets(wire, [0], wire.source), *session.targets(daily, [0], daily.source)]
    session.set_status(targets, Status.DISPUTED)
    assert len(session.listed()) == 1


def export_from_the_dialog(qtbot, bench, monkeypatch, out, tick: bool | None) -> list[bool]:
    """File → Export Annotations… to `out`, the box ticked or not (None: as it opens);
    returns the box's state as the dialog opened."""
    opened = []

    def fill_in(dialog: ExportDialog) -> int:
        opened.append(dialog.metadata.isChecked())
        dialog.format.setCurrentIndex(dialog.format.findData(out.suffix[1:]))
        dialog.path.setText(str(out))
        if tick is not None:
            dialog.metadata.setChecked(tick)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fill_in)
    with qtbot.waitSignal(bench.annotation_files.transfers.finished, timeout=10_000):
        bench.annotation_files.choose_export()
    return opened


def test_the_box_is_offered_for_tables_only(qtbot, tmp_path):
    dialog = ExportDialog(str(tmp_path), include_metadata=True)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "out.csv"))
    assert dialog.metadata.isEnabled() and dialog.choice().metadata
    assert "&dates" in dialog.metadata.text()  # Alt+D ticks it
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.metadata.isEnabled() and dialog.choice().metadata
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert not dialog.metadata.isEnabled() and not dialog.choice().metadata
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.choice() == ExportChoice(str(tmp_path / "out.csv"), "csv", metadata=True)


def test_the_ticked_box_reaches_the_file_and_is_remembered(qtbot, bench, folder, monkeypatch):
    annotate_a_pair(qtbot, bench, folder)
    out = folder.parent / "with.csv"
    assert export_from_the_dialog(qtbot, bench, monkeypatch, out, tick=True) == [False]
    with out.open(encoding="utf-8", newline="") as f:
        header, row = list(csv.reader(f))
    assert tuple(header) == CSV_COLUMNS + METADATA_COLUMNS
    cells = dict(zip(header, row, strict=True))
    assert (cells["source_a"], cells["published_a"]) == ("Morning Wire", "2026-01-04")
    assert cells["byline_a"] == "'=cmd|' /C calc'!A0"  # shown by a spreadsheet, never run
    assert cells["url_a"] == "https://wire.example.com/lee-beijing"
    assert (cells["published_b"], cells["byline_b"], cells["url_b"]) == ("", "Jane Doe", "")

    # The next export opens with the box as it was left, in this window and the next.
    assert Settings().export_metadata is True
    again = folder.parent / "again.csv"
    assert export_from_the_dialog(qtbot, bench, monkeypatch, again, tick=None) == [True]
    with again.open(encoding="utf-8", newline="") as f:
        assert tuple(next(csv.reader(f))) == CSV_COLUMNS + METADATA_COLUMNS


def test_an_unticked_box_leaves_todays_columns(qtbot, bench, folder, monkeypatch):
    annotate_a_pair(qtbot, bench, folder)
    plain = folder.parent / "plain.csv"
    export_from_the_dialog(qtbot, bench, monkeypatch, plain, tick=False)
    with plain.open(encoding="utf-8", newline="") as f:
        assert tuple(next(csv.reader(f))) == CSV_COLUMNS
    assert Settings().export_metadata is False
