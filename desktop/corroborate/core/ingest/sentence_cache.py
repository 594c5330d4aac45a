"""Remember sentence boundaries by content hash, so a folder reopens fast.

Splitting sentences is the slowest step of loading. Results are kept in memory for
this session and on disk in the user's cache folder for the next one. The disk cache
is an optimisation only: an unwritable folder or a damaged entry is ignored, never an
error. Entries live under a folder named after the segmenter version, so changing the
splitting rules (or upgrading pysbd) makes old entries unreachable instead of wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pysbd

from ..files import write_text_atomically
from ..model import Sentence
from .segment import SEGMENTER_VERSION, split_sentences

CACHE_DIR_ENV = "CORROBORATE_CACHE_DIR"
MEMORY_ENTRIES = 512
_VERSION_TAG = f"v{SEGMENTER_VERSION}-pysbd{pysbd.__version__}"

_memory: OrderedDict[str, tuple[Sentence, ...]] = OrderedDict()
_memory_lock = threading.Lock()
_pruned_dirs: set[Path] = set()


def cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("corroborate", appauthor=False))


def sentences_dir() -> Path:
    return cache_dir() / "sentences" / _VERSION_TAG


def text_key(text: str) -> str:
    # surrogatepass: any Python string hashes, even one holding a lone surrogate.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def cached_sentences(
    text: str, keep_going: Callable[[], bool] | None = None
) -> tuple[Sentence, ...]:
    """`split_sentences(text)`, from memory or disk when this text was split before.

    `keep_going` is passed to `split_sentences`; a cancelled split raises
    `segment.Cancelled` and writes nothing.
    """
    key = text_key(text)
    with _memory_lock:
        hit = _memory.get(key)
        if hit is not None:
            _memory.move_to_end(key)
            return hit
    sentences = _read_disk(key, text)
    if sentences is None:
        sentences = split_sentences(text, keep_going)
        _write_disk(key, sentences)
    _remember(key, sentences)
    return sentences


def remember_sentences(text: str, sentences: tuple[Sentence, ...]) -> None:
    """Keep in memory sentences split by a worker process (which wrote the disk entry)."""
    _remember(text_key(text), sentences)


def _remember(key: str, sentences: tuple[Sentence, ...]) -> None:
    with _memory_lock:
        _memory[key] = sentences
        while len(_memory) > MEMORY_ENTRIES:
            _memory.popitem(last=False)


def clear_memory_cache() -> None:
    with _memory_lock:
        _memory.clear()


def _entry_path(key: str) -> Path:
    return sentences_dir() / key[:2] / f"{key}.json"


def _read_disk(key: str, text: str) -> tuple[Sentence, ...] | None:
    try:
        with open(_entry_path(key), encoding="utf-8") as fh:
            rows = json.load(fh)["sentences"]
        return _rebuild(rows, text)
    except Exception:  # missing, unreadable or damaged: split again
        return None


def _rebuild(rows: list, text: str) -> tuple[Sentence, ...] | None:
    """Sentences from stored (start, end, paragraph) rows, or None if any row is implausible."""
    sentences: list[Sentence] = []
    prev_end, prev_paragraph, text_end = 0, 0, len(text)
    # Written out rather than with all(...): a hostile text has a million rows.
    for start, end, paragraph in rows:
        valid = (
            type(start) is int
            and type(end) is int
            and type(paragraph) is int
            and prev_end <= start < end <= text_end
            and prev_paragraph <= paragraph
        )
        if not valid:
            return None
        sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph))
        prev_end, prev_paragraph = end, paragraph
    return tuple(sentences)


def _write_disk(key: str, sentences: tuple[Sentence, ...]) -> None:
    target = _entry_path(key)
    payload = {"sentences": [[s.start, s.end, s.paragraph] for s in sentences]}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _prune_other_versions(target.parent.parent.parent)
        # json.dumps, not json.dump: only the former uses the C encoder, which matters
        # for the million rows of a hostile text. Not synced: a lost entry is split again.
        encoded = json.dumps(payload, separators=(",", ":"))
        write_text_atomically(target, encoded, durable=False)
    except Exception:  # read-only or full disk: the cache is only an optimisation
        pass


def _prune_other_versions(root: Path) -> None:
    """Delete entries written by other segmenter versions, once per folder per session."""
    if root in _pruned_dirs:
        return
    _pruned_dirs.add(root)
    for child in root.iterdir():
        if child.is_dir() and child.name != _VERSION_TAG:
            shutil.rmtree(child, ignore_errors=True)
