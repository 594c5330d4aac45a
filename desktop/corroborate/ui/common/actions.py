"""Every QAction of the app in one registry: names, shortcuts, tooltips and icons.

The Keyboard Shortcuts dialog is generated from `ACTION_SPECS`, so it never drifts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from .icons import app_icon_for


class ActionId(Enum):
    OPEN_FOLDER = auto()
    ADD_FILES = auto()
    OPEN_URL = auto()
    PASTE_ARTICLE = auto()
    CLOSE_TAB = auto()
    QUIT = auto()
    SHOW_SOURCES = auto()
    SHOW_PROBLEMS = auto()
    NEW_COMPARISON = auto()
    COMPARE_SELECTED = auto()
    NEXT_DIFFERENCE = auto()
    PREVIOUS_DIFFERENCE = auto()
    NEXT_FLAGGED = auto()
    PREVIOUS_FLAGGED = auto()
    NEXT_UNANNOTATED = auto()
    SHORTCUTS = auto()
    ABOUT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    FIND_NEXT = auto()
    FIND_PREVIOUS = auto()
    EXPORT_ANNOTATIONS = auto()
    IMPORT_ANNOTATIONS = auto()
    EXPORT_REPORT = auto()
    SHOW_ANNOTATION_PANEL = auto()
    SHOW_ANNOTATIONS = auto()
    SHOW_STORIES = auto()
    MARK_AGREED = auto()
    MARK_DISPUTED = auto()
    MARK_UNVERIFIED = auto()
    CLEAR_ANNOTATION = auto()
    EDIT_NOTE = auto()
    LINK_SENTENCES = auto()
    REJECT_MATCH = auto()
    SHOW_FACTS = auto()
    NEXT_PANE = auto()
    NEXT_TAB = auto()
    PREVIOUS_TAB = auto()
    PREVIOUS_PANE = auto()
    MOVE_TO_STORY = auto()
    SPLIT_OFF_STORY = auto()
    MERGE_STORIES = auto()
    RESET_STORY_GROUPING = auto()
    # The Facts tab's timeline strip
    SHOW_TIMELINE = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str
    tooltip: str
    shortcut: str | None = None  # portable text: Ctrl means Cmd on macOS
    icon: str | None = None
    checkable: bool = False
    # Further keys for the same action; the shortcuts list shows the first one only.
    alternates: tuple[str, ...] = ()
    # Single-letter keys act only while the comparison table has the focus, never while
    # typing: such actions are added to each comparison table (see ui/annotate/annotating.py).
    table_only: bool = False

    def key_sequence(self) -> QKeySequence:
        if self.shortcut is None:
            return QKeySequence()
        return QKeySequence(self.shortcut)


ACTION_SPECS: dict[ActionId, ActionSpec] = {
    ActionId.OPEN_FOLDER: ActionSpec(
        "&Open Folder…",
        "Open a folder of articles (replaces the articles shown)",
        "Ctrl+O",
        "open-folder",
    ),
    ActionId.ADD_FILES: ActionSpec(
        "&Add Files…",
        "Add article files to the ones already open",
        "Ctrl+Shift+O",
        "add-files",
    ),
    ActionId.OPEN_URL: ActionSpec(
        "Open &URL…",
        "Fetch a web page, save it into the open folder and add it as an article",
        "Ctrl+L",
    ),
    ActionId.PASTE_ARTICLE: ActionSpec(
        "&Paste as Article",
        "Save the text on the clipboard into the open folder and add it as an article "
        "(also Ctrl+V outside text fields)",
        "Ctrl+Shift+V",
        alternates=("Ctrl+V",),
    ),
    ActionId.CLOSE_TAB: ActionSpec("&Close Tab", "Close the current tab", "Ctrl+W"),
    ActionId.QUIT: ActionSpec("&Quit", "Quit Corroborate", "Ctrl+Q"),
    ActionId.SHOW_SOURCES: ActionSpec(
        "&Sources", "Show or hide the list of loaded sources", "Ctrl+1", checkable=True
    ),
    ActionId.SHOW_PROBLEMS: ActionSpec(
        "&Problems", "Show or hide the files that could not be read", "Ctrl+2", checkable=True
    ),
    ActionId.NEW_COMPARISON: ActionSpec(
        "&New Comparison…",
        "Choose two articles and line up their sentences side by side",
        "Ctrl+K",
        "compare",
    ),
    ActionId.COMPARE_SELECTED: ActionSpec(
        "&Compare Selected Sources",
        "Compare the two sources selected in the Sources list (select two rows first)",
        icon="compare",
    ),
    ActionId.NEXT_DIFFERENCE: ActionSpec(
        "Ne&xt Difference",
        "Go to the next row with a flagged difference, or a sentence the other source lacks",
        "Alt+Down",
        "next-difference",
    ),
    ActionId.PREVIOUS_DIFFERENCE: ActionSpec(
        "&Previous Difference",
        "Go to the previous row with a flagged difference, or a sentence the other source lacks",
        "Alt+Up",
        "previous-difference",
    ),
    ActionId.NEXT_FLAGGED: ActionSpec(
        "Next &Flagged Value",
        "Go to the next row where the sources state a value differently (≠)",
        "Alt+PgDown",
    ),
    ActionId.PREVIOUS_FLAGGED: ActionSpec(
        "Previous Fla&gged Value",
        "Go to the previous row where the sources state a value differently (≠)",
        "Alt+PgUp",
    ),
    ActionId.NEXT_UNANNOTATED: ActionSpec(
        "Next &Unannotated Row",
        "Go to the next row not yet marked agreed, disputed or unverified",
        "Alt+U",
    ),
    ActionId.SHORTCUTS: ActionSpec("&Keyboard Shortcuts", "List every keyboard shortcut", "Ctrl+/"),
    ActionId.ABOUT: ActionSpec("&About Corroborate", "Version, licence and the libraries used"),
    ActionId.UNDO: ActionSpec(
        "&Undo", "Take back the last change to annotations, links or names", "Ctrl+Z"
    ),
    ActionId.REDO: ActionSpec("&Redo", "Make the change taken back again", "Ctrl+Shift+Z"),
    ActionId.FIND: ActionSpec(
        "&Find…",
        "Find words in the article, comparison, facts or annotations you are looking at",
        "Ctrl+F",
    ),
    ActionId.FIND_NEXT: ActionSpec("Find &Next", "Go to the next match", "F3"),
    ActionId.FIND_PREVIOUS: ActionSpec("Find Pre&vious", "Go to the previous match", "Shift+F3"),
    ActionId.EXPORT_ANNOTATIONS: ActionSpec(
        "&Export Annotations…",
        "Save the annotations as a CSV table or W3C Web Annotation JSON",
        "Ctrl+E",
        "export",
    ),
    ActionId.IMPORT_ANNOTATIONS: ActionSpec(
        "&Import Annotations…",
        "Add the annotations of a JSON file exported by Corroborate (never twice)",
        "Ctrl+Shift+E",
        "import",
    ),
    ActionId.EXPORT_REPORT: ActionSpec(
        "Export &Report…",
        "Save an HTML report of the facts, who reports them, disputes and notes",
        "Ctrl+Shift+R",
        "export",
    ),
    ActionId.SHOW_ANNOTATION_PANEL: ActionSpec(
        "&Annotation Panel",
        "Show or hide the status and note of the current comparison row",
        "Ctrl+3",
        checkable=True,
    ),
    ActionId.SHOW_ANNOTATIONS: ActionSpec(
        "A&nnotations List",
        "Show or hide the list of every annotation of the open folder",
        "Ctrl+4",
        checkable=True,
    ),
    ActionId.SHOW_STORIES: ActionSpec(
        "S&tories",
        "Show or hide the stories of the open articles; pick one to see only its articles",
        "Ctrl+5",
        checkable=True,
    ),
    ActionId.MARK_AGREED: ActionSpec(
        "Mark &Agreed",
        "The sources agree on the selected row(s)",
        "A",
        "agreed",
        checkable=True,
        table_only=True,
    ),
    ActionId.MARK_DISPUTED: ActionSpec(
        "Mark &Disputed",
        "The sources disagree on the selected row(s)",
        "D",
        "disputed",
        checkable=True,
        table_only=True,
    ),
    ActionId.MARK_UNVERIFIED: ActionSpec(
        "Mark &Unverified",
        "Not checked yet: keep the selected row(s) on the list to verify",
        "U",
        "unverified",
        checkable=True,
        table_only=True,
    ),
    ActionId.CLEAR_ANNOTATION: ActionSpec(
        "&Clear Annotation",
        "Remove the status and note of the selected row(s)",
        "Delete",
        "clear",
        table_only=True,
    ),
    ActionId.EDIT_NOTE: ActionSpec(
        "Edit &Note",
        "Write a note on the current row (also Ctrl+Enter); Escape returns to the table",
        "N",
        "note",
        alternates=("Ctrl+Return", "Ctrl+Enter"),
        table_only=True,
    ),
    ActionId.LINK_SENTENCES: ActionSpec(
        "&Link Sentences",
        "Pair the two selected sentences (one only in each source) the aligner missed",
        "L",
        "link",
        table_only=True,
    ),
    ActionId.REJECT_MATCH: ActionSpec(
        "&Reject Match",
        "The current row pairs sentences that do not report the same thing: split it",
        "R",
        "reject",
        table_only=True,
    ),
    ActionId.SHOW_FACTS: ActionSpec(
        "&Facts",
        "List every fact of the open articles against the sources that report it",
        "Ctrl+Shift+F",
        "facts",
    ),
    ActionId.NEXT_TAB: ActionSpec(
        "Next &Tab", "Show the tab to the right of the current one", "Ctrl+PgDown"
    ),
    ActionId.PREVIOUS_TAB: ActionSpec(
        "Previous T&ab", "Show the tab to the left of the current one", "Ctrl+PgUp"
    ),
    ActionId.NEXT_PANE: ActionSpec(
        "Next &Pane",
        "Move the keyboard focus to the next panel: the tabs, then each open panel in turn",
        "F6",
    ),
    ActionId.PREVIOUS_PANE: ActionSpec(
        "Previous Pa&ne",
        "Move the keyboard focus back to the previous panel",
        "Shift+F6",
    ),
    ActionId.MOVE_TO_STORY: ActionSpec(
        "&Move to Story…",
        "Move the articles selected in Sources into another story (kept with the annotations)",
        "Ctrl+Shift+M",
    ),
    ActionId.SPLIT_OFF_STORY: ActionSpec(
        "New &Story from Selection",
        "Split the articles selected in Sources off into a story of their own",
        "Ctrl+Shift+N",
    ),
    ActionId.MERGE_STORIES: ActionSpec(
        "Mer&ge Stories",
        "Make the stories selected in the Stories panel one story (select two or more)",
        "Ctrl+Shift+G",
    ),
    ActionId.RESET_STORY_GROUPING: ActionSpec(
        "R&eset Story Grouping",
        "Forget how you moved, merged and split the open articles' stories: show the "
        "stories found for them",
    ),
    # The Facts tab's timeline strip
    ActionId.SHOW_TIMELINE: ActionSpec(
        "Facts Ti&meline",
        "Show or hide the timeline above the facts: when each source published, and who "
        "reported each fact first",
        checkable=True,
    ),
}


# Standard icons for actions whose SVG is not in resources/icons (yet).
_FALLBACK_ICONS = {
    ActionId.MARK_AGREED: QStyle.StandardPixmap.SP_DialogApplyButton,
    ActionId.MARK_DISPUTED: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ActionId.MARK_UNVERIFIED: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    ActionId.CLEAR_ANNOTATION: QStyle.StandardPixmap.SP_DialogResetButton,
    ActionId.EDIT_NOTE: QStyle.StandardPixmap.SP_FileDialogDetailedView,
    ActionId.LINK_SENTENCES: QStyle.StandardPixmap.SP_ArrowRight,
    ActionId.REJECT_MATCH: QStyle.StandardPixmap.SP_DialogCancelButton,
    ActionId.EXPORT_ANNOTATIONS: QStyle.StandardPixmap.SP_DialogSaveButton,
    ActionId.IMPORT_ANNOTATIONS: QStyle.StandardPixmap.SP_DialogOpenButton,
    ActionId.EXPORT_REPORT: QStyle.StandardPixmap.SP_DialogSaveButton,
    ActionId.SHOW_FACTS: QStyle.StandardPixmap.SP_FileDialogListView,
}


def _fallback_icon(action_id: ActionId) -> QIcon:
    pixmap = _FALLBACK_ICONS.get(action_id)
    return QApplication.style().standardIcon(pixmap) if pixmap is not None else QIcon()


class ActionRegistry:
    """Creates each action once, owned by `parent` (the main window)."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in ACTION_SPECS.items():
            action = QAction(spec.text, parent)
            action.setObjectName(action_id.name.lower())
            action.setToolTip(spec.tooltip)
            action.setStatusTip(spec.tooltip)
            action.setCheckable(spec.checkable)
            if spec.shortcut is not None:
                keys = [spec.key_sequence(), *(QKeySequence(k) for k in spec.alternates)]
                action.setShortcuts(keys)
            if spec.table_only:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if spec.icon:
                action.setIcon(app_icon_for(spec.icon) or _fallback_icon(action_id))
            self._actions[action_id] = action

    def replace(self, action_id: ActionId, action: QAction) -> QAction:
        """Use `action` (e.g. one made by QUndoStack) with the spec's shortcut and tooltip."""
        spec = ACTION_SPECS[action_id]
        action.setObjectName(action_id.name.lower())
        action.setToolTip(spec.tooltip)
        action.setStatusTip(spec.tooltip)
        if spec.shortcut is not None:
            action.setShortcut(spec.key_sequence())
        previous = self._actions.get(action_id)
        if previous is not None and previous is not action:
            previous.deleteLater()  # its shortcut must not compete with the new action's
        self._actions[action_id] = action
        return action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def items(self):
        return self._actions.items()
