"""Placing stored annotations in the loaded articles, and the stored file's size.

After a load every stored annotation is anchored again (core/annotations/anchoring). With thousands
of annotations that takes seconds, so the window runs `place_stored` on a worker over
immutable snapshots (the articles, the folders, the store's path) and applies the
result; small stores are placed at once with `place_all`. Pure apart from reading the
store file, which a worker does through its own connection.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ..model import Anchor, Anchoring, Annotation, Article, Target
from .anchoring import LoadedArticles, relocated
from .store import Store

# What identifies the sentences an annotation quotes: (article id, start, end) of each.
SpanKey = frozenset[tuple[str, int, int]]
Progress = Callable[[int, int], bool]
# Annotations between two progress reports (each report crosses threads).
PROGRESS_EVERY = 25


def span_key(targets: Iterable[Target]) -> SpanKey:
    return frozenset((t.article, t.start, t.end) for t in targets)


@dataclass(frozen=True, slots=True)
class Placed:
    """A stored annotation with its targets moved to where they are in the loaded text."""

    annotation: Annotation
    anchors: tuple[Anchor, ...]

    @property
    def orphan(self) -> bool:
        return any(a.how == Anchoring.ORPHAN for a in self.anchors)

    @property
    def key(self) -> SpanKey:
        return span_key(self.annotation.targets)


def folders_of(articles: Iterable[Article]) -> frozenset[str]:
    return frozenset(str(Path(a.path).parent) for a in articles)


def belongs(placed: Placed, folders: Collection[str]) -> bool:
    """Found in a loaded article, or quoting a file of a loaded folder (an orphan)."""
    if any(a.how != Anchoring.ORPHAN for a in placed.anchors):
        return True
    return any(str(Path(t.path).parent) in folders for t in placed.annotation.targets)


def place(
    annotation: Annotation,
    articles: Sequence[Article],
    folders: Collection[str],
    loaded: LoadedArticles | None = None,
) -> Placed | None:
    """The annotation placed in `articles`; None when it is about other folders."""
    # Annotations of other folders are skipped quickly: no fuzzy search everywhere.
    loaded = loaded or LoadedArticles(articles)
    anchors = tuple(loaded.anchor(t) for t in annotation.targets)
    placed = Placed(relocated(annotation, anchors), anchors)
    return placed if belongs(placed, folders) else None


def place_all(
    annotations: Sequence[Annotation],
    articles: Sequence[Article],
    folders: Collection[str],
    progress: Progress | None = None,
) -> list[Placed] | None:
    """Every annotation of the loaded folders, placed; None once `progress` says stop."""
    found: list[Placed] = []
    total = len(annotations)
    loaded = LoadedArticles(articles)
    for n, annotation in enumerate(annotations):
        if progress is not None and n % PROGRESS_EVERY == 0 and not progress(n, total):
            return None
        placed = place(annotation, articles, folders, loaded)
        if placed is not None:
            found.append(placed)
    if progress is not None:
        progress(total, total)
    return found


def place_stored(
    store_path: str | os.PathLike[str],
    articles: Sequence[Article],
    folders: Collection[str],
    progress: Progress | None = None,
) -> list[Placed] | None:
    """`place_all` over the annotations stored at `store_path`, read on this thread (and
    only read: a snapshot never waits for another window's write lock)."""
    with Store.snapshot(store_path) as store:
        annotations = store.annotations()
    return place_all(annotations, articles, folders, progress)


def stored_target_count(store_path: str | os.PathLike[str]) -> int:
    """How many quoted sentences the store holds: what placing costs grows with.

    One COUNT over a read-only connection (about a millisecond), so the window can
    decide whether placing is quick enough to do at once without reading everything.
    """
    path = Path(store_path)
    if not path.exists():
        return 0
    try:
        uri = f"{path.absolute().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=10)) as conn:
            return conn.execute("SELECT COUNT(*) FROM targets").fetchone()[0]
    except sqlite3.Error:  # no table yet, or a file opening the store will tell about
        return 0
