"""File → Export Annotations… offers an Excel workbook beside CSV and JSON.

If this breaks, the dialog cannot write a workbook, writes CSV under a .xlsx name, or
offers the CSV-only byte order mark for a workbook.
"""

import zipfile

from corroborate.core.annotations.edits import new_annotation
from corroborate.core.model import Status, Target
from corroborate.ui.transfer.export_dialog import ExportChoice, ExportDialog, export_annotations


def test_choosing_the_workbook_renames_the_file_and_disables_the_byte_order_mark(qtbot, tmp_path):
    dialog = ExportDialog(str(tmp_path), has_folder=True)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "out.csv"))
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.format.currentText() == "Excel workbook (*.xlsx)"
    assert dialog.path.text().endswith("out.xlsx") and not dialog.bom.isEnabled()
    assert dialog.choice() == ExportChoice(str(tmp_path / "out.xlsx"), "xlsx", "all", False)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.path.text().endswith("out.csv")


def test_the_workbook_export_writes_the_chosen_annotations(tmp_path):
    quote = Target("a1", "Wire", "T", "/news/wire.txt", 0, 5, "Seven")
    other = Target("b2", "Daily", "T", "/news/daily.txt", 0, 5, "Seven")
    agreed = new_annotation(Status.AGREED, [quote, other], note="1/2")
    disputed = new_annotation(Status.DISPUTED, [quote], note="00123")
    path = tmp_path / "out.xlsx"
    choice = ExportChoice(str(path), "xlsx", status="agreed", folder_only=False)
    assert export_annotations(choice, [], [agreed, disputed]) == 1
    with zipfile.ZipFile(path) as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "<t>1/2</t>" in strings and "00123" not in strings
