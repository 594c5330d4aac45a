"""The Stories panel: the stories of a mixed folder (core/facts/stories.py), found on a
worker whenever the open articles change, with the user's moves, merges and splits laid
over them (core/facts/story_edits.py); picking one scopes the window to its articles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QItemSelection, QObject, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from ...core.facts.stories import find_stories
from ...core.facts.story_edits import EditedStories, apply_placements
from ...core.model import Article, Story, StoryTable
from ..common.actions import ActionRegistry
from ..common.empty_hint import EmptyHint
from ..common.plain import plain_tooltip
from ..common.table_model import AnyIndex, ReadOnlyTableModel
from ..common.tasks import LatestTask
from ..state.sources_model import readable_date
from ..state.story_grouping import StoryGrouping
from ..state.workspace import Workspace
from .source_views import compact_table
from .story_editing import ON_STORIES, StoryEditing, articles_of, own_actions, story_choices

ALL_STORIES = "All stories"
NO_DATE = "–"
GROUPED_BY_HAND = "Grouped by hand: you moved, merged or split its articles"
REDUCED_BY_HAND = "Some of the articles found for it were moved to other stories by hand"
RESET_HINT = "(Edit → Reset Story Grouping goes back to the stories found)"


def date_range(story: Story) -> str:
    """ "4 Jan 2026 – 6 Jan 2026", one date when both ends agree, "–" when none is known."""
    first, last = readable_date(story.first), readable_date(story.last)
    if not first and not last:
        return NO_DATE
    if first == last or not last:
        return first
    return f"{first or NO_DATE} – {last}"


class StoriesModel(ReadOnlyTableModel):
    """ "All stories" on the first row, then one row per story, those the user changed in
    italics. Empty while the folder tells one story or none, so the panel says so instead
    of listing it alone."""

    COLUMNS = ("Story", "Articles", "Outlets", "Dates")
    LABEL, ARTICLES, OUTLETS, DATES = range(4)
    NATURAL_ORDER = -1  # as find_stories gives them: largest first

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._stories: list[Story] = []  # as found
        self._rows: list[Story] = []  # as shown, below "All stories"
        self._grouped: frozenset[str] = frozenset()  # ids of stories placed by hand
        self._reduced: frozenset[str] = frozenset()  # found stories that lost articles
        self._sorted_by = (self.NATURAL_ORDER, Qt.SortOrder.AscendingOrder)

    def set_stories(self, stories: Sequence[Story], shown: EditedStories | None = None) -> None:
        """`shown`: which of `stories` the user's placements changed, to mark them."""
        self.beginResetModel()
        self._stories = list(stories) if len(stories) > 1 else []
        self._grouped = shown.grouped if shown is not None else frozenset()
        self._reduced = shown.reduced if shown is not None else frozenset()
        self._rows = self._in_order()
        self.endResetModel()

    def is_edited(self, story: Story | None) -> bool:
        return story is not None and (story.id in self._grouped or story.id in self._reduced)

    def story_at(self, row: int) -> Story | None:
        """The story of a row; None for "All stories"."""
        return self._rows[row - 1] if 1 <= row <= len(self._rows) else None

    def row_of(self, story: Story | None) -> int:
        if story is None:
            return 0 if self._rows else -1
        for row, shown in enumerate(self._rows, start=1):
            if shown.id == story.id:
                return row
        return -1

    def outlets(self, story: Story) -> list[str]:
        """Its outlets as the Sources panel names them (renamed ones included), each once."""
        sources = self.workspace.sources
        by_id = {a.id: a for a in sources.articles}
        names = [sources.label(by_id[a]) if a in by_id else "" for a in story.articles]
        return list(dict.fromkeys(name for name in names if name))

    def refresh_outlets(self) -> None:
        if self._rows:
            top, bottom = self.index(1, self.OUTLETS), self.index(len(self._rows), self.OUTLETS)
            self.dataChanged.emit(top, bottom)

    # --- sorting, "All stories" staying on top ----------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = [None, *self._rows]
        self._rows = self._in_order()
        rows = {story.id: row for row, story in enumerate(self._rows, start=1)}
        moved_from = self.persistentIndexList()
        moved_to = []
        for index in moved_from:
            story = before[index.row()] if 0 <= index.row() < len(before) else None
            row = 0 if story is None else rows[story.id]
            moved_to.append(self.index(row, index.column()))
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _in_order(self) -> list[Story]:
        column, order = self._sorted_by
        if not 0 <= column < len(self.COLUMNS):
            return list(self._stories)
        keys = {
            self.LABEL: lambda s: s.label.casefold(),
            self.ARTICLES: lambda s: len(s.articles),
            self.OUTLETS: lambda s: len(self.outlets(s)),
            self.DATES: lambda s: (s.first or "", s.last or ""),
        }
        return sorted(
            self._stories, key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder
        )

    # --- data ------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows) + 1 if self._rows else 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.in_range(index):
            return None
        story, column = self.story_at(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(story, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(story))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ARTICLES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_edited(story):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _shown(self, story: Story | None, column: int) -> str | int:
        if story is None:
            everything = {a for s in self._stories for a in s.articles}
            outlets = {o for s in self._stories for o in self.outlets(s)}
            shown = (ALL_STORIES, len(everything), f"{len(outlets)} outlets", "")
            return shown[column]
        if column == self.LABEL:
            return story.label
        if column == self.ARTICLES:
            return len(story.articles)
        if column == self.OUTLETS:
            return ", ".join(self.outlets(story))
        return date_range(story)

    def _tooltip(self, story: Story | None) -> str:
        if story is None:
            problem = self.workspace.grouping.problem  # placements that could not be read
            return "Show the articles of every story" + (f"\n{problem}" if problem else "")
        count = len(story.articles)
        tip = (
            f"{story.label}\n{count} article{'s' if count != 1 else ''}: "
            f"{', '.join(self.outlets(story))}\n{date_range(story)}"
        )
        if story.id in self._grouped:
            tip += f"\n{GROUPED_BY_HAND} {RESET_HINT}"
        elif story.id in self._reduced:
            tip += f"\n{REDUCED_BY_HAND} {RESET_HINT}"
        return tip


def _stories_of(
    articles: tuple[Article, ...], found: StoryTable | None, placements: Mapping[str, str], progress
) -> tuple[StoryTable, EditedStories]:  # worker
    """The stories found (again, unless `found` already holds them), with `placements`."""
    if found is None:
        found = find_stories(articles, progress)
    if found.cancelled:
        return found, EditedStories(found)
    return found, apply_placements(found, placements)


class Stories(QObject):
    """The folder's stories and the panel listing them. Found again whenever articles are
    added or removed, and placed again whenever the user's placements change; the story
    picked in the panel is the workspace's `story`.

    `actions`: the window's registry, whose Merge Stories and Reset Story Grouping the
    panel's context menu offers (the Sources panel connects them); without it the panel
    makes and connects its own.
    """

    def __init__(self, workspace: Workspace, actions: ActionRegistry | None = None) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.grouping = grouping = workspace.grouping
        self.table: StoryTable | None = None  # as shown: the user's placements applied
        self.found: StoryTable | None = None  # as find_stories grouped them
        self._why_empty = "Open a folder of articles to see the stories it tells."
        self._task = LatestTask(self)
        self._follow: frozenset[str] | None = None  # what the pick follows after an edit
        self.model = StoriesModel(workspace, self)
        self.view = stories_view(self.model)
        self.hint = EmptyHint(self.view, lambda: self._why_empty)
        if actions is None:
            self.actions = own_actions(self, ON_STORIES)
            self.editing: StoryEditing | None = StoryEditing(workspace, self.actions)
        else:
            self.actions = {i: actions[i] for i in ON_STORIES}
            self.editing = None  # the Sources panel connected the registry's
        for action in self.actions.values():
            self.view.addAction(action)  # their shortcuts work while the panel has the focus
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.drops = StoryDrops(self.view, self.model, grouping)
        self.view.selectionModel().selectionChanged.connect(self._on_picked)
        workspace.story_changed.connect(self._select)
        sources = workspace.sources
        workspace.articles_loaded.connect(lambda _result: self.compute())
        sources.rowsRemoved.connect(lambda *_: self.compute())
        sources.modelReset.connect(self.compute)
        workspace.label_changed.connect(lambda *_: self.model.refresh_outlets())
        grouping.placements_changed.connect(self._on_placements_changed)

    @property
    def is_computing(self) -> bool:
        return self._task.running

    def compute(
        self, found: StoryTable | None = None, follow: frozenset[str] | None = None
    ) -> None:
        """Find the stories of the open articles (or take `found`) and apply the
        placements, on a worker. `follow`: the articles the pick follows once shown;
        None keeps a pick only if its story is unchanged."""
        articles = tuple(self.workspace.sources.articles)
        if not articles:
            self._task.cancel()
            self.found = None
            self._show(None, None, "Open a folder of articles to see the stories it tells.")
            return
        self._follow = follow
        if found is None:
            self.found = None
            self._why_empty = "Finding the stories of the open articles…"
            self.hint.update()
        placements = self.grouping.placements
        self._task.start(
            lambda progress: _stories_of(articles, found, placements, progress), self._on_done
        )

    def _on_placements_changed(self, follow: frozenset[str] | None) -> None:
        story = self.workspace.story
        if story is None:
            follow = None  # "All stories" stays: the edit shows among all the articles
        elif follow is None:
            follow = frozenset(story.articles)  # the story that keeps most of the pick's
        # A search under way starts again with the new placements.
        self.compute(self.found, follow)

    def _on_done(
        self, result: tuple[StoryTable, EditedStories] | None, error: BaseException | None
    ) -> None:
        found, shown = result if result is not None else (None, None)
        if error is not None or found is None or found.cancelled:
            self.found = None
            self._show(None, None, f"Could not find the stories: {error or 'cancelled'}")
            return
        self.found = found
        stories = shown.table.stories
        if len(stories) == 1:
            by_hand = " (grouped by hand)" if shown.edited else ""
            self._show(shown.table, shown, f"One story{by_hand}: {stories[0].label}")
        else:
            self._show(shown.table, shown, "No stories found.")

    def _show(self, table: StoryTable | None, shown: EditedStories | None, why_empty: str) -> None:
        self.table, self._why_empty = table, why_empty
        stories = table.stories if table is not None else ()
        current = self.workspace.story
        # The same articles keep the same story id: a load that changed nothing keeps it;
        # after an edit the pick follows its articles.
        kept = next((s for s in stories if current and s.id == current.id), None)
        follow, self._follow = self._follow, None
        if follow:
            kept = max(stories, key=lambda s: len(follow & set(s.articles)), default=None)
        self.model.set_stories(stories, shown)
        self.hint.update()
        self.grouping.set_shown(shown)
        self.workspace.set_story(kept if len(stories) > 1 else None)
        self._select(self.workspace.story)
        self._publish_selection()

    def _on_picked(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = [i.row() for i in self.view.selectionModel().selectedRows()]
        self._publish_selection()
        if rows:
            current = self.view.currentIndex().row()
            self.workspace.set_story(self.model.story_at(current if current in rows else rows[0]))

    def _publish_selection(self) -> None:
        """The stories selected (for Merge Stories), "All stories" left out."""
        stories = [self.model.story_at(i.row()) for i in self.view.selectionModel().selectedRows()]
        self.grouping.set_selected([s.id for s in stories if s is not None])

    def _select(self, story: Story | None) -> None:
        row = self.model.row_of(story)
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.selectRow(row)

    def pick(self, story: Story | None) -> None:
        """What clicking a story's row does (None: the "All stories" row)."""
        self.view.selectRow(self.model.row_of(story))

    def select(self, stories: Sequence[Story]) -> None:
        """What Ctrl+clicking these stories' rows does: several selected, the first picked."""
        selection = self.view.selectionModel()
        flags = selection.SelectionFlag
        self.pick(stories[0] if stories else None)
        for story in stories[1:]:
            index = self.model.index(self.model.row_of(story), 0)
            selection.select(index, flags.Select | flags.Rows)

    def context_menu(self) -> QMenu:
        menu = QMenu(self.view)
        menu.setToolTipsVisible(True)
        for action in self.actions.values():
            menu.addAction(action)
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        self.context_menu().exec(self.view.viewport().mapToGlobal(position))


class StoryDrops(QObject):
    """Articles dragged from Sources and dropped on a story's row move into that story.
    Drops arrive at the table's viewport; a row the articles are all in already, or
    "All stories", refuses them."""

    def __init__(self, view: QTableView, model: StoriesModel, grouping: StoryGrouping) -> None:
        super().__init__(view)
        self.view, self.model, self.grouping = view, model, grouping
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)

    def target(self, event) -> Story | None:
        """The story a drag event is over that its articles can move into."""
        ids = articles_of(event.mimeData())
        story = self.model.story_at(self.view.indexAt(event.position().toPoint()).row())
        if story is None or not ids:
            return None
        return story if story in story_choices(self.grouping, ids) else None

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.DragEnter and articles_of(event.mimeData()):
            event.acceptProposedAction()  # moves over the rows follow
            return True
        if kind == QEvent.Type.DragMove:
            if self.target(event) is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            story = self.target(event)
            if story is not None:
                self.grouping.move_to_story(articles_of(event.mimeData()), story.id)
                event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)


def stories_view(model: StoriesModel) -> QTableView:
    view = compact_table(model)
    # Several stories can be selected, to merge them; the current row's story is picked.
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(StoriesModel.LABEL, QHeaderView.ResizeMode.Stretch)
    view.setColumnWidth(StoriesModel.ARTICLES, 70)
    view.setColumnWidth(StoriesModel.OUTLETS, 260)
    view.setColumnWidth(StoriesModel.DATES, 200)
    header.setSortIndicator(StoriesModel.NATURAL_ORDER, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    return view
