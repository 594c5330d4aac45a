"""Moving, merging and splitting stories by hand: the story actions (Edit menu, context
menus, shortcuts), the "Move to Story" menu listing the stories by label, and what an
article dragged from Sources onto a story carries. Each edit goes through the
workspace's StoryGrouping and is one undo step."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QMimeData, QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from ...core.model import Story
from ..common.actions import ACTION_SPECS, ActionId
from ..common.plain import no_mnemonic
from ..state.story_grouping import StoryGrouping
from ..state.workspace import Workspace

# The story actions that act on articles selected in Sources, and those that do not.
ON_ARTICLES = (ActionId.MOVE_TO_STORY, ActionId.SPLIT_OFF_STORY)
ON_STORIES = (ActionId.MERGE_STORIES, ActionId.RESET_STORY_GROUPING)
MENU_LABEL_CHARS = 60
# What an article dragged out of Sources carries: the ids of the articles, one a line.
ARTICLES_MIME = "application/x-corroborate-article-ids"


def articles_mime(article_ids: Sequence[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(ARTICLES_MIME, "\n".join(article_ids).encode())
    return mime


def articles_of(mime: QMimeData | None) -> list[str]:
    """The article ids a drag carries; none when it is not articles from Sources."""
    if mime is None or not mime.hasFormat(ARTICLES_MIME):
        return []
    text = bytes(mime.data(ARTICLES_MIME).data()).decode(errors="replace")
    return [article_id for article_id in text.split("\n") if article_id]


def story_choices(grouping: StoryGrouping, article_ids: Sequence[str]) -> list[Story]:
    """The stories the articles can be moved into: every story on show but one that
    already holds all of them."""
    if grouping.shown is None or not article_ids:
        return []
    wanted = set(article_ids)
    return [s for s in grouping.shown.table.stories if not wanted <= set(s.articles)]


def menu_text(story: Story) -> str:
    """ "Lindsay Lohan · rehab · Betty Ford (4)": the label as written, never a mnemonic."""
    label = story.label or "Untitled story"
    if len(label) > MENU_LABEL_CHARS:
        label = label[: MENU_LABEL_CHARS - 1].rstrip() + "…"
    return no_mnemonic(f"{label} ({len(story.articles)})")


def fill_story_menu(
    menu: QMenu, grouping: StoryGrouping, article_ids: Sequence[str], split: QAction | None
) -> None:
    """One entry per story the articles can go to, then `split` (a new story of them)."""
    ids = list(article_ids)
    edited = grouping.shown.edited if grouping.shown is not None else frozenset()
    for story in story_choices(grouping, ids):
        entry = menu.addAction(menu_text(story))
        tip = f"{story.label}\n{', '.join(story.outlets)}"
        entry.setToolTip(tip + ("\nGrouped by hand" if story.id in edited else ""))
        entry.triggered.connect(
            lambda _checked=False, chosen=story.id: grouping.move_to_story(ids, chosen)
        )
    if not menu.actions():
        menu.addAction("No other story").setEnabled(False)
    if split is not None:
        menu.addSeparator()
        menu.addAction(split)


def own_actions(parent: QObject, ids: Sequence[ActionId]) -> dict[ActionId, QAction]:
    """Actions named as the registry names them, for a panel built without the registry
    (a test's); without shortcuts, which would compete with the window's own."""
    made = {}
    for action_id in ids:
        spec = ACTION_SPECS[action_id]
        action = QAction(spec.text, parent)
        action.setObjectName(action_id.name.lower())
        action.setToolTip(spec.tooltip)
        action.setStatusTip(spec.tooltip)
        made[action_id] = action
    return made


class StoryEditing(QObject):
    """Connects story actions to the workspace's grouping and enables each only when it
    can act: on the articles `selected_articles()` gives (when given), on the stories
    selected in the Stories panel, or on every placement of the open articles."""

    def __init__(
        self,
        workspace: Workspace,
        actions: Mapping[ActionId, QAction],
        selected_articles: Callable[[], list[str]] | None = None,
        popup_parent: QTableView | None = None,
    ) -> None:
        super().__init__(workspace)
        self.grouping = grouping = workspace.grouping
        self.actions = {i: a for i, a in actions.items() if i in (*ON_ARTICLES, *ON_STORIES)}
        self._selected_articles = selected_articles or list
        self._popup_parent = popup_parent
        handlers = {
            ActionId.MOVE_TO_STORY: self.choose_story,
            ActionId.SPLIT_OFF_STORY: lambda: grouping.split_off(self._selected_articles()),
            ActionId.MERGE_STORIES: lambda: grouping.merge(grouping.selected),
            ActionId.RESET_STORY_GROUPING: grouping.reset,
        }
        for action_id, action in self.actions.items():
            action.triggered.connect(lambda _checked=False, run=handlers[action_id]: run())
        for signal in (grouping.stories_changed, grouping.selection_changed):
            signal.connect(self.update)
        self.update()

    def update(self) -> None:
        grouping, articles = self.grouping, self._selected_articles()
        shown = grouping.shown
        enabled = {
            ActionId.MOVE_TO_STORY: bool(story_choices(grouping, articles)),
            ActionId.SPLIT_OFF_STORY: shown is not None
            and bool(articles)
            and not any(set(s.articles) == set(articles) for s in shown.table.stories),
            ActionId.MERGE_STORIES: len(grouping.selected) >= 2,
            ActionId.RESET_STORY_GROUPING: grouping.can_reset(),
        }
        for action_id, action in self.actions.items():
            action.setEnabled(enabled[action_id])

    def story_menu(self, parent: QWidget) -> QMenu:
        """ "Move to Story ▸": the stories the selected articles can go to, then a new one."""
        menu = QMenu("&Move to Story", parent)
        menu.setToolTipsVisible(True)
        articles = self._selected_articles()
        fill_story_menu(menu, self.grouping, articles, self.actions.get(ActionId.SPLIT_OFF_STORY))
        menu.setEnabled(bool(articles))
        return menu

    def choose_story(self) -> None:
        """Move to Story… from the keyboard: the story menu at the current row."""
        view = self._popup_parent
        if view is None:
            return
        menu = self.story_menu(view)
        rect = view.visualRect(view.currentIndex())
        where = rect.bottomLeft() if rect.isValid() else QPoint(0, 0)
        menu.exec(view.viewport().mapToGlobal(where))
