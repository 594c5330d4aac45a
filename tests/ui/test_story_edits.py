"""Moving, merging and splitting stories by hand in the window, undoing it, and finding it
again after a restart (ui/sources/story_editing.py, ui/state/story_grouping.py)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QApplication

from corroborate.core.annotations.store import default_path
from corroborate.ui.common.actions import ActionId
from corroborate.ui.sources import source_views
from corroborate.ui.sources.stories_panel import GROUPED_BY_HAND, StoriesModel
from corroborate.ui.sources.story_editing import articles_mime, articles_of
from tests.ui.test_stories_panel import shown_sources, stories_ready, write_mixed_folder

QUAKE_OUTLETS = {"Quake Daily", "Andes Wire", "Santiago Post"}
FINAL_OUTLETS = {"Goal Times", "Pitch Post", "Kick News"}


def story_told_by(window, outlet: str):
    stories = window.stories
    return next(s for s in stories.table.stories if outlet in stories.model.outlets(s))


def outlets_by_story(window) -> set[frozenset[str]]:
    """Each story on show as the outlets telling it."""
    return {frozenset(window.stories.model.outlets(s)) for s in window.stories.table.stories}


def select_sources(window, *outlets: str) -> None:
    sources, view = window.sources, window.sources_view
    view.clearSelection()
    selection = view.selectionModel()
    for row in range(sources.rowCount()):
        if sources.label(sources.article_at(row)) in outlets:
            selection.select(
                sources.index(row, 0),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )


def move_entries(window) -> dict[str, object]:
    """The entries of the Sources context menu's "Move to Story" submenu, by text."""
    menu = window.sources_panel.context_menu()
    (submenu,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    return {shown(a.text()): a for a in submenu.actions() if not a.isSeparator()}


def shown(text: str) -> str:
    """A menu text as it reads: "&&" is one "&", a lone "&" marks the shortcut key."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def wait_for_stories(qtbot, window, expected: list[set[str]]) -> None:
    wanted = {frozenset(outlets) for outlets in expected}
    qtbot.waitUntil(lambda: outlets_by_story(window) == wanted, timeout=30_000)


def undo_text(window) -> str:
    return window.actions_[ActionId.UNDO].text().replace("&", "")


def trigger(window, action_id: ActionId) -> None:
    action = window.actions_[action_id]
    assert action.isEnabled(), f"{action.text()} is disabled"
    action.trigger()


def test_moving_an_article_to_another_story_from_sources_and_undoing_it(qtbot, window, tmp_path):
    """If this broke, a user could not put an article the grouping got wrong where it
    belongs, or Edit → Undo would not take the move back."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    final = story_told_by(window, "Goal Times")
    select_sources(window, "Quake Daily")
    entries = move_entries(window)
    # Every story but the article's own, then a new one.
    target = f"{final.label} (3)"
    assert list(entries) == [target, "New Story from Selection"]
    entries[target].trigger()
    moved = [FINAL_OUTLETS | {"Quake Daily"}, QUAKE_OUTLETS - {"Quake Daily"}]
    wait_for_stories(qtbot, window, moved)
    assert undo_text(window) == "Undo Move Article to Story"

    # The story placed by hand is marked, in italics and in its tooltip.
    model = window.stories.model
    edited = story_told_by(window, "Goal Times")
    row = model.row_of(edited)
    font = model.index(row, StoriesModel.LABEL).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert GROUPED_BY_HAND in model.index(row, StoriesModel.LABEL).data(Qt.ItemDataRole.ToolTipRole)

    trigger(window, ActionId.UNDO)
    wait_for_stories(qtbot, window, [FINAL_OUTLETS, QUAKE_OUTLETS])
    assert not model.index(1, StoriesModel.LABEL).data(Qt.ItemDataRole.FontRole)  # unmarked
    trigger(window, ActionId.REDO)
    wait_for_stories(qtbot, window, moved)


def test_the_picked_story_and_its_sources_follow_a_move(qtbot, window, tmp_path):
    """If this broke, Sources (and the Facts tab, scoped alike) would keep showing the
    story as it was before the move, or lose the story picked."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    window.stories.pick(story_told_by(window, "Quake Daily"))
    assert shown_sources(window) == QUAKE_OUTLETS
    select_sources(window, "Andes Wire")
    final = story_told_by(window, "Goal Times")
    assert window.workspace.grouping.move_to_story(
        window.sources_panel.selected_article_ids(), final.id
    )
    qtbot.waitUntil(
        lambda: shown_sources(window) == {"Quake Daily", "Santiago Post"}, timeout=30_000
    )
    assert set(window.stories.model.outlets(window.workspace.story)) == {
        "Quake Daily",
        "Santiago Post",
    }
    trigger(window, ActionId.UNDO)
    qtbot.waitUntil(lambda: shown_sources(window) == QUAKE_OUTLETS, timeout=30_000)


def test_merging_two_stories_and_undoing_it(qtbot, window, tmp_path):
    """If this broke, two stories the grouping kept apart could not be made one."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    assert not window.actions_[ActionId.MERGE_STORIES].isEnabled()  # one story selected
    window.stories.select(
        [story_told_by(window, "Quake Daily"), story_told_by(window, "Goal Times")]
    )
    trigger(window, ActionId.MERGE_STORIES)
    qtbot.waitUntil(lambda: len(window.stories.table.stories) == 1, timeout=30_000)
    assert window.stories.hint.label.text().startswith("One story (grouped by hand): ")
    assert window.workspace.story is None and len(shown_sources(window)) == 6
    assert undo_text(window) == "Undo Merge Stories"
    trigger(window, ActionId.UNDO)
    wait_for_stories(qtbot, window, [FINAL_OUTLETS, QUAKE_OUTLETS])


def test_a_new_story_from_selection_is_picked_and_undone(qtbot, window, tmp_path):
    """If this broke, a user could not split an article off a story, or would lose sight
    of the story they just made."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    window.stories.pick(story_told_by(window, "Goal Times"))
    select_sources(window, "Kick News")
    trigger(window, ActionId.SPLIT_OFF_STORY)
    wait_for_stories(qtbot, window, [QUAKE_OUTLETS, {"Goal Times", "Pitch Post"}, {"Kick News"}])
    qtbot.waitUntil(lambda: shown_sources(window) == {"Kick News"}, timeout=30_000)
    assert undo_text(window) == "Undo New Story from Selection"
    trigger(window, ActionId.UNDO)
    wait_for_stories(qtbot, window, [FINAL_OUTLETS, QUAKE_OUTLETS])
    assert shown_sources(window) == FINAL_OUTLETS


def test_reset_story_grouping_forgets_the_placements_and_is_undone(qtbot, window, tmp_path):
    """If this broke, a user could not go back to the stories found, or undo that."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    grouping = window.workspace.grouping
    assert not window.actions_[ActionId.RESET_STORY_GROUPING].isEnabled()  # nothing placed
    select_sources(window, "Quake Daily")
    grouping.split_off(window.sources_panel.selected_article_ids())
    split = [FINAL_OUTLETS, QUAKE_OUTLETS - {"Quake Daily"}, {"Quake Daily"}]
    wait_for_stories(qtbot, window, split)
    # The Stories panel's own context menu offers the reset.
    menu = {a.text().replace("&", ""): a for a in window.stories.context_menu().actions()}
    assert menu["Reset Story Grouping"].isEnabled()
    menu["Reset Story Grouping"].trigger()
    wait_for_stories(qtbot, window, [FINAL_OUTLETS, QUAKE_OUTLETS])
    assert grouping.placements == {}
    assert undo_text(window) == "Undo Reset Story Grouping"
    trigger(window, ActionId.UNDO)
    wait_for_stories(qtbot, window, split)


def test_placements_survive_a_restart(qtbot, make_window, tmp_path):
    """If this broke, the stories a user put together would be gone the next day."""
    folder = write_mixed_folder(tmp_path / "mixed")
    first = make_window()
    stories_ready(qtbot, first, folder)
    select_sources(first, "Quake Daily")
    first.workspace.grouping.move_to_story(
        first.sources_panel.selected_article_ids(), story_told_by(first, "Goal Times").id
    )
    moved = [FINAL_OUTLETS | {"Quake Daily"}, QUAKE_OUTLETS - {"Quake Daily"}]
    wait_for_stories(qtbot, first, moved)
    first.close()
    second = make_window()
    stories_ready(qtbot, second, folder)
    wait_for_stories(qtbot, second, moved)
    edited = story_told_by(second, "Quake Daily")
    assert second.stories.model.is_edited(edited)


def test_a_lost_placements_table_never_stops_the_window(qtbot, make_window, tmp_path):
    """If this broke, a damaged annotations file would keep the window from opening its
    stories, or the next move could not be saved."""
    folder = write_mixed_folder(tmp_path / "mixed")
    make_window().close()  # makes the store
    with sqlite3.connect(default_path()) as conn:
        conn.execute("DROP TABLE story_placements")
    window = make_window()
    stories_ready(qtbot, window, folder)
    assert outlets_by_story(window) == {frozenset(FINAL_OUTLETS), frozenset(QUAKE_OUTLETS)}
    select_sources(window, "Kick News")
    trigger(window, ActionId.SPLIT_OFF_STORY)
    wait_for_stories(qtbot, window, [QUAKE_OUTLETS, {"Goal Times", "Pitch Post"}, {"Kick News"}])


def drag_event(kind, window, row: int, ids: list[str]):
    """A drag of these articles from Sources, over the Stories panel's row `row`."""
    view = window.stories.view
    where = QPointF(view.visualRect(window.stories.model.index(row, 0)).center())
    mime = articles_mime(ids)
    move, left = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    nothing = Qt.KeyboardModifier.NoModifier
    if kind is QDropEvent:
        return QDropEvent(where, move, mime, left, nothing), mime
    return kind(where.toPoint(), move, mime, left, nothing), mime


def test_dropping_articles_on_a_story_moves_them_there(qtbot, window, tmp_path):
    """If this broke, dragging an article from Sources onto a story would do nothing, or
    "All stories" and the article's own story would take the drop."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    window.stories_dock.raise_()
    model, viewport = window.stories.model, window.stories.view.viewport()
    select_sources(window, "Quake Daily")
    ids = window.sources_panel.selected_article_ids()
    quake, final = story_told_by(window, "Quake Daily"), story_told_by(window, "Goal Times")
    refused = []
    for row in (0, model.row_of(quake)):  # "All stories", and where the article is
        event, _mime = drag_event(QDragMoveEvent, window, row, ids)
        QApplication.sendEvent(viewport, event)
        refused.append(event.isAccepted())
    assert refused == [False, False]
    enter, _mime = drag_event(QDragEnterEvent, window, model.row_of(final), ids)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop, _mime = drag_event(QDropEvent, window, model.row_of(final), ids)
    QApplication.sendEvent(viewport, drop)
    wait_for_stories(
        qtbot, window, [FINAL_OUTLETS | {"Quake Daily"}, QUAKE_OUTLETS - {"Quake Daily"}]
    )
    assert undo_text(window) == "Undo Move Article to Story"


def test_move_to_story_from_the_keyboard_lists_the_stories_at_the_current_row(
    qtbot, window, tmp_path
):
    """If this broke, a keyboard user could not move an article (Edit → Move to Story…)."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    select_sources(window, "Kick News")
    offered = []

    def choose() -> None:
        popup = QApplication.activePopupWidget()
        offered.extend(shown(a.text()) for a in popup.actions() if not a.isSeparator())
        quake = next(a for a in popup.actions() if "(3)" in a.text())
        popup.close()
        quake.trigger()

    QTimer.singleShot(0, choose)
    trigger(window, ActionId.MOVE_TO_STORY)
    assert offered[-1] == "New Story from Selection" and len(offered) == 2
    wait_for_stories(qtbot, window, [QUAKE_OUTLETS | {"Kick News"}, FINAL_OUTLETS - {"Kick News"}])


def test_an_edit_made_among_all_stories_keeps_showing_them_all(qtbot, window, tmp_path):
    """If this broke, splitting an article off while reading every story would suddenly
    hide all the other articles."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    assert window.workspace.story is None
    select_sources(window, "Pitch Post")
    trigger(window, ActionId.SPLIT_OFF_STORY)
    wait_for_stories(qtbot, window, [QUAKE_OUTLETS, {"Goal Times", "Kick News"}, {"Pitch Post"}])
    assert window.workspace.story is None and len(shown_sources(window)) == 6


def test_a_drag_from_sources_carries_the_selected_articles_shown(
    qtbot, window, tmp_path, monkeypatch
):
    """If this broke, dragging articles onto a story would move none, or also articles
    of another story hidden from Sources."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    window.stories.pick(story_told_by(window, "Goal Times"))
    window.sources_view.selectAll()
    carried = []
    monkeypatch.setattr(
        source_views.QDrag, "exec", lambda drag, *_: carried.extend(articles_of(drag.mimeData()))
    )
    window.sources_view.startDrag(Qt.DropAction.MoveAction)
    labels = {window.sources.label(a) for a in window.sources.articles if a.id in carried}
    assert labels == FINAL_OUTLETS and len(carried) == 3


def test_articles_in_sources_can_be_picked_up_to_drag(qtbot, window, tmp_path):
    """If this broke, pressing on an article in Sources and dragging would start nothing:
    the view only drags rows its model lets go."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    model = window.sources_view.model()
    flags = model.flags(model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsDragEnabled
