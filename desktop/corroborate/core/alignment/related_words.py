"""Words a folder's articles use for one another, learnt from the sentences they align.

Outlets reporting one event word the same fact differently ("restrictions on cultural
imports" / "K-pop and K-dramas face hurdles"), so plain word overlap misses pairs that
share few words. The folder itself says which words stand in for one another: when two
sentences of different articles are each other's best partner on plain overlap (and
reach `SEED_SCORE`), the words one has and the other lacks are taken as a one-step
"translation" of each other, as in IBM model 1 or pseudo-relevance feedback. Counting
those word pairs over every such link of the folder and dividing each word's row by its
total gives how strongly each word calls up each other word (rows sum to 1). Scores then
add the weight of related words as a share (`similarity.RELATED_SHARE`) of the weight of
a shared word.

Measured on the sample articles: F1 up from 0.65 to 0.69, and up in each of the five
folders of four articles that leave one sample out; requiring two links per word pair,
keeping only the strongest relations of each word, content words only or a second round
of learning were each worse. General-English paraphrase data are unaffected: a single
pair of sentences teaches nothing.

A big folder does not compare every pair of articles: above `ALL_PAIRS_LIMIT` articles
each one learns only with its `NEIGHBOUR_ARTICLES` most similar articles (by their
summed term vectors), so the work grows with the folder, not with its square.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np
from scipy import sparse

# A first-pass link teaches only when both sentences are each other's best partner and
# reach this plain score: the default threshold the aligner had before related words.
SEED_SCORE = 18.0
# Up to this many articles every pair of articles is used; above, only near neighbours.
ALL_PAIRS_LIMIT = 40
NEIGHBOUR_ARTICLES = 6

PairScores = Callable[[int, int], np.ndarray]


def related_terms(
    matrices: Sequence[sparse.csr_matrix], scores: PairScores, vocab_size: int
) -> sparse.csr_matrix:
    """Symmetric term x term relatedness (zero diagonal) learnt from mutual best links.

    `matrices[k]` holds the term weights of article k's sentences (rows); `scores(k, l)`
    gives the plain score matrix of articles k and l (0-100).
    """
    present = [(m > 0).astype(np.float64).tocsr() for m in matrices]
    sources, targets = [], []
    for first, second in article_pairs(matrices):
        rows, cols = mutual_links(scores(first, second), SEED_SCORE)
        if len(rows):
            sources.append(present[first][rows])
            targets.append(present[second][cols])
    if not sources:
        return sparse.csr_matrix((vocab_size, vocab_size))
    x, y = sparse.vstack(sources).tocsr(), sparse.vstack(targets).tocsr()
    # Words both sentences of a link have are evidence of nothing new.
    shared = x.multiply(y)
    x, y = (x - shared).tocsr(), (y - shared).tocsr()
    x.eliminate_zeros()
    y.eliminate_zeros()
    counts = (x.T @ y).tocsr()
    counts = (counts + counts.T).tocsr()
    counts.setdiag(0)
    counts.eliminate_zeros()
    totals = np.asarray(counts.sum(axis=1)).ravel()
    totals[totals == 0] = 1.0
    calls_up = sparse.diags(1.0 / totals) @ counts
    # Weak relations are kept: dropping those under 0.01, 0.02 or 0.05 lowered F1.
    return ((calls_up + calls_up.T) / 2.0).tocsr()


def mutual_links(scores: np.ndarray, limit: float) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of pairs that are each other's best partner and reach `limit`."""
    if scores.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    best_col = scores.argmax(axis=1)
    best_row = scores.argmax(axis=0)
    rows = np.arange(scores.shape[0])
    mutual = (best_row[best_col] == rows) & (scores[rows, best_col] >= limit)
    return rows[mutual], best_col[mutual]


def article_pairs(matrices: Sequence[sparse.csr_matrix]) -> list[tuple[int, int]]:
    """Pairs of articles (k < l) that teach: all of them, or each with its near neighbours."""
    n = len(matrices)
    if n <= ALL_PAIRS_LIMIT:
        return list(combinations(range(n), 2))
    summed = sparse.vstack([sparse.csr_matrix(m.sum(axis=0)) for m in matrices]).tocsr()
    norms = np.sqrt(np.asarray(summed.multiply(summed).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = (sparse.diags(1.0 / norms) @ summed).tocsr()
    pairs: set[tuple[int, int]] = set()
    for start in range(0, n, 256):
        block = (unit[start : start + 256] @ unit.T).toarray()
        for offset, row in enumerate(block):
            k = start + offset
            row[k] = -1.0
            # Stable order: ties go to the earlier article, so the result is deterministic.
            for near in np.argsort(-row, kind="stable")[:NEIGHBOUR_ARTICLES].tolist():
                pairs.add((min(k, near), max(k, near)))
    return sorted(pairs)
