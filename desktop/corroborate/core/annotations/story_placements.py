"""Where the user placed articles among stories, kept in the annotation store beside the
annotations: one row per placed article (its id, its group key, when it was placed).

Placements are a convenience, never worth losing the window over: a file whose table is
missing reads as having none, and the table is made again at the next placement; rows
that are not text are skipped. `PlaceInStories` is the undoable change (the Command of
core/annotations/edits.py), applied by the store in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .store_schema import CREATE_STORY_PLACEMENTS

if TYPE_CHECKING:
    from .edits import Command
    from .store import Store

TABLE = "story_placements"


@dataclass(frozen=True, slots=True)
class StoryPlacement:
    article: str  # Article.id
    group: str  # articles sharing it make one story
    placed: str  # ISO time it was placed


def read_placements(conn: sqlite3.Connection) -> dict[str, StoryPlacement]:
    """Every placement in the file, by article id; none when the table is missing."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone()
    if exists is None:
        return {}
    rows = conn.execute(f"SELECT article_id, group_key, placed FROM {TABLE}").fetchall()
    return {
        article: StoryPlacement(article, group, placed if isinstance(placed, str) else "")
        for article, group, placed in rows
        if isinstance(article, str) and isinstance(group, str) and article and group
    }


def write_placements(
    conn: sqlite3.Connection, put: Sequence[StoryPlacement], remove: Sequence[str]
) -> dict[str, StoryPlacement]:
    """Put and remove placements (inside the caller's transaction); returns what was
    stored before for every article touched."""
    conn.execute(CREATE_STORY_PLACEMENTS)  # made again if someone dropped it
    touched = [*remove, *(p.article for p in put)]
    before = {a: p for a, p in read_placements(conn).items() if a in set(touched)}
    conn.executemany(f"DELETE FROM {TABLE} WHERE article_id = ?", [(a,) for a in touched])
    conn.executemany(
        f"INSERT INTO {TABLE} VALUES (?, ?, ?)", [(p.article, p.group, p.placed) for p in put]
    )
    return before


@dataclass(frozen=True, slots=True)
class PlaceInStories:
    """Place articles in stories and forget other placements, as one undo step named
    `what` ("Move Article to Story")."""

    put: tuple[StoryPlacement, ...]
    remove: tuple[str, ...] = ()
    what: str = "Move Article to Story"

    @property
    def description(self) -> str:
        return self.what

    def apply(self, store: Store) -> Command:
        before = store.place_in_stories(self.put, self.remove)
        touched = (*self.remove, *(p.article for p in self.put))
        gone = tuple(a for a in dict.fromkeys(touched) if a not in before)
        return PlaceInStories(tuple(before.values()), gone, self.what)

    def merged_with(self, later: Command) -> Command | None:
        return None


def placements_to(
    now: Mapping[str, str], wanted: Mapping[str, str], when: str, what: str
) -> PlaceInStories | None:
    """The change from the placements `now` to `wanted` (article id -> group key); None
    when they are the same."""
    put = tuple(
        StoryPlacement(a, key, when) for a, key in sorted(wanted.items()) if now.get(a) != key
    )
    remove = tuple(sorted(a for a in now if a not in wanted))
    return PlaceInStories(put, remove, what) if put or remove else None
