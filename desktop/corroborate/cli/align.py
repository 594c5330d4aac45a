"""`corroborate-cli align A B [--threshold N] [--csv FILE]`: pair the sentences of two articles.

Prints JSON: both articles (as `load` prints them), the matches with their scores, word
differences, discrepancies (typed differences: "four-day" against "three-day") and a
plain explanation (what both mention, what they differ on, how far to trust it), and
the sentences each article has alone. Word-difference offsets count characters in the
match's sentences of each side joined by one space; a discrepancy's offsets count
characters in its article's whole text. The Compare tab shows the same, from the same
`core.alignment.comparison.Comparison`.

Word weights come from all articles in the folders of A and B, as in the window when
that folder is open, so both show the same pairs for the same threshold.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from ..core.alignment.align import DEFAULT_THRESHOLD, align
from ..core.alignment.comparison import Comparison
from ..core.alignment.confidence import SOLID_SCORE, confidence
from ..core.alignment.explanation import plain_explanation
from ..core.alignment.key_content import pair_content
from ..core.alignment.similarity import Corpus
from ..core.annotations.export import neutralise
from ..core.files import write_atomically
from ..core.ingest.listing import list_article_files
from ..core.ingest.loading import load_paths
from ..core.ingest.readers import read_article
from ..core.model import Article, Discrepancy, LoadProblem
from .load import article_json, print_json

CSV_COLUMNS = (
    "kind", "a_sentences", "b_sentences", "score", "confidence", "a_text", "b_text", "diff",
    "discrepancies", "explanation",
)  # fmt: skip


def discrepancy_json(d: Discrepancy) -> dict:
    """A finding with the offsets of its value on each side in the whole article text."""
    return {"kind": d.kind, "explanation": d.explanation, "a": asdict(d.a), "b": asdict(d.b)}


def comparison_json(comparison: Comparison) -> dict:
    alignment = comparison.alignment
    matches = [
        {
            "a": list(m.a),
            "b": list(m.b),
            "score": m.score,
            "confidence": confidence(m),
            "diff": [op._asdict() for op in comparison.word_diff(m.a, m.b)],
            "discrepancies": [discrepancy_json(d) for d in comparison.discrepancies(m.a, m.b)],
            "explanation": plain_explanation(m.score, pair_content(comparison, m.a, m.b)),
        }
        for m in alignment.matches
    ]
    return {
        "a": article_json(alignment.a),
        "b": article_json(alignment.b),
        "threshold": alignment.threshold,
        "solid_score": SOLID_SCORE,
        "matches": matches,
        "only_a": list(alignment.only_a),
        "only_b": list(alignment.only_b),
    }


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
                m["confidence"],
                " ".join(a_sents[i]["text"] for i in m["a"]),
                " ".join(b_sents[j]["text"] for j in m["b"]),
                json.dumps(m["diff"], separators=(",", ":")),
                "; ".join(d["explanation"] for d in m.get("discrepancies", ())),
                m.get("explanation", ""),
            ]
        )
    for i in payload["only_a"]:
        rows.append(["only_a", str(i), "", "", "", a_sents[i]["text"], "", "", "", ""])
    for j in payload["only_b"]:
        rows.append(["only_b", "", str(j), "", "", "", b_sents[j]["text"], "", "", ""])
    return [[neutralise(str(cell)) for cell in row] for row in rows]


def write_csv(path: str, payload: dict) -> None:
    def write(out: TextIO) -> None:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_rows(payload))

    write_atomically(path, write)


def _read_one(path: str) -> Article | str:
    if not Path(path).exists():
        return f"{path}: no such file"
    if Path(path).is_dir():
        return f"{path}: this is a folder; give an article file"
    item = read_article(path)
    if isinstance(item, LoadProblem):
        return f"{path}: {item.reason}"
    return item


def _folder_corpus(a: Article, b: Article) -> Corpus:
    """Word weights of every article in the folders of `a` and `b`, each file read once:
    `a` and `b` themselves are not read again."""
    folders = dict.fromkeys(str(Path(x.path).parent) for x in (a, b))
    given = {Path(x.path).resolve() for x in (a, b)}
    files, _problems = list_article_files(list(folders))
    others = [f for f in files if f.resolve() not in given]
    loaded = load_paths(others, already_open={a.id: a.path, b.id: b.path}) if others else None
    return Corpus(loaded.articles if loaded else ()).including(a, b)


def _run(args: argparse.Namespace) -> int:
    read = [_read_one(p) for p in (args.a, args.b)]
    errors = [r for r in read if isinstance(r, str)]
    if errors:
        for message in errors:
            print(f"corroborate-cli align: {message}", file=sys.stderr)
        return 1
    a, b = read
    corpus = _folder_corpus(a, b)
    payload = comparison_json(Comparison(align(a, b, corpus, args.threshold), corpus))
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
