"""QIcons for actions and the window, from the SVGs in resources/icons/."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon


@cache
def app_icon_for(name: str) -> QIcon | None:
    """The icon `resources/icons/<name>.svg`, or None when it is missing."""
    try:
        from ..resources import resource_path

        path = resource_path(f"icons/{name}.svg")
    except (ImportError, FileNotFoundError):
        return None
    if not path.is_file():
        return None
    icon = QIcon(str(path))
    return None if icon.isNull() else icon


@cache
def window_icon() -> QIcon:
    return app_icon_for("corroborate") or QIcon()
