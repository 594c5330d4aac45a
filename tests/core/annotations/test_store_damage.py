"""The store says what is wrong with a damaged, foreign, newer, read-only, full or locked
file in one sentence, and never writes to a file it cannot use.

If these break, a user whose annotation file was damaged (or replaced by another
program's) sees a traceback instead of a window, or loses the file for good because
the app wrote into it.
"""

import os
import sqlite3
from datetime import datetime

import pytest

from corroborate.core.annotations import store as store_module
from corroborate.core.annotations import store_problems
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.store import Problem, Store, StoreUnavailable
from corroborate.core.annotations.store_recovery import TemporaryStore, move_aside
from corroborate.core.annotations.store_schema import MIGRATIONS
from corroborate.core.model import Status
from tests.core.annotations.store_states import (
    STATES,
    build,
    cap_writes,
    damage_a_page,
    fill,
    fingerprint,
    hold_write_lock,
    main_file,
    release_locks,
    target,
)

REFUSED = [s for s in STATES if s.refused is not None]
OPENED = [s for s in STATES if s.refused is None]


@pytest.fixture(autouse=True)
def _locks_released():
    yield
    release_locks()


def one_sentence(text: str) -> bool:
    return text.endswith(".") and "\n" not in text and ". " not in text.rstrip(".")


def marked(n: int = 50):
    return new_annotation(Status.DISPUTED, [target(n), target(n, "b2")], note="kept?")


@pytest.mark.parametrize("state", REFUSED, ids=lambda s: s.name)
def test_a_file_that_cannot_be_used_is_refused_in_one_sentence_and_left_as_it_was(
    state, monkeypatch
):
    path = build(state, monkeypatch)
    before = fingerprint(path) if state.foreign else main_file(path)
    with pytest.raises(StoreUnavailable) as refused:
        Store()
    assert refused.value.kind == state.refused
    message = refused.value.message
    assert one_sentence(message) and str(refused.value) == message
    assert path.name in message or str(path.parent) in message  # the file, or its folder
    # Another program's file does not even get a -wal or -shm file beside it.
    assert (fingerprint(path) if state.foreign else main_file(path)) == before


@pytest.mark.parametrize("state", REFUSED, ids=lambda s: s.name)
def test_reading_only_works_where_the_file_is_intact_and_never_changes_it(state, monkeypatch):
    path = build(state, monkeypatch)
    before = main_file(path)
    if state.readable:
        with Store.snapshot() as snapshot:
            assert len(snapshot.annotations()) == 3
            with pytest.raises(StoreUnavailable) as refused:
                snapshot.add(marked())
            assert refused.value.kind == Problem.READ_ONLY
    else:
        with pytest.raises(StoreUnavailable) as refused:
            Store.snapshot()
        assert refused.value.kind == state.refused
    assert main_file(path) == before


@pytest.mark.parametrize("state", OPENED, ids=lambda s: s.name)
def test_a_usable_file_opens_and_a_change_is_saved_or_refused_in_one_sentence(state, monkeypatch):
    build(state, monkeypatch)
    with Store() as store:
        stored = len(store.annotations())
        if state.saves:
            store.add(marked())
            assert len(store.annotations()) == stored + 1
        else:
            with pytest.raises(StoreUnavailable) as refused:
                for n in range(100, 400):  # a full disk may take a few before it refuses
                    store.add(marked(n))
            assert refused.value.kind in (Problem.DISK_FULL, Problem.LOCKED)
            assert one_sentence(refused.value.message)
            assert len(store.annotations()) >= stored  # nothing lost, nothing half-written
    release_locks()
    with Store() as reopened:
        assert reopened._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_store_sqlite_will_not_write_says_read_only_on_the_first_change(monkeypatch):
    """As on a read-only file a non-administrator opens: SQLite itself refuses the write."""
    path = store_module.default_path()
    fill(path)
    real = store_problems.connect
    monkeypatch.setattr(store_module, "connect", lambda p, ro, t: real(p, True, t))
    with Store() as store:
        with pytest.raises(StoreUnavailable) as refused:
            store.set_note(store.annotations()[0].id, "new note")
        assert refused.value.kind == Problem.READ_ONLY
        assert store.annotations()[0].note == ""


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anything")
def test_a_read_only_file_is_refused_before_anything_is_written(tmp_path):
    path = store_module.default_path()
    fill(path)
    path.chmod(0o444)
    try:
        with pytest.raises(StoreUnavailable) as refused:
            Store()
        assert refused.value.kind == Problem.READ_ONLY
        with Store.snapshot() as snapshot:
            assert len(snapshot.annotations()) == 3
    finally:
        path.chmod(0o644)


def test_damage_found_while_reading_is_told_as_damage(monkeypatch):
    """A page damaged after the window opened the file: the query fails as 'damaged'."""
    path = store_module.default_path()
    fill(path, 60)
    damage_a_page(path)
    monkeypatch.setattr(store_module, "check_before_writing", lambda p, m: True)
    with Store() as store, pytest.raises(StoreUnavailable) as refused:
        store.annotations()
    assert refused.value.kind == Problem.DAMAGED


def test_a_disk_filling_up_during_a_batch_says_disk_full_and_keeps_the_file_intact(
    monkeypatch,
):
    path = store_module.default_path()
    fill(path)
    cap_writes(monkeypatch, path)
    with Store() as store:
        with pytest.raises(StoreUnavailable) as refused, store.batch():
            for n in range(100, 300):
                store.add(marked(n))
        assert refused.value.kind == Problem.DISK_FULL
        assert not store._conn.in_transaction
        assert len(store.annotations()) == 3
        store.add(new_annotation(Status.AGREED, [target(1)]))  # fits: the disk is not full


def test_a_lock_held_past_the_timeout_is_retried_then_told_as_locked(monkeypatch):
    path = store_module.default_path()
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")  # a new file another window is creating
    conn.close()
    hold_write_lock_on_empty = sqlite3.connect(path, isolation_level=None)
    hold_write_lock_on_empty.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(store_module, "OPEN_BUSY_TIMEOUT_MS", 50)
    attempts = []
    real = store_module.connect
    monkeypatch.setattr(store_module, "connect", lambda *a: attempts.append(1) or real(*a))
    try:
        with pytest.raises(StoreUnavailable) as refused:
            Store()
    finally:
        hold_write_lock_on_empty.close()
    assert refused.value.kind == Problem.LOCKED and len(attempts) == store_module.OPEN_ATTEMPTS
    assert "try again" in refused.value.message
    with Store() as store:  # the other window is done: it opens
        assert store.version == len(MIGRATIONS)


def test_a_lock_released_while_waiting_lets_the_change_through(monkeypatch):
    path = store_module.default_path()
    fill(path)
    holder = hold_write_lock(monkeypatch, path)
    with Store() as store:
        with pytest.raises(StoreUnavailable):
            store.add(marked())
        holder.rollback()
        store.add(marked())
        assert len(store.annotations()) == 4


def test_working_without_saving_leaves_nothing_behind(monkeypatch):
    with TemporaryStore() as temporary:
        temporary.add(marked())
        folder = temporary.folder
        assert temporary.temporary and folder.is_dir()
        with Store(temporary.path) as worker:  # what a worker opens by path
            assert len(worker.annotations()) == 1
    assert not folder.exists()
    assert not store_module.default_path().exists()


def test_a_copy_of_a_read_only_store_holds_its_annotations_and_leaves_it_untouched(
    monkeypatch,
):
    path = store_module.default_path()
    ids = fill(path)
    before = main_file(path)
    with TemporaryStore(copy_of=path) as copy:
        assert [a.id for a in copy.annotations()] == ids
        copy.add(marked())
    assert main_file(path) == before
    with Store() as original:
        assert len(original.annotations()) == 3


def test_moving_aside_keeps_every_byte_and_never_overwrites(monkeypatch):
    path = store_module.default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"damaged" * 100)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"log")
    when = datetime(2026, 12, 2, 6, 18)
    taken = path.with_name("annotations.damaged-2026-12-02-0618.sqlite3")
    taken.write_bytes(b"moved aside a minute ago")
    moved = move_aside(path, when)
    assert moved.name == "annotations.damaged-2026-12-02-0618-2.sqlite3"
    assert moved.read_bytes() == b"damaged" * 100
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"log"
    assert taken.read_bytes() == b"moved aside a minute ago"
    assert not path.exists() and not wal.exists()
    with Store() as fresh:
        assert fresh.annotations() == ()
