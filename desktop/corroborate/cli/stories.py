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

from ..core.annotations.store import Store, StoreUnavailable
from ..core.facts.stories import find_stories
from ..core.facts.story_edits import apply_placements
from ..core.model import Article, Story, StoryTable
from .load import article_json, load_articles, print_json, stored_labels


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


def stored_placements(command: str) -> dict[str, str]:
    """Where the user placed articles among stories in the window (article id -> group);
    none (said on stderr) when the annotation store cannot be read, so grouping articles
    never depends on it."""
    try:
        with Store.snapshot() as store:
            return {article: p.group for article, p in store.story_placements().items()}
    except StoreUnavailable as exc:
        print(f"corroborate-cli {command}: stories placed by hand in the window not used: {exc}",
              file=sys.stderr)  # fmt: skip
        return {}


def stories_as_placed(
    articles: Sequence[Article], placements: Mapping[str, str] | None = None, command: str = ""
) -> StoryTable:
    """The stories of `articles` as the window shows them: found, then the user's
    placements applied (`placements`, else those stored)."""
    if placements is None:
        placements = stored_placements(command or "stories")
    return apply_placements(find_stories(articles), placements).table


def story_table(paths: Sequence[str], command: str) -> StoryTable:
    """The stories of the articles under `paths` as the window shows them, after a line
    on stderr per file that could not be read."""
    result = load_articles(paths)
    for problem in result.problems:
        if not problem.skipped:
            print(f"corroborate-cli {command}: {problem.path}: {problem.reason}", file=sys.stderr)
    return stories_as_placed(result.articles, command=command)


def articles_of_story(
    articles: Sequence[Article], story_id: str, placements: Mapping[str, str] | None = None
) -> tuple[Article, ...] | None:
    """The articles of the story `story_id` among `articles`, as the window groups them
    (`placements`, else those stored); None when it is not one."""
    for story in stories_as_placed(articles, placements, "facts").stories:
        if story.id == story_id:
            chosen = set(story.articles)
            return tuple(a for a in articles if a.id in chosen)
    return None


def _run(args: argparse.Namespace) -> int:
    table = story_table(args.paths, "stories")
    articles = [article_json(a, stored_labels("stories")) for a in table.articles]
    sources = {a["id"]: a["source"] for a in articles}
    print_json({"articles": articles, "stories": [story_json(s, sources) for s in table.stories]})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "stories", help="group the articles of a mixed folder into the stories they report"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.set_defaults(func=_run)
