"""The annotation store: one SQLite file in the user data folder.

Annotations must never be lost, so every change is its own committed transaction
(the connection runs in autocommit mode; multi-row changes use BEGIN IMMEDIATE), the
journal is a write-ahead log with synchronous=FULL, and a second Store or process on
the same file waits for the lock (busy_timeout) instead of failing or corrupting it.
The schema evolves through MIGRATIONS, applied in order from the version recorded in
the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from .model import Annotation, LinkKind, ManualLink, Status, Target, link_key

APP_NAME = "corroborate"
DB_NAME = "annotations.sqlite3"
BUSY_TIMEOUT_MS = 10_000

Migration = Callable[[sqlite3.Connection], None]

_TARGET_COLUMNS = (
    "article",
    "source",
    "title",
    "path",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
)


def _create_v1(conn: sqlite3.Connection) -> None:
    link_sides = ",\n".join(
        f"{side}_{c} {'INTEGER' if c in ('start', 'end') else 'TEXT'} NOT NULL"
        for side in "ab"
        for c in _TARGET_COLUMNS
    )
    # Statement by statement: executescript() would commit the migration's transaction.
    script = f"""
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('agreed', 'disputed', 'unverified')),
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            similarity REAL,
            discrepancy TEXT NOT NULL DEFAULT '',
            fact_id TEXT
        );
        CREATE TABLE targets (
            annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            article TEXT NOT NULL,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            path TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" >= start),
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            PRIMARY KEY (annotation_id, position)
        );
        CREATE INDEX targets_by_article ON targets(article);
        CREATE TABLE source_labels (
            article_id TEXT PRIMARY KEY,
            label TEXT NOT NULL
        );
        CREATE TABLE manual_links (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('linked', 'rejected')),
            created TEXT NOT NULL,
            {link_sides}
        );
        """
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


# Index i brings a file from version i to version i + 1. Append, never edit or reorder:
# files written by released versions replay the tail of this list when opened.
MIGRATIONS: tuple[Migration, ...] = (_create_v1,)


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


class Store:
    """Annotations, source labels and manual links in one SQLite file.

    Use it from one thread (the GUI thread); open another Store for another thread or
    process. Writers on the same file are serialised by SQLite's lock.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._in_batch = False
        self._conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        self._conn.row_factory = sqlite3.Row
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate(migrations)
        except BaseException:
            self._conn.close()
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
        if self._in_batch:
            # Inside a batch each change is a savepoint: a failed one is undone alone.
            self._conn.execute("SAVEPOINT change")
            try:
                yield self._conn
            except BaseException:
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
        self._conn.execute("BEGIN IMMEDIATE")
        self._in_batch = True
        try:
            yield
        finally:
            self._in_batch = False
            # SQLite may have rolled the whole transaction back itself (disk full, I/O
            # error): then there is nothing to commit, and the original error goes on.
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")

    @property
    def version(self) -> int:
        return self._conn.execute("SELECT version FROM schema_version").fetchone()[0]

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        with self._transaction() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            if conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 0:
                conn.execute("INSERT INTO schema_version VALUES (0)")
        while True:
            # One transaction per step: a crash mid-way leaves a consistent older version.
            with self._transaction() as conn:
                current = conn.execute("SELECT version FROM schema_version").fetchone()[0]
                if current > len(migrations):
                    raise RuntimeError(
                        f"the annotation file {self.path} was written by a newer version of "
                        f"Corroborate (schema {current}); this version understands up to "
                        f"{len(migrations)}"
                    )
                if current == len(migrations):
                    return
                migrations[current](conn)
                conn.execute("UPDATE schema_version SET version = ?", (current + 1,))

    # --- annotations ----------------------------------------------------------------

    def annotations(self) -> tuple[Annotation, ...]:
        rows = self._conn.execute("SELECT * FROM annotations ORDER BY created, id").fetchall()
        targets = self._targets_by_annotation()
        return tuple(_annotation(row, targets.get(row["id"], ())) for row in rows)

    def get(self, annotation_id: str) -> Annotation | None:
        row = self._conn.execute(
            "SELECT * FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None:
            return None
        return _annotation(row, self._targets_of(annotation_id))

    def add(self, annotation: Annotation) -> None:
        """Insert a new annotation; an existing id is an error (sqlite3.IntegrityError)."""
        with self._transaction() as conn:
            _insert(conn, annotation)

    def put(self, annotation: Annotation) -> Annotation | None:
        """Insert or replace the annotation with this id; returns the one replaced."""
        with self._transaction() as conn:
            previous = self.get(annotation.id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation.id,))
            _insert(conn, annotation)
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
                _insert(conn, annotation)
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
                targets.setdefault(row["annotation_id"], []).append(_target(row))
            found += [_annotation(row, tuple(targets.get(row["id"], ()))) for row in rows]
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
                _insert(conn, annotation)
        return MergeResult(len(added), len(replaced), unchanged, tuple(added), tuple(replaced))

    def _targets_of(self, annotation_id: str) -> tuple[Target, ...]:
        rows = self._conn.execute(
            "SELECT * FROM targets WHERE annotation_id = ? ORDER BY position", (annotation_id,)
        ).fetchall()
        return tuple(_target(row) for row in rows)

    def _targets_by_annotation(self) -> dict[str, tuple[Target, ...]]:
        grouped: dict[str, list[Target]] = {}
        for row in self._conn.execute("SELECT * FROM targets ORDER BY annotation_id, position"):
            grouped.setdefault(row["annotation_id"], []).append(_target(row))
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
        return tuple(_link(row) for row in rows)

    def link(self, a: Target, b: Target) -> ManualLink | None:
        row = self._conn.execute(
            "SELECT * FROM manual_links WHERE key = ?", (link_key(a, b),)
        ).fetchone()
        return _link(row) if row else None

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
                values += [getattr(t, c) for t in (a, b) for c in _TARGET_COLUMNS]
                marks = ", ".join("?" * len(values))
                conn.execute(f"INSERT INTO manual_links VALUES ({marks})", values)
        return previous


# --- rows <-> records -----------------------------------------------------------------


def _insert(conn: sqlite3.Connection, a: Annotation) -> None:
    conn.execute(
        "INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            a.id,
            Status(a.status).value,
            a.note,
            a.created,
            a.modified,
            a.similarity,
            a.discrepancy,
            a.fact_id,
        ),
    )
    conn.executemany(
        "INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (a.id, position, *(getattr(t, c) for c in _TARGET_COLUMNS))
            for position, t in enumerate(a.targets)
        ],
    )


def _annotation(row: sqlite3.Row, targets: tuple[Target, ...]) -> Annotation:
    return Annotation(
        id=row["id"],
        status=Status(row["status"]),
        note=row["note"],
        created=row["created"],
        modified=row["modified"],
        targets=targets,
        similarity=row["similarity"],
        discrepancy=row["discrepancy"],
        fact_id=row["fact_id"],
    )


def _target(row: sqlite3.Row, prefix: str = "") -> Target:
    return Target(**{c: row[prefix + c] for c in _TARGET_COLUMNS})


def _link(row: sqlite3.Row) -> ManualLink:
    return ManualLink(LinkKind(row["kind"]), _target(row, "a_"), _target(row, "b_"), row["created"])


def _instant(timestamp: str) -> datetime:
    moment = datetime.fromisoformat(timestamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
