from PySide6.QtGui import QKeySequence

from corroborate.ui.common.actions import ACTION_SPECS
from corroborate.ui.common.dialogs import AboutDialog, ShortcutsDialog


def test_about_lists_each_main_library_with_its_licence(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    table = dialog.licences
    rows = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert rows["rapidfuzz"] == "MIT"
    assert "LGPL" in rows["PySide6-Essentials"]
    assert len(rows) == 8 and all(rows.values())


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
