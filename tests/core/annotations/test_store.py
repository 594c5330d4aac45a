"""The annotation store keeps every committed change, whatever happens afterwards.

If these break, users lose annotations: after a crash, when two windows write at once,
or when a new version of the app opens an old file.
"""

import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest

from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.store import (
    MIGRATIONS,
    Problem,
    Store,
    StoreUnavailable,
    data_dir,
    default_path,
)
from corroborate.core.model import LinkKind, Status, Target
from tests.conftest import ROOT


def target(n: int, article: str = "a1") -> Target:
    return Target(article, "Source", "Title", f"/news/{article}.txt", n * 10, n * 10 + 9, f"s{n}")


def annotation(n: int = 0, **kw):
    return new_annotation(kw.pop("status", Status.AGREED), [target(n), target(n, "b2")], **kw)


def test_data_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CORROBORATE_DATA_DIR", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
    with Store() as store:
        assert store.path == default_path() == tmp_path / "elsewhere" / "annotations.sqlite3"
    assert store.path.is_file()


def test_connection_is_set_up_for_safe_sharing():
    with Store() as store:
        pragma = lambda name: store._conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000
        assert store.version == len(MIGRATIONS)


def test_annotations_round_trip_with_all_fields():
    original = new_annotation(
        Status.DISPUTED,
        [target(1), target(2, "b"), target(3, "c")],
        note="Numbers differ: 3 vs 4 days 🙂 «שלום»",
        similarity=71.5,
        discrepancy="duration: four-day vs three-day",
        fact_id="fact-7",
    )
    with Store() as store:
        store.add(original)
    with Store() as reopened:
        assert reopened.annotations() == (original,)
        assert reopened.get(original.id) == original
        assert reopened.get("missing") is None


def test_adding_an_existing_id_fails_and_changes_nothing():
    first = annotation(note="first")
    with Store() as store:
        store.add(first)
        with pytest.raises(sqlite3.IntegrityError):
            store.add(first)
        assert store.annotations() == (first,)


def test_a_batch_of_changes_is_written_to_disk_once_and_seen_by_others_after_it():
    """Marking hundreds of rows with one key press must not sync the disk hundreds of times
    (it froze the window), and another window must never see half of the rows marked."""
    commits, made = [], [annotation(n) for n in range(50)]
    with Store() as store, Store(store.path) as other:
        store._conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else 0)
        with store.batch():
            for each in made:
                store.add(each)
            with store.batch():  # a batch inside a batch joins it
                store.set_status(made[0].id, Status.DISPUTED)
            assert other.annotations() == ()
        assert commits == ["COMMIT"]
        assert len(other.annotations()) == 50
        assert other.get(made[0].id).status == Status.DISPUTED


def test_a_failed_change_in_a_batch_keeps_the_changes_made_before_it():
    first, second = annotation(1), annotation(2)
    with Store() as store:
        with pytest.raises(sqlite3.IntegrityError), store.batch():
            store.add(first)
            store.add(first)  # fails alone
            store.add(second)  # never reached
        with Store(store.path) as other:
            assert other.annotations() == (first,)
        store.add(second)  # the store is usable afterwards
        assert len(store.annotations()) == 2


def test_many_annotations_are_replaced_and_removed_whole():
    """Undoing an import of thousands of annotations restores each one exactly."""
    made = [annotation(n, note=f"note {n}") for n in range(1200)]  # more than one query's ids
    with Store() as store:
        store.put_many(made[:700])
        changed = [replace(a, note="changed") for a in made[:700]]
        replaced = store.put_many(changed + made[700:])
        assert sorted(replaced, key=lambda a: a.id) == sorted(made[:700], key=lambda a: a.id)
        removed = store.remove_many([a.id for a in made] + ["no such id"])
        assert sorted(removed, key=lambda a: a.id) == sorted(
            changed + made[700:], key=lambda a: a.id
        )
        assert store.annotations() == ()


def test_status_and_note_changes_return_the_previous_value_and_touch_modified():
    a = annotation()
    with Store() as store:
        store.add(a)
        assert store.set_status(a.id, Status.UNVERIFIED) == Status.AGREED
        assert store.set_note(a.id, "new note") == ""
        changed = store.get(a.id)
        assert (changed.status, changed.note) == (Status.UNVERIFIED, "new note")
        assert changed.modified > a.modified and changed.created == a.created
        with pytest.raises(KeyError):
            store.set_status("missing", Status.AGREED)


def test_removing_an_annotation_removes_its_targets():
    a = annotation()
    with Store() as store:
        store.add(a)
        assert store.remove(a.id) == a
        assert store.remove(a.id) is None
        assert store._conn.execute("SELECT COUNT(*) FROM targets").fetchone()[0] == 0


def test_labels_are_set_replaced_and_cleared():
    with Store() as store:
        assert store.set_label("a1", "Reuters") is None
        assert store.set_label("a1", "AP") == "Reuters"
        assert store.labels() == {"a1": "AP"}
        assert store.set_label("a1", None) == "AP"
        assert store.labels() == {}


def test_a_pair_is_linked_or_rejected_never_both_in_either_direction():
    a, b = target(1), target(2, "b")
    with Store() as store:
        assert store.set_link(a, b, LinkKind.LINKED) is None
        assert store.set_link(b, a, LinkKind.REJECTED).kind == LinkKind.LINKED
        [link] = store.links()
        assert (link.kind, link.a, link.b) == (LinkKind.REJECTED, b, a)
        assert store.link(a, b) == link
        assert store.set_link(a, b, None).kind == LinkKind.REJECTED
        assert store.links() == ()


def test_merge_adds_new_keeps_newer_and_ignores_older():
    kept, stale = annotation(1, note="mine"), annotation(2, note="mine")
    with Store() as store:
        store.add(kept)
        store.add(stale)
        store.set_note(kept.id, "edited after the export")
        newer = replace(stale, note="theirs", modified="2999-01-01T00:00:00Z")
        older = replace(kept, note="old")  # the export was made before the edit
        incoming = [annotation(3), newer, older]
        result = store.merge(incoming)
        assert (result.added, result.updated, result.unchanged) == (1, 1, 1)
        assert store.get(stale.id).note == "theirs"
        assert store.get(kept.id).note == "edited after the export"
        assert len(store.annotations()) == 3


# --- schema migrations ---------------------------------------------------------------


def test_opening_a_v1_file_runs_later_migrations_in_order(tmp_path):
    path = tmp_path / "old.sqlite3"
    with Store(path) as v1:
        kept = annotation(note="written by version 1")
        v1.add(kept)
    ran = []

    def v2(conn):
        ran.append(2)
        conn.execute("ALTER TABLE annotations ADD COLUMN colour TEXT")

    def v3(conn):
        ran.append(3)
        # Relies on v2 having run first.
        conn.execute("UPDATE annotations SET colour = 'red'")

    with Store(path, migrations=(*MIGRATIONS, v2, v3)) as upgraded:
        assert ran == [2, 3]  # both new ones, in order
        assert upgraded.version == len(MIGRATIONS) + 2
        assert upgraded.get(kept.id).note == "written by version 1"
        assert upgraded._conn.execute("SELECT colour FROM annotations").fetchone()[0] == "red"
    with Store(path, migrations=(*MIGRATIONS, v2, v3)):
        assert ran == [2, 3]  # nothing runs twice


def test_a_failing_migration_leaves_the_previous_version_intact(tmp_path):
    path = tmp_path / "old.sqlite3"
    with Store(path) as v1:
        v1.add(annotation())

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        Store(path, migrations=(*MIGRATIONS, broken))
    with Store(path) as again:
        assert again.version == len(MIGRATIONS) and len(again.annotations()) == 1
        tables = {r[0] for r in again._conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables


def test_a_file_from_a_newer_version_is_refused_not_damaged(tmp_path):
    path = tmp_path / "new.sqlite3"
    Store(path, migrations=(*MIGRATIONS, lambda conn: None)).close()
    before = path.read_bytes()
    with pytest.raises(StoreUnavailable, match="newer version") as refused:
        Store(path)
    assert refused.value.kind == Problem.NEWER
    assert path.read_bytes() == before


# --- concurrency and crashes ----------------------------------------------------------


def test_two_stores_writing_interleaved_keep_every_change():
    first, second = Store(), Store()
    try:
        made = []
        for n in range(40):
            writer = first if n % 2 else second
            a = annotation(n, note=f"note {n}")
            writer.add(a)
            writer.set_status(a.id, Status.DISPUTED)
            made.append(a.id)
        assert {a.id for a in first.annotations()} == set(made)
        assert all(a.status == Status.DISPUTED for a in second.annotations())
        assert first._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        first.close()
        second.close()


WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from corroborate.core.annotations.edits import new_annotation
    from corroborate.core.model import Status, Target
    from corroborate.core.annotations.store import Store
    store = Store(sys.argv[1])
    for n in range(int(sys.argv[3])):
        t = Target("art", "Src", "T", "/x.txt", n, n + 1, "x")
        a = new_annotation(Status.AGREED, [t], note=f"{sys.argv[2]} {n}")
        store.add(a)
        store.set_note(a.id, a.note + " edited")
        print(a.id, flush=True)
    if sys.argv[4] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    store.close()
    """
)


def run_writer(path, name, count, end):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), name, str(count), end],
        cwd=ROOT / "desktop",
        stdout=subprocess.PIPE,
        text=True,
    )


def test_annotations_committed_before_a_crash_survive_it(tmp_path):
    path = tmp_path / "crash.sqlite3"
    proc = run_writer(path, "crash", 25, "kill")
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    committed = out.split()
    assert len(committed) == 25
    with Store(path) as after:
        found = {a.id: a.note for a in after.annotations()}
        assert set(found) == set(committed)
        assert all(note.endswith(" edited") for note in found.values())
        assert after._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.sqlite3"
    Store(path).close()  # create the schema first, as the app does on start
    procs = [run_writer(path, name, 30, "exit") for name in ("left", "right")]
    ids = []
    for proc in procs:
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0
        ids += out.split()
    with Store(path) as store:
        assert {a.id for a in store.annotations()} == set(ids) and len(ids) == 60
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_put_replaces_an_annotation_with_its_relocated_targets():
    a = annotation(note="keep me")
    moved = replace(a, targets=(target(5), target(6, "b2")))
    with Store() as store:
        assert store.put(a) is None
        assert store.put(moved) == a
    with Store() as reopened:
        assert reopened.annotations() == (moved,)
