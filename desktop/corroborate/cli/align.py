"""`corroborate-cli align A B [--threshold N] [--csv FILE]`: pair the sentences of two articles.

Prints JSON: both articles (as `load` prints them), the matches with their scores and
word differences, and the sentences each article has alone. Word-difference offsets
count characters in the match's sentences of each side joined by one space.

Word weights come from all articles in the folders of A and B, as in the window when
that folder is open, so both show the same pairs for the same threshold.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from pathlib import Path

from ..core.alignment.align import DEFAULT_THRESHOLD, align
from ..core.alignment.similarity import Corpus
from ..core.alignment.word_diff import word_diff
from ..core.ingest.loading import load_paths
from ..core.ingest.readers import read_article
from ..core.model import Alignment, Article, LoadProblem
from .load import article_json, print_json

CSV_COLUMNS = ("kind", "a_sentences", "b_sentences", "score", "a_text", "b_text", "diff")
# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def joined_text(article: Article, indices: tuple[int, ...]) -> str:
    return " ".join(article.sentences[i].text for i in indices)


def alignment_json(alignment: Alignment) -> dict:
    matches = []
    for m in alignment.matches:
        ops = word_diff(joined_text(alignment.a, m.a), joined_text(alignment.b, m.b))
        matches.append(
            {
                "a": list(m.a),
                "b": list(m.b),
                "score": m.score,
                "diff": [op._asdict() for op in ops],
                "discrepancies": [],
            }
        )
    return {
        "a": article_json(alignment.a),
        "b": article_json(alignment.b),
        "threshold": alignment.threshold,
        "matches": matches,
        "only_a": list(alignment.only_a),
        "only_b": list(alignment.only_b),
    }


def _safe_cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_rows(payload: dict) -> list[list[str]]:
    """One row per match, then one per sentence that only one article has."""
    a_sents = payload["a"]["sentences"]
    b_sents = payload["b"]["sentences"]
    rows = []
    for m in payload["matches"]:
        rows.append(
            [
                "match",
                " ".join(map(str, m["a"])),
                " ".join(map(str, m["b"])),
                f"{m['score']:.2f}",
                " ".join(a_sents[i]["text"] for i in m["a"]),
                " ".join(b_sents[j]["text"] for j in m["b"]),
                json.dumps(m["diff"], separators=(",", ":")),
            ]
        )
    rows += [["only_a", str(i), "", "", a_sents[i]["text"], "", ""] for i in payload["only_a"]]
    rows += [["only_b", "", str(j), "", "", b_sents[j]["text"], ""] for j in payload["only_b"]]
    return [[_safe_cell(cell) for cell in row] for row in rows]


def write_csv(path: str, payload: dict) -> None:
    """Write atomically: a reader never sees a half-written file."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(CSV_COLUMNS)
            writer.writerows(csv_rows(payload))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_one(path: str) -> Article | str:
    if not Path(path).exists():
        return f"{path}: no such file"
    if Path(path).is_dir():
        return f"{path}: this is a folder; give an article file"
    item = read_article(path)
    if isinstance(item, LoadProblem):
        return f"{path}: {item.reason}"
    return item


def _folder_corpus(*articles: Article) -> Corpus:
    folders = dict.fromkeys(str(Path(a.path).parent) for a in articles)
    return Corpus(load_paths(list(folders)).articles).including(*articles)


def _run(args: argparse.Namespace) -> int:
    read = [_read_one(p) for p in (args.a, args.b)]
    errors = [r for r in read if isinstance(r, str)]
    if errors:
        for message in errors:
            print(f"corroborate-cli align: {message}", file=sys.stderr)
        return 1
    a, b = read
    payload = alignment_json(align(a, b, _folder_corpus(a, b), args.threshold))
    if args.csv:
        try:
            write_csv(args.csv, payload)
        except OSError as exc:
            print(f"could not write {args.csv}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    print_json(payload)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "align", help="pair the sentences of two articles that report the same thing"
    )
    parser.add_argument("a", metavar="A", help="first article file")
    parser.add_argument("b", metavar="B", help="second article file")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        metavar="N",
        help=f"score 0-100 a pair must reach (default {DEFAULT_THRESHOLD:g})",
    )
    parser.add_argument("--csv", metavar="FILE", help="also write the matches as a CSV table")
    parser.set_defaults(func=_run)
