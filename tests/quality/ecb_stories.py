"""Stories in mixed folders of ECB+ articles, beside a TF-IDF clustering anchor.

Data: `ecbplus_dev/docs.jsonl` in the shared data folder next to the repository (see its
README): 413 articles of 18 topics, each topic holding two different real events of the
same kind; an article's gold story is its `event`. Each article is written as a .txt
file and read as a user's folder would be (`tests.quality.ecb_alignment.load_articles`).

Folders: one per topic (its two events mixed), one of all odd topics, one of all even
topics, and one of all topics (36 stories). Score: B-cubed precision, recall and F1 over
the articles of the folders of one row (each article's precision is the share of its
predicted story that is of its gold story, its recall the share of its gold story that
is in its predicted story).

The anchor: TF-IDF over each article's content words (stems, stop words left out),
cosine, average-link agglomerative clustering (scipy.cluster.hierarchy), cut at the one
distance that scores best on the odd topics (mean F1 of the odd topic folders and of the
odd-topics folder), used for every folder. Corroborate's `MERGE_CUT` and `KIND_WEIGHTS`
were chosen on the same two odd rows; the even topics are held out, and
the all-topics folder is reported only.

Run `python -m tests.quality.ecb_stories` from the repository root (`--tune` prints the
grids the settings were chosen from, on the odd rows only).
"""

from __future__ import annotations

import argparse
import functools
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from corroborate.core.facts import stories
from corroborate.core.model import Article
from corroborate.core.text.words import word_tokens
from tests.quality.ecb_alignment import DOCS_PATH, Doc, load_articles, load_docs

Clusters = Callable[[Sequence[Article]], list[list[str]]]  # articles -> groups of ids
HALVES = {"odd": lambda t: t % 2 == 1, "even": lambda t: t % 2 == 0}


def bcubed(predicted: Mapping[str, int], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of `predicted` (item -> cluster) against `gold`."""
    by_predicted, by_gold, both = Counter(), Counter(), Counter()
    for item, cluster in predicted.items():
        by_predicted[cluster] += 1
        by_gold[gold[item]] += 1
        both[cluster, gold[item]] += 1
    items = list(predicted)
    if not items:
        return 0.0, 0.0, 0.0
    p = sum(both[predicted[i], gold[i]] / by_predicted[predicted[i]] for i in items) / len(items)
    r = sum(both[predicted[i], gold[i]] / by_gold[gold[i]] for i in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --- the two clusterings ---------------------------------------------------------------


def corroborate(
    cut: float = stories.MERGE_CUT,
    weights: Mapping[str, float] = stories.KIND_WEIGHTS,
) -> Clusters:
    def run(articles: Sequence[Article]) -> list[list[str]]:
        table = stories.find_stories(articles, cut=cut, weights=weights)
        return [list(s.articles) for s in table.stories]

    return run


def tfidf_anchor(cut: float) -> Clusters:
    """TF-IDF cosine, average link, groups joined while their mean cosine reaches `cut`."""

    def run(articles: Sequence[Article]) -> list[list[str]]:
        if len(articles) < 2:
            return [[a.id] for a in articles]
        bags = [Counter(t.stem for t in word_tokens(a.text) if not t.stop) for a in articles]
        vocabulary = {term: i for i, term in enumerate(sorted(set().union(*bags)))}
        counts = np.zeros((len(articles), len(vocabulary)))
        for row, bag in enumerate(bags):
            for term, count in bag.items():
                counts[row, vocabulary[term]] = count
        df = (counts > 0).sum(axis=0)
        idf = np.log((1 + len(articles)) / (1 + df)) + 1.0
        vectors = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1)), 0.0) * idf
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        tree = linkage(vectors, method="average", metric="cosine")
        labels = fcluster(tree, t=1.0 - cut, criterion="distance")
        groups: dict[int, list[str]] = defaultdict(list)
        for article, label in zip(articles, labels, strict=True):
            groups[int(label)].append(article.id)
        return list(groups.values())

    return run


# --- folders and scores ----------------------------------------------------------------


class Folders:
    """The articles of each topic, and the gold story of each article id."""

    def __init__(self, docs: Mapping[str, Doc], articles: Mapping[str, Article]) -> None:
        self.by_topic: dict[int, list[Article]] = defaultdict(list)
        self.gold: dict[str, str] = {}
        self.topic: dict[str, int] = {}
        for name in sorted(docs):
            article = articles[name]
            self.by_topic[docs[name].topic].append(article)
            self.gold[article.id] = docs[name].event
            self.topic[article.id] = docs[name].topic

    def everything(self) -> list[Article]:
        return [a for topic in sorted(self.by_topic) for a in self.by_topic[topic]]


ROWS = ("odd", "even", "odd mixed", "even mixed", "all topics")
TUNING = ("odd", "odd mixed")  # the rows settings are chosen on


def predicted(folders: Folders, clusters: Clusters, row: str) -> dict[str, int]:
    """Each article of the row's topics -> its predicted story: one folder per topic
    ("odd", "even"), or one folder of all the row's topics ("odd mixed", ...)."""
    half = row.split()[0]
    topics = [t for t in sorted(folders.by_topic) if half == "all" or HALVES[half](t)]
    if row in HALVES:
        folder_list = [folders.by_topic[t] for t in topics]
    else:
        folder_list = [[a for t in topics for a in folders.by_topic[t]]]
    out: dict[str, int] = {}
    for articles in folder_list:
        for group in clusters(articles):
            label = len(set(out.values()))
            out.update((article_id, label) for article_id in group)
    return out


def scores(folders: Folders, clusters: Clusters) -> dict[str, tuple[float, ...]]:
    """B-cubed (P, R, F1, stories) per row; the all-topics folder's time under "_seconds"."""
    out: dict[str, tuple[float, ...]] = {}
    for row in ROWS:
        started = time.perf_counter()
        grouped = predicted(folders, clusters, row)
        out["_seconds"] = (time.perf_counter() - started,)
        out[row] = (*bcubed(grouped, folders.gold), float(len(set(grouped.values()))))
    return out


def odd_f1(folders: Folders, clusters: Clusters) -> float:
    """What settings are chosen by: mean F1 of the odd topic folders and the odd-topics one."""
    return sum(bcubed(predicted(folders, clusters, r), folders.gold)[2] for r in TUNING) / 2


def table(name: str, result: Mapping[str, tuple[float, ...]]) -> str:
    lines = [f"{name} (all topics: {result['_seconds'][0]:.2f} s)"]
    for row in ROWS:
        p, r, f, count = result[row]
        lines.append(f"  {row:<11} P {p:.3f} R {r:.3f} F1 {f:.3f}  {count:.0f} stories")
    return "\n".join(lines)


def best_anchor_cut(folders: Folders) -> float:
    """The anchor's one cut, chosen on the odd rows as Corroborate's settings were."""
    grid = [round(c, 2) for c in np.arange(0.02, 0.5, 0.01)]
    return max(grid, key=lambda c: odd_f1(folders, tfidf_anchor(c)))


def tune(folders: Folders) -> None:
    """F1 of the odd topic folders / of the odd-topics folder over Corroborate's settings."""
    # The features of an article do not depend on the settings: read each once.
    stories.article_features = functools.lru_cache(maxsize=None)(stories.article_features)
    for cut in (0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2):
        f1 = [bcubed(predicted(folders, corroborate(cut), r), folders.gold)[2] for r in TUNING]
        print(f"cut {cut:.2f}: " + " / ".join(f"{f:.3f}" for f in f1))
    for name in (1.0, 2.0, 3.0):
        for date in (1.0, 2.0):
            weights = {"name": name, "word": 1.0, "number": 0.5, "date": date}
            f1 = [
                bcubed(predicted(folders, corroborate(weights=weights), r), folders.gold)[2]
                for r in TUNING
            ]
            print(f"name {name} date {date}: " + " / ".join(f"{f:.3f}" for f in f1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", action="store_true", help="print the tuning grid")
    parser.add_argument("--labels", action="store_true", help="print the all-topics stories")
    args = parser.parse_args()
    if not DOCS_PATH.is_file():
        print(f"ECB+ data not found at {DOCS_PATH}: nothing measured.")
        return 0
    docs = load_docs()
    with tempfile.TemporaryDirectory() as folder:
        loaded = load_articles(docs, Path(folder))
    folders = Folders(docs, loaded.articles)
    print(f"{len(docs)} articles, {len(folders.by_topic)} topics, "
          f"{len(set(folders.gold.values()))} stories")  # fmt: skip
    if args.tune:
        tune(folders)
    cut = best_anchor_cut(folders)
    print(table(f"anchor TF-IDF average link, cut {cut:.2f}", scores(folders, tfidf_anchor(cut))))
    print(table("Corroborate find_stories", scores(folders, corroborate())))
    if args.labels:
        for story in stories.find_stories(folders.everything()).stories:
            events = Counter(folders.gold[i] for i in story.articles).most_common()
            print(f"  {story.label}  ({', '.join(f'{e} x{n}' for e, n in events)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
