"""Facts on ECB+ news articles (written by others): same-fact sentence pairs of `find_facts`.

Data: `ecbplus_dev/` in the shared data folder next to the repository (see its README and
`tests.quality.ecb_alignment`, which reads it). Each event's articles are one folder (one
`Corpus`, one `find_facts`); two sentences of different articles that share a fact are a
predicted pair. Gold pairs: sentences of two articles of the same event mentioning the
same annotated event action.

- Recall: share of the gold pairs predicted.
- Precision: among predicted pairs whose two sentences are both annotated, the share
  that are gold (a pair touching an unannotated sentence is unknown and left out).

Only article pairs holding at least one gold pair are counted, as in `ecb_alignment`.
Topics are split into odd (for tuning) and even (held out) numbers.

Run `python -m tests.quality.ecb_facts` from the repository root (about half a minute).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path

from corroborate.core.model import Article, FactTable
from tests.quality.ecb_alignment import (
    DATA,
    HALVES,
    ROOT,
    Doc,
    Predictions,
    Score,
    available,
    load_articles,
    load_docs,
    load_gold,
    score,
)


def fact_pairs(table: FactTable, names: Mapping[str, str]) -> Predictions:
    """Sentence pairs of different articles sharing a fact, by (doc_a, doc_b), doc_a < doc_b;
    a repeat (the same sentence printed twice) stands with the sentence it repeats."""
    found: Predictions = defaultdict(set)
    for fact in table.shared:
        for m1, m2 in combinations(fact.mentions, 2):
            a, b = names[m1.article], names[m2.article]
            left, right = (*m1.sentences, *m1.repeats), (*m2.sentences, *m2.repeats)
            if a > b:
                a, b, left, right = b, a, right, left
            found[a, b].update((i, j) for i in left for j in right)
    return dict(found)


def facts_predictions(
    articles: Mapping[str, Article], docs: Mapping[str, Doc]
) -> tuple[Predictions, float]:
    """`find_facts` over each event's articles (one folder per story); seconds taken."""
    from corroborate.core.alignment.similarity import Corpus
    from corroborate.core.facts.find import find_facts

    by_event: dict[str, list[str]] = defaultdict(list)
    for name in sorted(docs):
        by_event[docs[name].event].append(name)
    started = time.perf_counter()
    predictions: Predictions = {}
    for names in by_event.values():
        table = find_facts(Corpus(articles[n] for n in names))
        predictions.update(fact_pairs(table, {articles[n].id: n for n in names}))
    return predictions, time.perf_counter() - started


def measure() -> tuple[dict[str, Score], float]:
    """Scores per half of the topics, and the seconds `find_facts` took over all events."""
    docs, gold = load_docs(), load_gold()
    keys = sorted(gold)
    with tempfile.TemporaryDirectory() as tmp:
        loaded = load_articles(docs, Path(tmp))
    predictions, seconds = facts_predictions(loaded.articles, docs)
    scores = {
        half: score(predictions, gold, docs, [k for k in keys if keep(docs[k[0]].topic)])
        for half, keep in HALVES.items()
    }
    return scores, seconds


def format_scores(scores: Mapping[str, Score], seconds: float) -> str:
    names = {"all": "all topics", "odd": "odd (tuning)", "even": "even (held out)"}
    lines = [
        "find_facts on ECB+ dev, one folder per event: same-fact sentence pairs",
        f"{'topics':<16} {'predicted':>9} {'judged':>7} {'precision':>16} {'recall':>16} {'F1':>6}",
    ]
    for half, s in scores.items():
        lines.append(
            f"{names[half]:<16} {s.predicted:>9} {s.judged:>7} "
            f"{f'{s.precision:.3f} ({s.correct}/{s.judged})':>16} "
            f"{f'{s.recall:.3f} ({s.found}/{s.gold})':>16} {s.f1:>6.3f}"
        )
    lines.append(f"find_facts over all events: {seconds:.1f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    if not available():
        print(f"ECB+ data not found in {DATA.relative_to(ROOT.parent)}: nothing measured")
        return
    with tempfile.TemporaryDirectory() as cache:
        # Sentence boundaries of these temporary files stay out of the user's cache.
        os.environ.setdefault("CORROBORATE_CACHE_DIR", cache)
        print(format_scores(*measure()))


if __name__ == "__main__":
    main()
