"""The Sources and Problems panels: the open articles (renamed in place, a Compare and a
Facts button above, only the current story's shown, moved to another story from their
context menu or dragged onto one) and what could not be loaded."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..common.actions import ActionId, ActionRegistry
from ..common.empty_hint import EmptyHint
from ..state.sources_model import ProblemsModel, SourcesModel
from ..state.workspace import Workspace
from .story_editing import ON_ARTICLES, ON_STORIES, StoryEditing, articles_mime


def compact_table(model: QAbstractItemModel, view: QTableView | None = None) -> QTableView:
    view = view if view is not None else QTableView()
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


# Widths in a roomy panel; a narrow one shrinks them so the title keeps TITLE_SHARE.
SOURCE_COLUMN_WIDTHS = {
    SourcesModel.SOURCE: 300,  # room for "(from file name)"
    SourcesModel.PUBLISHED: 100,
    SourcesModel.BYLINE: 140,
    SourcesModel.SENTENCES: 80,
    SourcesModel.FORMAT: 60,
    SourcesModel.FILE: 150,
}
TITLE_SHARE = 0.4


class ColumnFitter(QObject):
    """Gives every column its width while the table is wide enough, and shrinks them all
    alike when it is not, so the stretched column (the title) keeps its share."""

    def __init__(self, view: QTableView, widths: dict[int, int], stretched: int) -> None:
        super().__init__(view)
        self.view, self.widths, self.stretched = view, widths, stretched
        self._fitted_width = -1
        view.viewport().installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        available = self.view.viewport().width()
        if available == self._fitted_width:
            return  # the user's own widths stay until the panel itself is resized
        self._fitted_width = available
        wanted = sum(self.widths.values())
        scale = min(1.0, available * (1 - TITLE_SHARE) / wanted) if wanted else 1.0
        for column, width in self.widths.items():
            self.view.setColumnWidth(column, max(40, int(width * scale)))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)


def selected_article_ids(view: QTableView) -> list[str]:
    """The ids of the articles selected in a Sources table (and shown), in row order."""
    sources = view.model()
    rows = sorted(i.row() for i in view.selectionModel().selectedRows())
    return [sources.article_at(r).id for r in rows if not view.isRowHidden(r)]


class SourcesTable(QTableView):
    """The Sources table, whose selected articles can be dragged onto a story."""

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N803 (Qt's name)
        ids = selected_article_ids(self)
        if ids:
            drag = QDrag(self)
            drag.setMimeData(articles_mime(ids))
            drag.exec(Qt.DropAction.MoveAction)


def sources_view(sources: SourcesModel) -> QTableView:
    view = compact_table(sources, SourcesTable())
    view.setDragEnabled(True)  # rows the model lets be dragged go onto a story
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.column_fitter = ColumnFitter(view, SOURCE_COLUMN_WIDTHS, SourcesModel.TITLE)
    # The title is what tells articles apart: it takes the room, not the file name.
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(SourcesModel.TITLE, QHeaderView.ResizeMode.Stretch)
    # Sorted in the model itself (no proxy), so row numbers stay those of SourcesModel.
    # No column is marked at first: the rows keep the order they were loaded in.
    header.setSortIndicator(SourcesModel.LOAD_ORDER, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    return view


def problems_view(problems: ProblemsModel) -> QTableView:
    view = compact_table(problems)
    view.setColumnWidth(ProblemsModel.KIND, 130)
    view.setColumnWidth(ProblemsModel.FILE, 220)
    view.setColumnWidth(ProblemsModel.REASON, 420)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.empty_hint = EmptyHint(view, "No problems reported.")
    return view


class StoryRows(QObject):
    """Hides the rows of articles outside the workspace's current story. Rows are hidden,
    not filtered out, so row numbers stay those of SourcesModel (selections, Compare)."""

    def __init__(self, view: QTableView, workspace: Workspace) -> None:
        super().__init__(view)
        self.view, self.workspace = view, workspace
        model = workspace.sources
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.apply)
        model.layoutChanged.connect(self.apply)  # sorted: the hidden rows moved
        workspace.story_changed.connect(self.apply)
        self.apply()

    def apply(self, *_args) -> None:
        sources, selection = self.workspace.sources, self.view.selectionModel()
        for row in range(sources.rowCount()):
            hidden = not self.workspace.in_story(sources.article_at(row).id)
            self.view.setRowHidden(row, hidden)
            if hidden:  # Compare Selected must never pick an article out of sight
                selection.select(
                    sources.index(row, 0),
                    selection.SelectionFlag.Deselect | selection.SelectionFlag.Rows,
                )


class SourcesPanel(QWidget):
    """The sources list with a Compare button for the two rows selected in it."""

    def __init__(self, sources: SourcesModel, actions: ActionRegistry) -> None:
        super().__init__()
        self._actions = actions
        self.story_editing: StoryEditing | None = None
        self.view = sources_view(sources)
        self.compare_button = QToolButton()
        self.compare_button.setDefaultAction(actions[ActionId.COMPARE_SELECTED])
        self.compare_button.setText("Compare")
        self.compare_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 4, 4, 0)
        buttons.addWidget(self.compare_button)
        self.facts_button = QToolButton()
        self.facts_button.setDefaultAction(actions[ActionId.SHOW_FACTS])
        self.facts_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        buttons.addWidget(self.facts_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.view)

    def follow_story(self, workspace: Workspace) -> None:
        """Show only the articles of the workspace's current story from now on, and let
        the user move them among stories (the story actions and a context menu)."""
        self.story_rows = StoryRows(self.view, workspace)
        story_actions = {i: self._actions[i] for i in (*ON_ARTICLES, *ON_STORIES)}
        self.story_editing = StoryEditing(
            workspace, story_actions, self.selected_article_ids, self.view
        )
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.story_editing.update())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)

    def selected_article_ids(self) -> list[str]:
        return selected_article_ids(self.view)

    def context_menu(self) -> QMenu:
        """Compare, then where the selected articles go: "Move to Story ▸", a new story."""
        assert self.story_editing is not None, "follow_story first"
        menu = QMenu(self.view)
        menu.setToolTipsVisible(True)
        menu.addAction(self._actions[ActionId.COMPARE_SELECTED])
        menu.addSeparator()
        menu.addMenu(self.story_editing.story_menu(menu))
        menu.addAction(self._actions[ActionId.SPLIT_OFF_STORY])
        menu.addAction(self._actions[ActionId.RESET_STORY_GROUPING])
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        self.context_menu().exec(self.view.viewport().mapToGlobal(position))
