"""Story placements kept in the annotation store (core/annotations/story_placements).

If these broke, the stories a user put together by hand would be gone after a restart,
an older annotations file would not open in this version, or a file whose placements
table was lost would stop the window from opening.
"""

from __future__ import annotations

import sqlite3

from corroborate.core.annotations.store import MIGRATIONS, Store
from corroborate.core.annotations.story_placements import (
    PlaceInStories,
    StoryPlacement,
    placements_to,
)
from tests.core.annotations.test_store import annotation


def groups_of(store: Store) -> dict[str, str]:
    return {article: p.group for article, p in store.story_placements().items()}


def test_a_version_2_file_gains_the_placements_table_and_keeps_its_annotations(tmp_path):
    path = tmp_path / "v2.sqlite3"
    with Store(path, migrations=MIGRATIONS[:2]) as v2:
        kept = annotation(note="written by version 2")
        v2.add(kept)
        v2.set_label("a1", "Wire")
        assert v2.version == 2
    with Store(path) as v3:
        assert v3.version == 3 == len(MIGRATIONS)
        assert v3.get(kept.id).note == "written by version 2"
        assert v3.labels() == {"a1": "Wire"}
        assert v3.story_placements() == {}
        v3.place_in_stories([StoryPlacement("a1", "group-1", "2026-01-01T00:00:00Z")])
    with Store(path) as again:
        assert groups_of(again) == {"a1": "group-1"}


def test_a_version_2_file_reads_without_placements_through_a_snapshot(tmp_path):
    """`corroborate-cli stories` reads an old file without upgrading it."""
    path = tmp_path / "v2.sqlite3"
    Store(path, migrations=MIGRATIONS[:2]).close()
    with Store.snapshot(path) as snapshot:
        assert snapshot.story_placements() == {}
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == 2


def test_placements_round_trip_and_replace_by_article(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        before = store.place_in_stories(
            [StoryPlacement("a", "g1", "t1"), StoryPlacement("b", "g1", "t1")]
        )
        assert before == {}
        before = store.place_in_stories([StoryPlacement("b", "g2", "t2")], ["a"])
        assert before == {
            "a": StoryPlacement("a", "g1", "t1"),
            "b": StoryPlacement("b", "g1", "t1"),
        }
        assert store.story_placements() == {"b": StoryPlacement("b", "g2", "t2")}


def test_a_placement_command_undoes_and_redoes_exactly(tmp_path):
    """Edit → Undo after a move puts every article back where it was, with its time."""
    with Store(tmp_path / "s.sqlite3") as store:
        store.place_in_stories([StoryPlacement("kept", "old", "t0")])
        command = placements_to({"kept": "old"}, {"kept": "new", "moved": "new"}, "t1", "Move")
        assert command is not None and command.description == "Move"
        undo = command.apply(store)
        assert groups_of(store) == {"kept": "new", "moved": "new"}
        redo = undo.apply(store)
        assert store.story_placements() == {"kept": StoryPlacement("kept", "old", "t0")}
        redo.apply(store)
        assert groups_of(store) == {"kept": "new", "moved": "new"}


def test_the_same_placements_make_no_command():
    assert placements_to({"a": "g"}, {"a": "g"}, "t", "Move") is None
    forget = placements_to({"a": "g"}, {}, "t", "Reset Story Grouping")
    assert forget == PlaceInStories((), ("a",), "Reset Story Grouping")


def test_a_dropped_table_reads_as_none_and_comes_back_at_the_next_placement(tmp_path):
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        store.place_in_stories([StoryPlacement("a", "g", "t")])
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE story_placements")
    with Store(path) as store:  # the file opens, as the window must
        assert store.story_placements() == {}
        store.place_in_stories([StoryPlacement("b", "g", "t")])
        assert groups_of(store) == {"b": "g"}


def test_rows_that_are_not_text_are_skipped(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        # TEXT columns turn numbers into text; blobs stay what they are.
        conn.execute("INSERT INTO story_placements VALUES (?, ?, ?)", (b"\x01", "g", "t"))
        conn.execute("INSERT INTO story_placements VALUES (?, ?, ?)", ("a", b"\x00", "t"))
        conn.execute("INSERT INTO story_placements VALUES (?, ?, ?)", ("b", "g", b"\x02"))
    with Store(path) as store:
        assert store.story_placements() == {"b": StoryPlacement("b", "g", "")}
