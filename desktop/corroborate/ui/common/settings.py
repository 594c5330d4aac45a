"""Preferences and window state, declared once with their defaults (QSettings)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


def open_settings() -> QSettings:
    """The app's QSettings; CORROBORATE_CONFIG_DIR redirects them (tests, portable use)."""
    folder = os.environ.get("CORROBORATE_CONFIG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "corroborate.ini"), QSettings.Format.IniFormat)
    return QSettings("Corroborate", "Corroborate")


class Settings:
    """Typed access to every stored preference; nothing else reads QSettings keys."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or open_settings()

    # --- folders ---------------------------------------------------------------
    @property
    def recent_folders(self) -> list[str]:
        value = self._s.value("files/recent_folders", [])
        if isinstance(value, str):  # QSettings returns a lone string for one-item lists
            value = [value]
        return [str(v) for v in value or []]

    def add_recent_folder(self, folder: str) -> None:
        folder = str(Path(folder).resolve())
        items = [f for f in self.recent_folders if f != folder]
        self._s.setValue("files/recent_folders", [folder, *items][:MAX_RECENT])
        self._s.setValue("files/last_folder", folder)

    def clear_recent_folders(self) -> None:
        self._s.setValue("files/recent_folders", [])

    @property
    def last_folder(self) -> str | None:
        value = self._s.value("files/last_folder", "")
        return str(value) or None

    @property
    def last_save_folder(self) -> str | None:
        """Where the user last saved a report or an export."""
        value = self._s.value("files/last_save_folder", "")
        return str(value) or None

    @last_save_folder.setter
    def last_save_folder(self, folder: str) -> None:
        self._s.setValue("files/last_save_folder", str(Path(folder).resolve()))

    @property
    def first_run(self) -> bool:
        return not self._s.contains("files/last_folder")

    # --- appearance ------------------------------------------------------------
    @property
    def color_scheme(self) -> str:
        """ "system", "light" or "dark" (see ui/common/theme.py)."""
        return str(self._s.value("appearance/color_scheme", "system"))

    @color_scheme.setter
    def color_scheme(self, scheme: str) -> None:
        self._s.setValue("appearance/color_scheme", scheme)

    # --- exports ---------------------------------------------------------------
    @property
    def export_metadata(self) -> bool:
        """Whether annotation exports (CSV, .xlsx) add the articles' dates, bylines and
        addresses: the Export dialog's box, as last left."""
        return str(self._s.value("export/metadata", "false")).lower() == "true"

    @export_metadata.setter
    def export_metadata(self, include: bool) -> None:
        self._s.setValue("export/metadata", bool(include))

    @property
    def facts_timeline_shown(self) -> bool:
        """Whether the Facts tab shows its timeline (View → Facts Timeline)."""
        return str(self._s.value("appearance/facts_timeline", "true")).lower() == "true"

    @facts_timeline_shown.setter
    def facts_timeline_shown(self, shown: bool) -> None:
        self._s.setValue("appearance/facts_timeline", "true" if shown else "false")

    # --- window ----------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def sync(self) -> None:
        self._s.sync()
