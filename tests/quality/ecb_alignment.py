"""Sentence alignment on ECB+ news articles (written by others), beside a string-matching anchor.

Data: `ecbplus_dev/` in the shared data folder next to the repository (see its README).
413 articles of 18 topics, each topic holding two different real events; 5,139 gold
pairs of sentences of two articles of the same event that mention the same annotated
action. Only each article's `annotated_sentences` were labelled, so:

- Recall: share of the gold pairs that are predicted.
- Precision: among predicted pairs whose two sentences are both annotated, the share
  that are gold. Pairs touching an unannotated sentence are unknown and left out.
- F1 from the two.

Each article is written as a .txt file with one given sentence per paragraph and read
by `read_article`, as a user's folder would be; when the splitter returns the given
sentences, they are used as they are, otherwise (a given sentence split in two) the
given sentences are set as the article's sentences, so indices stay those of the gold.
A `Corpus` is built over the articles of one event (one story's folder), or of one
topic (a mixed folder of two events), and `align` runs at its default threshold on
every article pair of an event that has at least one gold pair.

The anchor: rapidfuzz `token_set_ratio`. For each sentence of a (the article whose name
sorts first) its best partner in b, kept when the two are mutual best partners or when
the pair scores at least a cut; the cut is set so that the anchor makes exactly as many
predictions as Corroborate did on the same article pairs (equal prediction count; ties
at the cut broken by a fixed order). `anchor-both` takes the best partner of every
sentence of either article (the linking rule of `align`) and keeps those scoring at
least a cut, set the same way.

Topics are split into odd and even numbers so that tuning can be done on one half and
reported on the other.

Confidence levels (`core.alignment.confidence`): the judged pairs of each half are split
by the level of the match they come from ("solid" from `SOLID_SCORE`, "possible"
below), each with its own precision. `SOLID_SCORE` was chosen on the odd topics.

Run `python -m tests.quality.ecb_alignment` from the repository root.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from corroborate.core.model import Article, Sentence
from tests.quality.align_quality import ROOT, fuzzy_scores, predicted_pairs

DATA = ROOT.parent / "shared" / "data" / "ecbplus_dev"
DOCS_PATH = DATA / "docs.jsonl"
PAIRS_PATH = DATA / "event_sentence_pairs.jsonl"

PairKey = tuple[str, str]  # (doc_a, doc_b), doc_a < doc_b
SentencePair = tuple[int, int]
Predictions = dict[PairKey, set[SentencePair]]

HALVES = {"all": lambda t: True, "odd": lambda t: t % 2 == 1, "even": lambda t: t % 2 == 0}


# --- data ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Doc:
    name: str
    topic: int
    event: str
    annotated: frozenset[int]
    sentences: tuple[str, ...]


def available() -> bool:
    return DOCS_PATH.is_file() and PAIRS_PATH.is_file()


def _jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_docs(path: Path = DOCS_PATH) -> dict[str, Doc]:
    return {
        d["doc"]: Doc(
            d["doc"],
            int(d["topic"]),
            d["event"],
            frozenset(d["annotated_sentences"]),
            tuple(d["sentences"]),
        )
        for d in _jsonl(path)
    }


def load_gold(path: Path = PAIRS_PATH) -> dict[PairKey, set[SentencePair]]:
    """Gold sentence pairs by article pair, oriented so that doc_a < doc_b."""
    gold: dict[PairKey, set[SentencePair]] = defaultdict(set)
    for p in _jsonl(path):
        a, i, b, j = p["doc_a"], int(p["sent_a"]), p["doc_b"], int(p["sent_b"])
        if a > b:
            a, i, b, j = b, j, a, i
        gold[a, b].add((i, j))
    return dict(gold)


# --- articles as Corroborate loads them ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Loaded:
    articles: dict[str, Article]  # by doc name
    kept: int  # articles whose splitter output was exactly the given sentences
    rebuilt: int  # articles whose sentences had to be set from the given ones
    seconds: float


def _given_sentences(text: str, given: tuple[str, ...]) -> tuple[Sentence, ...]:
    out, pos = [], 0
    for index, s in enumerate(given):
        s = s.strip()
        start = text.index(s, pos)
        out.append(Sentence(index, start, start + len(s), s, index))
        pos = start + len(s)
    return tuple(out)


def load_articles(docs: Mapping[str, Doc], folder: Path) -> Loaded:
    """Each doc as a .txt file of one sentence per paragraph, read by `read_article`."""
    from corroborate.core.ingest.readers import read_article

    started = time.perf_counter()
    articles, kept, rebuilt = {}, 0, 0
    for name, doc in docs.items():
        path = folder / f"{name}.txt"
        path.write_text("\n\n".join(s.strip() for s in doc.sentences) + "\n", encoding="utf-8")
        article = read_article(path)
        if not isinstance(article, Article):
            raise ValueError(f"{name}: not loaded: {article.reason}")
        if [s.text for s in article.sentences] == [s.strip() for s in doc.sentences]:
            kept += 1
        else:
            article = replace(article, sentences=_given_sentences(article.text, doc.sentences))
            rebuilt += 1
        if any(article.text[s.start : s.end] != s.text for s in article.sentences):
            raise ValueError(f"{name}: sentence offsets do not match the text")
        articles[name] = article
    return Loaded(articles, kept, rebuilt, time.perf_counter() - started)


# --- scoring -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Score:
    predicted: int  # all predicted sentence pairs
    judged: int  # of those, both sentences annotated
    correct: int  # of those, gold pairs
    gold: int  # gold pairs
    found: int  # gold pairs predicted

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(
    predictions: Predictions,
    gold: Mapping[PairKey, set[SentencePair]],
    docs: Mapping[str, Doc],
    keys: Iterable[PairKey],
) -> Score:
    predicted = judged = correct = n_gold = found = 0
    for key in keys:
        pred, expected = predictions.get(key, set()), gold[key]
        ann_a, ann_b = docs[key[0]].annotated, docs[key[1]].annotated
        hits = pred & expected
        predicted += len(pred)
        judged += sum(1 for i, j in pred if i in ann_a and j in ann_b)
        correct += len(hits)
        n_gold += len(expected)
        found += len(hits)
    return Score(predicted, judged, correct, n_gold, found)


# --- Corroborate ---------------------------------------------------------------------


def corroborate_predictions(
    articles: Mapping[str, Article],
    docs: Mapping[str, Doc],
    keys: Iterable[PairKey],
    folder_by: str = "event",
    match_scores: dict[tuple[PairKey, SentencePair], float] | None = None,
) -> tuple[Predictions, float]:
    """`align` at its default threshold, with one `Corpus` per event (or per topic).

    When `match_scores` is given, it receives the score of the match each predicted
    sentence pair comes from (the highest, when the pair is in more than one match).
    """
    from corroborate.core.alignment.align import align
    from corroborate.core.alignment.similarity import Corpus

    def group(name: str) -> object:
        return getattr(docs[name], folder_by)

    by_group: dict[object, list[PairKey]] = defaultdict(list)
    for key in keys:
        by_group[group(key[0])].append(key)
    started = time.perf_counter()
    predictions: Predictions = {}
    for g, group_keys in by_group.items():
        corpus = Corpus(articles[n] for n in docs if group(n) == g)
        for a, b in group_keys:
            alignment = align(articles[a], articles[b], corpus=corpus)
            predictions[a, b] = predicted_pairs(alignment)
            if match_scores is not None:
                for m in alignment.matches:
                    for pair in ((i, j) for i in m.a for j in m.b):
                        old = match_scores.get(((a, b), pair), -1.0)
                        match_scores[(a, b), pair] = max(old, m.score)
    return predictions, time.perf_counter() - started


# --- anchor: token_set_ratio best partners -------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    score: float
    key: PairKey
    pair: SentencePair
    best_of_a: bool  # b's sentence is the best partner of a's sentence
    mutual: bool  # and a's sentence is the best partner of b's


@dataclass(frozen=True, slots=True)
class Anchor:
    candidates: tuple[Candidate, ...]  # by score, highest first; ties in a fixed order
    seconds: float  # computing the scores and the best partners


# Anchor rules: which candidates are used, and in which order they are kept as the cut
# is lowered (a mutual best first, whatever its score, under "a-best").
RULES = {
    "anchor": "best partner of each sentence of a, kept when mutual best or above the cut",
    "anchor-both": "best partner of each sentence, both ways (as align links), above the cut",
}


def anchor_candidates(articles: Mapping[str, Article], keys: Iterable[PairKey]) -> Anchor:
    """Each sentence's best token_set_ratio partner in the other article, both ways."""
    started = time.perf_counter()
    out: list[Candidate] = []
    for key in keys:
        scores = fuzzy_scores(articles[key[0]], articles[key[1]])
        if not scores.size:
            continue
        best_b, best_a = scores.argmax(axis=1), scores.argmax(axis=0)
        links = {(i, int(j)) for i, j in enumerate(best_b)}
        links |= {(int(i), j) for j, i in enumerate(best_a)}
        for i, j in links:
            of_a = bool(best_b[i] == j)
            out.append(Candidate(float(scores[i, j]), key, (i, j), of_a, of_a and best_a[j] == i))
    out.sort(key=lambda c: (-c.score, c.key, c.pair))
    return Anchor(tuple(out), time.perf_counter() - started)


def at_count(
    anchor: Anchor, keys: Iterable[PairKey], count: int, rule: str = "anchor"
) -> tuple[Predictions, float | None, float]:
    """Predictions of `rule` on `keys` with the cut set to make `count` of them.

    Returns the predictions, the cut (the lowest score kept above it; None when the
    mutual best partners alone reach `count`, which are then kept by score) and the
    seconds taken.
    """
    started = time.perf_counter()
    wanted = set(keys)
    pool = [c for c in anchor.candidates if c.key in wanted]
    if rule == "anchor":
        pool = [c for c in pool if c.best_of_a]
        if sum(c.mutual for c in pool) < count:
            pool.sort(key=lambda c: not c.mutual)  # stable: by score within each part
    elif rule != "anchor-both":
        raise ValueError(f"unknown anchor rule {rule!r}")
    chosen = pool[:count]
    predictions: Predictions = defaultdict(set)
    for c in chosen:
        predictions[c.key].add(c.pair)
    above = [c.score for c in chosen if rule == "anchor-both" or not c.mutual]
    cut = min(above) if above else None
    return dict(predictions), cut, time.perf_counter() - started


# --- where the misses are ------------------------------------------------------------


def label_lines(articles: Mapping[str, Article]) -> dict[str, set[int]]:
    """Lines `align` leaves out as headings, captions or labels, by doc name."""
    try:
        from corroborate.core.text.sentence_kinds import is_label
    except ImportError:  # before the move to text/
        from corroborate.core.alignment.align import is_label  # type: ignore[no-redef]
    return {n: {i for i in range(len(a.sentences)) if is_label(a, i)} for n, a in articles.items()}


def recall_split(
    predictions: Predictions,
    gold: Mapping[PairKey, set[SentencePair]],
    labels: Mapping[str, set[int]],
) -> tuple[int, float, int, float]:
    """Gold pairs without / with a label line, and the recall of `predictions` on each."""
    counts = {False: [0, 0], True: [0, 0]}
    for (a, b), pairs in gold.items():
        got = predictions.get((a, b), set())
        for i, j in pairs:
            c = counts[i in labels[a] or j in labels[b]]
            c[0] += 1
            c[1] += (i, j) in got
    (n0, f0), (n1, f1) = counts[False], counts[True]
    return n0, f0 / n0 if n0 else 0.0, n1, f1 / n1 if n1 else 0.0


# --- confidence levels -------------------------------------------------------------


def level_scores(
    predictions: Predictions,
    match_scores: Mapping[tuple[PairKey, SentencePair], float],
    gold: Mapping[PairKey, set[SentencePair]],
    docs: Mapping[str, Doc],
    keys: Iterable[PairKey],
) -> dict[str, Score]:
    """`score` of the predicted pairs of each confidence level, by level."""
    from corroborate.core.alignment.confidence import LEVELS, confidence

    keys = list(keys)
    split: dict[str, Predictions] = {level: {} for level in LEVELS}
    for key in keys:
        for pair in predictions.get(key, set()):
            level = confidence(match_scores[key, pair])
            split[level].setdefault(key, set()).add(pair)
    return {level: score(split[level], gold, docs, keys) for level in LEVELS}


# --- the measurement -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    folder: str  # "event" or "topic"
    half: str  # "all", "odd" or "even"
    matcher: str
    score: Score
    seconds: float | None = None
    cut: float | None = None


@dataclass(frozen=True, slots=True)
class Measurement:
    rows: tuple[Row, ...]
    docs: int
    article_pairs: int
    gold_pairs: int
    kept: int
    rebuilt: int
    load_seconds: float
    anchor_seconds: float
    notes: dict = field(default_factory=dict)
    # (folder, half) -> confidence level -> score of that level's predictions
    levels: dict = field(default_factory=dict)

    def row(self, folder: str, half: str, matcher: str) -> Row:
        return next(
            r for r in self.rows if (r.folder, r.half, r.matcher) == (folder, half, matcher)
        )

    def ratio(self, folder: str, half: str = "all", anchor: str = "anchor") -> float:
        ours = self.row(folder, half, "corroborate").score.recall
        theirs = self.row(folder, half, anchor).score.recall
        return ours / theirs if theirs else float("inf")


def measure(folders: Iterable[str] = ("event", "topic")) -> Measurement:
    docs, gold = load_docs(), load_gold()
    keys = sorted(gold)
    with tempfile.TemporaryDirectory() as tmp:
        loaded = load_articles(docs, Path(tmp))
    anchor = anchor_candidates(loaded.articles, keys)
    labels = label_lines(loaded.articles)
    rows: list[Row] = []
    notes: dict[str, tuple[int, float, int, float]] = {}
    levels: dict[tuple[str, str], dict[str, Score]] = {}
    for folder in folders:
        match_scores: dict[tuple[PairKey, SentencePair], float] = {}
        ours, seconds = corroborate_predictions(loaded.articles, docs, keys, folder, match_scores)
        notes[f"{folder} corroborate"] = recall_split(ours, gold, labels)
        for half, keep in HALVES.items():
            half_keys = [k for k in keys if keep(docs[k[0]].topic)]
            mine = score(ours, gold, docs, half_keys)
            levels[folder, half] = level_scores(ours, match_scores, gold, docs, half_keys)
            rows.append(Row(folder, half, "corroborate", mine, seconds if half == "all" else None))
            for name in RULES:
                pred, cut, pick = at_count(anchor, half_keys, mine.predicted, name)
                took = anchor.seconds + pick if half == "all" else None
                rows.append(Row(folder, half, name, score(pred, gold, docs, half_keys), took, cut))
                if half == "all":
                    notes[f"{folder} {name}"] = recall_split(pred, gold, labels)
    return Measurement(
        tuple(rows),
        len(docs),
        len(keys),
        sum(len(v) for v in gold.values()),
        loaded.kept,
        loaded.rebuilt,
        loaded.seconds,
        anchor.seconds,
        notes,
        levels,
    )


def format_measurement(m: Measurement) -> str:
    lines = [
        f"ECB+ dev: {m.docs} articles ({m.kept} split as given, {m.rebuilt} set from the "
        f"given sentences), {m.article_pairs} article pairs, {m.gold_pairs} gold pairs; "
        f"loading {m.load_seconds:.1f} s",
    ]
    head = (
        f"{'corpus':<6} {'topics':<5} {'matcher':<14} {'pred':>6} {'judged':>6} {'ok':>5} "
        f"{'P':>6} {'R':>6} {'F1':>6} {'cut':>5} {'s':>6}"
    )
    lines += [head, "-" * len(head)]
    for r in m.rows:
        s = r.score
        cut = "" if r.cut is None else f"{r.cut:.0f}"
        took = "" if r.seconds is None else f"{r.seconds:.1f}"
        lines.append(
            f"{r.folder:<6} {r.half:<5} {r.matcher:<14} {s.predicted:>6} {s.judged:>6} "
            f"{s.correct:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {cut:>5} {took:>6}"
        )
    lines.append("")
    lines += [f"{name}: {text}" for name, text in RULES.items()]
    for folder in dict.fromkeys(r.folder for r in m.rows):
        ratios = ", ".join(f"{h} {m.ratio(folder, h):.2f}" for h in HALVES)
        both = ", ".join(f"{h} {m.ratio(folder, h, 'anchor-both'):.2f}" for h in HALVES)
        lines.append(
            f"recall ratio Corroborate / anchor at equal prediction count, per-{folder} "
            f"corpus: {ratios}; / anchor-both: {both}"
        )
    lines.append("")
    lines.append(
        "recall on gold pairs without / with a line align leaves out as a heading or label:"
    )
    for name, (n0, r0, n1, r1) in m.notes.items():
        lines.append(f"  {name:<20} {n0} pairs without: {r0:.3f}   {n1} pairs with: {r1:.3f}")
    if m.levels:
        from corroborate.core.alignment.confidence import SOLID_SCORE

        lines.append("")
        lines.append(
            f"Corroborate pairs by confidence (solid: match score >= {SOLID_SCORE:g}), "
            "judged pairs, precision, share of the gold pairs found:"
        )
        for (folder, half), by_level in m.levels.items():
            cells = "   ".join(
                f"{level} {s.correct}/{s.judged} = {s.precision:.3f} (recall {s.recall:.3f})"
                for level, s in by_level.items()
            )
            lines.append(f"  {folder:<6} {half:<5} {cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    if not available():
        raise SystemExit(f"ECB+ data not found in {DATA.relative_to(ROOT.parent)}")
    with tempfile.TemporaryDirectory() as cache:
        # Sentence boundaries of these temporary files stay out of the user's cache.
        os.environ.setdefault("CORROBORATE_CACHE_DIR", cache)
        print(format_measurement(measure()))


if __name__ == "__main__":
    main()
