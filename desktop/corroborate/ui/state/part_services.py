"""What every part of the window receives: one bundle, built once by the composition root
(or a test's bench) and handed to each part beside only that part's own extras; and where
the parts' file dialogs start, worked out once from the workspace and the settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..common.actions import ActionRegistry
from ..common.save_locations import save_folder, save_path, suggested_stem
from ..common.settings import Settings
from ..common.status import StatusSink
from ..common.tab_host import TabHost
from .workspace import Workspace


@dataclass(frozen=True, slots=True)
class PartServices:
    workspace: Workspace  # what is open, and the annotation session
    actions: ActionRegistry  # the parts connect their actions' `triggered`
    tabs: TabHost  # the reading area, where parts open, find and close their tabs
    status: StatusSink  # where a part says what happened
    dialog_parent: QWidget  # the parent of the parts' dialogs and docks
    settings: Settings  # preferences, such as the folder last saved to

    # --- where file dialogs start (common/save_locations.py says why) -----------------
    def open_start(self) -> str:
        """Where a dialog choosing files to read starts: the open folder, else home."""
        return self.workspace.current_folder or str(Path.home())

    def save_start_folder(self) -> str:
        """Where a save dialog starts: never among the open articles."""
        return str(save_folder(self.settings.last_save_folder, self.workspace.current_folder))

    def save_stem(self, what: str) -> str:
        """The name a save dialog proposes, without its suffix ("seeds report")."""
        return suggested_stem(self.workspace.current_folder, what)

    def save_start(self, what: str, suffix: str) -> str:
        """The full path a save dialog proposes."""
        folder = self.workspace.current_folder
        return save_path(self.settings.last_save_folder, folder, what, suffix)

    def remember_saved(self, path: str) -> None:
        """A file was written to `path`: the next save dialog starts in its folder."""
        self.settings.last_save_folder = str(Path(path).parent)
