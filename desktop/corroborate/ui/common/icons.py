"""QIcons for actions, statuses and the window, from the SVGs in resources/icons/."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ...core.model import Status


@cache
def app_icon_for(name: str) -> QIcon | None:
    """The icon `resources/icons/<name>.svg`, or None when it is missing."""
    try:
        from ...resources import resource_path

        path = resource_path(f"icons/{name}.svg")
    except (ImportError, FileNotFoundError):
        return None
    if not path.is_file():
        return None
    icon = QIcon(str(path))
    return None if icon.isNull() else icon


@cache
def window_icon() -> QIcon:
    """The app icon from the PNGs drawn for each size (16-512 px, so title bars, task bars
    and high-DPI docks each get a sharp one); the SVG when they are missing."""
    icon = QIcon()
    try:
        from ...resources import resource_path

        for png in sorted(resource_path("app-icon").glob("corroborate-*.png")):
            icon.addFile(str(png))
    except (ImportError, FileNotFoundError):
        pass
    if icon.isNull():
        return app_icon_for("corroborate") or QIcon()
    return icon


STATUS_TEXT = {
    Status.AGREED: "Agreed",
    Status.DISPUTED: "Disputed",
    Status.UNVERIFIED: "Unverified",
}
# Shown by the platform's standard icons when resources/icons lacks a status icon.
_FALLBACK_ICONS = {
    Status.AGREED: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.DISPUTED: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.UNVERIFIED: QStyle.StandardPixmap.SP_MessageBoxQuestion,
}


@cache
def status_icon(status: Status) -> QIcon:
    icon = app_icon_for(status.value)
    if icon is not None:
        return icon
    return QApplication.style().standardIcon(_FALLBACK_ICONS[status])


@cache
def named_icon(name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    """An app icon by name, else a standard one."""
    return app_icon_for(name) or QApplication.style().standardIcon(fallback)
