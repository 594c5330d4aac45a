"""Facts story by story: each story of a mixed folder its own `find_facts`, in one table.

Articles of different stories never report one fact, so a folder of many stories is
never clustered as one: each story gets its own `Corpus` (its own word statistics, as
when the story is picked in the window) and its own `find_facts`, and the work grows
with the size of the largest story, not with the folder's. A fact's id and content are
the same here as in the table of its story alone.

The combined table:
- `articles`: every article given, in the order given (duplicates by id once);
- `facts`: widest first, then by story in the order of the `StoryTable` (largest
  first), then in the order of the story's own table. A story of one article has no
  shared facts: its sentences are its exclusive facts, as when it is picked alone;
- `skipped` by article id, `inconsistencies` in the order of `articles`, as in
  `find_facts`; each story's self-contradictions are dated by its own latest year;
- claims are unique within each story (the table a reader works through), and may
  repeat across stories;
- `stories`: each story's article ids, so a fact's coverage is counted against its
  story (`FactTable.peers_of`).
An article in no story of `stories` is a story of its own. With one story holding every
article, the result is exactly `find_facts(Corpus(articles))`.

Large folders are worked out by a pool of worker processes, stories largest first;
progress then advances as stories finish.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass

from ..alignment.align import DEFAULT_THRESHOLD
from ..alignment.similarity import Corpus
from ..ingest.parallel_reading import children_skip_main, worker_count
from ..model import Article, Discrepancy, Fact, FactTable, Mention, StoryTable
from .find import Progress, find_facts

# Below this many sentences, starting workers (about 0.5 s: each imports numpy, scipy
# and the word lists) costs more than it saves.
MIN_PARALLEL_SENTENCES = 20_000
# Stories smaller than this are sent to a worker together, so a task is worth sending.
MIN_TASK_SENTENCES = 600
# How often the caller is asked whether to go on while the workers work.
CHECK_INTERVAL = 0.05


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """One story's part of the table: what `find_facts` gives beyond the articles."""

    facts: tuple[Fact, ...]
    skipped: tuple[Mention, ...]
    inconsistencies: tuple[Discrepancy, ...]
    cancelled: bool = False


def find_facts_per_story(
    articles: Sequence[Article],
    stories: StoryTable,
    progress: Progress | None = None,
    threshold: float | None = None,
    *,
    workers: int | None = None,
) -> FactTable:
    """The facts of every story of `stories` among `articles`, combined as this module
    says; deterministic.

    `progress(done, total)` as in `find_facts`: `done` never decreases over the whole
    run; returning False cancels within about `CHECK_INTERVAL` seconds of a story's
    work (or of waiting on the workers) and gives an empty table with `cancelled` set.
    `workers`: processes to use (None: every core for a large folder; 0 or 1: none).
    """
    folder = tuple({a.id: a for a in articles}.values())
    groups = story_groups(folder, stories)
    if len(groups) == 1:
        return find_facts(Corpus(groups[0]), progress, threshold)
    weights = [_weight(group) for group in groups]
    ticker = _Ticker(progress, sum(weights))
    count = worker_count() if workers is None else workers
    if count > 1 and (workers is not None or sum(weights) >= MIN_PARALLEL_SENTENCES):
        parts = _in_workers(groups, weights, ticker, threshold, count)
    else:
        parts = _here(groups, weights, ticker, threshold)
    limit = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    if parts is None:
        return FactTable(folder, (), limit, cancelled=True)
    table = combined(folder, parts, limit, groups)
    ticker.at(ticker.total)
    return table


def story_groups(folder: Sequence[Article], stories: StoryTable) -> list[tuple[Article, ...]]:
    """The articles of each story, in the order of `folder`, stories in their table's
    order; then each article in no story alone."""
    by_id = {a.id: a for a in folder}
    position = {a.id: i for i, a in enumerate(folder)}
    groups: list[tuple[Article, ...]] = []
    placed: set[str] = set()
    for story in stories.stories:
        ids = sorted(
            {a for a in story.articles if a in by_id and a not in placed}, key=position.get
        )
        if ids:
            placed.update(ids)
            groups.append(tuple(by_id[a] for a in ids))
    groups += [(a,) for a in folder if a.id not in placed]
    return groups


def combined(
    folder: tuple[Article, ...],
    parts: Sequence[StoryFacts],
    threshold: float,
    groups: Sequence[Sequence[Article]] = (),
) -> FactTable:
    """One table of the stories' parts (in story order), ordered as this module says."""
    facts = [fact for part in parts for fact in part.facts]
    facts.sort(key=lambda f: -f.coverage)  # stable: story order, then the story's own
    skipped = sorted((m for part in parts for m in part.skipped), key=lambda m: m.article)
    position = {a.id: i for i, a in enumerate(folder)}
    found = sorted(
        (d for part in parts for d in part.inconsistencies), key=lambda d: position[d.a.article]
    )
    stories = tuple(tuple(a.id for a in group) for group in groups)
    return FactTable(
        folder,
        tuple(facts),
        threshold,
        tuple(skipped),
        inconsistencies=tuple(found),
        stories=stories,
    )


def story_facts(
    members: Sequence[Article], threshold: float | None, progress: Progress | None = None
) -> StoryFacts:
    """`find_facts` of one story in its own Corpus, without its articles (a worker's
    result goes back to the caller, who has them)."""
    table = find_facts(Corpus(members), progress, threshold)
    return StoryFacts(table.facts, table.skipped, table.inconsistencies, table.cancelled)


def _weight(group: Sequence[Article]) -> int:
    """A story's share of the progress: its sentences, and one for the story itself."""
    return 1 + sum(len(a.sentences) for a in group)


class _Ticker:
    """One progress over every story: each story's own progress scaled into its share."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def at(self, done: int) -> bool:
        self.done = max(self.done, done)
        return self.progress is None or bool(self.progress(self.done, self.total))

    def within(self, start: int, share: int) -> Progress:
        return lambda done, total: self.at(start + share * done // max(1, total))


def _here(
    groups: list[tuple[Article, ...]], weights: list[int], ticker: _Ticker, threshold
) -> list[StoryFacts] | None:
    parts = []
    start = 0
    for group, weight in zip(groups, weights, strict=True):
        part = story_facts(group, threshold, ticker.within(start, weight))
        if part.cancelled:
            return None
        parts.append(part)
        start += weight
        if not ticker.at(start):
            return None
    return parts


def _tasks(weights: list[int]) -> list[list[int]]:
    """Story indices per task, the heaviest tasks first so the workers end together;
    small stories put together until a task holds `MIN_TASK_SENTENCES`."""
    tasks: list[list[int]] = []
    pending: list[int] = []
    pending_weight = 0
    for index in sorted(range(len(weights)), key=lambda i: -weights[i]):
        if weights[index] >= MIN_TASK_SENTENCES:
            tasks.append([index])
            continue
        pending.append(index)
        pending_weight += weights[index]
        if pending_weight >= MIN_TASK_SENTENCES:
            tasks.append(pending)
            pending, pending_weight = [], 0
    if pending:
        tasks.append(pending)
    return tasks


def stories_facts(groups: list[tuple[Article, ...]], threshold) -> list[StoryFacts]:
    """Run in a worker: the facts of each story of one task."""
    return [story_facts(group, threshold) for group in groups]


def _in_workers(
    groups: list[tuple[Article, ...]],
    weights: list[int],
    ticker: _Ticker,
    threshold,
    count: int,
) -> list[StoryFacts] | None:
    """Each task's stories on a pool of `count` processes; stopped at once on Cancel
    (the workers are ended, not left to finish)."""
    tasks = _tasks(weights)
    context = multiprocessing.get_context("spawn")
    with children_skip_main():  # the pool starts its workers here
        pool = context.Pool(min(count, len(tasks)))
    parts: list[StoryFacts | None] = [None] * len(groups)
    try:
        pending = [
            (task, pool.apply_async(stories_facts, ([groups[i] for i in task], threshold)))
            for task in tasks
        ]
        done = 0
        while pending:
            waiting = []
            for task, result in pending:
                if not result.ready():
                    waiting.append((task, result))
                    continue
                for index, part in zip(task, result.get(), strict=True):
                    parts[index] = part
                    done += weights[index]
            pending = waiting
            if not ticker.at(done):
                return None
            if pending:
                pending[0][1].wait(CHECK_INTERVAL)
        pool.close()
    finally:
        pool.terminate()
    return [part for part in parts if part is not None]
