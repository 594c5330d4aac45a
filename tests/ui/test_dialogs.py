import re
import tomllib

from PySide6.QtGui import QKeySequence

from corroborate.ui.common.actions import ACTION_SPECS
from corroborate.ui.common.dialogs import AboutDialog, ShortcutsDialog
from tests.conftest import ROOT


def test_about_lists_every_runtime_library_with_its_version_and_licence(qtbot):
    """The About dialog credits each library the app ships with, as pyproject.toml declares
    them: a dependency added later is listed without anyone editing the dialog."""
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    table = dialog.licences
    rows = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0] for d in declared}
    assert set(rows) == names and len(names) >= 14
    assert rows["rapidfuzz"][1] == "MIT"
    assert "LGPL" in rows["PySide6-Essentials"][1]
    assert all(version and version != "?" and licence for version, licence in rows.values())


def test_shortcuts_dialog_lists_every_action_with_a_shortcut(qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    expected = {
        spec.key_sequence().toString(QKeySequence.SequenceFormat.NativeText)
        for spec in ACTION_SPECS.values()
        if spec.shortcut is not None
    }
    assert shown == expected and "Ctrl+O" in shown


def test_every_menu_action_has_a_tooltip(window):
    for menu in (window.file_menu, window.view_menu, window.help_menu):
        for action in menu.actions():
            if action.isSeparator() or action.menu():
                continue
            assert action.toolTip() and action.toolTip() != action.text().replace("&", "")
