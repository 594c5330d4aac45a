"""File → Export Annotations… and File → Import Annotations…: the dialogs, then the work
on a worker (`Transfers`); `export` writes at once, for scripts and small exports."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..common.actions import ActionId
from ..common.plain import show_message
from ..state.part_services import PartServices
from .export_dialog import ExportChoice, ExportDialog, Transfers, export_annotations, exported_text

JSON_FILTER = "W3C Web Annotation JSON (*.json);;All files (*)"


class AnnotationFiles(QObject):
    def __init__(self, services: PartServices) -> None:
        super().__init__(services.workspace)
        self.services = services
        self.session = services.workspace.session
        self.transfers = Transfers(services)
        self.status_widgets = self.transfers.status_widgets  # for the window's status bar
        services.actions[ActionId.EXPORT_ANNOTATIONS].triggered.connect(self.choose_export)
        services.actions[ActionId.IMPORT_ANNOTATIONS].triggered.connect(self.choose_import)

    def choose_export(self) -> None:
        services = self.services
        folder, stem = services.save_start_folder(), services.save_stem("annotations")
        has_folder = bool(self.session.listed())
        remembered = services.settings.export_metadata
        dialog = ExportDialog(folder, has_folder, services.dialog_parent, stem, remembered)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            services.settings.export_metadata = dialog.metadata.isChecked()
            self.transfers.export(dialog.choice())  # on a worker

    def export(self, choice: ExportChoice) -> int | None:
        """Export now, on this thread (scripts and small exports; the menu uses a worker)."""
        folder = [p.annotation for p in self.session.listed()]
        try:
            everything = self.session.store.annotations()
            articles = self.services.workspace.sources.articles
            count = export_annotations(choice, folder, everything, articles)
        except OSError as exc:
            text = f"Could not write the file:\n{exc}"
            parent = self.services.dialog_parent
            show_message(parent, QMessageBox.Icon.Critical, "Export failed", text)
            return None
        self.services.remember_saved(choice.path)
        self.services.status.showMessage(exported_text(count, choice.path), 5000)
        return count

    def choose_import(self) -> None:
        start, parent = self.services.open_start(), self.services.dialog_parent
        path, _ = QFileDialog.getOpenFileName(parent, "Import Annotations", start, JSON_FILTER)
        if path:
            self.transfers.import_file(path)
