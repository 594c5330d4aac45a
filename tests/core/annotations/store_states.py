"""States of the data folder a user's annotation store can be found in, built in code.

Each state builds itself in the data folder CORROBORATE_DATA_DIR points to (inside
tmp_path). What cannot be made for real when the tests run as root (who may write any
file) is made by injection: a read-only file or folder through `is_writable`, a full
disk through SQLite's page limit, a long-held lock through a second connection and
short timeouts.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from corroborate.core.annotations import store as store_module
from corroborate.core.annotations import store_problems
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.store import DB_NAME, MIGRATIONS, Problem, Store
from corroborate.core.model import Status, Target


def target(n: int, article: str = "a1") -> Target:
    return Target(article, "Source", "Title", f"/news/{article}.txt", n * 10, n * 10 + 9, "s" * 40)


def fill(path: Path, count: int = 3, migrations=MIGRATIONS) -> list[str]:
    """A valid store at `path` with `count` annotations; returns their ids."""
    with Store(path, migrations=migrations) as store:
        made = [new_annotation(Status.AGREED, [target(n), target(n, "b2")]) for n in range(count)]
        for annotation in made:
            store.add(annotation)
    return [a.id for a in made]


def _truncated(path: Path, mp) -> None:
    fill(path, 60)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random_bytes(path: Path, mp) -> None:
    path.write_bytes(bytes((n * 131 + 7) % 256 for n in range(8192)))


def _text_file(path: Path, mp) -> None:
    path.write_text("These are my notes about the summit.\n" * 40, encoding="utf-8")


def _foreign(path: Path, mp, wal: bool = False, version_table: bool = False) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann', '555-0100')")
    if version_table:  # what an older release added before it failed on such a file
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (0)")
    conn.commit()
    conn.close()


def _newer(path: Path, mp) -> None:
    fill(path, 2, migrations=(*MIGRATIONS, lambda conn: None))


def _directory(path: Path, mp) -> None:
    path.mkdir()


def _folder_is_file(path: Path, mp) -> None:
    path.parent.rmdir()
    path.parent.write_text("not a folder", encoding="utf-8")


def _read_only_file(path: Path, mp) -> None:
    fill(path)
    real = store_problems.is_writable
    mp.setattr(store_problems, "is_writable", lambda p: p != path and real(p))


def _read_only_folder(path: Path, mp) -> None:
    fill(path)
    real = store_problems.is_writable
    mp.setattr(store_problems, "is_writable", lambda p: p != path.parent and real(p))


def _disk_full(path: Path, mp) -> None:
    fill(path)
    cap_writes(mp, path)
    with Store(path) as store:  # use up the room left in the file's pages, as a disk would
        for n in range(100, 10_000):
            try:
                store.add(new_annotation(Status.AGREED, [target(n), target(n, "b2")]))
            except store_problems.StoreUnavailable:
                break


def cap_writes(mp, path: Path) -> None:
    """Connections to `path` that write get no more room than the file has: a full disk."""
    real = store_problems.connect

    def full(at: Path, read_only: bool, timeout_s: float) -> sqlite3.Connection:
        conn = real(at, read_only, timeout_s)
        if Path(at) == path and not read_only:
            conn.execute("PRAGMA max_page_count = 1")  # SQLite keeps the current size
        return conn

    mp.setattr(store_problems, "connect", full)
    mp.setattr(store_module, "connect", full)


def _locked(path: Path, mp) -> None:
    fill(path)
    hold_write_lock(mp, path)


def hold_write_lock(mp, path: Path) -> sqlite3.Connection:
    """Another window in the middle of a long import: it holds the write lock."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO source_labels VALUES ('held', 'by another window')")
    mp.setattr(store_module, "BUSY_TIMEOUT_MS", 50)
    mp.setattr(store_module, "OPEN_BUSY_TIMEOUT_MS", 50)
    _held.append(holder)
    return holder


_held: list[sqlite3.Connection] = []


def release_locks() -> None:
    while _held:
        _held.pop().close()


def _empty_file(path: Path, mp) -> None:
    path.write_bytes(b"")


def _damaged_page(path: Path, mp) -> None:
    fill(path, 60)
    damage_a_page(path)


def damage_a_page(path: Path) -> None:
    """Zero the header of the annotations table's first page: reading the table then fails
    with "database disk image is malformed", while the rest of the file is intact."""
    with closing(sqlite3.connect(path)) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'annotations'"
        ).fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + 12] = bytes(12)
    path.write_bytes(bytes(data))


def _garbage_side_files(path: Path, mp) -> None:
    fill(path)
    Path(f"{path}-wal").write_bytes(b"leftover" * 700)
    Path(f"{path}-shm").write_bytes(bytes(range(256)) * 128)


@dataclass(frozen=True)
class State:
    name: str
    build: Callable[[Path, pytest.MonkeyPatch], None]
    refused: Problem | None  # what opening the store to write says; None: it opens
    readable: bool  # a command that only reads the store (export, report) succeeds
    saves: bool  # a change (an import, a mark in the window) is saved
    foreign: bool = False  # another program's file: the folder must stay as it was


STATES = (
    State("truncated", _truncated, Problem.DAMAGED, False, False),
    State("random bytes", _random_bytes, Problem.DAMAGED, False, False),
    State("text file", _text_file, Problem.DAMAGED, False, False),
    State("foreign sqlite", _foreign, Problem.FOREIGN, False, False, foreign=True),
    State(
        "foreign sqlite in wal mode",
        lambda p, mp: _foreign(p, mp, wal=True),
        Problem.FOREIGN,
        False,
        False,
        foreign=True,
    ),
    State(
        "foreign sqlite with a version table",
        lambda p, mp: _foreign(p, mp, version_table=True),
        Problem.FOREIGN,
        False,
        False,
        foreign=True,
    ),
    State("newer schema", _newer, Problem.NEWER, False, False),
    State("directory instead of file", _directory, Problem.NOT_A_FILE, False, False),
    State("data folder is a file", _folder_is_file, Problem.FOLDER_IS_FILE, False, False),
    State("read-only file", _read_only_file, Problem.READ_ONLY, True, False),
    State("read-only folder", _read_only_folder, Problem.READ_ONLY, True, False),
    State("disk full", _disk_full, None, True, False),
    State("write lock held", _locked, None, True, False),
    State("empty file", _empty_file, None, True, True),
    State("damaged page", _damaged_page, Problem.DAMAGED, False, False),
    State("garbage wal and shm", _garbage_side_files, None, True, True),
)


def build(state: State, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Build `state` in the data folder; returns where the store file should be."""
    path = store_module.default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    state.build(path, monkeypatch)
    return path


def fingerprint(path: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file of the data folder (or the file that stands in its place): name, size,
    modification time and bytes, to show that nothing was touched."""
    folder = path.parent
    if not folder.is_dir():
        stat = folder.stat()
        return {folder.name: (stat.st_size, stat.st_mtime_ns, folder.read_bytes())}
    found = {}
    for entry in sorted(os.listdir(folder)):
        full = folder / entry
        if full.is_file():
            stat = full.stat()
            found[entry] = (stat.st_size, stat.st_mtime_ns, full.read_bytes())
        else:
            found[entry] = (0, 0, b"<folder>")
    return found


def main_file(path: Path) -> dict[str, tuple[int, int, bytes]]:
    """The store file itself (and not the -wal or -shm SQLite may add beside ours)."""
    return {k: v for k, v in fingerprint(path).items() if not k.endswith(("-wal", "-shm"))}


__all__ = ["DB_NAME", "STATES", "State", "build", "fill", "fingerprint", "release_locks"]
