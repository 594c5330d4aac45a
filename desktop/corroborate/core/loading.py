"""Load many paths at once: a pure function with progress and cancellation."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import Article, LoadProblem
from .readers import list_article_files, read_article

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


@dataclass(frozen=True, slots=True)
class LoadResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]
    cancelled: bool = False


def load_paths(
    paths: Iterable[str | os.PathLike[str]], progress: Progress | None = None
) -> LoadResult:
    """Read every article under `paths`; broken files become problems, never exceptions.

    `progress(done, total)` is called before each file and once at the end, with `done`
    never decreasing; returning False cancels, keeping what was read so far.
    """
    try:
        files, problems = list_article_files(paths)
    except Exception as exc:  # an odd path (e.g. a NUL byte in it) must not crash the caller
        return LoadResult((), (LoadProblem(str(paths), f"could not list the files ({exc})"),))
    articles: list[Article] = []
    seen_ids: set[str] = set()
    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files)):
            return LoadResult(tuple(articles), tuple(problems), cancelled=True)
        item = read_article(path)
        if isinstance(item, LoadProblem):
            problems.append(item)
        elif item.id in seen_ids:
            problems.append(LoadProblem(item.path, "duplicate: the same text is already loaded"))
        else:
            seen_ids.add(item.id)
            articles.append(item)
    if progress is not None:
        progress(len(files), len(files))
    return LoadResult(tuple(articles), tuple(problems))
