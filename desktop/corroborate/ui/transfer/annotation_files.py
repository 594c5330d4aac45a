"""File → Export Annotations… and File → Import Annotations…: the dialogs, then the work
on a worker (`Transfers`); `export` writes at once, for scripts and small exports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..common.actions import ActionId, ActionRegistry
from ..common.plain import show_message
from ..common.save_locations import save_folder, suggested_stem
from ..common.settings import Settings
from ..common.status import StatusSink
from ..state.workspace import Workspace
from .export_dialog import ExportChoice, ExportDialog, Transfers, export_annotations

JSON_FILTER = "W3C Web Annotation JSON (*.json);;All files (*)"


class AnnotationFiles(QObject):
    def __init__(
        self,
        workspace: Workspace,
        actions: ActionRegistry,
        settings: Settings,
        status: StatusSink,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.session = workspace.session
        self.settings = settings
        self.status = status
        self.dialog_parent = dialog_parent
        self.transfers = Transfers(self.session, settings, status, dialog_parent)
        self.status_widgets = self.transfers.status_widgets  # for the window's status bar
        actions[ActionId.EXPORT_ANNOTATIONS].triggered.connect(self.choose_export)
        actions[ActionId.IMPORT_ANNOTATIONS].triggered.connect(self.choose_import)

    def choose_export(self) -> None:
        articles = self.workspace.current_folder
        folder = str(save_folder(self.settings.last_save_folder, articles))
        stem = suggested_stem(articles, "annotations")
        dialog = ExportDialog(folder, bool(self.session.listed()), self.dialog_parent, stem)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            self.transfers.export(dialog.choice())  # on a worker

    def export(self, choice: ExportChoice) -> int | None:
        """Export now, on this thread (scripts and small exports; the menu uses a worker)."""
        folder = [p.annotation for p in self.session.listed()]
        try:
            count = export_annotations(choice, folder, self.session.store.annotations())
        except OSError as exc:
            text = f"Could not write the file:\n{exc}"
            show_message(self.dialog_parent, QMessageBox.Icon.Critical, "Export failed", text)
            return None
        self.settings.last_save_folder = str(Path(choice.path).parent)
        self.status.showMessage(f"{count} annotation(s) exported to {choice.path}", 5000)
        return count

    def choose_import(self) -> None:
        start = self.workspace.current_folder or str(Path.home())
        parent = self.dialog_parent
        path, _ = QFileDialog.getOpenFileName(parent, "Import Annotations", start, JSON_FILTER)
        if path:
            self.transfers.import_file(path)
