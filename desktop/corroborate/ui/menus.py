"""The menu bar, top to bottom: which actions of the registry each menu holds, in order,
with separators and the Recent Folders submenu. The window builds the menus from it."""

from __future__ import annotations

from .common.actions import ActionId

SEPARATOR = None
RECENT_FOLDERS = "recent folders"  # the File menu's submenu, filled when it opens
# Every menu of the menu bar, top to bottom: actions of the registry, separators, and
# the Recent Folders submenu.
MENUS: tuple[tuple[str, tuple[ActionId | str | None, ...]], ...] = (
    (
        "&File",
        (
            ActionId.OPEN_FOLDER,
            ActionId.ADD_FILES,
            ActionId.OPEN_URL,
            RECENT_FOLDERS,
            SEPARATOR,
            ActionId.EXPORT_ANNOTATIONS,
            ActionId.EXPORT_REPORT,
            ActionId.IMPORT_ANNOTATIONS,
            SEPARATOR,
            ActionId.CLOSE_TAB,
            SEPARATOR,
            ActionId.QUIT,
        ),
    ),
    (
        "&Edit",
        (
            ActionId.UNDO,
            ActionId.REDO,
            SEPARATOR,
            ActionId.PASTE_ARTICLE,
            SEPARATOR,
            ActionId.MOVE_TO_STORY,
            ActionId.SPLIT_OFF_STORY,
            ActionId.MERGE_STORIES,
            ActionId.RESET_STORY_GROUPING,
            SEPARATOR,
            ActionId.FIND,
            ActionId.FIND_NEXT,
            ActionId.FIND_PREVIOUS,
        ),
    ),
    (
        "&View",
        (
            ActionId.SHOW_SOURCES,
            ActionId.SHOW_PROBLEMS,
            ActionId.SHOW_ANNOTATION_PANEL,
            ActionId.SHOW_ANNOTATIONS,
            ActionId.SHOW_STORIES,
            SEPARATOR,
            ActionId.SHOW_FACTS,
            ActionId.SHOW_TIMELINE,
            SEPARATOR,
            ActionId.NEXT_TAB,
            ActionId.PREVIOUS_TAB,
            SEPARATOR,
            ActionId.NEXT_PANE,
            ActionId.PREVIOUS_PANE,
        ),
    ),
    (
        "&Compare",
        (
            ActionId.NEW_COMPARISON,
            ActionId.COMPARE_SELECTED,
            SEPARATOR,
            ActionId.NEXT_DIFFERENCE,
            ActionId.PREVIOUS_DIFFERENCE,
            ActionId.NEXT_FLAGGED,
            ActionId.PREVIOUS_FLAGGED,
            ActionId.NEXT_UNANNOTATED,
            SEPARATOR,
            ActionId.MARK_AGREED,
            ActionId.MARK_DISPUTED,
            ActionId.MARK_UNVERIFIED,
            ActionId.CLEAR_ANNOTATION,
            ActionId.EDIT_NOTE,
            SEPARATOR,
            ActionId.LINK_SENTENCES,
            ActionId.REJECT_MATCH,
        ),
    ),
    ("&Help", (ActionId.SHORTCUTS, ActionId.ABOUT)),
)
