"""Load many paths at once: a pure function with progress and cancellation."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, LoadProblem
from .listing import list_article_files
from .parallel_reading import read_in_workers, worth_a_pool
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
    total = len(files)
    if progress is not None and not progress(0, total):
        return LoadResult((), tuple(problems), cancelled=True)
    if worth_a_pool(files):
        items = read_in_workers(files, lambda done: progress is None or progress(done, total))
    else:
        items = _read_here(files, progress)
    articles: list[Article] = []
    open_paths = dict(already_open or {})
    loaded_paths: dict[str, str] = {}  # Article.id -> path, for this load
    done = 0
    # Closed at once on Cancel, so the workers' pending tasks are dropped now.
    with closing(items):
        for item in items:
            problem = (
                item
                if isinstance(item, LoadProblem)
                else _same_text(item, open_paths, loaded_paths)
            )
            if problem is not None:
                problems.append(problem)
            else:
                loaded_paths[item.id] = item.path
                articles.append(item)
            done += 1
            if progress is not None and done < total and not progress(done, total):
                break
    if done < total:  # cancelled while reading or between two files
        return LoadResult(tuple(articles), tuple(problems), cancelled=True)
    if progress is not None:
        progress(total, total)
    return LoadResult(tuple(articles), tuple(problems))


def _same_text(
    article: Article, open_paths: Mapping[str, str], loaded_paths: Mapping[str, str]
) -> LoadProblem | None:
    """The problem that skips an article whose text is open already or was just read."""
    if article.id in open_paths:
        name = Path(open_paths[article.id]).name
        return LoadProblem(
            article.path, f"skipped: same text as {name}, already open", skipped=True
        )
    if article.id in loaded_paths:
        name = Path(loaded_paths[article.id]).name
        return LoadProblem(article.path, f"skipped: same text as {name}", skipped=True)
    return None


def _read_here(
    files: list[Path], progress: Progress | None
) -> Generator[Article | LoadProblem, None, None]:
    """Each file read in this process; stops early when the split of one is cancelled."""
    for done, path in enumerate(files):
        keep_going = None if progress is None else _asking(progress, done, len(files))
        try:
            yield read_article(path, keep_going=keep_going)
        except Cancelled:
            return


def _asking(progress: Progress, done: int, total: int) -> Callable[[], bool]:
    """Cancel checks while one file is split: the same progress, without moving it on."""
    return lambda: progress(done, total)
