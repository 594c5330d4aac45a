"""About and Keyboard Shortcuts dialogs, both generated from live data."""

from __future__ import annotations

import re
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from .actions import ACTION_SPECS
from .widgets import enlarge

APP_DISTRIBUTION = "corroborate"


def runtime_dependencies() -> list[str]:
    """The libraries the app is built on, as its own installed metadata declares them (the
    optional test and packaging extras left out), in the order pyproject.toml lists them."""
    try:
        requirements = metadata.requires(APP_DISTRIBUTION) or []
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return []
    return [
        re.split(r"[<>=!~;\[ (]", requirement, maxsplit=1)[0]
        for requirement in requirements
        if "extra ==" not in requirement
    ]


def dependency_licences() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each runtime dependency, read from its installed metadata."""
    rows = []
    for name in runtime_dependencies():
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        licence = meta.get("License-Expression") or (meta.get("License") or "").strip()
        if not licence or len(licence) > 80:  # some packages put the whole text here
            classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
            licence = classifiers[0].split("::")[-1].strip() if classifiers else "see package"
        rows.append((name, meta.get("Version", "?"), licence))
    return rows


def _table(headers: list[str], rows: list[tuple[str, ...]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)


class AboutDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("About Corroborate", parent)
        heading = enlarge(QLabel(f"Corroborate {__version__}"), 1.5)
        blurb = QLabel(
            "Compare news articles about the same event: line up the sentences that report "
            "the same thing, see where outlets differ, and record what is agreed or disputed.\n\n"
            "Licence: GNU General Public License, version 3 or later.\n"
            "Built on these libraries:"
        )
        blurb.setWordWrap(True)
        for label in (heading, blurb):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.licences = _table(["Library", "Version", "Licence"], dependency_licences())
        self.layout_.addWidget(heading)
        self.layout_.addWidget(blurb)
        self.layout_.addWidget(self.licences)
        self.finish()
        self.resize(560, 460)


class ShortcutsDialog(_Dialog):
    """Lists every action of the registry with its shortcut: it cannot drift from the menus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Keyboard Shortcuts", parent)
        rows = []
        for spec in ACTION_SPECS.values():
            keys = spec.key_sequence().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((spec.text.replace("&", "").rstrip("…"), keys, spec.tooltip))
        self.table = _table(["Action", "Shortcut", "What it does"], rows)
        self.layout_.addWidget(self.table)
        self.finish()
        self.resize(640, 480)
