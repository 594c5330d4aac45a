"""Sentence boundaries cached by content: a reopened folder skips the slow splitting."""

import json
import os

import pytest

from corroborate.core.ingest import sentence_cache as cache
from corroborate.core.ingest.segment import Cancelled, split_sentences

TEXT = "Lee Visits China\n\nLee arrived in Beijing on Sunday. He met Xi on Monday.\nThey talked."


@pytest.fixture(autouse=True)
def _fresh_memory():
    cache.clear_memory_cache()
    yield
    cache.clear_memory_cache()


def _count_splits(monkeypatch):
    calls = []
    real = cache.split_sentences

    def counting(text, keep_going=None):
        calls.append(text)
        return real(text, keep_going)

    monkeypatch.setattr(cache, "split_sentences", counting)
    return calls


def test_cache_lives_in_the_overridden_folder(tmp_path):
    # Broken: tests (or a portable install) write into the real user's cache folder.
    assert cache.cache_dir() == tmp_path / "cache"
    cache.cached_sentences(TEXT)
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 1 and entries[0].stem == cache.text_key(TEXT)


def test_second_session_reads_from_disk(monkeypatch):
    calls = _count_splits(monkeypatch)
    first = cache.cached_sentences(TEXT)
    cache.clear_memory_cache()  # as if the app was restarted
    second = cache.cached_sentences(TEXT)
    assert calls == [TEXT]
    assert first == second == split_sentences(TEXT)


def test_memory_hit_does_not_touch_disk(monkeypatch):
    calls = _count_splits(monkeypatch)
    cache.cached_sentences(TEXT)
    monkeypatch.setattr(cache, "_read_disk", lambda *a: pytest.fail("disk read"))
    cache.cached_sentences(TEXT)
    assert calls == [TEXT]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b'{"sentences": [[0, 9999, 0]]}',
        b'{"sentences": [[5, 2, 0]]}',
        b'{"sentences": [["a", "b", 0]]}',
        b'{"sentences": [[0, 3]]}',
        b'{"other": 1}',
        b"\xff\xfe\x00garbage",
    ],
)
def test_corrupt_entry_is_ignored_and_replaced(monkeypatch, content):
    # Broken: a damaged cache file crashes loading or yields wrong highlights.
    path = cache._entry_path(cache.text_key(TEXT))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    calls = _count_splits(monkeypatch)
    assert cache.cached_sentences(TEXT) == split_sentences(TEXT)
    assert calls == [TEXT]
    rows = json.loads(path.read_text())["sentences"]
    assert len(rows) == len(split_sentences(TEXT))


def test_unwritable_cache_folder_still_returns_sentences(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(blocker))
    assert cache.cached_sentences(TEXT) == split_sentences(TEXT)


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path, monkeypatch):
    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    cache.cached_sentences(TEXT)
    assert [p for p in (tmp_path / "cache").rglob("*") if p.is_file()] == []


def test_other_segmenter_versions_are_ignored_and_pruned(tmp_path, monkeypatch):
    old = tmp_path / "cache" / "sentences" / "v0-pysbd0.0" / "ab"
    old.mkdir(parents=True)
    (old / "stale.json").write_text('{"sentences": []}')
    monkeypatch.setattr(cache, "_pruned_dirs", set())
    cache.cached_sentences(TEXT)
    assert not old.exists()
    assert cache.sentences_dir().name != "v0-pysbd0.0"


def test_a_cancelled_split_leaves_nothing_in_the_cache(tmp_path):
    # Broken: a load cancelled halfway stores half an article's sentences, and the next
    # open shows the article cut short.
    text = "Lee arrived in Beijing. " * 20_000
    with pytest.raises(Cancelled):
        cache.cached_sentences(text, keep_going=lambda: False)
    assert [p for p in (tmp_path / "cache").rglob("*") if p.is_file()] == []
    sentences = cache.cached_sentences(text, keep_going=lambda: True)
    assert len(sentences) == 20_000
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1
