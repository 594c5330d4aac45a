"""Why the annotation store cannot be used, told in one sentence, and found out before
anything is written.

An existing file is read first without writing anything: is it a database, is it ours
(its tables), is its version one this release understands, is it intact (PRAGMA
quick_check). Only a file that passes is opened for writing. A file of another program
is looked at through an immutable connection, which creates no -wal or -shm file beside
it, so it is left exactly as it was. Every SQLite or OS error of opening, reading or
writing becomes a StoreUnavailable with a `kind` the window offers choices for.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from enum import StrEnum
from pathlib import Path

from .store_schema import VERSION_TABLE, Migration, expected_tables, tables_of

SQLITE_HEADER = b"SQLite format 3\x00"


class Problem(StrEnum):
    DAMAGED = "damaged"
    FOREIGN = "foreign"  # another program's file where ours should be
    NEWER = "newer"  # written by a later version of Corroborate
    NOT_A_FILE = "not_a_file"  # a folder (or device) where the file should be
    FOLDER_IS_FILE = "folder_is_file"  # the data folder is a file
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    DISK_FULL = "disk_full"
    LOCKED = "locked"  # another window holds the write lock for too long
    UNREADABLE = "unreadable"  # any other error of the disk or the system


class StoreUnavailable(Exception):
    """The store at `path` cannot be opened, read or written; `message` says why in one
    sentence a user understands, and `kind` (a Problem) what can be done about it."""

    def __init__(self, kind: Problem, path: Path, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.message = message


def problem(kind: Problem, path: Path, reason: str = "") -> StoreUnavailable:
    name = path.name
    messages = {
        Problem.DAMAGED: f"The annotations file {name} is damaged and cannot be read.",
        Problem.FOREIGN: f"The file {name} in the data folder belongs to another program.",
        Problem.NEWER: f"The annotations file {name} was made by a newer version of Corroborate.",
        Problem.NOT_A_FILE: f"The annotations file {name} is a folder, not a file.",
        Problem.FOLDER_IS_FILE: (
            f"The data folder {path.parent} is a file, so annotations cannot be kept there."
        ),
        Problem.READ_ONLY: (
            f"The annotations file {name} is read-only, so annotations cannot be saved."
        ),
        Problem.DISK_FULL: f"The disk holding {name} is full, so annotations cannot be saved.",
        Problem.LOCKED: (
            f"Another Corroborate window is busy writing to {name}; try again in a moment."
        ),
        Problem.UNREADABLE: f"The annotations file {name} cannot be used: {reason or 'error'}.",
    }
    return StoreUnavailable(kind, path, messages[kind])


# SQLite's primary result codes (the low byte of the extended code) that say the file
# cannot be used; any other error (a constraint, a programming error) is not translated.
_SQLITE_PROBLEMS = {
    3: Problem.READ_ONLY,  # SQLITE_PERM
    5: Problem.LOCKED,  # SQLITE_BUSY
    6: Problem.LOCKED,  # SQLITE_LOCKED
    8: Problem.READ_ONLY,  # SQLITE_READONLY
    10: Problem.UNREADABLE,  # SQLITE_IOERR
    11: Problem.DAMAGED,  # SQLITE_CORRUPT
    13: Problem.DISK_FULL,  # SQLITE_FULL
    14: Problem.UNREADABLE,  # SQLITE_CANTOPEN
    26: Problem.DAMAGED,  # SQLITE_NOTADB
}
_OS_PROBLEMS = {
    errno.ENOSPC: Problem.DISK_FULL,
    errno.EDQUOT: Problem.DISK_FULL,
    errno.EACCES: Problem.READ_ONLY,
    errno.EPERM: Problem.READ_ONLY,
    errno.EROFS: Problem.READ_ONLY,
    errno.EISDIR: Problem.NOT_A_FILE,
    errno.ENOTDIR: Problem.FOLDER_IS_FILE,
}


def classified(error: BaseException, path: Path) -> StoreUnavailable | None:
    """The StoreUnavailable an SQLite or OS error means for the store at `path`; None for
    an error that says nothing about the file (e.g. a duplicate id)."""
    if isinstance(error, StoreUnavailable):
        return error
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        kind = _SQLITE_PROBLEMS.get(code & 0xFF) if code is not None else None
        if kind is None:
            return None
        if (code & 0xFF) == 14 and not is_writable(path.parent):
            kind = Problem.READ_ONLY  # SQLite could not create its journal beside the file
        return _with_folder(problem(kind, path, str(error)), path)
    if isinstance(error, OSError):
        kind = _OS_PROBLEMS.get(error.errno or 0, Problem.UNREADABLE)
        return _with_folder(problem(kind, path, error.strerror or str(error)), path)
    return None


def _with_folder(found: StoreUnavailable, path: Path) -> StoreUnavailable:
    """When the file may be written but its folder not, the folder is what is read-only."""
    file_writable = not path.exists() or is_writable(path)
    if found.kind == Problem.READ_ONLY and file_writable and not is_writable(path.parent):
        return folder_read_only(path)
    return found


def folder_read_only(path: Path) -> StoreUnavailable:
    message = f"The data folder {path.parent} is read-only, so annotations cannot be saved."
    return StoreUnavailable(Problem.READ_ONLY, path, message)


def is_writable(path: Path) -> bool:
    """Whether this user may write `path` (administrators may write anything)."""
    return os.access(path, os.W_OK)


def connect(path: Path, read_only: bool, timeout_s: float) -> sqlite3.Connection:
    """Every connection to a store file is made here."""
    if read_only:
        return sqlite3.connect(
            f"{_uri(path)}?mode=ro", uri=True, timeout=timeout_s, isolation_level=None
        )
    return sqlite3.connect(path, timeout=timeout_s, isolation_level=None)


def _uri(path: Path) -> str:
    return path.absolute().as_uri()


def make_folder(path: Path) -> None:
    """Create the data folder of the store at `path`, telling why when it cannot be."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise problem(Problem.FOLDER_IS_FILE, path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):  # a file where a folder should be
        raise problem(Problem.FOLDER_IS_FILE, path) from None
    except OSError as exc:
        raise classified(exc, path) from exc


def check_before_writing(path: Path, migrations: Sequence[Migration]) -> bool:
    """Raise StoreUnavailable unless the file at `path` is missing, empty, or an intact
    store this version can open; write nothing. True when there is something to read."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise problem(Problem.FOLDER_IS_FILE, path)
    if not os.path.lexists(path):
        return False
    if not path.is_file():
        raise problem(Problem.NOT_A_FILE, path)
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError as exc:  # not even readable: no write would be the cause
        raise problem(Problem.UNREADABLE, path, (exc.strerror or str(exc)).lower()) from exc
    if not head and not _has_content(Path(f"{path}-wal")):
        return False  # an empty file holds nothing: it becomes a new store
    if head and head != SQLITE_HEADER:
        raise problem(Problem.DAMAGED, path)
    _refuse_another_programs(path)
    try:
        with closing(connect(path, read_only=True, timeout_s=5)) as conn:
            _check_contents(conn, path, migrations)
    except sqlite3.Error as exc:
        raise (classified(exc, path) or problem(Problem.UNREADABLE, path, str(exc))) from exc
    return True


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _refuse_another_programs(path: Path) -> None:
    """Tables without ours: another program's file, seen without touching it or its folder.

    An immutable connection takes no lock and ignores a -wal file, so what it sees may be
    out of date or half-written while another window writes: anything short of a clear
    list of foreign tables is left to the locked, read-only look that follows.
    """
    try:
        with closing(sqlite3.connect(f"{_uri(path)}?immutable=1", uri=True)) as conn:
            tables = tables_of(conn)
    except sqlite3.Error:
        return
    if tables and VERSION_TABLE not in tables:
        raise problem(Problem.FOREIGN, path)


def _check_contents(conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration]) -> None:
    tables = tables_of(conn)
    if not tables:
        return  # an empty database: nothing to lose
    if VERSION_TABLE not in tables:
        raise problem(Problem.FOREIGN, path)
    rows = conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], int):
        raise problem(Problem.DAMAGED, path)
    version = rows[0][0]
    own = expected_tables(migrations[:1])
    if version == 0 and tables - {VERSION_TABLE}:
        # Version 0 has no tables of ours: these are another program's (an older release
        # added the version table to such files before it failed).
        raise problem(Problem.FOREIGN, path)
    if version >= 1 and not own <= tables:
        raise problem(Problem.FOREIGN if "annotations" not in tables else Problem.DAMAGED, path)
    if version > len(migrations):
        raise problem(Problem.NEWER, path)
    if conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
        raise problem(Problem.DAMAGED, path)


def check_writable(path: Path) -> None:
    """Refuse a store that could be read but not saved to, before the first change fails."""
    if path.exists() and not is_writable(path):
        raise problem(Problem.READ_ONLY, path)
    if not is_writable(path.parent):
        raise folder_read_only(path)


def opening_problem(error: BaseException, path: Path) -> StoreUnavailable:
    """Any SQLite or OS error while opening means the file cannot be used: say why."""
    return classified(error, path) or problem(Problem.UNREADABLE, path, str(error))


@contextmanager
def problems_told(path: Path) -> Iterator[None]:
    """SQLite errors that say the file cannot be read or written, as StoreUnavailable;
    others (a duplicate id, a programming error) pass unchanged."""
    try:
        yield
    except sqlite3.Error as exc:
        found = classified(exc, path)
        if found is None:
            raise
        raise found from exc
