"""The parts over one Workspace in a plain widget: what tests of one part build instead
of the main window (no menus, docks or status bar; the messages are recorded)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from corroborate.ui.common.actions import ActionRegistry
from corroborate.ui.common.settings import Settings
from corroborate.ui.common.tab_host import TabHost
from corroborate.ui.main_window import build_parts
from corroborate.ui.reading.article_tabs import ArticleTabs
from corroborate.ui.sources.source_views import SourcesPanel
from corroborate.ui.state.part_services import PartServices
from corroborate.ui.state.workspace import Workspace


class StatusRecorder:
    """A status sink that keeps every message, newest last."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        self.messages.append(text)

    def clearMessage(self) -> None:  # noqa: N802
        self.messages.append("")

    def currentMessage(self) -> str:  # noqa: N802
        return self.messages[-1] if self.messages else ""


class Bench(QWidget):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.workspace = workspace = Workspace(parent=self)
        self.actions_ = actions = ActionRegistry(self)
        self.status = StatusRecorder()
        self.tab_host = TabHost(self)
        self.sources_panel = SourcesPanel(workspace.sources, actions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tab_host.widget, 1)
        layout.addWidget(self.sources_panel)
        self.reading = ArticleTabs(workspace, self.tab_host, self.status)
        self.services = services = PartServices(
            workspace, actions, self.tab_host, self.status, self, self.settings
        )
        self.parts = parts = build_parts(services, self.reading, self.sources_view.selectionModel())
        self.comparisons, self.corroboration = parts.comparisons, parts.corroboration
        self.annotator, self.annotation_files = parts.annotator, parts.annotation_files
        self.report_export = parts.report_export
        status_row = QHBoxLayout()  # the parts' progress and summary, as in a status bar
        layout.addLayout(status_row)
        for widget in self.parts.status_widgets():
            status_row.addWidget(widget)
        # As the window's menus do: every action's shortcut works (the undo stack's too).
        self.addActions([action for _id, action in actions.items()])

    # --- what the tests reach -----------------------------------------------------------
    @property
    def sources(self):
        return self.workspace.sources

    @property
    def problems(self):
        return self.workspace.problems

    @property
    def current_folder(self):
        return self.workspace.current_folder

    @property
    def tabs(self):
        return self.tab_host.tabs

    @property
    def sources_view(self):
        return self.sources_panel.view

    @property
    def article_tab_opened(self):
        return self.reading.tab_opened

    @property
    def loading_finished(self):
        return self.workspace.loading_finished

    def statusBar(self) -> StatusRecorder:  # noqa: N802 (as the window's)
        return self.status

    def open_folder(self, folder: str) -> None:
        self.workspace.open_folder(folder)

    def add_paths(self, paths) -> None:
        self.workspace.add_paths(paths)

    def tab_for(self, article_id: str):
        return self.reading.tab_for(article_id)

    def show_article(self, article_id: str, sentence: int | None = None) -> None:
        self.reading.show_article(article_id, sentence)

    def closeEvent(self, event) -> None:
        self.workspace.stop_loading()
        self.reading.cancel()
        self.comparisons.reset()
        self.workspace.session.close()
        super().closeEvent(event)
