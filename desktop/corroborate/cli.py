"""Headless entry point: `corroborate-cli load PATH...` prints JSON."""

from __future__ import annotations

import argparse
import json
import sys

from .core.loading import load_paths
from .core.model import Article


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


def _cmd_load(args: argparse.Namespace) -> int:
    result = load_paths(args.paths)
    payload = {
        "articles": [article_json(a) for a in result.articles],
        "problems": [{"path": p.path, "reason": p.reason} for p in result.problems],
    }
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corroborate-cli", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="read articles and print them with their sentences as JSON")
    load.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    load.set_defaults(func=_cmd_load)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
