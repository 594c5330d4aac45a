"""Load many paths at once: a pure function with progress and cancellation."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, LoadProblem
from .listing import list_article_files
from .readers import read_article
from .segment import Cancelled

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


@dataclass(frozen=True, slots=True)
class LoadResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]  # broken files, and files skipped on purpose
    cancelled: bool = False


def load_paths(
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    already_open: Mapping[str, str] | None = None,
) -> LoadResult:
    """Read every article under `paths`; broken files become problems, never exceptions.

    `progress(done, total)` is called before each file, now and then while a long file
    is split into sentences, and once at the end, with `done` never decreasing; returning
    False cancels, keeping what was read so far.

    `already_open` maps Article.id to the path of each article open in the window: a file
    with the same text as one of those, or as an earlier file of this load, is skipped
    with a problem naming the other file.
    """
    try:
        files, problems = list_article_files(paths)
    except Exception as exc:  # an odd path (e.g. a NUL byte in it) must not crash the caller
        return LoadResult((), (LoadProblem(str(paths), f"the files could not be listed ({exc})"),))
    articles: list[Article] = []
    open_paths = dict(already_open or {})
    loaded_paths: dict[str, str] = {}  # Article.id -> path, for this load
    total = len(files)
    for done, path in enumerate(files):
        if progress is not None and not progress(done, total):
            return LoadResult(tuple(articles), tuple(problems), cancelled=True)
        keep_going = None if progress is None else _asking(progress, done, total)
        try:
            item = read_article(path, keep_going=keep_going)
        except Cancelled:
            return LoadResult(tuple(articles), tuple(problems), cancelled=True)
        if isinstance(item, LoadProblem):
            problems.append(item)
        elif item.id in open_paths:
            name = Path(open_paths[item.id]).name
            problems.append(
                LoadProblem(item.path, f"skipped: same text as {name}, already open", skipped=True)
            )
        elif item.id in loaded_paths:
            name = Path(loaded_paths[item.id]).name
            problems.append(LoadProblem(item.path, f"skipped: same text as {name}", skipped=True))
        else:
            loaded_paths[item.id] = item.path
            articles.append(item)
    if progress is not None:
        progress(total, total)
    return LoadResult(tuple(articles), tuple(problems))


def _asking(progress: Progress, done: int, total: int) -> Callable[[], bool]:
    """Cancel checks while one file is split: the same progress, without moving it on."""
    return lambda: progress(done, total)
