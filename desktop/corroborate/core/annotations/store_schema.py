"""The tables of the annotation store, the migrations that build them step by step, and
the records read from and written to their rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from ..model import Annotation, LinkKind, ManualLink, Status, Target

Migration = Callable[[sqlite3.Connection], None]

TARGET_COLUMNS = (
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
# Every version of the file has this table, with one row: the version.
VERSION_TABLE = "schema_version"


def _create_v1(conn: sqlite3.Connection) -> None:
    link_sides = ",\n".join(
        f"{side}_{c} {'INTEGER' if c in ('start', 'end') else 'TEXT'} NOT NULL"
        for side in "ab"
        for c in TARGET_COLUMNS
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


def _add_extras_v2(conn: sqlite3.Connection) -> None:
    """Annotation.extras: the JSON an imported foreign Web Annotation keeps for export."""
    conn.execute("ALTER TABLE annotations ADD COLUMN extras TEXT NOT NULL DEFAULT ''")


# Also run before each write of placements: a file whose table was dropped gets it back.
CREATE_STORY_PLACEMENTS = """
    CREATE TABLE IF NOT EXISTS story_placements (
        article_id TEXT PRIMARY KEY,
        group_key TEXT NOT NULL,
        placed TEXT NOT NULL
    )"""


def _add_story_placements_v3(conn: sqlite3.Connection) -> None:
    """Where the user placed articles among stories (core/annotations/story_placements)."""
    conn.execute(CREATE_STORY_PLACEMENTS)


# Index i brings a file from version i to version i + 1. Append, never edit or reorder:
# files written by released versions replay the tail of this list when opened.
MIGRATIONS: tuple[Migration, ...] = (_create_v1, _add_extras_v2, _add_story_placements_v3)
ANNOTATION_COLUMNS = (
    "id", "status", "note", "created", "modified", "similarity", "discrepancy", "fact_id",
    "extras",
)  # fmt: skip


def tables_of(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows if not name.startswith("sqlite_")}


def expected_tables(migrations: Sequence[Migration]) -> set[str]:
    """The tables a file has after these migrations: they are run on an empty database in
    memory (a millisecond), so this never falls out of step with them."""
    conn = sqlite3.connect(":memory:")
    try:
        for migration in migrations:
            migration(conn)
        return tables_of(conn) | {VERSION_TABLE}
    finally:
        conn.close()


# --- rows <-> records -----------------------------------------------------------------


def insert_annotation(conn: sqlite3.Connection, a: Annotation) -> None:
    # Columns named: a file migrated from version 1 has `extras` last, as a new one does,
    # but naming them keeps any later ALTER TABLE from shifting the values.
    columns = ", ".join(ANNOTATION_COLUMNS)
    conn.execute(
        f"INSERT INTO annotations ({columns}) VALUES ({', '.join('?' * len(ANNOTATION_COLUMNS))})",
        (
            a.id,
            Status(a.status).value,
            a.note,
            a.created,
            a.modified,
            a.similarity,
            a.discrepancy,
            a.fact_id,
            a.extras,
        ),
    )
    conn.executemany(
        "INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (a.id, position, *(getattr(t, c) for c in TARGET_COLUMNS))
            for position, t in enumerate(a.targets)
        ],
    )


def annotation_of(row: sqlite3.Row, targets: tuple[Target, ...]) -> Annotation:
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
        extras=row["extras"],
    )


def target_of(row: sqlite3.Row, prefix: str = "") -> Target:
    return Target(**{c: row[prefix + c] for c in TARGET_COLUMNS})


def link_of(row: sqlite3.Row) -> ManualLink:
    kind = LinkKind(row["kind"])
    return ManualLink(kind, target_of(row, "a_"), target_of(row, "b_"), row["created"])
