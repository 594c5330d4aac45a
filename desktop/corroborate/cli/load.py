"""`corroborate-cli load PATH...`: read articles and print them with their sentences.

Every command reads articles as the window does: paths made absolute (so exports name
the same files the window's do), and each source under the name given to it in the
window (`source`; `source_read` is what the file itself gave).

A web address (`https://…`) among the paths is fetched and saved as an `.html` file into
`--save-to` (the current folder unless told), then read like the other files, so its
annotations stay tied to a file. One that cannot be fetched is said on stderr and listed
under "problems", and the command exits 1 once everything else is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.annotations.store import Store, StoreUnavailable
from ..core.ingest.fetching import FetchFailed, fetch_page, is_web_address, save_page
from ..core.ingest.loading import LoadResult, load_paths
from ..core.model import Article


def load_articles(paths: Sequence[str], **options) -> LoadResult:
    """The articles under `paths`, each with its absolute path, as the window has them."""
    return load_paths([str(Path(p).absolute()) for p in paths], **options)


def stored_labels(command: str) -> dict[str, str]:
    """The names sources were given in the window; none (said on stderr) when the
    annotation store cannot be read, so reading articles never depends on it."""
    return window_choices(command, "source names").labels


@dataclass(frozen=True, slots=True)
class WindowChoices:
    """What the user decided in the window that commands follow too."""

    labels: dict[str, str] = field(default_factory=dict)  # article id -> source name
    placements: dict[str, str] = field(default_factory=dict)  # article id -> story group


def window_choices(command: str, used: str = "stories and source names") -> WindowChoices:
    """The source names and story placements kept in the annotation store, read once;
    none, said in one line on stderr naming what is not `used`, when the store cannot be
    read, so no command's articles or stories depend on it."""
    try:
        with Store.snapshot() as store:
            placements = {article: p.group for article, p in store.story_placements().items()}
            return WindowChoices(store.labels(), placements)
    except StoreUnavailable as exc:
        print(f"corroborate-cli {command}: {used} given in the window not used: {exc}",
              file=sys.stderr)  # fmt: skip
        return WindowChoices()


def article_json(article: Article, labels: Mapping[str, str] | None = None) -> dict:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": (labels or {}).get(article.id, article.source),
        "source_read": article.source,
        "format": article.format,
        "published": article.published,
        "byline": article.byline,
        "url": article.url,
        "text": article.text,
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
            for s in article.sentences
        ],
    }


_WRITE_CHUNK = 1 << 16


def print_json(payload: dict) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except UnicodeEncodeError:
        # A file name that is not valid UTF-8 (or a terminal that cannot show a character):
        # escaped JSON says the same and can always be written.
        text = json.dumps(payload, ensure_ascii=True, indent=2)
    text += "\n"
    # In pieces, flushed: a reader that stops early (`| head`) is met here as a closed
    # pipe, where the command ends quietly, and not in the interpreter's exit.
    for start in range(0, len(text), _WRITE_CHUNK):
        sys.stdout.write(text[start : start + _WRITE_CHUNK])
        sys.stdout.flush()


def fetched_paths(arguments: Sequence[str], save_to: str) -> tuple[list[str], list[dict]]:
    """The arguments as paths, each web address fetched and saved into `save_to` first;
    and the addresses that could not be fetched, with why."""
    paths: list[str] = []
    failures: list[dict] = []
    for argument in arguments:
        if not is_web_address(argument):
            paths.append(argument)
            continue
        try:
            page = fetch_page(argument)
            Path(save_to).mkdir(parents=True, exist_ok=True)
            saved = save_page(page, save_to)
        except FetchFailed as exc:
            print(f"corroborate-cli load: {argument}: {exc}", file=sys.stderr)
            failures.append({"path": argument, "reason": str(exc)})
            continue
        print(f"corroborate-cli load: {argument} saved as {saved}", file=sys.stderr)
        paths.append(str(saved))
    return paths, failures


def _run(args: argparse.Namespace) -> int:
    paths, failures = fetched_paths(args.paths, args.save_to)
    result = load_articles(paths)
    labels = stored_labels("load")
    print_json(
        {
            "articles": [article_json(a, labels) for a in result.articles],
            "problems": failures
            + [{"path": p.path, "reason": p.reason} for p in result.problems if not p.skipped],
            "skipped": [{"path": p.path, "reason": p.reason} for p in result.problems if p.skipped],
        }
    )
    return 1 if failures else 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "load", help="read articles and print them with their sentences as JSON"
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, folders or web addresses"
    )
    parser.add_argument(
        "--save-to",
        metavar="FOLDER",
        default=".",
        help="where web pages are saved before reading (default: the current folder)",
    )
    parser.set_defaults(func=_run)
