"""Where reports and exports are first proposed: never among the articles.

A file saved inside the open folder would be read back as one more article the next
time the folder opens (folders are read with their subfolders), so the proposal is the
folder the user last saved to, else the Documents folder, else the home folder, each
only when it lies outside the open articles folder. The user may still choose it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def _inside(folder: Path, articles: Path | None) -> bool:
    return articles is not None and folder.is_relative_to(articles)


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def save_folder(last_saved: str | None, articles_folder: str | None) -> Path:
    """The folder a save dialog starts in (see the module docstring)."""
    articles = Path(articles_folder).resolve() if articles_folder else None
    candidates = [Path(last_saved)] if last_saved else []
    candidates += [documents_folder(), Path.home()]
    for candidate in candidates:
        folder = candidate.resolve()
        if folder.is_dir() and not _inside(folder, articles):
            return folder
    # Everything above lies inside the articles folder (it is the home folder itself).
    return articles.parent if articles is not None else Path.home()


def suggested_stem(articles_folder: str | None, what: str) -> str:
    """ "seeds report": the folder the file is about, then what it is."""
    name = Path(articles_folder).name if articles_folder else "Corroborate"
    return f"{name} {what}"


def save_path(last_saved: str | None, articles_folder: str | None, what: str, suffix: str) -> str:
    """The full path a save dialog proposes."""
    folder = save_folder(last_saved, articles_folder)
    return str(folder / f"{suggested_stem(articles_folder, what)}.{suffix}")
