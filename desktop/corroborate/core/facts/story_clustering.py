"""Articles into stories: average-link clustering, then each group again with its own weights.

Each article is a row of feature counts (names, numbers, dates, words: see stories.py).
A feature's weight depends on the articles it is weighed among: "quake" is rare in a
week of news and common among five earthquake reports. Weighed over a whole mixed
folder, two earthquakes look alike by their shared vocabulary; weighed among the
earthquake reports alone, only where, when and how strong still count, and they fall
apart. So the folder is clustered once, then each group again with weights of its own,
and each part it splits into again, until no group splits, with the same cut
(`MERGE_CUT`) whatever the folder's size. A split is kept only when at least two of its
parts hold two articles or more: an article that stands apart from its group under the
group's own weights is an outlier of that story, not a story of its own.

Only articles sharing a rare name, number or date are compared (a blocking step), so a
folder of 10,000 articles never compares all pairs. Compared pairs are joined by
average-link agglomerative clustering: two groups merge while the mean cosine over all
pairs of their articles (pairs never compared count as 0) reaches the cut.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..text.words import zipf

Feature = tuple[str, str]  # (kind, key): ("name", "betty ford"), ("date", "march 3")

# How much each kind of feature counts against a content word (tuned on the odd ECB+ topics).
KIND_WEIGHTS = {"name": 2.0, "word": 1.0, "number": 0.5, "date": 2.0}
# Two groups of articles merge while the mean cosine of their pairs reaches this.
MERGE_CUT = 0.17
# Features shared by at most this many articles always make them candidates; more common
# ones do, rarest first, while the pairs they give stay within PAIR_BUDGET: a name in
# every story ("Reuters") would pair everything with everything, a big story's would not.
BLOCK_MAX_ARTICLES = 50
PAIR_BUDGET = 2_000_000
# Cosines of candidate pairs are computed this many pairs at a time, to bound memory.
PAIR_CHUNK = 20_000
# Words this common in general English (Zipf) never make candidates on their own.
BLOCK_MAX_ZIPF = 4.0
# Zipf frequencies at which a word's rarity weight is 0 (floored) and 1 (unseen).
RARITY_TOP = 7.0
RARITY_FLOOR = 1.0


@dataclass(frozen=True, slots=True)
class _Folder:
    counts: sparse.csr_matrix  # article rows x feature columns: occurrences
    weight: np.ndarray  # per column: its kind's weight times its rarity in English
    blocking: np.ndarray  # per column: may make two articles candidates


def group_articles(
    counts: Sequence[Mapping[Feature, int]],
    *,
    cut: float = MERGE_CUT,
    weights: Mapping[str, float] = KIND_WEIGHTS,
) -> list[list[int]]:
    """Groups of indices into `counts` (one mapping per article): the stories. Each
    group ascending, groups in order of their first index."""
    folder = _folder(counts, weights)
    pending = _cluster(folder, np.arange(len(counts)), cut)
    stories = []
    while pending:
        group = pending.pop()
        parts = _cluster(folder, group, cut) if len(group) > 1 else [group]
        if sum(len(part) >= 2 for part in parts) >= 2:
            pending += parts
        else:
            stories.append(group)
    return sorted(sorted(group.tolist()) for group in stories)


def _folder(counts: Sequence[Mapping[Feature, int]], weights: Mapping[str, float]) -> _Folder:
    index: dict[Feature, int] = {}
    rows, cols, values = [], [], []
    for row, article in enumerate(counts):
        rows += [row] * len(article)
        cols += [index.setdefault(feature, len(index)) for feature in article]
        values += article.values()
    matrix = sparse.csr_matrix(
        (np.array(values, dtype=float), (rows, cols)), shape=(len(counts), len(index))
    )
    vocabulary = list(index)
    weight = np.array([weights[kind] * _rarity(kind, key) for kind, key in vocabulary], float)
    blocking = np.array(
        [kind != "word" or zipf(key) < BLOCK_MAX_ZIPF for kind, key in vocabulary], dtype=bool
    )
    return _Folder(matrix, weight, blocking)


def _rarity(kind: str, key: str) -> float:
    if kind in ("number", "date"):
        return 1.0
    words = key.split()
    return max(RARITY_FLOOR, sum(RARITY_TOP - zipf(w) for w in words) / len(words)) / RARITY_TOP


def _cluster(folder: _Folder, rows: np.ndarray, cut: float) -> list[np.ndarray]:
    """The groups `rows` form with weights over `rows` alone, as arrays of rows."""
    vectors, df = _vectors(folder, rows)
    groups = _average_link(_within_reach(_candidates(vectors, df, folder.blocking), cut), cut)
    return [rows[group] for group in groups]


def _within_reach(pairs: sparse.coo_matrix, cut: float) -> sparse.coo_matrix:
    """`pairs` less those that can never count. Two groups merge only when their mean
    cosine reaches `cut`, so some pair of them does: every group lies inside one
    connected part of the pairs reaching `cut`, and pairs across two parts never enter
    a mean. Leaving them out gives the same groups, faster."""
    strong = pairs.data >= cut
    graph = sparse.coo_matrix(
        (np.ones(strong.sum()), (pairs.row[strong], pairs.col[strong])), shape=pairs.shape
    )
    _, part = connected_components(graph, directed=False)
    inside = part[pairs.row] == part[pairs.col]
    return sparse.coo_matrix(
        (pairs.data[inside], (pairs.row[inside], pairs.col[inside])), shape=pairs.shape
    )


def _vectors(folder: _Folder, rows: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Rows of unit length: sublinear counts times smoothed inverse document frequency
    among `rows` times the column's weight; and each column's document frequency."""
    matrix = folder.counts[rows]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + len(rows)) / (1 + df)) + 1.0
    # What one article alone gives links it to nothing, yet would dilute its cosines.
    shared = (df >= 2) if len(rows) > 1 else np.ones_like(df, dtype=bool)
    matrix.data = (1.0 + np.log(matrix.data)) * (idf * folder.weight * shared)[matrix.indices]
    matrix.eliminate_zeros()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    # Single precision: cosines of millions of pairs in half the time, still exact to 1e-6.
    return (sparse.diags(1.0 / norms) @ matrix).astype(np.float32), df


def _candidates(
    vectors: sparse.csr_matrix, df: np.ndarray, blocking: np.ndarray
) -> sparse.coo_matrix:
    """Cosines of the article pairs sharing a rare name, number, date or rare word."""
    n = vectors.shape[0]
    if n < 2 or not vectors.nnz:
        return sparse.coo_matrix((n, n))
    present = (vectors > 0).astype(np.int32).tocsc()
    usable = _distinct_columns(present, np.flatnonzero(blocking & (df >= 2)))
    usable = usable[np.argsort(df[usable], kind="stable")]
    spent = np.cumsum(df[usable].astype(np.int64) * (df[usable] - 1) // 2)
    keep = usable[(df[usable] <= BLOCK_MAX_ARTICLES) | (spent <= PAIR_BUDGET)]
    shared = present[:, keep]
    pairs = sparse.triu(shared @ shared.T, k=1).tocoo()
    left, right = pairs.row, pairs.col
    cosines = np.concatenate(
        [np.zeros(0)]
        + [
            np.asarray(
                vectors[left[i : i + PAIR_CHUNK]]
                .multiply(vectors[right[i : i + PAIR_CHUNK]])
                .sum(axis=1)
            ).ravel()
            for i in range(0, len(left), PAIR_CHUNK)
        ]
    )
    return sparse.coo_matrix((cosines, (left, right)), shape=(n, n))


def _distinct_columns(present: sparse.csc_matrix, columns: np.ndarray) -> np.ndarray:
    """`columns` less those given by exactly the same articles as an earlier one: a
    story's names mostly come together, and their pairs are counted once."""
    seen: set[bytes] = set()
    kept = []
    for column in columns.tolist():
        rows = present.indices[present.indptr[column] : present.indptr[column + 1]].tobytes()
        if rows not in seen:
            seen.add(rows)
            kept.append(column)
    return np.array(kept, dtype=np.int64)


def _average_link(pairs: sparse.coo_matrix, cut: float) -> list[list[int]]:
    """Groups of row indices: average-link clustering over the compared pairs, stopped
    when no two groups reach `cut` on average. Each group's rows ascending; groups in
    order of their first row."""
    n = pairs.shape[0]
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    positive = pairs.data > 0
    row, col, data = pairs.row[positive], pairs.col[positive], pairs.data[positive]
    # Sum of cosines between two groups, each pair once (the pairs are distinct), held
    # by both sides.
    both = sparse.csr_matrix(
        (np.concatenate([data, data]), (np.concatenate([row, col]), np.concatenate([col, row]))),
        shape=(n, n),
    )
    indptr, indices, values = both.indptr.tolist(), both.indices.tolist(), both.data.tolist()
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for i in range(n):
        if indptr[i] < indptr[i + 1]:
            a, b = indptr[i], indptr[i + 1]
            sums[i] = dict(zip(indices[a:b], values[a:b], strict=True))
    strong = data >= cut
    heap = list(
        zip((-data[strong]).tolist(), row[strong].tolist(), col[strong].tolist(), strict=True)
    )
    heapq.heapify(heap)
    # Heap keys are upper bounds: a merge lowers the mean of the new group with every
    # neighbour of only one side, whose entry is left as it is and corrected when it comes
    # up; only neighbours of the merged-away side, whose sums grow, get a new entry.
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        current = sums[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if current < -negative - 1e-12:
            if current >= cut:
                heapq.heappush(heap, (-current, i, j))
            continue
        merged, gone = min(i, j), max(i, j)
        members[merged] = sorted(members[merged] + members.pop(gone))
        size = len(members[merged])
        for other, s in sums.pop(gone, {}).items():
            if other == merged:
                continue
            sums[other].pop(gone, None)
            total = sums[merged].get(other, 0.0) + s
            sums[merged][other] = sums[other][merged] = total
            mean = total / (size * len(members[other]))
            if mean >= cut:
                heapq.heappush(heap, (-mean, min(merged, other), max(merged, other)))
        sums[merged].pop(gone, None)
    return sorted(members.values())
