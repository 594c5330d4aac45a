"""Stories as the user placed them: moves, merges and splits laid over the stories found.

A placement pins one article (by `Article.id`, the content hash annotations follow too)
to a group key. Pinned articles leave the story `find_stories` gave them, and the
articles sharing a key form one story; articles nobody placed stay where they were found,
and a story left without articles vanishes. So a folder that gains articles is grouped
afresh while what the user decided stays decided.

Every edit is a pure function from the placements and the stories on show to the new
placements; `apply_placements` turns them into stories. Stories that a placement changed
are described again as `find_stories` would describe them (`story_of`): id, label,
outlets and dates.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from ..model import Story, StoryTable
from .stories import story_of

Placements = Mapping[str, str]  # article id -> group key


@dataclass(frozen=True, slots=True)
class EditedStories:
    """The stories on show, and which of them a placement changed."""

    table: StoryTable
    grouped: frozenset[str] = frozenset()  # story ids whose articles were placed by hand
    reduced: frozenset[str] = frozenset()  # found stories some articles were moved out of

    @property
    def edited(self) -> frozenset[str]:
        return self.grouped | self.reduced

    def story(self, story_id: str) -> Story | None:
        return next((s for s in self.table.stories if s.id == story_id), None)

    def story_of_article(self, article_id: str) -> Story | None:
        return next((s for s in self.table.stories if article_id in s.articles), None)


def apply_placements(found: StoryTable, placements: Placements) -> EditedStories:
    """The stories of `found` with the placements of its articles applied; placements of
    other articles (another folder's) are ignored. Ordered as `find_stories` orders them:
    largest first, then by the position of their first article."""
    folder = found.articles
    by_id = {a.id: a for a in folder}
    pinned = {a: key for a, key in placements.items() if a in by_id}
    if found.cancelled or not pinned:
        return EditedStories(found)
    stories: list[Story] = []
    reduced: set[str] = set()
    for story in found.stories:
        kept = [by_id[a] for a in story.articles if a not in pinned]
        if len(kept) == len(story.articles):
            stories.append(story)
        elif kept:
            remainder = story_of(kept, folder)
            stories.append(remainder)
            reduced.add(remainder.id)
    groups = defaultdict(list)
    for article in folder:
        if article.id in pinned:
            groups[pinned[article.id]].append(article)
    grouped = {story_of(members, folder) for members in groups.values()}
    stories += grouped
    position = {a.id: i for i, a in enumerate(folder)}
    stories.sort(key=lambda s: (-len(s.articles), position[s.articles[0]]))
    table = StoryTable(found.articles, tuple(stories))
    return EditedStories(table, frozenset(s.id for s in grouped), frozenset(reduced))


def move_to_story(
    shown: EditedStories, placements: Placements, article_ids: Collection[str], story_id: str
) -> dict[str, str]:
    """The placements after moving `article_ids` into the story `story_id` of `shown`: its
    articles and theirs pinned to one key, so it keeps them whatever is loaded later."""
    target = shown.story(story_id)
    moving = [a for a in article_ids if target is not None and a not in target.articles]
    if target is None or not moving:
        return dict(placements)
    key = _key_of(target, placements)
    return {**placements, **dict.fromkeys((*target.articles, *moving), key)}


def merge_stories(
    shown: EditedStories, placements: Placements, story_ids: Collection[str]
) -> dict[str, str]:
    """The placements after making the stories `story_ids` of `shown` one story."""
    stories = [s for s in shown.table.stories if s.id in story_ids]
    if len(stories) < 2:
        return dict(placements)
    key = next((k for s in stories if (k := _key_of(s, placements, fresh=False))), _fresh())
    return {**placements, **dict.fromkeys((a for s in stories for a in s.articles), key)}


def split_off(
    shown: EditedStories, placements: Placements, article_ids: Collection[str]
) -> dict[str, str]:
    """The placements after making `article_ids` a story of their own (taken from one
    story or several); the rest of each story stays as it is."""
    chosen = {a for a in article_ids if shown.story_of_article(a) is not None}
    whole = any(set(s.articles) == chosen for s in shown.table.stories)
    if not chosen or whole:  # already a story of exactly these articles
        return dict(placements)
    return {**placements, **dict.fromkeys(sorted(chosen), _fresh())}


def reset_grouping(shown: EditedStories, placements: Placements) -> dict[str, str]:
    """The placements without those of the articles on show: they go back to the stories
    found for them. Placements of other folders' articles are kept."""
    here = {a.id for a in shown.table.articles}
    return {a: key for a, key in placements.items() if a not in here}


def _key_of(story: Story, placements: Placements, fresh: bool = True) -> str | None:
    """The key of a story grouped by hand (all its articles share one), else a new key
    (or None when `fresh` is False)."""
    keys = {placements.get(a) for a in story.articles}
    if len(keys) == 1 and None not in keys:
        return keys.pop()
    return _fresh() if fresh else None


def _fresh() -> str:
    return f"group-{uuid.uuid4().hex[:16]}"
