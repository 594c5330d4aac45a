"""The Stories panel: the stories of a mixed folder (core/facts/stories.py), found on a
worker whenever the open articles change; picking one scopes the window to its articles."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ...core.facts.stories import find_stories
from ...core.model import Article, Story, StoryTable
from ..common.empty_hint import EmptyHint
from ..common.plain import plain_tooltip
from ..common.table_model import AnyIndex, ReadOnlyTableModel
from ..common.tasks import LatestTask
from ..state.sources_model import readable_date
from ..state.workspace import Workspace
from .source_views import compact_table

ALL_STORIES = "All stories"
NO_DATE = "–"


def date_range(story: Story) -> str:
    """ "4 Jan 2026 – 6 Jan 2026", one date when both ends agree, "–" when none is known."""
    first, last = readable_date(story.first), readable_date(story.last)
    if not first and not last:
        return NO_DATE
    if first == last or not last:
        return first
    return f"{first or NO_DATE} – {last}"


class StoriesModel(ReadOnlyTableModel):
    """ "All stories" on the first row, then one row per story. Empty while the folder
    tells one story or none, so the panel says so instead of listing it alone."""

    COLUMNS = ("Story", "Articles", "Outlets", "Dates")
    LABEL, ARTICLES, OUTLETS, DATES = range(4)
    NATURAL_ORDER = -1  # as find_stories gives them: largest first

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._stories: list[Story] = []  # as found
        self._rows: list[Story] = []  # as shown, below "All stories"
        self._sorted_by = (self.NATURAL_ORDER, Qt.SortOrder.AscendingOrder)

    def set_stories(self, stories: Sequence[Story]) -> None:
        self.beginResetModel()
        self._stories = list(stories) if len(stories) > 1 else []
        self._rows = self._in_order()
        self.endResetModel()

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
            return "Show the articles of every story"
        count = len(story.articles)
        return (
            f"{story.label}\n{count} article{'s' if count != 1 else ''}: "
            f"{', '.join(self.outlets(story))}\n{date_range(story)}"
        )


def _stories_of(articles: tuple[Article, ...], progress) -> StoryTable:  # worker
    return find_stories(articles, progress)


class Stories(QObject):
    """The folder's stories and the panel listing them. Found again whenever articles are
    added or removed; the story picked in the panel is the workspace's `story`."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.table: StoryTable | None = None
        self._why_empty = "Open a folder of articles to see the stories it tells."
        self._task = LatestTask(self)
        self.model = StoriesModel(workspace, self)
        self.view = stories_view(self.model)
        self.hint = EmptyHint(self.view, lambda: self._why_empty)
        self.view.selectionModel().selectionChanged.connect(self._on_picked)
        workspace.story_changed.connect(self._select)
        sources = workspace.sources
        workspace.articles_loaded.connect(lambda _result: self.compute())
        sources.rowsRemoved.connect(lambda *_: self.compute())
        sources.modelReset.connect(self.compute)
        workspace.label_changed.connect(lambda *_: self.model.refresh_outlets())

    @property
    def is_computing(self) -> bool:
        return self._task.running

    def compute(self) -> None:
        articles = tuple(self.workspace.sources.articles)
        if not articles:
            self._task.cancel()
            self._show(None, "Open a folder of articles to see the stories it tells.")
            return
        self._why_empty = "Finding the stories of the open articles…"
        self.hint.update()
        self._task.start(lambda progress: _stories_of(articles, progress), self._on_done)

    def _on_done(self, table: StoryTable | None, error: BaseException | None) -> None:
        if error is not None or table is None or table.cancelled:
            self._show(None, f"Could not find the stories: {error or 'cancelled'}")
        elif len(table.stories) == 1:
            self._show(table, f"One story: {table.stories[0].label}")
        else:
            self._show(table, "No stories found.")

    def _show(self, table: StoryTable | None, why_empty: str) -> None:
        self.table, self._why_empty = table, why_empty
        stories = table.stories if table is not None else ()
        current = self.workspace.story
        # The same articles keep the same story id: a load that changed nothing keeps it.
        kept = next((s for s in stories if current and s.id == current.id), None)
        self.model.set_stories(stories)
        self.hint.update()
        self.workspace.set_story(kept if len(stories) > 1 else None)
        self._select(self.workspace.story)

    def _on_picked(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.workspace.set_story(self.model.story_at(rows[0].row()))

    def _select(self, story: Story | None) -> None:
        row = self.model.row_of(story)
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.selectRow(row)

    def pick(self, story: Story | None) -> None:
        """What clicking a story's row does (None: the "All stories" row)."""
        self.view.selectRow(self.model.row_of(story))


def stories_view(model: StoriesModel) -> QTableView:
    view = compact_table(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
