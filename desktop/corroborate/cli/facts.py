"""`corroborate-cli facts PATH...`: every fact of a folder, with the articles reporting it.

Prints JSON: the articles (as `load` prints them), then the facts, widest first: each
with its id, its claim (what it says, unique in the table), the sentences of each article
that report it with the span (`start`, `end` in the article's text) stating it and the
later sentences repeating them, how many articles do, its most central wording and the
discrepancies between articles. Facts reported by one
article only (coverage 1) are its exclusive facts. Boilerplate lines are in no fact.
Last, `inconsistencies`: per article that contradicts itself, each finding (kind,
explanation, both sides with their offsets in that article's text).

Without `--story`, a folder of several stories (as `corroborate-cli stories` lists them,
placed by hand in the window or not) has its facts found story by story
(core/facts/per_story.py): each fact is the one its story alone gives, and a one-story
folder gives the same facts as before stories existed.
`--story ID` keeps only the articles of one story of a mixed folder (its id as
`corroborate-cli stories` prints it); an id that is none of theirs exits 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from ..core.alignment.similarity import Corpus
from ..core.annotations.store import Store
from ..core.facts.find import find_facts
from ..core.facts.per_story import find_facts_per_story
from ..core.model import Discrepancy, DiscrepancySide, Fact, FactTable, Mention
from ..core.report.html import write_store_report
from .load import article_json, load_articles, print_json, window_choices
from .stories import articles_of_story, stories_as_placed

EXIT_UNKNOWN_STORY = 2


class UnknownStory(ValueError):
    pass


def side_json(side: DiscrepancySide) -> dict:
    return {
        "article": side.article,
        "sentence": side.sentence,
        "start": side.start,
        "end": side.end,
        "value": side.value,
    }


def discrepancy_json(d: Discrepancy) -> dict:
    return {
        "kind": d.kind,
        "explanation": d.explanation,
        "a": side_json(d.a),
        "b": side_json(d.b),
    }


def mention_json(m: Mention) -> dict:
    """Sentences, the span of them stating the fact, and repeats shown with them."""
    return {
        "article": m.article,
        "sentences": list(m.sentences),
        "start": m.start,
        "end": m.end,
        "repeats": list(m.repeats),
    }


def fact_json(fact: Fact) -> dict:
    article, sentence = fact.representative
    return {
        "id": fact.id,
        "claim": fact.claim,
        "mentions": [mention_json(m) for m in fact.mentions],
        "coverage": fact.coverage,
        "representative": {"article": article, "sentence": sentence},
        "discrepancies": [discrepancy_json(d) for d in fact.discrepancies],
    }


def table_json(table: FactTable, labels: Mapping[str, str] | None = None) -> dict:
    return {
        "articles": [article_json(a, labels) for a in table.articles],
        "facts": [fact_json(f) for f in table.facts],
        "inconsistencies": [
            {"article": a.id, "found": [discrepancy_json(d) for d in mine]}
            for a in table.articles
            if (mine := [d for d in table.inconsistencies if d.a.article == a.id])
        ],
    }


def fact_table(
    paths: list[str],
    threshold: float | None = None,
    story: str | None = None,
    placements: Mapping[str, str] | None = None,
) -> tuple[FactTable, list[str]]:
    """The facts of the articles under `paths` (of the story `story` only, when given;
    else story by story, stories grouped with the user's `placements`), and one message
    per file that could not be read. Shared by every output of this command (JSON now,
    reports later). Raises UnknownStory."""
    result = load_articles(paths)
    problems = [f"{p.path}: {p.reason}" for p in result.problems]
    articles = result.articles
    placements = placements or {}
    if story is not None:
        articles = articles_of_story(articles, story, placements)
        if articles is None:
            raise UnknownStory(
                f"no story {story} among these articles (`corroborate-cli stories` lists them)"
            )
        return find_facts(Corpus(articles), threshold=threshold), problems
    stories = stories_as_placed(articles, placements)
    if len(stories.stories) > 1:
        return find_facts_per_story(articles, stories, threshold=threshold), problems
    return find_facts(Corpus(articles), threshold=threshold), problems


def _run(args: argparse.Namespace) -> int:
    try:
        if args.report:  # the HTML report instead of the JSON, with the store's annotations
            # The store first: a store that cannot be read is told as such, before the work.
            with Store.snapshot() as store:
                return _report(args, store)
        choices = window_choices("facts")
        print_json(table_json(_facts(args, choices.placements), choices.labels))
    except UnknownStory as exc:
        print(f"corroborate-cli facts: {exc}", file=sys.stderr)
        return EXIT_UNKNOWN_STORY
    return 0


def _facts(args: argparse.Namespace, placements: Mapping[str, str]) -> FactTable:
    """The fact table of the command's paths, after a line on stderr per unreadable file."""
    table, problems = fact_table(args.paths, args.threshold, args.story, placements)
    for message in problems:
        print(f"corroborate-cli facts: {message}", file=sys.stderr)
    return table


def _report(args: argparse.Namespace, store: Store) -> int:
    placements = {article: p.group for article, p in store.story_placements().items()}
    table = _facts(args, placements)
    try:
        count = write_store_report(args.report, table, store)
    except OSError as exc:
        print(f"could not write {args.report}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print_json({"written": args.report, "facts": len(table.facts), "annotations": count})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "facts", help="group the sentences of many articles into facts and list who reports each"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        metavar="N",
        help="score 0-100 two sentences must reach to report one fact (default: align's)",
    )
    parser.add_argument(
        "--report",
        metavar="FILE.html",
        help="write a self-contained HTML report (facts, sources, disputes, notes) instead",
    )
    parser.add_argument(
        "--story",
        metavar="ID",
        help="only the articles of this story of a mixed folder (ids: corroborate-cli stories)",
    )
    parser.set_defaults(func=_run)
