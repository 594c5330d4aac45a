"""File → Export Annotations… and File → Import Annotations….

The writing is `export_annotations`, plain and testable; the dialog only gathers the
choices. A CSV or workbook may add each side's publication date, byline and address,
taken from the open articles (an annotation on an article not open gets empty cells).
Files are written atomically by core/annotations/spreadsheet (CSV, .xlsx) and
core/annotations/export (JSON). From the menus, `Transfers` runs both on a worker
(thousands of annotations take a noticeable fraction of a second), with its own
connection to the store, and reports on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.annotations.export import STATUS_FILTERS, selected, write_json
from ...core.annotations.importing import ImportReport, import_json, read_json
from ...core.annotations.spreadsheet import write_csv, write_xlsx
from ...core.annotations.store import Store
from ...core.annotations.table_rows import article_metadata
from ...core.model import Annotation, Article, Status
from ..common.icons import STATUS_TEXT, status_icon
from ..common.plain import show_message
from ..common.tasks import TaskHandle, run_task
from ..common.widgets import StatusProgress
from ..state.annotation_session import AnnotationSession
from ..state.part_services import PartServices

FORMATS = {
    "csv": "CSV table (*.csv)",
    "xlsx": "Excel workbook (*.xlsx)",
    "json": "W3C Web Annotation JSON (*.json)",
}
SUFFIXES = tuple(f".{key}" for key in FORMATS)
TABLE_FORMATS = ("csv", "xlsx")  # the formats with columns to add
# Unreadable items named in the window after an import; the rest are only counted.
PROBLEMS_SHOWN = 5


@dataclass(frozen=True, slots=True)
class ExportChoice:
    path: str
    format: str  # a key of FORMATS: "csv", "xlsx" or "json"
    status: str = "all"  # one of core.export.STATUS_FILTERS
    bom: bool = False  # CSV only: lets Excel detect UTF-8
    folder_only: bool = True  # only the open folder's annotations, else the whole store
    metadata: bool = False  # CSV and xlsx: the articles' dates, bylines and addresses too


def export_annotations(
    choice: ExportChoice,
    folder: Sequence[Annotation],
    everything: Sequence[Annotation],
    articles: Sequence[Article] = (),
) -> int:
    """Write the chosen annotations; returns how many were written. `articles` (the open
    ones) give the metadata columns when the choice asks for them."""
    chosen = selected(folder if choice.folder_only else everything, choice.status)
    metadata = article_metadata(articles) if choice.metadata else None
    if choice.format == "csv":
        write_csv(choice.path, chosen, bom=choice.bom, metadata=metadata)
    elif choice.format == "xlsx":
        write_xlsx(choice.path, chosen, metadata=metadata)
    else:
        write_json(choice.path, chosen)
    return len(chosen)


def import_annotations(session: AnnotationSession, path: str) -> ImportReport:
    """Merge a JSON file's readable items into the store (importing twice adds nothing),
    show them, and make it one undo step."""
    report = import_json(session.store, path)
    session.record_merge(report.merged, _import_text(path))
    session.reload()
    return report


def _import_text(path: str) -> str:
    return f"import {Path(path).name}"


def exported_text(count: int, path: str) -> str:
    """The status bar's line after an export."""
    return f"{count} annotation(s) exported to {path}"


def import_summary(report: ImportReport) -> str:
    """The status bar's line after an import."""
    summary = (
        f"Imported: {report.added} new, {report.updated} updated, {report.unchanged} already known"
    )
    if report.problems:
        summary += f"; {_count(len(report.problems), 'item')} could not be read"
    return summary


def problems_text(report: ImportReport) -> str:
    """What the window says about the items it could not read: the first few, each why."""
    problems = report.problems
    lines = [
        f"Imported {_count(report.read, 'annotation')}; "
        f"{_count(len(problems), 'item')} could not be read:",
        *(str(p) for p in problems[:PROBLEMS_SHOWN]),
    ]
    if len(problems) > PROBLEMS_SHOWN:
        lines.append(f"… and {len(problems) - PROBLEMS_SHOWN} more.")
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def export_stored(
    choice: ExportChoice,
    folder: Sequence[Annotation],
    store_path: Path,
    articles: Sequence[Article] = (),
) -> int:
    """`export_annotations`, reading the whole store on this thread only when it is asked for
    (run on a worker: a Store connection belongs to the thread that opened it)."""
    everything: Sequence[Annotation] = ()
    if not choice.folder_only:
        with Store(store_path) as store:
            everything = store.annotations()
    return export_annotations(choice, folder, everything, articles)


def merge_file(store_path: Path, path: str) -> ImportReport:
    """Merge a JSON file into the store at `store_path` through a connection of this thread."""
    parsed = read_json(path)  # first, so a failure here is the file's and named as such
    with Store(store_path) as store:
        return parsed.merge_into(store)


class Transfers(QObject):
    """Export and import of the menus, on a worker; one at a time.

    Neither can be cancelled half-way: the file is renamed into place whole and the
    merge is one transaction, so a Cancel could only hide what happens anyway.
    """

    finished = Signal(str)  # what the status bar said when it was done

    def __init__(self, services: PartServices) -> None:
        super().__init__(services.workspace.session)
        self.services = services
        self.session = services.workspace.session
        self._task: TaskHandle | None = None
        self.progress = StatusProgress()
        self.progress.cancel_button.hide()
        self.status_widgets = (self.progress,)  # for the window's status bar

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done

    def export(self, choice: ExportChoice) -> None:
        folder = [p.annotation for p in self.session.listed()]
        path = self.session.store.path
        articles = self.services.workspace.sources.articles  # a copy: immutable records

        def exported(count: int) -> str:
            self.services.remember_saved(choice.path)
            return exported_text(count, choice.path)

        self._start(
            "Exporting annotations",
            lambda _progress: export_stored(choice, folder, path, articles),
            exported,
            "Export failed",
            "Could not write the file",
        )

    def import_file(self, path: str) -> None:
        store_path = self.session.store.path

        def imported(report: ImportReport) -> str:
            self.session.record_merge(report.merged, _import_text(path))
            self.session.refresh()  # on a worker too when the store is large
            if report.problems:
                self._show_problems(report)
            return import_summary(report)

        self._start(
            "Importing annotations",
            lambda _progress: merge_file(store_path, path),
            imported,
            "Import failed",
            f"Could not import {path}",
        )

    def _show_problems(self, report: ImportReport) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Import Annotations",
            problems_text(report),
            QMessageBox.StandardButton.Ok,
            self.services.dialog_parent,
        )
        box.setObjectName("importProblems")
        box.setTextFormat(Qt.TextFormat.PlainText)  # ids and dates from the file may look like HTML
        box.finished.connect(box.deleteLater)
        box.open()  # window-modal without blocking: the import is already done

    def _start(self, doing: str, work, done, failed_title: str, failed_text: str) -> None:
        if self.busy:
            self.services.status.showMessage("Wait for the export or import to finish", 5000)
            return
        self.progress.start(doing)
        self.services.status.showMessage(f"{doing}…")

        def on_done(result, error: BaseException | None) -> None:
            self.progress.finish()
            self._task = None
            if error is not None:  # OSError, AnnotationFormatError: the message says which
                self.services.status.clearMessage()
                text = f"{failed_text}:\n{error}"
                parent = self.services.dialog_parent
                show_message(parent, QMessageBox.Icon.Critical, failed_title, text)
                self.finished.emit("")
                return
            message = done(result)
            self.services.status.showMessage(message, 10000)
            self.finished.emit(message)

        self._task = run_task(work, on_done, None, self)


class ExportDialog(QDialog):
    def __init__(
        self,
        start_folder: str,
        has_folder: bool = True,
        parent: QWidget | None = None,
        file_stem: str = "annotations",
        include_metadata: bool = False,
    ) -> None:
        """`start_folder` and `file_stem` make the file Browse… proposes first;
        `include_metadata` is the metadata box's first state (the one last chosen)."""
        super().__init__(parent)
        self.setWindowTitle("Export Annotations")
        self._start_folder = start_folder
        self._file_stem = file_stem
        self.format = QComboBox()
        for key, text in FORMATS.items():
            self.format.addItem(text, key)
        self.format.setToolTip(
            "A workbook opens in spreadsheets with every note kept as text; CSV needs its "
            "columns imported as Text for that; JSON keeps everything for re-import"
        )
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
        self.metadata = QCheckBox("Include publication &dates, bylines and addresses")
        self.metadata.setChecked(include_metadata)
        self.metadata.setToolTip(
            "Six more columns at the end, from the open articles' files: published, byline "
            "and url of each side (empty for articles that are not open)"
        )
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
        form.addRow("", self.metadata)
        # A label of its own: a row given as a layout has no field to be the label's buddy,
        # and the "&" would show instead of underlining the key.
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path)
        form.addRow(file_label, path_row)
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
        self.metadata.setEnabled(self.chosen_format in TABLE_FORMATS)
        path = self.path.text().strip()
        if path:
            suffix = f".{self.chosen_format}"
            if Path(path).suffix.lower() in SUFFIXES and not path.endswith(suffix):
                self.path.blockSignals(True)
                self.path.setText(str(Path(path).with_suffix(suffix)))
                self.path.blockSignals(False)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.path.text().strip()))

    def browse(self) -> None:
        fmt = self.chosen_format
        start = self.path.text() or str(Path(self._start_folder) / f"{self._file_stem}.{fmt}")
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
            metadata=self.metadata.isChecked() and self.chosen_format in TABLE_FORMATS,
        )
