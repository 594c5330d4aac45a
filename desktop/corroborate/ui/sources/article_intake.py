"""File → Open URL… and Edit → Paste as Article: articles from the web or the clipboard,
saved as files (core/ingest/fetching.py) and added to the open articles.

Both save into the open folder, so the new article reopens with it and its annotations
anchor to a file that stays; with no folder open, the user picks the folder first. The
fetch and the writing run on a worker, with the status bar's progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from ...core.ingest.fetching import (
    FetchFailed,
    address_from_input,
    fetch_into,
    is_web_address,
    save_pasted,
)
from ..common.actions import ActionId
from ..common.plain import show_message
from ..common.tasks import LatestTask, Progress
from ..common.widgets import StatusProgress
from ..state.part_services import PartServices

MESSAGE_MS = 15_000


class ArticleIntake(QObject):
    saved = Signal(str)  # the new file, as it is added to the open articles
    failed = Signal(str)  # why nothing was added

    def __init__(self, services: PartServices) -> None:
        super().__init__(services.workspace)
        self.services = services
        self._task = LatestTask(self)  # one fetch or paste at a time: a new one replaces it
        self.progress = StatusProgress()
        self.progress.cancel_requested.connect(self.cancel)
        self.status_widgets = (self.progress,)  # for the window's status bar
        services.actions[ActionId.OPEN_URL].triggered.connect(self.ask_address)
        services.actions[ActionId.PASTE_ARTICLE].triggered.connect(self.paste)

    @property
    def is_busy(self) -> bool:
        return self._task.running

    # --- where the new files go --------------------------------------------------------
    def target_folder(self) -> str | None:
        """The open folder; with none open, the folder the user picks (None: cancelled)."""
        folder = self.services.workspace.current_folder
        if folder and Path(folder).is_dir():
            return folder
        chosen = QFileDialog.getExistingDirectory(
            self.services.dialog_parent,
            "Save the new article into which folder?",
            self.services.open_start(),
        )
        return chosen or None

    # --- Open URL ----------------------------------------------------------------------
    def ask_address(self) -> None:
        clipboard = QGuiApplication.clipboard().text().strip()
        suggestion = clipboard if is_web_address(clipboard) and "\n" not in clipboard else ""
        text, accepted = QInputDialog.getText(
            self.services.dialog_parent,
            "Open URL",
            "Address of the web page to add as an article:",
            QLineEdit.EchoMode.Normal,
            suggestion,
        )
        if accepted and text.strip():
            self.open_url(address_from_input(text))

    def open_url(self, url: str, folder: str | None = None) -> None:
        """Fetch `url` on a worker, save it into `folder` (else the open one) and add it."""
        folder = folder or self.target_folder()
        if folder is not None:
            self._start(
                lambda progress: fetch_into(url, folder, progress),
                f"Fetching {url}…",
                f"Could not open {url}",
            )

    # --- Paste as Article --------------------------------------------------------------
    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        markup = mime.html() if mime is not None and mime.hasHtml() else ""
        text = mime.text() if mime is not None and mime.hasText() else ""
        if not markup.strip() and not text.strip():
            self.services.status.showMessage(
                "The clipboard holds no text to paste as an article", MESSAGE_MS
            )
            return
        folder = self.target_folder()
        if folder is None:
            return
        outlet, accepted = QInputDialog.getText(
            self.services.dialog_parent,
            "Paste as Article",
            "Outlet that published it (a newspaper, site or agency; may be left empty):",
        )
        if accepted:
            self._start(
                lambda _progress: save_pasted(markup, text, outlet, folder),
                "Saving the pasted article…",
                "Could not paste the article",
            )

    # --- the work on a worker ----------------------------------------------------------
    def _start(self, work: Callable[[Progress], Path], doing: str, failing: str) -> None:
        self.services.status.showMessage(doing)
        self.progress.start(doing.rstrip("…"))
        self._task.start(
            work, lambda path, error: self._on_done(path, error, failing), self._report
        )

    def _report(self, done: int, total: int) -> None:
        if total:  # an unknown length keeps the bar busy
            self.progress.report(done, total)

    def cancel(self) -> None:
        """Stop the fetch: nothing is saved or added (the Cancel button)."""
        if self.is_busy:
            self._task.cancel()
            self.progress.finish()
            self.services.status.showMessage("Cancelled", 5000)

    def _on_done(self, path: Path | None, error: BaseException | None, failing: str) -> None:
        self.progress.finish()
        if error is not None or path is None:
            self._fail(f"{failing}: {_reason(error)}")
            return
        self.services.status.showMessage(f"Saved {path.name} in {path.parent}", MESSAGE_MS)
        self.services.workspace.add_paths([str(path)])
        self.saved.emit(str(path))

    def _fail(self, reason: str) -> None:
        self.services.status.showMessage(reason, MESSAGE_MS)
        self.failed.emit(reason)
        show_message(self.services.dialog_parent, QMessageBox.Icon.Warning, "Add Article", reason)


def _reason(error: BaseException | None) -> str:
    if isinstance(error, FetchFailed):
        return str(error)
    if isinstance(error, OSError):
        where = f" {error.filename}" if error.filename else ""
        return f"the file could not be written{where}: {error.strerror or error}"
    return f"an unexpected error ({type(error).__name__}: {error})"
