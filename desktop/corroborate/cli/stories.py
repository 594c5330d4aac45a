"""`corroborate-cli stories PATH...`: the stories of a mixed folder, and which articles tell each.

Prints JSON: the articles (as `load` prints them), then the stories, largest first: each
with its id (the same articles give the same id, for `facts --story`), a label of its key
names and terms, the ids of its articles, their outlets and the first and last
publication dates known (null when no article gives one).

Stories are grouped as the window shows them: the articles a user moved, merged or split
there (kept in the annotation store) stay where they were placed, so the ids printed here
are those `facts --story` and the window agree on.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence

from ..core.facts.stories import find_stories
from ..core.facts.story_edits import apply_placements
from ..core.model import Article, Story, StoryTable
from .load import article_json, load_articles, print_json, window_choices


def story_json(story: Story, sources: Mapping[str, str]) -> dict:
    """`sources`: each article id's source as the window names it."""
    return {
        "id": story.id,
        "label": story.label,
        "articles": list(story.articles),
        "outlets": list(dict.fromkeys(sources[a] for a in story.articles)),
        "first": story.first,
        "last": story.last,
    }


def stories_as_placed(articles: Sequence[Article], placements: Mapping[str, str]) -> StoryTable:
    """The stories of `articles` as the window shows them: found, then the user's
    `placements` (`window_choices`) applied."""
    return apply_placements(find_stories(articles), placements).table


def articles_of_story(
    articles: Sequence[Article], story_id: str, placements: Mapping[str, str]
) -> tuple[Article, ...] | None:
    """The articles of the story `story_id` among `articles`, as the window groups them
    (`placements`); None when it is not one."""
    for story in stories_as_placed(articles, placements).stories:
        if story.id == story_id:
            chosen = set(story.articles)
            return tuple(a for a in articles if a.id in chosen)
    return None


def _run(args: argparse.Namespace) -> int:
    choices = window_choices("stories")
    result = load_articles(args.paths)
    for problem in result.problems:
        if not problem.skipped:
            print(f"corroborate-cli stories: {problem.path}: {problem.reason}", file=sys.stderr)
    table = stories_as_placed(result.articles, choices.placements)
    articles = [article_json(a, choices.labels) for a in table.articles]
    sources = {a["id"]: a["source"] for a in articles}
    print_json({"articles": articles, "stories": [story_json(s, sources) for s in table.stories]})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "stories", help="group the articles of a mixed folder into the stories they report"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.set_defaults(func=_run)
