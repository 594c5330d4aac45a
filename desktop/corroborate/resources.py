"""Where the app's icons and demo articles are, however Corroborate was installed.

The repository keeps them in the top-level `resources/` and `seeds/` folders. They travel as:
- a PyInstaller bundle: `resources/` and `seeds/` next to the frozen modules (sys._MEIPASS);
- an installed wheel: the packages `corroborate/_resources` and `corroborate/_seeds`;
- a checkout or an editable install: the folders themselves, two levels above this file.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

# Folder name in the checkout and the bundle -> folder name inside the installed package.
_PACKAGED_NAMES = {"resources": "_resources", "seeds": "_seeds"}


def _candidates(folder: str) -> list[Path]:
    places = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        places.append(Path(bundle) / folder)
    package = resources.files(__package__)
    if isinstance(package, Path):  # an ordinary install on disk, not a zip
        places.append(package / _PACKAGED_NAMES[folder])
    places.append(Path(__file__).resolve().parents[2] / folder)
    return places


@cache
def _folder(folder: str) -> Path:
    for place in _candidates(folder):
        if place.is_dir():
            return place
    tried = ", ".join(str(p) for p in _candidates(folder))
    raise FileNotFoundError(f"Corroborate's {folder} folder is missing (looked in {tried})")


def resource_path(relative: str) -> Path:
    """The file `resources/<relative>`, e.g. `resource_path("icons/open-folder.svg")`.

    Raises FileNotFoundError when the file is not there.
    """
    path = _folder("resources") / relative
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {relative}")
    return path


def seeds_path() -> Path:
    """The folder of demo articles opened on the first run."""
    return _folder("seeds")
