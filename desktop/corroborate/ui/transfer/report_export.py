"""File → Export Report…: the open articles' facts as one HTML file (core/report/html);
only the current story's articles when one is picked in the Stories panel.

The facts already found are used when they cover exactly the open articles;
otherwise they are found on a worker first, with the status bar's progress and Cancel.
`export_to` does the work without any dialog, so tests and other callers can use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from ...core.alignment.similarity import Corpus
from ...core.facts.find import find_facts
from ...core.model import Article, FactTable
from ...core.report.html import DEFAULT_TITLE, write_report
from ..common.actions import ActionId
from ..common.plain import show_message
from ..common.tasks import TaskHandle, run_task
from ..common.widgets import StatusProgress
from ..state.part_services import PartServices

REPORT_FILTER = "HTML report (*.html *.htm);;All files (*)"
OPEN_BUTTON_MS = 20_000  # how long "Open Report" stays after saving


def _ids(articles: Sequence[Article]) -> frozenset[str]:
    return frozenset(a.id for a in articles)


class ReportExport(QObject):
    written = Signal(str)  # the path of the report, once it is on disk
    failed = Signal(str)  # why no report was written

    def __init__(self, services: PartServices) -> None:
        super().__init__(services.workspace)
        self.services = services
        self.workspace = workspace = services.workspace
        self._task: TaskHandle | None = None
        self.progress = StatusProgress()
        self.progress.cancel_requested.connect(self.cancel)
        # Shown for a while after a report is saved: the report opens in the browser.
        self.open_button = QPushButton("Open Report")
        self.open_button.setToolTip("Open the saved report in your web browser")
        self.open_button.hide()
        self.open_button.clicked.connect(self.open_saved)
        self._saved: str | None = None
        self._hide_open = QTimer(self)
        self._hide_open.setSingleShot(True)
        self._hide_open.setInterval(OPEN_BUTTON_MS)
        self._hide_open.timeout.connect(self.open_button.hide)
        self.status_widgets = (self.progress, self.open_button)  # for the window's status bar
        self.action = services.actions[ActionId.EXPORT_REPORT]
        self.action.triggered.connect(self.choose)
        workspace.sources.rowsInserted.connect(self._update_action)
        workspace.sources.modelReset.connect(self._update_action)
        self._update_action()

    @property
    def is_busy(self) -> bool:
        return self._task is not None and not self._task.done

    def _update_action(self, *_args) -> None:
        self.action.setEnabled(bool(self.workspace.sources.articles))

    def reported_articles(self) -> list[Article]:
        """The open articles of the current story (all of them when none is picked)."""
        workspace = self.workspace
        return [a for a in workspace.sources.articles if workspace.in_story(a.id)]

    # --- choosing the file -------------------------------------------------------------
    def default_path(self) -> str:
        """Outside the articles folder, so the report is never read back as an article."""
        return self.services.save_start("report", "html")

    def choose(self) -> None:
        if not self.workspace.sources.articles:
            self.services.status.showMessage("Open some articles to report on first", 5000)
            return
        path, _ = QFileDialog.getSaveFileName(
            self.services.dialog_parent, "Export Report", self.default_path(), REPORT_FILTER
        )
        if path:
            self.export_to(path if Path(path).suffix else f"{path}.html")

    # --- writing -----------------------------------------------------------------------
    def export_to(self, path: str) -> None:
        """Write the report to `path`, finding the facts first when they are not known."""
        self.open_button.hide()
        articles = self.reported_articles()
        if not articles:
            self._fail("No articles are open: there is nothing to report.")
            return
        table = self._known_table(articles)
        if table is not None:
            self._write(path, table)
            return
        self.cancel()
        corpus = self.workspace.corpus
        if corpus is None or _ids(corpus.articles) != _ids(articles):
            corpus = None  # built on the worker with the facts: it can take a while
        self.services.status.showMessage("Finding facts for the report…")
        self.progress.start("Finding facts for the report")
        self._task = run_task(
            lambda progress: find_facts(corpus or Corpus(articles), progress),
            lambda table, error: self._on_facts(path, table, error),
            self.progress.report,
            self,
        )

    def cancel(self) -> None:
        if self.is_busy:
            self._task.cancel()
            self.progress.finish()
            self.services.status.showMessage("Report cancelled", 5000)
        self._task = None

    def _known_table(self, articles: Sequence[Article]) -> FactTable | None:
        """The workspace's facts (the Facts tab's), when they are of the open articles."""
        table = self.workspace.facts
        if table is not None and _ids(table.articles) == _ids(articles):
            return table
        return None

    def _on_facts(self, path: str, table: FactTable | None, error: BaseException | None) -> None:
        self.progress.finish()
        self._task = None
        if error is not None or table is None or table.cancelled:
            self._fail(f"Could not find the facts: {error or 'cancelled'}")
            return
        self._write(path, table)

    def _write(self, path: str, table: FactTable) -> None:
        workspace = self.workspace
        annotations = [placed.annotation for placed in workspace.session.listed()]
        labels = {a.id: workspace.sources.label(a) for a in table.articles}
        folder = workspace.current_folder
        title = f"{DEFAULT_TITLE}: {Path(folder).name}" if folder else DEFAULT_TITLE
        if workspace.story is not None:
            title = f"{title} — {workspace.story.label}"
        try:
            write_report(path, table, annotations, labels, title)
        except OSError as exc:
            self._fail(f"Could not write {path}: {exc.strerror or exc}")
            return
        self.services.remember_saved(path)
        self.services.status.showMessage(f"Report saved to {path}", OPEN_BUTTON_MS)
        self._saved = path
        self.open_button.show()
        self._hide_open.start()
        self.written.emit(path)

    def open_saved(self) -> None:
        """Open the report just saved with the system's browser."""
        self.open_button.hide()
        if self._saved is not None and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(self._saved)
        ):
            self.services.status.showMessage(f"No program could open {self._saved}", 10000)

    def _fail(self, reason: str) -> None:
        self.services.status.showMessage(reason, 15000)
        self.failed.emit(reason)
        show_message(self.services.dialog_parent, QMessageBox.Icon.Warning, "Export Report", reason)
