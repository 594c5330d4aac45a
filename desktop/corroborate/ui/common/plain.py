"""Text from articles, notes, source names and file names shown exactly as written.

Qt guesses whether a tooltip or a label is rich text (Qt::mightBeRichText): a title such
as "<b>Breaking</b>" would show in bold, an "<img>" as a broken picture. Tooltips are
therefore always sent as escaped rich text, labels and message boxes as plain text,
and "&" in button and tab texts is doubled so it is not taken for a shortcut marker.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

# Both keep line breaks and runs of spaces. Qt wraps any rich tooltip to a narrow
# column, even three words, so only lines longer than this may wrap.
_TOOLTIP = "<p style='white-space:{}'>{}</p>"
_UNWRAPPED_LINE = 80
_TITLE_PLACEHOLDER = "[*]"  # where Qt puts a window's "modified" mark


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip Qt shows literally, line breaks and all ("" and None: no tooltip)."""
    if not text:
        return text
    longest = max(len(line) for line in text.splitlines() or [text])
    wrapping = "pre-wrap" if longest > _UNWRAPPED_LINE else "pre"
    return _TOOLTIP.format(wrapping, html.escape(text, quote=False))


def set_plain(label: QLabel, text: str) -> QLabel:
    """Show `text` in `label` as written, never as markup."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def no_mnemonic(text: str) -> str:
    """A button, tab or menu text shown as written: "&" in a name is not a shortcut."""
    return text.replace("&", "&&")


def window_title(text: str) -> str:
    """A window title shown as written: a "[*]" in a folder name is not Qt's mark."""
    return text.replace(_TITLE_PLACEHOLDER, _TITLE_PLACEHOLDER * 2)


def show_message(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A modal message whose text (often naming a file) is shown as written."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    return box
