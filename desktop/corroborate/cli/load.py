"""`corroborate-cli load PATH...`: read articles and print them with their sentences."""

from __future__ import annotations

import argparse
import json
import sys

from ..core.loading import load_paths
from ..core.model import Article


def article_json(article: Article) -> dict:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "format": article.format,
        "text": article.text,
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
            for s in article.sentences
        ],
    }


def print_json(payload: dict) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _run(args: argparse.Namespace) -> int:
    result = load_paths(args.paths)
    print_json(
        {
            "articles": [article_json(a) for a in result.articles],
            "problems": [{"path": p.path, "reason": p.reason} for p in result.problems],
        }
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "load", help="read articles and print them with their sentences as JSON"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.set_defaults(func=_run)
