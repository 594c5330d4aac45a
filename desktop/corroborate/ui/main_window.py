"""The shell: article tabs, docks, menus, status bar and the drop target. No business logic."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations.store import Store
from ..core.ingest.loading import LoadResult, load_paths
from ..core.ingest.readers import ARTICLE_SUFFIXES
from ..core.model import Article
from .annotate.annotating import Annotator
from .common.actions import ActionId, ActionRegistry
from .common.dialogs import AboutDialog, ShortcutsDialog
from .common.icons import window_icon
from .common.plain import no_mnemonic, plain_tooltip, show_message, window_title
from .common.settings import Settings
from .common.tab_opening import TabOpener
from .common.tasks import LatestTask
from .common.widgets import (
    BOTTOM_DOCK_HEIGHT,
    RIGHT_DOCK_WIDTH,
    DropOverlay,
    EmptyState,
    StatusProgress,
    default_geometry,
    drop_hint,
    focus_next_pane,
    local_paths,
)
from .compare.comparisons import Comparisons
from .facts.corroboration import Corroboration
from .reading.article_tab import ArticleTab
from .sources.load_report import load_message, shows_problems
from .sources.models import ProblemsModel, SourcesModel
from .store_dialog import show_saving_state
from .transfer.report_export import ReportExport

FILE_FILTER = "Articles ({});;All files (*)".format(
    " ".join(f"*{suffix}" for suffix in sorted(ARTICLE_SUFFIXES))
)


class MainWindow(QMainWindow):
    # LoadResult: `articles_loaded` as soon as the models hold the new articles (the
    # annotations and word statistics start from it), `loading_finished` once their tabs
    # are open too.
    articles_loaded = Signal(object)
    loading_finished = Signal(object)
    article_tab_opened = Signal(object)  # ArticleTab

    def __init__(self, settings: Settings | None = None, store: Store | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle("Corroborate")
        self.setWindowIcon(window_icon())
        self.setAcceptDrops(True)
        self.current_folder: str | None = None
        self.annotation_store = store  # None: the user's store, opened by the session
        self._loading_paths: list[str] = []  # what the running load reads

        self.sources = SourcesModel(self)
        self.problems = ProblemsModel(self)
        self.sources.label_changed.connect(self._on_label_changed)
        self._loader = LatestTask(self)
        self._tab_opener = TabOpener(
            self, self._open_tab, lambda id_: self.tab_for(id_) is not None, self._report_loaded
        )

        self.actions_ = ActionRegistry(self)
        self._build_central()
        self._build_docks()
        self._build_menus()
        self._build_status_bar()
        self.comparisons = Comparisons(self)
        self.annotator = Annotator(self)
        self.corroboration = Corroboration(self)
        self.report_export = ReportExport(self)
        show_saving_state(self)  # a store that is not saving, or a change it could not save
        self.view_menu.addSeparator()  # last, below the panels the parts above added
        for action_id in (ActionId.NEXT_TAB, ActionId.PREVIOUS_TAB):
            self.view_menu.addAction(self.actions_[action_id])
        self.view_menu.addSeparator()
        for action_id in (ActionId.NEXT_PANE, ActionId.PREVIOUS_PANE):
            self.view_menu.addAction(self.actions_[action_id])
        self._restore_window()

    # --- construction ------------------------------------------------------------------
    def _build_central(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._update_empty_state)
        self.empty_state = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.drop_overlay = DropOverlay(self)

    def _table(self, model) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        # Compact one-line rows: the five sample sources fit the panel's first-start height.
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)  # Tab leaves the list (no keyboard trap); arrows move
        return view

    def _build_docks(self) -> None:
        self.sources_view = self._table(self.sources)
        self.sources_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.sources_view.setColumnWidth(SourcesModel.SOURCE, 180)
        self.sources_view.setColumnWidth(SourcesModel.SENTENCES, 80)
        self.sources_view.setColumnWidth(SourcesModel.FORMAT, 60)
        self.sources_view.setColumnWidth(SourcesModel.FILE, 150)
        # The title is what tells articles apart: it takes the room, not the file name.
        sources_header = self.sources_view.horizontalHeader()
        sources_header.setStretchLastSection(False)
        sources_header.setSectionResizeMode(SourcesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.sources_view.activated.connect(self._on_source_activated)
        self.sources_dock = self._dock("Sources", self._sources_panel(), "sources_dock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.sources_dock)

        self.problems_view = self._table(self.problems)
        self.problems_view.setColumnWidth(ProblemsModel.KIND, 130)
        self.problems_view.setColumnWidth(ProblemsModel.FILE, 220)
        self.problems_view.setColumnWidth(ProblemsModel.REASON, 420)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_dock = self._dock("Problems", self.problems_view, "problems_dock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.tabifyDockWidget(self.sources_dock, self.problems_dock)
        self.sources_dock.raise_()

    def _sources_panel(self) -> QWidget:
        """The sources list with a Compare button for the two rows selected in it."""
        self.compare_button = QToolButton()
        self.compare_button.setDefaultAction(self.actions_[ActionId.COMPARE_SELECTED])
        self.compare_button.setText("Compare")
        self.compare_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 4, 4, 0)
        buttons.addWidget(self.compare_button)
        self.facts_button = QToolButton()
        self.facts_button.setDefaultAction(self.actions_[ActionId.SHOW_FACTS])
        self.facts_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        buttons.addWidget(self.facts_button)
        buttons.addStretch(1)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.sources_view)
        return panel

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() needs stable names
        dock.setWidget(widget)
        return dock

    def _build_menus(self) -> None:
        a = self.actions_
        a[ActionId.OPEN_FOLDER].triggered.connect(self.choose_folder)
        a[ActionId.ADD_FILES].triggered.connect(self.choose_files)
        a[ActionId.CLOSE_TAB].triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        a[ActionId.QUIT].triggered.connect(self.close)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.setToolTipsVisible(True)
        file_menu.addAction(a[ActionId.OPEN_FOLDER])
        file_menu.addAction(a[ActionId.ADD_FILES])
        self.recent_menu = file_menu.addMenu("Recent &Folders")
        self.recent_menu.setToolTipsVisible(True)
        recent_tip = "Open one of the folders opened before"
        self.recent_menu.menuAction().setToolTip(recent_tip)
        self.recent_menu.menuAction().setStatusTip(recent_tip)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.CLOSE_TAB])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])

        view_menu = self.menuBar().addMenu("&View")
        view_menu.setToolTipsVisible(True)
        for action_id, dock in (
            (ActionId.SHOW_SOURCES, self.sources_dock),
            (ActionId.SHOW_PROBLEMS, self.problems_dock),
        ):
            action = a[action_id]
            action.setChecked(True)
            action.toggled.connect(dock.setVisible)
            dock.visibilityChanged.connect(self._sync_dock_actions)
            view_menu.addAction(action)
        a[ActionId.NEXT_PANE].triggered.connect(lambda: self.cycle_focus(+1))
        a[ActionId.PREVIOUS_PANE].triggered.connect(lambda: self.cycle_focus(-1))
        # Ctrl+Tab works in the tab bar itself; these also work while reading.
        a[ActionId.NEXT_TAB].triggered.connect(lambda: self.step_tab(+1))
        a[ActionId.PREVIOUS_TAB].triggered.connect(lambda: self.step_tab(-1))
        compare_menu = self.menuBar().addMenu("&Compare")
        compare_menu.setToolTipsVisible(True)
        compare_menu.addAction(a[ActionId.NEW_COMPARISON])
        compare_menu.addAction(a[ActionId.COMPARE_SELECTED])
        compare_menu.addSeparator()
        compare_menu.addAction(a[ActionId.NEXT_DIFFERENCE])
        compare_menu.addAction(a[ActionId.PREVIOUS_DIFFERENCE])
        self.compare_menu = compare_menu
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.setToolTipsVisible(True)
        a[ActionId.SHORTCUTS].triggered.connect(lambda: ShortcutsDialog(self).exec())
        a[ActionId.ABOUT].triggered.connect(lambda: AboutDialog(self).exec())
        help_menu.addAction(a[ActionId.SHORTCUTS])
        help_menu.addAction(a[ActionId.ABOUT])
        self.file_menu, self.view_menu, self.help_menu = file_menu, view_menu, help_menu

    def _build_status_bar(self) -> None:
        self.progress = StatusProgress()
        self.progress.cancel_requested.connect(self.cancel_loading)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().showMessage("Drop article files or folders on the window to add them")

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

    def _sync_dock_actions(self) -> None:
        self.actions_[ActionId.SHOW_SOURCES].setChecked(not self.sources_dock.isHidden())
        self.actions_[ActionId.SHOW_PROBLEMS].setChecked(not self.problems_dock.isHidden())

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
        folder = QFileDialog.getExistingDirectory(
            self, "Open a folder of articles", self.current_folder or str(Path.home())
        )
        if folder:
            self.open_folder(folder)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Add article files", self.current_folder or str(Path.home()), FILE_FILTER
        )
        if files:
            self.add_paths(files)

    def open_folder(self, folder: str) -> None:
        """Replace what is open with the articles of `folder`; remember it as recent."""
        self.close_all()
        self.current_folder = str(Path(folder).resolve())
        self.settings.add_recent_folder(self.current_folder)
        self.setWindowTitle(window_title(f"{Path(self.current_folder).name} — Corroborate"))
        self.add_paths([folder])

    def open_paths(self, paths: Sequence[str]) -> None:
        """What the command line and the file manager pass: one folder opens, else adds."""
        if len(paths) == 1 and Path(paths[0]).is_dir():
            self.open_folder(paths[0])
        else:
            self.add_paths(paths)

    def add_paths(self, paths: Sequence[str]) -> None:
        paths = [str(p) for p in paths]
        if self.is_loading:  # a newer load replaces the running one: it reads both
            paths = list(dict.fromkeys([*self._loading_paths, *paths]))
        self._loading_paths = paths
        # Files with the same text as an open article are skipped and listed as such.
        already_open = {a.id: a.path for a in self.sources.articles}
        self.statusBar().showMessage("Loading articles…")
        self.progress.start("Loading articles")
        self._loader.start(
            lambda progress: load_paths(paths, progress, already_open),
            lambda result, error: self._on_loaded(result, error, paths),
            self.progress.report,
        )

    def cancel_loading(self) -> None:
        self._loader.cancel()
        self.progress.finish()
        self.statusBar().showMessage("Loading cancelled", 5000)

    @property
    def is_loading(self) -> bool:
        return self._loader.running

    def _on_loaded(
        self, result: LoadResult | None, error: BaseException | None, paths: Sequence[str] = ()
    ) -> None:
        self.progress.finish()
        if error is not None:
            show_message(self, QMessageBox.Icon.Critical, "Could not load articles", str(error))
            return
        assert result is not None
        added = self.sources.add_articles(result.articles)
        self.problems.add_problems(result.problems)
        if shows_problems(result.problems, paths, len(added)):
            self.problems_dock.show()
            self.problems_dock.raise_()
        self.articles_loaded.emit(result)
        self._tab_opener.start(result, added)

    def _report_loaded(self, result: LoadResult, added: list[Article]) -> None:
        self.statusBar().showMessage(load_message(len(added), result.problems), 10000)
        self._update_empty_state()
        if added and self.tabs.currentWidget() is not None:
            self.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)  # the reader
        self.loading_finished.emit(result)

    # --- tabs --------------------------------------------------------------------------
    def _open_tab(self, article: Article) -> ArticleTab:
        tab = ArticleTab(article, self.sources.label(article))
        index = self.tabs.addTab(tab, no_mnemonic(self.sources.label(article)))
        self.tabs.setTabToolTip(index, plain_tooltip(f"{article.title}\n{article.path}"))
        self.article_tab_opened.emit(tab)
        return tab

    def article_tabs(self) -> list[ArticleTab]:
        return [
            w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), ArticleTab)
        ]

    def tab_for(self, article_id: str) -> ArticleTab | None:
        return next((t for t in self.article_tabs() if t.article.id == article_id), None)

    def show_article(self, article_id: str, sentence: int | None = None) -> None:
        tab = self.tab_for(article_id)
        if tab is None:
            row = self.sources.row_of(article_id)
            if row < 0:
                return
            tab = self._open_tab(self.sources.article_at(row))
        self.tabs.setCurrentWidget(tab)
        if sentence is not None:
            tab.reader.show_sentence(sentence)

    def close_tab(self, index: int) -> None:
        if index < 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        widget.deleteLater()
        self._update_empty_state()

    def close_all(self) -> None:
        self._loader.cancel()
        self.comparisons.reset()
        self._tab_opener.cancel()
        # From the last: closing the first would show each next tab in turn.
        while self.tabs.count():
            self.close_tab(self.tabs.count() - 1)
        self.sources.set_articles([])
        self.problems.clear()

    def _update_empty_state(self) -> None:
        self.stack.setCurrentWidget(self.tabs if self.tabs.count() else self.empty_state)

    def _on_source_activated(self, index: QModelIndex) -> None:
        if index.column() != SourcesModel.SOURCE:
            self.show_article(self.sources.article_at(index.row()).id)

    def _on_label_changed(self, article_id: str, label: str) -> None:
        tab = self.tab_for(article_id)
        if tab is not None:
            self.tabs.setTabText(self.tabs.indexOf(tab), no_mnemonic(label))
            tab.set_label(label)

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
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
            self.tabs.currentWidget().setFocus(Qt.FocusReason.TabFocusReason)

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
        self._loader.cancel()
        self._tab_opener.cancel()
        self.comparisons.reset()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.annotator.session.close()
        super().closeEvent(event)
