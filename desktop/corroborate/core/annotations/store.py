"""The annotation store: one SQLite file in the user data folder.

Annotations must never be lost, so every change is its own committed transaction
(the connection runs in autocommit mode; multi-row changes use BEGIN IMMEDIATE), the
journal is a write-ahead log with synchronous=FULL, and a second Store or process on
the same file waits for the lock (busy_timeout) instead of failing or corrupting it.
The schema evolves through MIGRATIONS (core/annotations/store_schema), applied in order from the
version recorded in the file.

Nothing is written to a file before it is known to be an intact store of ours that this
version understands (core/annotations/store_problems); every failure to open, read or write it is a
StoreUnavailable saying why in one sentence.
"""

from __future__ import annotations

import functools
import inspect
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from ..model import Annotation, LinkKind, ManualLink, Status, Target, link_key
from .store_problems import (
    Problem,
    StoreUnavailable,
    check_before_writing,
    check_writable,
    connect,
    make_folder,
    opening_problem,
    problem,
    problems_told,
)
from .store_schema import (
    MIGRATIONS,
    TARGET_COLUMNS,
    VERSION_TABLE,
    Migration,
    annotation_of,
    insert_annotation,
    link_of,
    tables_of,
    target_of,
)
from .story_placements import StoryPlacement, read_placements, write_placements

__all__ = ["MIGRATIONS", "MergeResult", "Problem", "Store", "StoreUnavailable"]

APP_NAME = "corroborate"
DB_NAME = "annotations.sqlite3"
BUSY_TIMEOUT_MS = 10_000

# While opening, a writer holding the lock is waited for this long, this many times,
# before the store counts as locked (migrating a file needs the write lock).
OPEN_BUSY_TIMEOUT_MS = 3_000
OPEN_ATTEMPTS = 3


def data_dir() -> Path:
    """CORROBORATE_DATA_DIR when set (tests, portable use), else the platform's data dir."""
    override = os.environ.get("CORROBORATE_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_path() -> Path:
    return data_dir() / DB_NAME


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class MergeResult:
    added: int
    updated: int
    unchanged: int
    # What undoing the merge needs: the ids it added and the annotations it replaced.
    added_ids: tuple[str, ...] = ()
    replaced: tuple[Annotation, ...] = ()


# Ids per "IN (...)" query: well below SQLite's limit on bound parameters (999 in old builds).
_IDS_PER_QUERY = 500


def _problems_told(cls: type) -> type:
    """Every public method and property of the class raises StoreUnavailable, not a bare
    sqlite3 error, when the file cannot be read or written (disk full, read-only, locked,
    damaged), so callers can say so instead of failing."""

    def translated(function):
        @functools.wraps(function)
        def run(self, *args, **kwargs):
            with problems_told(self.path):
                return function(self, *args, **kwargs)

        return run

    for name, member in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if inspect.isfunction(member):
            setattr(cls, name, translated(member))
        elif isinstance(member, property):
            setattr(cls, name, property(translated(member.fget)))
    return cls


@_problems_told
class Store:
    """Annotations, source labels and manual links in one SQLite file.

    Use it from one thread (the GUI thread); open another Store for another thread or
    process. Writers on the same file are serialised by SQLite's lock.
    """

    # A store the window works in without saving (core/annotations/store_recovery).
    temporary = False

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._in_batch = False
        check_before_writing(self.path, migrations)
        make_folder(self.path)
        check_writable(self.path)
        for attempt in range(1, OPEN_ATTEMPTS + 1):
            try:
                self._start(
                    lambda: connect(self.path, False, OPEN_BUSY_TIMEOUT_MS / 1000), migrations
                )
                break
            except StoreUnavailable as exc:
                if exc.kind != Problem.LOCKED or attempt == OPEN_ATTEMPTS:
                    raise
        self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @classmethod
    def snapshot(
        cls,
        path: str | os.PathLike[str] | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        """A copy in memory of the store at `path` as it is now, for reading only: the file
        and its folder are never created or changed, so a read-only store, or one another
        window is writing, reads all the same. A missing file reads as an empty store."""
        store = cls.__new__(cls)
        store.path = Path(path) if path is not None else default_path()
        store._in_batch = False
        has_content = check_before_writing(store.path, migrations)

        def copied() -> sqlite3.Connection:
            conn = sqlite3.connect(":memory:", isolation_level=None)
            if has_content:
                with closing(connect(store.path, True, BUSY_TIMEOUT_MS / 1000)) as source:
                    source.backup(conn)
            return conn

        store._start(copied, migrations)
        store._conn.execute("PRAGMA query_only = ON")  # a change fails as on a read-only file
        return store

    def _start(self, open_connection, migrations: Sequence[Migration]) -> None:
        """Connect, set the connection up and bring the file to this version's schema."""
        conn = None
        try:
            conn = open_connection()
            conn.row_factory = sqlite3.Row
            self._conn = conn
            conn.execute(f"PRAGMA busy_timeout = {OPEN_BUSY_TIMEOUT_MS}")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate(migrations)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.Error | OSError):
                raise opening_problem(exc, self.path) from exc
            raise

    # --- lifecycle ------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # After disk full or an I/O error SQLite may have rolled the whole transaction
        # back itself: a second rollback would fail and hide the error that matters.
        if self._in_batch:
            # Inside a batch each change is a savepoint: a failed one is undone alone.
            self._conn.execute("SAVEPOINT change")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK TO change")
                    self._conn.execute("RELEASE change")
                raise
            self._conn.execute("RELEASE change")
            return
        # IMMEDIATE takes the write lock up front, so two writers queue instead of one
        # failing half-way with "database is locked" on upgrade from a read lock.
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Commit the changes made inside together, at the end: one disk sync for a key
        press that marks hundreds of rows, instead of one per row.

        What was changed before an error is committed all the same, so the store always
        holds what the undo history says was done. Batches nest (the outer one commits).
        """
        if self._in_batch:
            yield
            return
        with problems_told(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
        self._in_batch = True
        try:
            yield
        finally:
            self._in_batch = False
            # SQLite may have rolled the whole transaction back itself (disk full, I/O
            # error): then there is nothing to commit, and the original error goes on.
            if self._conn.in_transaction:
                with problems_told(self.path):
                    self._conn.execute("COMMIT")

    @property
    def version(self) -> int:
        return self._conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()[0]

    def _stored_version(self) -> int:
        if VERSION_TABLE not in tables_of(self._conn):
            return 0
        row = self._conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
        return row[0] if row else 0

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        if self._stored_version() == len(migrations):
            return  # up to date: opening writes nothing and needs no write lock
        with self._transaction() as conn:
            conn.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
            if conn.execute(f"SELECT COUNT(*) FROM {VERSION_TABLE}").fetchone()[0] == 0:
                conn.execute(f"INSERT INTO {VERSION_TABLE} VALUES (0)")
        while True:
            # One transaction per step: a crash mid-way leaves a consistent older version.
            with self._transaction() as conn:
                current = conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()[0]
                if current > len(migrations):  # a newer version upgraded it meanwhile
                    raise problem(Problem.NEWER, self.path)
                if current == len(migrations):
                    return
                migrations[current](conn)
                conn.execute(f"UPDATE {VERSION_TABLE} SET version = ?", (current + 1,))

    # --- annotations ----------------------------------------------------------------

    def annotations(self) -> tuple[Annotation, ...]:
        rows = self._conn.execute("SELECT * FROM annotations ORDER BY created, id").fetchall()
        targets = self._targets_by_annotation()
        return tuple(annotation_of(row, targets.get(row["id"], ())) for row in rows)

    def get(self, annotation_id: str) -> Annotation | None:
        row = self._conn.execute(
            "SELECT * FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None:
            return None
        return annotation_of(row, self._targets_of(annotation_id))

    def add(self, annotation: Annotation) -> None:
        """Insert a new annotation; an existing id is an error (sqlite3.IntegrityError)."""
        with self._transaction() as conn:
            insert_annotation(conn, annotation)

    def put(self, annotation: Annotation) -> Annotation | None:
        """Insert or replace the annotation with this id; returns the one replaced."""
        with self._transaction() as conn:
            previous = self.get(annotation.id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation.id,))
            insert_annotation(conn, annotation)
        return previous

    def find_by_targets(self, targets: Sequence[Target]) -> Annotation | None:
        """The stored annotation quoting exactly these spans (article and offsets), if any."""
        wanted = {(t.article, t.start, t.end) for t in targets}
        if not wanted:
            return None
        article, start, end = min(wanted)
        candidates = self._conn.execute(
            'SELECT annotation_id FROM targets WHERE article = ? AND start = ? AND "end" = ?',
            (article, start, end),
        ).fetchall()
        for (annotation_id,) in candidates:
            found = self.get(annotation_id)
            if found and {(t.article, t.start, t.end) for t in found.targets} == wanted:
                return found
        return None

    def put_many(self, annotations: Sequence[Annotation]) -> list[Annotation]:
        """`put` each, in one transaction; returns the annotations replaced."""
        with self._transaction() as conn:
            previous = self._get_many([a.id for a in annotations])
            conn.executemany("DELETE FROM annotations WHERE id = ?", [(a.id,) for a in annotations])
            for annotation in annotations:
                insert_annotation(conn, annotation)
        return previous

    def remove_many(self, annotation_ids: Sequence[str]) -> list[Annotation]:
        """`remove` each, in one transaction; returns what was deleted."""
        with self._transaction() as conn:
            previous = self._get_many(annotation_ids)
            conn.executemany("DELETE FROM annotations WHERE id = ?", [(i,) for i in annotation_ids])
        return previous

    def _get_many(self, annotation_ids: Sequence[str]) -> list[Annotation]:
        """The stored annotations among these ids, a few queries for thousands."""
        found = []
        for start in range(0, len(annotation_ids), _IDS_PER_QUERY):
            chunk = list(annotation_ids[start : start + _IDS_PER_QUERY])
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT * FROM annotations WHERE id IN ({marks})", chunk
            ).fetchall()
            targets: dict[str, list[Target]] = {}
            for row in self._conn.execute(
                f"SELECT * FROM targets WHERE annotation_id IN ({marks}) "
                "ORDER BY annotation_id, position",
                chunk,
            ):
                targets.setdefault(row["annotation_id"], []).append(target_of(row))
            found += [annotation_of(row, tuple(targets.get(row["id"], ()))) for row in rows]
        return found

    def remove(self, annotation_id: str) -> Annotation | None:
        """Delete the annotation (and its targets); returns what was deleted."""
        with self._transaction() as conn:
            previous = self.get(annotation_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return previous

    def set_status(self, annotation_id: str, status: Status) -> Status:
        """Returns the previous status; KeyError when there is no such annotation."""
        return Status(self._set_field(annotation_id, "status", Status(status).value))

    def set_note(self, annotation_id: str, note: str) -> str:
        return self._set_field(annotation_id, "note", note)

    def _set_field(self, annotation_id: str, column: str, value: str) -> str:
        with self._transaction() as conn:
            row = conn.execute(
                f"SELECT {column} FROM annotations WHERE id = ?", (annotation_id,)
            ).fetchone()
            if row is None:
                raise KeyError(annotation_id)
            conn.execute(
                f"UPDATE annotations SET {column} = ?, modified = ? WHERE id = ?",
                (value, now_iso(), annotation_id),
            )
        return row[0]

    def merge(self, incoming: Sequence[Annotation]) -> MergeResult:
        """Add unknown annotations and replace known ones whose `modified` is newer.

        All in one transaction: an import either lands completely or not at all.
        """
        added: list[str] = []
        seen: set[str] = set()  # ids this merge added or replaced: undo restores the first
        replaced: list[Annotation] = []
        unchanged = 0
        with self._transaction() as conn:
            for annotation in incoming:
                row = conn.execute(
                    "SELECT modified FROM annotations WHERE id = ?", (annotation.id,)
                ).fetchone()
                if row is None:
                    added.append(annotation.id)
                    seen.add(annotation.id)
                elif _instant(annotation.modified) > _instant(row[0]):
                    if annotation.id not in seen:  # the first copy replaces what was here
                        replaced.append(self.get(annotation.id))
                        seen.add(annotation.id)
                    conn.execute("DELETE FROM annotations WHERE id = ?", (annotation.id,))
                else:
                    unchanged += 1
                    continue
                insert_annotation(conn, annotation)
        return MergeResult(len(added), len(replaced), unchanged, tuple(added), tuple(replaced))

    def _targets_of(self, annotation_id: str) -> tuple[Target, ...]:
        rows = self._conn.execute(
            "SELECT * FROM targets WHERE annotation_id = ? ORDER BY position", (annotation_id,)
        ).fetchall()
        return tuple(target_of(row) for row in rows)

    def _targets_by_annotation(self) -> dict[str, tuple[Target, ...]]:
        grouped: dict[str, list[Target]] = {}
        for row in self._conn.execute("SELECT * FROM targets ORDER BY annotation_id, position"):
            grouped.setdefault(row["annotation_id"], []).append(target_of(row))
        return {k: tuple(v) for k, v in grouped.items()}

    # --- source labels --------------------------------------------------------------

    def labels(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT article_id, label FROM source_labels").fetchall())

    def set_label(self, article_id: str, label: str | None) -> str | None:
        """Label an article (None removes the label); returns the previous label."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT label FROM source_labels WHERE article_id = ?", (article_id,)
            ).fetchone()
            conn.execute("DELETE FROM source_labels WHERE article_id = ?", (article_id,))
            if label is not None:
                conn.execute("INSERT INTO source_labels VALUES (?, ?)", (article_id, label))
        return row[0] if row else None

    # --- manual links ---------------------------------------------------------------

    def links(self) -> tuple[ManualLink, ...]:
        rows = self._conn.execute("SELECT * FROM manual_links ORDER BY created, key").fetchall()
        return tuple(link_of(row) for row in rows)

    def link(self, a: Target, b: Target) -> ManualLink | None:
        row = self._conn.execute(
            "SELECT * FROM manual_links WHERE key = ?", (link_key(a, b),)
        ).fetchone()
        return link_of(row) if row else None

    def set_link(
        self, a: Target, b: Target, kind: LinkKind | None, created: str | None = None
    ) -> ManualLink | None:
        """Link two sentences, reject their automatic match, or (None) forget either.

        A pair is linked or rejected, never both. `created` keeps the time a link was first
        made when undo puts it back (it decides which of two links on a pair counts).
        Returns the link there was before.
        """
        with self._transaction() as conn:
            previous = self.link(a, b)
            conn.execute("DELETE FROM manual_links WHERE key = ?", (link_key(a, b),))
            if kind is not None:
                values = [link_key(a, b), LinkKind(kind).value, created or now_iso()]
                values += [getattr(t, c) for t in (a, b) for c in TARGET_COLUMNS]
                marks = ", ".join("?" * len(values))
                conn.execute(f"INSERT INTO manual_links VALUES ({marks})", values)
        return previous

    # --- story placements (core/annotations/story_placements) -----------------------

    def story_placements(self) -> dict[str, StoryPlacement]:
        return read_placements(self._conn)

    def place_in_stories(
        self, put: Sequence[StoryPlacement], remove: Sequence[str] = ()
    ) -> dict[str, StoryPlacement]:
        """Put and forget placements together; returns those the articles had before."""
        with self._transaction() as conn:
            return write_placements(conn, put, remove)


def _instant(timestamp: str) -> datetime:
    """When `timestamp` was; a value that is not an ISO date (imports once let them in) counts
    as the oldest, so a later import of that annotation replaces it instead of failing."""
    try:
        moment = datetime.fromisoformat(timestamp)
    except (TypeError, ValueError):
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
