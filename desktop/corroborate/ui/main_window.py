"""The shell and composition root: builds the Workspace and every part, hands each what
it needs (never the window), and places their menus, docks and status widgets in one
place. No business logic."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from ..core.annotations.store import Store
from ..core.ingest.readers import ARTICLE_SUFFIXES
from .annotate.annotating import Annotator
from .common.actions import ActionId, ActionRegistry
from .common.dialogs import AboutDialog, ShortcutsDialog
from .common.finding import Finder
from .common.icons import window_icon
from .common.plain import no_mnemonic, plain_tooltip, show_message, window_title
from .common.settings import Settings
from .common.tab_host import TabHost
from .common.widgets import (
    BOTTOM_DOCK_HEIGHT,
    RIGHT_DOCK_WIDTH,
    DropOverlay,
    StatusProgress,
    default_geometry,
    drop_hint,
    focus_next_pane,
    local_paths,
)
from .compare.comparisons import Comparisons
from .facts.corroboration import Corroboration
from .menus import MENUS, RECENT_FOLDERS, SEPARATOR
from .reading.article_tabs import ArticleTabs
from .sources.article_intake import ArticleIntake
from .sources.source_views import SourcesPanel, problems_view
from .sources.stories_panel import Stories
from .state.part_services import PartServices
from .state.sources_model import SourcesModel
from .state.workspace import Workspace
from .store_dialog import show_saving_state
from .transfer.annotation_files import AnnotationFiles
from .transfer.report_export import ReportExport

FILE_FILTER = "Articles ({});;All files (*)".format(
    " ".join(f"*{suffix}" for suffix in sorted(ARTICLE_SUFFIXES))
)


class Parts(NamedTuple):
    """The parts over one PartServices, in the order their status widgets are shown."""

    comparisons: Comparisons
    annotation_files: AnnotationFiles
    annotator: Annotator
    corroboration: Corroboration
    report_export: ReportExport
    article_intake: ArticleIntake

    def status_widgets(self) -> list[QWidget]:
        return [widget for part in self for widget in part.status_widgets]


def build_parts(
    services: PartServices, reading: ArticleTabs, sources_selection: QItemSelectionModel
) -> Parts:
    """Every part over `services`, each given the others' methods it uses; the tabs with
    annotatable rows announce them to the annotator. The window and the test bench."""
    comparisons = Comparisons(services, reading, sources_selection)
    corroboration = Corroboration(services, reading, comparisons.open)
    annotator = Annotator(services, corroboration.show_fact, comparisons.show_sentences)
    comparisons.rows_opened.connect(annotator.attach)
    corroboration.rows_opened.connect(annotator.attach)
    files, intake = AnnotationFiles(services), ArticleIntake(services)
    return Parts(comparisons, files, annotator, corroboration, ReportExport(services), intake)


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, store: Store | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle("Corroborate")
        self.setWindowIcon(window_icon())
        self.setAcceptDrops(True)
        self.workspace = workspace = Workspace(store, self)  # None: the user's own store
        self.actions_ = actions = ActionRegistry(self)
        self.tab_host = TabHost(self)
        self.setCentralWidget(self.tab_host.widget)
        self.drop_overlay = DropOverlay(self)
        status = self.statusBar()

        self.services = services = PartServices(
            workspace, actions, self.tab_host, status, self, self.settings
        )
        self.sources_panel = SourcesPanel(workspace.sources, actions)
        self.reading = ArticleTabs(workspace, self.tab_host, status)
        self.parts = build_parts(services, self.reading, self.sources_view.selectionModel())
        (
            self.comparisons,
            self.annotation_files,
            self.annotator,
            self.corroboration,
            self.report_export,
            self.article_intake,
        ) = self.parts
        self.stories = Stories(workspace, actions)
        self.sources_panel.follow_story(workspace)
        self.finder = Finder(actions, self.tab_host, [self.annotator.list_panel])
        self._connect_workspace()
        self._connect_actions()
        self._build_docks()
        self._build_menus()
        self._build_status_bar()
        show_saving_state(workspace.session, status, self)  # not saving, or a failed save
        self._restore_window()

    # --- what the app and tests reach through the window --------------------------------
    @property
    def sources(self) -> SourcesModel:
        return self.workspace.sources

    @property
    def problems(self):
        return self.workspace.problems

    @property
    def current_folder(self) -> str | None:
        return self.workspace.current_folder

    @property
    def loading_finished(self):
        return self.workspace.loading_finished

    @property
    def article_tab_opened(self):
        return self.reading.tab_opened

    @property
    def tabs(self):
        return self.tab_host.tabs

    @property
    def stack(self):
        return self.tab_host.stack

    @property
    def empty_state(self):
        return self.tab_host.empty_state

    @property
    def sources_view(self):
        return self.sources_panel.view

    @property
    def is_loading(self) -> bool:
        return self.workspace.is_loading

    # --- construction ------------------------------------------------------------------
    def _connect_workspace(self) -> None:
        workspace = self.workspace
        workspace.loading_started.connect(self._on_loading_started)
        workspace.loading_stopped.connect(lambda: self.progress.finish())
        workspace.loading_cancelled.connect(
            lambda: self.statusBar().showMessage("Loading cancelled", 5000)
        )
        workspace.load_failed.connect(
            lambda reason: show_message(
                self, QMessageBox.Icon.Critical, "Could not load articles", reason
            )
        )
        workspace.problems_worth_seeing.connect(self._show_problems)
        workspace.folder_opened.connect(self._on_folder_opened)
        self.sources_view.activated.connect(self._on_source_activated)

    def _connect_actions(self) -> None:
        a = self.actions_
        a[ActionId.OPEN_FOLDER].triggered.connect(self.choose_folder)
        a[ActionId.ADD_FILES].triggered.connect(self.choose_files)
        a[ActionId.CLOSE_TAB].triggered.connect(self.tab_host.close_current)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.NEXT_PANE].triggered.connect(lambda: self.cycle_focus(+1))
        a[ActionId.PREVIOUS_PANE].triggered.connect(lambda: self.cycle_focus(-1))
        # Ctrl+Tab works in the tab bar itself; these also work while reading.
        a[ActionId.NEXT_TAB].triggered.connect(lambda: self.tab_host.step(+1))
        a[ActionId.PREVIOUS_TAB].triggered.connect(lambda: self.tab_host.step(-1))
        a[ActionId.SHORTCUTS].triggered.connect(lambda: ShortcutsDialog(self).exec())
        a[ActionId.ABOUT].triggered.connect(lambda: AboutDialog(self).exec())

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() needs stable names
        dock.setWidget(widget)
        return dock

    def _build_docks(self) -> None:
        """Every panel: where it goes, which share a place, and its View menu switch."""
        self.sources_dock = self._dock("Sources", self.sources_panel, "sources_dock")
        self.problems_view = problems_view(self.workspace.problems)
        self.problems_dock = self._dock("Problems", self.problems_view, "problems_dock")
        self.stories_dock = self._dock("Stories", self.stories.view, "stories_dock")
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        annotator = self.annotator
        self.addDockWidget(bottom, self.sources_dock)
        self.addDockWidget(bottom, self.problems_dock)
        self.addDockWidget(right, annotator.panel_dock)
        self.addDockWidget(bottom, annotator.list_dock)
        self.addDockWidget(bottom, self.stories_dock)
        self.tabifyDockWidget(self.sources_dock, self.problems_dock)
        self.tabifyDockWidget(self.problems_dock, annotator.list_dock)
        self.tabifyDockWidget(annotator.list_dock, self.stories_dock)
        self.sources_dock.raise_()
        for action_id, dock in (
            (ActionId.SHOW_SOURCES, self.sources_dock),
            (ActionId.SHOW_PROBLEMS, self.problems_dock),
            (ActionId.SHOW_ANNOTATION_PANEL, annotator.panel_dock),
            (ActionId.SHOW_ANNOTATIONS, annotator.list_dock),
            (ActionId.SHOW_STORIES, self.stories_dock),
        ):
            action = self.actions_[action_id]
            action.setChecked(True)
            action.toggled.connect(dock.setVisible)
            dock.visibilityChanged.connect(
                lambda _shown, act=action, d=dock: act.setChecked(not d.isHidden())
            )

    def _build_menus(self) -> None:
        menus = {}
        for title, entries in MENUS:
            menu = self.menuBar().addMenu(title)
            menu.setToolTipsVisible(True)
            for entry in entries:
                if entry is SEPARATOR:
                    menu.addSeparator()
                elif entry == RECENT_FOLDERS:
                    self.recent_menu = self._recent_menu(menu)
                else:
                    menu.addAction(self.actions_[entry])
            menus[title] = menu
        self.file_menu, self.edit_menu = menus["&File"], menus["&Edit"]
        self.view_menu, self.compare_menu = menus["&View"], menus["&Compare"]
        self.help_menu = menus["&Help"]

    def _recent_menu(self, file_menu: QMenu) -> QMenu:
        recent = file_menu.addMenu("Recent &Folders")
        recent.setToolTipsVisible(True)
        tip = "Open one of the folders opened before"
        recent.menuAction().setToolTip(tip)
        recent.menuAction().setStatusTip(tip)
        recent.aboutToShow.connect(self._fill_recent_menu)
        return recent

    def _build_status_bar(self) -> None:
        self.progress = StatusProgress()
        self.progress.cancel_requested.connect(self.cancel_loading)
        bar = self.statusBar()
        bar.addPermanentWidget(self.progress)
        workspace = self.workspace
        workspace.loading_progress.connect(self.progress.report)
        for widget in self.parts.status_widgets():
            bar.addPermanentWidget(widget)
        bar.showMessage("Drop article files or folders on the window to add them")

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(default_geometry(self.screen().availableGeometry()))
        state = self.settings.window_state()
        if state is None or not self.restoreState(state):
            self.default_dock_sizes()

    def default_dock_sizes(self) -> None:
        """First start: the reading area dominates; the panels keep a modest share."""
        height = min(BOTTOM_DOCK_HEIGHT, self.height() // 4)  # small screens: a quarter
        width = min(RIGHT_DOCK_WIDTH, self.width() // 4)
        self.resizeDocks([self.sources_dock], [height], Qt.Orientation.Vertical)
        self.resizeDocks([self.annotator.panel_dock], [width], Qt.Orientation.Horizontal)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        folders = self.settings.recent_folders
        for folder in folders:
            action = self.recent_menu.addAction(no_mnemonic(folder))
            action.setToolTip(plain_tooltip(f"Open the articles of {folder}"))
            action.setStatusTip(f"Open the articles of {folder}")
            action.triggered.connect(lambda _=False, f=folder: self.open_folder(f))
        if not folders:
            empty = self.recent_menu.addAction("No recent folders")
            empty.setToolTip("Folders you open are listed here")
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction("Clear Recent Folders")
            clear.setToolTip("Forget the list of recent folders")
            clear.setStatusTip(clear.toolTip())
            clear.triggered.connect(self.settings.clear_recent_folders)

    # --- opening articles --------------------------------------------------------------
    def choose_folder(self) -> None:
        start = self.services.open_start()
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles", start)
        if folder:
            self.open_folder(folder)

    def choose_files(self) -> None:
        start = self.services.open_start()
        files, _ = QFileDialog.getOpenFileNames(self, "Add article files", start, FILE_FILTER)
        if files:
            self.add_paths(files)

    def open_folder(self, folder: str) -> None:
        """Replace what is open with the articles of `folder`; remember it as recent."""
        self.workspace.open_folder(folder)

    def open_paths(self, paths: Sequence[str]) -> None:
        """What the command line and the file manager pass: one folder opens, else adds."""
        if len(paths) == 1 and Path(paths[0]).is_dir():
            self.open_folder(paths[0])
        else:
            self.add_paths(paths)

    def add_paths(self, paths: Sequence[str]) -> None:
        self.workspace.add_paths(paths)

    def cancel_loading(self) -> None:
        self.workspace.cancel_loading()

    def close_all(self) -> None:
        self.workspace.close_all()

    def _on_loading_started(self) -> None:
        self.statusBar().showMessage("Loading articles…")
        self.progress.start("Loading articles")

    def _on_folder_opened(self, folder: str) -> None:
        self.settings.add_recent_folder(folder)
        self.setWindowTitle(window_title(f"{Path(folder).name} — Corroborate"))

    def _show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()

    # --- tabs --------------------------------------------------------------------------
    def article_tabs(self):
        return self.reading.tabs()

    def tab_for(self, article_id: str):
        return self.reading.tab_for(article_id)

    def show_article(self, article_id: str, sentence: int | None = None) -> None:
        self.reading.show_article(article_id, sentence)

    def close_tab(self, index: int) -> None:
        self.tab_host.close_at(index)

    def _on_source_activated(self, index: QModelIndex) -> None:
        if index.column() != SourcesModel.SOURCE:
            self.show_article(self.sources.article_at(index.row()).id)

    # --- keyboard focus between panes ---------------------------------------------------
    def panes(self) -> list[QWidget]:
        """What F6 visits: the current tab (or the empty state), then each shown panel,
        left to right and top to bottom (a panel behind another's tab is not shown)."""
        docks = [
            d
            for d in self.findChildren(QDockWidget)
            if d.widget() and not d.visibleRegion().isEmpty()
        ]
        docks.sort(key=lambda d: (d.mapTo(self, d.rect().topLeft()).x(), d.y()))
        main = self.tabs.currentWidget() if self.tabs.count() else self.empty_state
        return [main, *docks]

    def step_tab(self, step: int) -> None:
        self.tab_host.step(step)

    def cycle_focus(self, step: int) -> QWidget | None:
        """F6 / Shift+F6: the keyboard moves between the reading area and the panels."""
        return focus_next_pane(self.panes(), step)

    # --- drag and drop -----------------------------------------------------------------
    def _opens_folder(self, paths: Sequence[str]) -> bool:
        """One folder dropped on an empty window opens it (as File → Open Folder would)."""
        return len(paths) == 1 and Path(paths[0]).is_dir() and not self.sources.rowCount()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = local_paths(event)
        if paths:
            event.acceptProposedAction()
            hint = drop_hint(paths, self._opens_folder(paths))  # overlay and status bar
            self.drop_overlay.show_hint(hint)
            self.statusBar().showMessage(hint)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if local_paths(event):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_overlay.hide()
        self.statusBar().clearMessage()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_overlay.hide()
        self.statusBar().clearMessage()
        paths = local_paths(event)
        if paths:
            event.acceptProposedAction()
            if self._opens_folder(paths):
                self.open_folder(paths[0])
            else:
                self.add_paths(paths)

    # --- closing -----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.workspace.stop_loading()
        self.reading.cancel()
        self.comparisons.reset()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.workspace.session.close()
        super().closeEvent(event)
