"""File → Export Annotations… and File → Import Annotations….

The writing is `export_annotations`, plain and testable; the dialog only gathers the
choices. Files are written atomically by core/export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.export import STATUS_FILTERS, import_json, selected, write_csv, write_json
from ..core.model import Annotation, Status
from ..core.store import MergeResult
from .annotation_session import AnnotationSession
from .annotations_model import STATUS_TEXT, status_icon

FORMATS = {"csv": "CSV table (*.csv)", "json": "W3C Web Annotation JSON (*.json)"}


@dataclass(frozen=True, slots=True)
class ExportChoice:
    path: str
    format: str  # "csv" or "json"
    status: str = "all"  # one of core.export.STATUS_FILTERS
    bom: bool = False  # CSV only: lets Excel detect UTF-8
    folder_only: bool = True  # only the open folder's annotations, else the whole store


def export_annotations(
    choice: ExportChoice, folder: Sequence[Annotation], everything: Sequence[Annotation]
) -> int:
    """Write the chosen annotations; returns how many were written."""
    chosen = selected(folder if choice.folder_only else everything, choice.status)
    if choice.format == "csv":
        write_csv(choice.path, chosen, bom=choice.bom)
    else:
        write_json(choice.path, chosen)
    return len(chosen)


def import_annotations(session: AnnotationSession, path: str) -> MergeResult:
    """Merge a JSON file into the store (importing twice adds nothing) and show it."""
    added, updated, unchanged = import_json(session.store, path)
    session.reload()
    return MergeResult(added, updated, unchanged)


class ExportDialog(QDialog):
    def __init__(
        self, start_folder: str, has_folder: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Annotations")
        self._start_folder = start_folder
        self.format = QComboBox()
        for key, text in FORMATS.items():
            self.format.addItem(text, key)
        self.format.setToolTip("CSV opens in spreadsheets; JSON keeps everything for re-import")
        self.status = QComboBox()
        for value in STATUS_FILTERS:
            if value == "all":
                self.status.addItem("All statuses", value)
            else:
                self.status.addItem(status_icon(Status(value)), STATUS_TEXT[Status(value)], value)
        self.status.setToolTip("Export only annotations of this status")
        self.bom = QCheckBox("Start with a byte order &mark (for Excel)")
        self.bom.setToolTip("Excel reads UTF-8 CSV correctly only with this mark")
        self.folder_only = QCheckBox("Only annotations of the open &folder")
        self.folder_only.setChecked(has_folder)
        self.folder_only.setEnabled(has_folder)
        self.folder_only.setToolTip("Otherwise every annotation ever made is exported")
        self.path = QLineEdit()
        self.path.setPlaceholderText("Choose where to save")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow("F&ormat:", self.format)
        form.addRow("&Status:", self.status)
        form.addRow("", self.bom)
        form.addRow("", self.folder_only)
        form.addRow("&File:", path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._sync)
        self.path.textChanged.connect(self._sync)
        self._sync()
        self.resize(560, self.sizeHint().height())

    @property
    def chosen_format(self) -> str:
        return self.format.currentData()

    def _sync(self) -> None:
        csv = self.chosen_format == "csv"
        self.bom.setEnabled(csv)
        path = self.path.text().strip()
        if path:
            suffix = f".{self.chosen_format}"
            if Path(path).suffix.lower() in (".csv", ".json") and not path.endswith(suffix):
                self.path.blockSignals(True)
                self.path.setText(str(Path(path).with_suffix(suffix)))
                self.path.blockSignals(False)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.path.text().strip()))

    def browse(self) -> None:
        fmt = self.chosen_format
        start = self.path.text() or str(Path(self._start_folder) / f"annotations.{fmt}")
        path, _ = QFileDialog.getSaveFileName(self, "Export Annotations", start, FORMATS[fmt])
        if path:
            self.path.setText(path if Path(path).suffix else f"{path}.{fmt}")

    def choice(self) -> ExportChoice:
        return ExportChoice(
            path=self.path.text().strip(),
            format=self.chosen_format,
            status=self.status.currentData(),
            bom=self.bom.isChecked() and self.chosen_format == "csv",
            folder_only=self.folder_only.isChecked(),
        )
