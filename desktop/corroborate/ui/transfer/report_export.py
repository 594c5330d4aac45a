"""File → Export Report…: the open articles' facts as one HTML file (core/report/html).

The facts the window already found are used when they cover exactly the open articles;
otherwise they are found on a worker first, with the status bar's progress and Cancel.
`export_to` does the work without any dialog, so tests and other callers can use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.alignment.similarity import Corpus
from ...core.facts.find import find_facts
from ...core.model import Article, FactTable
from ...core.report.html import DEFAULT_TITLE, write_report
from ..common.actions import ActionId
from ..common.plain import show_message
from ..common.save_locations import save_path
from ..common.tasks import TaskHandle, run_task
from ..common.widgets import StatusProgress

if TYPE_CHECKING:
    from ..main_window import MainWindow

REPORT_FILTER = "HTML report (*.html *.htm);;All files (*)"


def _ids(articles: Sequence[Article]) -> frozenset[str]:
    return frozenset(a.id for a in articles)


class ReportExport(QObject):
    written = Signal(str)  # the path of the report, once it is on disk
    failed = Signal(str)  # why no report was written

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._task: TaskHandle | None = None
        self.progress = StatusProgress()
        self.progress.cancel_requested.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.progress)
        self.action = window.actions_[ActionId.EXPORT_REPORT]
        self.action.triggered.connect(self.choose)
        menu = window.file_menu
        # Beside the annotation export when it is there, else above Close Tab.
        before = next(
            (
                window.actions_[i]
                for i in (ActionId.IMPORT_ANNOTATIONS, ActionId.CLOSE_TAB)
                if window.actions_[i] in menu.actions()
            ),
            None,
        )
        menu.insertAction(before, self.action)
        window.sources.rowsInserted.connect(self._update_action)
        window.sources.modelReset.connect(self._update_action)
        self._update_action()

    @property
    def is_busy(self) -> bool:
        return self._task is not None and not self._task.done

    def _update_action(self, *_args) -> None:
        self.action.setEnabled(bool(self.window.sources.articles))

    # --- choosing the file -------------------------------------------------------------
    def default_path(self) -> str:
        """Outside the articles folder, so the report is never read back as an article."""
        settings = self.window.settings
        return save_path(settings.last_save_folder, self.window.current_folder, "report", "html")

    def choose(self) -> None:
        if not self.window.sources.articles:
            self.window.statusBar().showMessage("Open some articles to report on first", 5000)
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export Report", self.default_path(), REPORT_FILTER
        )
        if path:
            self.export_to(path if Path(path).suffix else f"{path}.html")

    # --- writing -----------------------------------------------------------------------
    def export_to(self, path: str) -> None:
        """Write the report to `path`, finding the facts first when they are not known."""
        articles = self.window.sources.articles
        if not articles:
            self._fail("No articles are open: there is nothing to report.")
            return
        table = self._known_table(articles)
        if table is not None:
            self._write(path, table)
            return
        self.cancel()
        corpus = self.window.comparisons.corpus
        if corpus is None or _ids(corpus.articles) != _ids(articles):
            corpus = None  # built on the worker with the facts: it can take a while
        self.window.statusBar().showMessage("Finding facts for the report…")
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
            self.window.statusBar().showMessage("Report cancelled", 5000)
        self._task = None

    def _known_table(self, articles: Sequence[Article]) -> FactTable | None:
        """The window's facts (the Facts tab's), when they are of the open articles."""
        owner = getattr(self.window, "corroboration", None)
        table = getattr(owner, "table", None)
        if isinstance(table, FactTable) and _ids(table.articles) == _ids(articles):
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
        window = self.window
        annotations = [placed.annotation for placed in window.annotator.session.listed()]
        labels = {a.id: window.sources.label(a) for a in table.articles}
        folder = window.current_folder
        title = f"{DEFAULT_TITLE}: {Path(folder).name}" if folder else DEFAULT_TITLE
        try:
            write_report(path, table, annotations, labels, title)
        except OSError as exc:
            self._fail(f"Could not write {path}: {exc.strerror or exc}")
            return
        window.settings.last_save_folder = str(Path(path).parent)
        window.statusBar().showMessage(f"Report saved to {path}", 15000)
        self.written.emit(path)

    def _fail(self, reason: str) -> None:
        self.window.statusBar().showMessage(reason, 15000)
        self.failed.emit(reason)
        show_message(self.window, QMessageBox.Icon.Warning, "Export Report", reason)
