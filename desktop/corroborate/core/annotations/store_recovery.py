"""What the window can do when the annotation store cannot be used: work in a temporary
store (empty, or a copy of a read-only one), or move the file aside and start afresh.

The temporary store is a real file in a folder of its own under the system's temporary
folder, so the workers that open the store by its path work as usual; the folder is
deleted when the store is closed, or at the latest when the program ends. Moving aside
only renames: the old file keeps every byte, beside the new one, and nothing is
overwritten.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
from contextlib import closing
from datetime import datetime
from pathlib import Path

from .store import BUSY_TIMEOUT_MS, DB_NAME, Store
from .store_problems import classified, connect, opening_problem

# The files SQLite keeps beside a database, moved with it.
SIDE_FILES = ("-wal", "-shm", "-journal")


class TemporaryStore(Store):
    """A store that lasts as long as the window: nothing in it is saved."""

    temporary = True

    def __init__(self, copy_of: Path | None = None) -> None:
        """Empty, or holding what the store file `copy_of` holds (which is only read)."""
        try:
            self.folder = Path(tempfile.mkdtemp(prefix="corroborate-unsaved-"))
        except OSError as exc:
            raise opening_problem(exc, Path(tempfile.gettempdir()) / DB_NAME) from exc
        atexit.register(shutil.rmtree, self.folder, ignore_errors=True)
        self.copy_of = copy_of
        path = self.folder / DB_NAME
        try:
            if copy_of is not None:
                _copy(copy_of, path)
            super().__init__(path)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def close(self) -> None:
        super().close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _copy(source: Path, destination: Path) -> None:
    """A consistent copy through SQLite (what is still in the -wal file included), which
    only reads `source`."""
    try:
        with (
            closing(connect(source, True, BUSY_TIMEOUT_MS / 1000)) as reading,
            closing(sqlite3.connect(destination)) as writing,
        ):
            reading.backup(writing)
    except sqlite3.Error as exc:
        raise opening_problem(exc, source) from exc


def aside_name(path: Path, when: datetime, word: str = "damaged") -> Path:
    """annotations.sqlite3 -> annotations.damaged-2026-12-02-0618.sqlite3, with -2, -3 …
    after the minute when that name (or one of its side files) is taken."""
    stamp = when.strftime("%Y-%m-%d-%H%M")
    for n in range(1, 1000):
        tail = f"-{n}" if n > 1 else ""
        candidate = path.with_name(f"{path.stem}.{word}-{stamp}{tail}{path.suffix}")
        taken = [candidate, *(Path(f"{candidate}{side}") for side in SIDE_FILES)]
        if not any(os.path.lexists(p) for p in taken):
            return candidate
    raise FileExistsError(path)


def move_aside(path: Path, when: datetime | None = None, word: str = "damaged") -> Path:
    """Rename the store at `path`, with the files SQLite keeps beside it, so a new store
    can start there; returns the new name. Raises StoreUnavailable when it cannot."""
    new = aside_name(path, when or datetime.now(), word)
    try:
        os.rename(path, new)
        for side in SIDE_FILES:
            if os.path.lexists(f"{path}{side}"):
                os.rename(f"{path}{side}", f"{new}{side}")
    except OSError as exc:
        raise classified(exc, path) from exc
    return new
