"""Quality of sentence alignment measured against hand-labelled facts of the seed articles.

The gold file (tests/data/gold/seed_facts.json) lists facts with the exact quotes that
mention them in each seed. Quotes, not sentence indices, are stored so the labels
survive changes to sentence segmentation: a quote belongs to the sentence containing
its first character (every occurrence of a quote in its file counts).

Two sentences of different articles form a gold pair when they share at least one fact.

- Precision: predicted sentence pairs (the cross product of each match's a and b
  indices) that are gold pairs, over all predicted pairs.
- Recall: sentences (both sides counted) that have a gold counterpart in the other
  article and are linked to at least one of those counterparts, over all such sentences.
- F1 per article pair, and overall from the sums over all pairs (micro average).
- Sentences in more than one row: sentences (both sides) that sit in two or more matches
  of one alignment, which a reader sees as one claim shown twice.

Run `python -m tests.quality.align_quality [--threshold N]` from the repository root for
a table of the real aligner; `--aligner fuzzy` and `--aligner fuzzy-tuned` print the
string-similarity baselines instead.
"""

from __future__ import annotations

import argparse
import bisect
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils

from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import Alignment, Article, Match

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD_PATH = ROOT / "tests" / "data" / "gold" / "seed_facts.json"

PairKey = tuple[str, str]
SentencePair = tuple[int, int]
AlignFn = Callable[[Article, Article], Alignment]


# --- gold labels -------------------------------------------------------------------


def load_gold(path: Path = GOLD_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def file_name(article: Article) -> str:
    return Path(article.path).name


def gold_articles(articles: Iterable[Article], gold: Mapping) -> dict[str, Article]:
    """The labelled articles by file name, in the order of the gold file; others ignored."""
    by_name = {file_name(a): a for a in articles}
    missing = [f for f in gold["files"] if f not in by_name]
    if missing:
        raise ValueError(f"gold files not loaded: {', '.join(missing)}")
    return {f: by_name[f] for f in gold["files"]}


def quote_offsets(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of `quote` in `text`."""
    offsets, start = [], text.find(quote)
    while start >= 0:
        offsets.append(start)
        start = text.find(quote, start + 1)
    return offsets


def sentence_at(article: Article, offset: int) -> int | None:
    """Index of the sentence whose [start, end) holds `offset`, or None between sentences."""
    starts = [s.start for s in article.sentences]
    pos = bisect.bisect_right(starts, offset) - 1
    if pos >= 0 and offset < article.sentences[pos].end:
        return article.sentences[pos].index
    return None


def quote_sentences(article: Article, quote: str) -> set[int]:
    """Sentences holding the quote; ValueError when it is absent or falls between sentences."""
    offsets = quote_offsets(article.text, quote)
    if not offsets:
        raise ValueError(f"{file_name(article)}: quote not found: {quote!r}")
    found = {sentence_at(article, o) for o in offsets}
    if None in found:
        raise ValueError(f"{file_name(article)}: quote outside any sentence: {quote!r}")
    return found  # type: ignore[return-value]


def fact_sentences(articles: Mapping[str, Article], gold: Mapping) -> dict[str, dict[str, set]]:
    """fact id -> file name -> sentence indices mentioning the fact."""
    return {
        fact["id"]: {
            name: set().union(*(quote_sentences(articles[name], q) for q in quotes))
            for name, quotes in fact["mentions"].items()
        }
        for fact in gold["facts"]
    }


def gold_pairs(articles: Iterable[Article], gold: Mapping) -> dict[PairKey, set[SentencePair]]:
    """Sentence pairs sharing at least one fact, for every pair of labelled files.

    Keys follow the order of `gold["files"]`: (earlier file, later file), and (i, j)
    indexes the sentences of those two files respectively.
    """
    labelled = gold_articles(articles, gold)
    by_fact = fact_sentences(labelled, gold)
    pairs: dict[PairKey, set[SentencePair]] = {k: set() for k in combinations(labelled, 2)}
    for mentions in by_fact.values():
        for file_a, file_b in pairs:
            for i in mentions.get(file_a, ()):
                pairs[file_a, file_b].update((i, j) for j in mentions.get(file_b, ()))
    return pairs


@dataclass(frozen=True, slots=True)
class DiscrepancyNote:
    fact_id: str
    summary: str
    files: tuple[str, ...]
    note: str


def discrepancy_notes(gold: Mapping) -> list[DiscrepancyNote]:
    """Facts whose outlets word them differently (numbers, dates, speakers), per the labels."""
    return [
        DiscrepancyNote(f["id"], f["summary"], tuple(f["mentions"]), f["note"])
        for f in gold["facts"]
        if f.get("note")
    ]


# --- scoring -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairScore:
    predicted: int  # predicted sentence pairs
    correct: int  # of those, gold pairs
    with_counterpart: int  # sentences (both sides) having a gold counterpart
    linked: int  # of those, linked to at least one counterpart

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.linked / self.with_counterpart if self.with_counterpart else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PairScore) -> PairScore:
        return PairScore(
            self.predicted + other.predicted,
            self.correct + other.correct,
            self.with_counterpart + other.with_counterpart,
            self.linked + other.linked,
        )


@dataclass(frozen=True, slots=True)
class Report:
    pairs: dict[PairKey, PairScore]

    @property
    def overall(self) -> PairScore:
        return sum(self.pairs.values(), PairScore(0, 0, 0, 0))


def repeated_sentences(alignment: Alignment) -> int:
    """Sentences (both sides counted) that sit in more than one match of the alignment."""
    uses = Counter(("a", i) for m in alignment.matches for i in m.a)
    uses.update(("b", j) for m in alignment.matches for j in m.b)
    return sum(1 for n in uses.values() if n > 1)


def predicted_pairs(alignment: Alignment) -> set[SentencePair]:
    return {(i, j) for m in alignment.matches for i in m.a for j in m.b}


def score_pair(predicted: set[SentencePair], gold: set[SentencePair]) -> PairScore:
    found = predicted & gold
    sides = [({i for i, _ in gold}, {i for i, _ in found})]
    sides.append(({j for _, j in gold}, {j for _, j in found}))
    return PairScore(
        predicted=len(predicted),
        correct=len(found),
        with_counterpart=sum(len(g) for g, _ in sides),
        linked=sum(len(f) for _, f in sides),
    )


def evaluate(align_fn: AlignFn, articles: Iterable[Article], gold: Mapping | None = None) -> Report:
    """Score `align_fn` on every pair of labelled articles."""
    gold = load_gold() if gold is None else gold
    articles = tuple(articles)
    labelled = gold_articles(articles, gold)
    expected = gold_pairs(articles, gold)
    return Report(
        {
            (fa, fb): score_pair(predicted_pairs(align_fn(labelled[fa], labelled[fb])), pairs)
            for (fa, fb), pairs in expected.items()
        }
    )


def level_precision(
    align_fn: AlignFn, articles: Iterable[Article], gold: Mapping | None = None
) -> dict[str, tuple[int, int]]:
    """(correct, predicted) sentence pairs of each confidence level, over all pairs.

    A predicted pair takes the level of the match it comes from (`confidence`).
    """
    from corroborate.core.alignment.confidence import LEVELS, confidence

    gold = load_gold() if gold is None else gold
    articles = tuple(articles)
    labelled = gold_articles(articles, gold)
    counts = {level: [0, 0] for level in LEVELS}
    for (fa, fb), pairs in gold_pairs(articles, gold).items():
        seen: dict[SentencePair, float] = {}
        for m in align_fn(labelled[fa], labelled[fb]).matches:
            for pair in ((i, j) for i in m.a for j in m.b):
                seen[pair] = max(seen.get(pair, -1.0), m.score)
        for pair, value in seen.items():
            c = counts[confidence(value)]
            c[0] += pair in pairs
            c[1] += 1
    return {level: (ok, n) for level, (ok, n) in counts.items()}


def format_levels(levels: Mapping[str, tuple[int, int]]) -> str:
    from corroborate.core.alignment.confidence import SOLID_SCORE

    cells = "   ".join(
        f"{level} {ok}/{n} = {ok / n if n else 0.0:.3f}" for level, (ok, n) in levels.items()
    )
    return f"precision by confidence (solid: match score >= {SOLID_SCORE:g}): {cells}"


# --- string-similarity baselines ---------------------------------------------------


def fuzzy_scores(a: Article, b: Article) -> np.ndarray:
    return process.cdist(
        [s.text for s in a.sentences],
        [s.text for s in b.sentences],
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
    )


def fuzzy_mutual_best(threshold: float = 70.0) -> AlignFn:
    """Pairs of sentences that are each other's best token-set match and reach `threshold`."""

    def align_fn(a: Article, b: Article) -> Alignment:
        scores = fuzzy_scores(a, b)
        matches = []
        if scores.size:
            best_b, best_a = scores.argmax(axis=1), scores.argmax(axis=0)
            matches = [
                Match((i,), (int(j),), float(scores[i, j]))
                for i, j in enumerate(best_b)
                if best_a[j] == i and scores[i, j] >= threshold
            ]
        linked_a = {m.a[0] for m in matches}
        linked_b = {m.b[0] for m in matches}
        return Alignment(
            a,
            b,
            threshold,
            tuple(matches),
            tuple(i for i in range(len(a.sentences)) if i not in linked_a),
            tuple(j for j in range(len(b.sentences)) if j not in linked_b),
        )

    return align_fn


def best_fuzzy_threshold(
    articles: Iterable[Article], gold: Mapping, thresholds: Iterable[float] = range(0, 101, 5)
) -> tuple[float, Report]:
    """The mutual-best threshold with the highest overall F1 on the gold itself (an oracle)."""
    articles = tuple(articles)
    reports = [(t, evaluate(fuzzy_mutual_best(t), articles, gold)) for t in thresholds]
    return max(reports, key=lambda tr: (tr[1].overall.f1, -tr[0]))


# --- how far choosing each sentence's best partner can go ----------------------------


def partner_ceiling(
    articles: Iterable[Article], gold: Mapping, rankings: Callable[[Article, Article], np.ndarray]
) -> tuple[int, int, int]:
    """(alignable sentences, those whose best-ranked partner is a gold one, those with a
    gold partner among their three best). An aligner linking each sentence to its best
    partner cannot find more than the second figure, whatever its threshold."""
    articles = tuple(articles)
    by_name = {file_name(a): a for a in articles}
    alignable = best = top3 = 0
    for (name_a, name_b), pairs in gold_pairs(articles, gold).items():
        matrix = rankings(by_name[name_a], by_name[name_b])
        for m, side in ((matrix, pairs), (matrix.T, {(j, i) for i, j in pairs})):
            for i in {p[0] for p in side}:
                partners = {j for k, j in side if k == i}
                order = np.argsort(-m[i], kind="stable")[:3].tolist()
                alignable += 1
                best += order[0] in partners
                top3 += bool(partners & set(order))
    return alignable, best, top3


def corroborate_rankings(articles: Iterable[Article]) -> Callable[[Article, Article], np.ndarray]:
    """The scores `align` picks partners by: word score with the agreement factors, labels
    (headings, captions) out."""
    from corroborate.core.alignment.align import DEFAULT_THRESHOLD
    from corroborate.core.alignment.similarity import Corpus
    from corroborate.core.text.sentence_kinds import is_label

    corpus = Corpus(articles)

    def rankings(a: Article, b: Article) -> np.ndarray:
        scores, factor = corpus.score_matrix(a, b), corpus.agreement(a, b)
        ranked = np.where(
            scores >= DEFAULT_THRESHOLD, scores * factor, np.minimum(scores, scores * factor)
        )
        ranked[[i for i in range(len(a.sentences)) if is_label(a, i)], :] = 0.0
        ranked[:, [j for j in range(len(b.sentences)) if is_label(b, j)]] = 0.0
        return ranked

    return rankings


def format_ceiling(name: str, counts: tuple[int, int, int]) -> str:
    alignable, best, top3 = counts
    return (
        f"{name}: best partner is a gold one for {best}/{alignable} = {best / alignable:.3f}"
        f" of alignable sentences; a gold one among the best three for {top3 / alignable:.3f}"
    )


# --- command line ------------------------------------------------------------------


def load_seed_articles(seeds: Path = SEEDS) -> tuple[Article, ...]:
    return load_paths([seeds]).articles


def format_report(report: Report, title: str) -> str:
    head = f"{'pair':<72} {'pred':>5} {'ok':>5} {'P':>6} {'R':>6} {'F1':>6}"
    lines = [title, head, "-" * len(head)]
    rows = [*report.pairs.items(), (("overall", ""), report.overall)]
    for (fa, fb), s in rows:
        name = f"{fa.removesuffix('.txt')} ~ {fb.removesuffix('.txt')}" if fb else fa
        lines.append(
            f"{name:<72} {s.predicted:>5} {s.correct:>5} "
            f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
        )
    return "\n".join(lines)


def corroborate_aligner(articles: Iterable[Article], threshold: float | None) -> AlignFn:
    from corroborate.core.alignment.align import align
    from corroborate.core.alignment.similarity import Corpus

    corpus = Corpus(articles)
    return lambda a, b: align(a, b, corpus=corpus, threshold=threshold)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None, help="aligner threshold")
    parser.add_argument(
        "--aligner", choices=("corroborate", "fuzzy", "fuzzy-tuned"), default="corroborate"
    )
    args = parser.parse_args(argv)
    gold = load_gold()
    # Only the labelled articles: other files in the folder (its README) are no seeds.
    articles = tuple(gold_articles(load_seed_articles(), gold).values())
    if args.aligner == "fuzzy":
        threshold = 70.0 if args.threshold is None else args.threshold
        report = evaluate(fuzzy_mutual_best(threshold), articles, gold)
        title = f"token_set_ratio, mutual best, threshold {threshold:g}"
    elif args.aligner == "fuzzy-tuned":
        threshold, report = best_fuzzy_threshold(articles, gold)
        title = f"token_set_ratio, mutual best, best threshold on the gold: {threshold:g}"
    else:
        aligner = corroborate_aligner(articles, args.threshold)
        report = evaluate(aligner, articles, gold)
        shown = "default" if args.threshold is None else f"{args.threshold:g}"
        title = f"corroborate.core.alignment.align, threshold {shown}"
        print(format_report(report, title))
        print(format_levels(level_precision(aligner, articles, gold)))
        repeats = [repeated_sentences(aligner(a, b)) for a, b in combinations(articles, 2)]
        print(f"sentences in more than one row: {sum(repeats)} (per pair: {repeats})")
        ceiling = partner_ceiling(articles, gold, corroborate_rankings(articles))
        print(format_ceiling("Corroborate scores", ceiling))
        print(format_ceiling("token_set_ratio", partner_ceiling(articles, gold, fuzzy_scores)))
        return
    print(format_report(report, title))


if __name__ == "__main__":
    main()
