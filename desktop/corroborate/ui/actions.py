"""Every QAction of the app in one registry: names, shortcuts, tooltips and icons.

The Keyboard Shortcuts dialog is generated from `ACTION_SPECS`, so it never drifts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from .icons import app_icon_for


class ActionId(Enum):
    OPEN_FOLDER = auto()
    ADD_FILES = auto()
    CLOSE_TAB = auto()
    QUIT = auto()
    SHOW_SOURCES = auto()
    SHOW_PROBLEMS = auto()
    NEW_COMPARISON = auto()
    COMPARE_SELECTED = auto()
    NEXT_DIFFERENCE = auto()
    PREVIOUS_DIFFERENCE = auto()
    SHORTCUTS = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str
    tooltip: str
    shortcut: str | None = None  # portable text: Ctrl means Cmd on macOS
    icon: str | None = None
    checkable: bool = False

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
        "Go to the next sentence that is unmatched or worded differently",
        "Alt+Down",
        "next-difference",
    ),
    ActionId.PREVIOUS_DIFFERENCE: ActionSpec(
        "&Previous Difference",
        "Go to the previous sentence that is unmatched or worded differently",
        "Alt+Up",
        "previous-difference",
    ),
    ActionId.SHORTCUTS: ActionSpec("&Keyboard Shortcuts", "List every keyboard shortcut", "Ctrl+/"),
    ActionId.ABOUT: ActionSpec("&About Corroborate", "Version, licence and the libraries used"),
}


class ActionRegistry:
    """Creates each action once, owned by the main window."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in ACTION_SPECS.items():
            action = QAction(spec.text, parent)
            action.setObjectName(action_id.name.lower())
            action.setToolTip(spec.tooltip)
            action.setStatusTip(spec.tooltip)
            action.setCheckable(spec.checkable)
            if spec.shortcut is not None:
                action.setShortcut(spec.key_sequence())
            if spec.icon:
                action.setIcon(app_icon_for(spec.icon) or QIcon())
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def items(self):
        return self._actions.items()
