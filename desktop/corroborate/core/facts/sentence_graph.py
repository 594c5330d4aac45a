"""Which sentences of different articles say nearly the same thing, across a whole folder.

Every sentence of every article becomes a row of one sparse matrix Y: its term weights
divided by its smoothed norm (see `similarity.blend`). The score of two sentences in
`similarity.Corpus` is then 100 times Y[a] . Z[b], where Z = Y + share * Y R adds the
folder's related words (`Corpus.related`, `similarity.RELATED_SHARE`). On shared words
alone (Y[a] . Y[b]) scores are bilinear: the mean of two groups of sentences is the dot
product of their row sums divided by both sizes, which is how groups are compared.

Comparing all pairs would grow with the square of the folder. Candidate partners come
instead from a product restricted to terms that are rare in the folder (at most
`CANDIDATE_TERM_LIMIT` sentences hold them), computed a block of rows at a time, so each
sentence meets only the sentences that share a telling word with it. Each row keeps its
`CANDIDATES_PER_SENTENCE` best candidates, which are then scored in full, related words
included (Z is far denser than Y, so it only ever exists for one block of rows). Below
the limit (any folder of a few dozen articles) no term is left out; what is left out
are common words, which weigh little, and pairs that share no word but related ones.

Links are what `align` links, across the whole folder: from each sentence to its best
partner in each other article when the pair reaches the threshold (ties go to the
earlier sentence).

Columns are the folder's terms in alphabetical order and rows follow the articles'
ids, so every sum adds the same numbers in the same order whatever order the articles
came in; scores are rounded (`_DIGITS`) before they are compared or sorted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..alignment.similarity import RELATED_SHARE, SHORT_SENTENCE_MASS, Corpus
from ..model import Article

# A term held by more sentences than this takes no part in finding candidates (it still
# counts in their exact scores). Bounds the work per sentence whatever the folder size.
CANDIDATE_TERM_LIMIT = 1500
# Candidates kept per sentence, ranked on rare terms, before exact scoring.
CANDIDATES_PER_SENTENCE = 48
# Links kept per sentence, strongest first: more only matter in folders of many articles
# repeating one fact, where the strongest already tie the fact together.
LINKS_PER_SENTENCE = 16
# Rows multiplied at a time: bounds the memory of the partial product. Fewer when the
# vocabulary is large: a block's expanded rows are held densely, at most `_DENSE_CELLS`.
BLOCK_ROWS = 1024
_DENSE_CELLS = 4_000_000
# Two sentences of one article scoring this much say the same thing twice (a headline
# repeated as the first line, a pull quote): they count as one sentence, in the same facts.
REPEAT_SCORE = 60.0
# A sentence cut with "..." and this many words or more repeats the sentence it begins.
TEASER_WORDS = 4
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|\u2026)\s*$")
# Candidates scoring below this share of the threshold on rare terms alone are dropped.
_PREFILTER_SHARE = 0.5
# Scores are rounded to this many decimals: far below anything that matters, far above
# the last bits in which sums of the same numbers in another order may differ.
_DIGITS = 9


@dataclass(frozen=True, slots=True)
class SentenceSpace:
    """The sentences taking part, in a canonical order: articles by id, then by index."""

    articles: tuple[Article, ...]  # sorted by id
    article: np.ndarray  # row -> position in `articles`
    sentence: np.ndarray  # row -> sentence index in its article
    vectors: sparse.csr_matrix  # Y: row -> term weights / smoothed norm
    related: sparse.csr_matrix | None  # R, in the order of Y's columns; None: no relations
    repeats: dict[int, tuple[int, ...]]  # row -> later sentences of its article repeating it

    @property
    def size(self) -> int:
        return len(self.sentence)

    def row_dict(self, row: int) -> dict[int, float]:
        """A row of Y as term id -> value, for sums and dot products of small groups."""
        start, end = self.vectors.indptr[row], self.vectors.indptr[row + 1]
        terms, values = self.vectors.indices[start:end], self.vectors.data[start:end]
        return dict(zip(terms.tolist(), values.tolist(), strict=True))

    def score(self, a: int, b: int) -> float:
        """The full score of two rows (0-100), related words included, as the corpus has it."""
        ya, yb = self.row_dict(a), self.row_dict(b)
        dot = sum(v * yb.get(t, 0.0) for t, v in ya.items())
        if self.related is not None:
            related = self.related
            for t, v in ya.items():
                part = slice(related.indptr[t], related.indptr[t + 1])
                for u, r in zip(related.indices[part], related.data[part], strict=True):
                    if u in yb:
                        dot += RELATED_SHARE * v * r * yb[u]
        return round(min(100.0, 100.0 * dot), _DIGITS)


def sentence_space(
    corpus: Corpus, keep: Callable[[Article, int], bool] = lambda a, i: True
) -> SentenceSpace:
    """Rows for the sentences of the corpus for which `keep(article, index)` holds."""
    articles = tuple(sorted(corpus.articles, key=lambda a: a.id))
    corpus_index = _corpus_vocabulary(corpus)
    terms = sorted(corpus_index)
    column = {t: i for i, t in enumerate(terms)}
    arts, sents, indptr, cols, vals = [], [], [0], [], []
    for position, article in enumerate(articles):
        for i in range(len(article.sentences)):
            if not keep(article, i):
                continue
            weights = corpus.term_weights(article, (i,))
            norm = np.sqrt(sum(w * w for w in weights.values()) + SHORT_SENTENCE_MASS)
            for term, w in weights.items():
                cols.append(column[term])
                vals.append(w / norm)
            indptr.append(len(cols))
            arts.append(position)
            sents.append(i)
    vectors = sparse.csr_matrix(
        (np.asarray(vals, dtype=np.float64), np.asarray(cols, dtype=np.int64), indptr),
        shape=(len(sents), len(terms)),
    )
    vectors.sort_indices()
    related = _related(corpus, [corpus_index[t] for t in terms])
    arts_array, sents_array = np.asarray(arts, dtype=np.int64), np.asarray(sents, dtype=np.int64)
    texts = [articles[a].sentences[i].text for a, i in zip(arts, sents, strict=True)]
    repeated_by = _repeats(vectors, arts_array, texts)
    keep_rows = np.asarray([r not in repeated_by for r in range(len(sents))], dtype=bool)
    new_row = np.cumsum(keep_rows) - 1
    repeats: dict[int, list[int]] = {}
    for later, first in repeated_by.items():
        repeats.setdefault(int(new_row[first]), []).append(int(sents_array[later]))
    return SentenceSpace(
        articles,
        arts_array[keep_rows],
        sents_array[keep_rows],
        vectors[keep_rows],
        related,
        {row: tuple(sorted(later)) for row, later in repeats.items()},
    )


def _corpus_vocabulary(corpus: Corpus) -> dict[str, int]:
    """Term -> index in `Corpus.related`: terms by first appearance in the corpus's
    articles and sentences, as the corpus numbers them."""
    vocab: dict[str, int] = {}
    for article in corpus.articles:
        for sentence in corpus.sentence_terms(article):
            for term in sentence.terms:
                vocab.setdefault(term, len(vocab))
    return vocab


def _related(corpus: Corpus, order: list[int]) -> sparse.csr_matrix | None:
    """`Corpus.related` with rows and columns in the order of Y's columns."""
    related = getattr(corpus, "related", None)
    if related is None or related.nnz == 0:
        return None
    if related.shape != (len(order), len(order)):
        raise ValueError("Corpus.related does not match the corpus's vocabulary")
    related = related.tocsr()[order][:, order].tocsr()
    related.sort_indices()
    return related


def _repeats(vectors: sparse.csr_matrix, article: np.ndarray, texts: list[str]) -> dict[int, int]:
    """Rows that repeat an earlier row of their article, -> that row.

    On shared words alone reaching `REPEAT_SCORE` (the full score is at least as high),
    or a teaser: a sentence cut with "..." whose words begin another sentence of the
    article (however short the teaser, and whichever comes first).
    """
    found: dict[int, int] = {}
    bounds = np.flatnonzero(np.diff(article, prepend=-1, append=-1))
    for start, stop in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        block = vectors[start:stop]
        scores = (block @ block.T).toarray() * 100.0
        same = scores >= REPEAT_SCORE
        for j, k in _teasers(texts[start:stop]):
            same[j, k] = same[k, j] = True
        for j in range(1, stop - start):
            earlier = np.flatnonzero(same[:j, j])
            if len(earlier):
                first = start + int(earlier[0])
                found[start + j] = found.get(first, first)
    return found


def _teasers(texts: list[str]) -> list[tuple[int, int]]:
    """(teaser, sentence it cuts): positions in `texts` (one article's sentences)."""
    folded = [" ".join(t.casefold().split()) for t in texts]
    pairs = []
    for j, text in enumerate(folded):
        cut = _ELLIPSIS.sub("", text)
        if cut == text or len(cut.split()) < TEASER_WORDS:
            continue
        pairs += [(j, k) for k, other in enumerate(folded) if k != j and other.startswith(cut)]
    return pairs


@dataclass(frozen=True, slots=True)
class Links:
    """Directed links `source -> target` (rows), each with its score (0-100).

    `target` is the best partner of `source` in the target's article. Sorted by score,
    strongest first, ties by rows, so every walk over them is deterministic.
    """

    source: np.ndarray
    target: np.ndarray
    score: np.ndarray

    def __len__(self) -> int:
        return len(self.score)


def find_links(
    space: SentenceSpace,
    threshold: float,
    progress: Callable[[int], bool] | None = None,
) -> Links | None:
    """Best partner of every row in every other article, among its candidates.

    `progress(rows_done)` is called after each block; returning False stops and gives None.
    """
    n = space.size
    rare = _rare_columns(space.vectors)
    pruned = space.vectors[:, rare].tocsr()
    pruned_t = pruned.T.tocsr()
    step = max(32, min(BLOCK_ROWS, _DENSE_CELLS // max(1, space.vectors.shape[1])))
    found = []
    for start in range(0, n, step):
        stop = min(n, start + step)
        rows, cols = _block_candidates(space, pruned[start:stop] @ pruned_t, start, threshold)
        scores = _exact_scores(space, start, stop, rows, cols)
        keep = scores >= threshold
        found.append((rows[keep], cols[keep], scores[keep]))
        if progress is not None and not progress(stop):
            return None
    if not found:
        return _best_per_article(space, *(np.zeros(0, dtype) for dtype in (int, int, float)))
    rows, cols, scores = (np.concatenate(parts) for parts in zip(*found, strict=True))
    return _best_per_article(space, rows, cols, scores)


def _rare_columns(vectors: sparse.csr_matrix) -> np.ndarray:
    document_frequency = np.bincount(vectors.indices, minlength=vectors.shape[1])
    return np.flatnonzero(document_frequency <= CANDIDATE_TERM_LIMIT)


def _block_candidates(
    space: SentenceSpace, product: sparse.csr_matrix, offset: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """The best candidates of each row of a block (rows and columns are global rows)."""
    approx = product.data * 100.0
    useful = approx >= threshold * _PREFILTER_SHARE  # first: it leaves a small part
    rows = np.repeat(np.arange(offset, offset + product.shape[0]), np.diff(product.indptr))
    rows, cols, approx = rows[useful], product.indices[useful].astype(np.int64), approx[useful]
    other = space.article[rows] != space.article[cols]
    rows, cols, approx = rows[other], cols[other], approx[other]
    # One float key (row, then score descending) sorts far faster than a lexsort; equal
    # scores keep the product's column order, which depends on the contents only.
    order = np.argsort((rows - offset) * 256.0 + (100.0 - approx), kind="stable")
    rows, cols = rows[order], cols[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    keep = rank < CANDIDATES_PER_SENTENCE
    return rows[keep], cols[keep]


def _exact_scores(
    space: SentenceSpace, start: int, stop: int, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Full scores of pairs whose `rows` lie in [start, stop): Z of the block, densely,
    against the few terms of each Y row of `cols`."""
    block = space.vectors[start:stop]
    expanded = block if space.related is None else block + RELATED_SHARE * (block @ space.related)
    dense = expanded.toarray()
    y = space.vectors
    begins, lengths = y.indptr[cols], y.indptr[cols + 1] - y.indptr[cols]
    pair = np.repeat(np.arange(len(cols)), lengths)
    position = np.arange(len(pair)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    position += np.repeat(begins, lengths)
    parts = dense[rows[pair] - start, y.indices[position]] * y.data[position]
    scores = np.bincount(pair, weights=parts, minlength=len(cols)) * 100.0
    return np.clip(scores, 0.0, 100.0).round(_DIGITS)


def _best_per_article(
    space: SentenceSpace, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray
) -> Links:
    """From scored candidate pairs, each row's best partner per other article.

    A pair found from one side only counts for both: the score does not depend on the
    side, and a sentence may be the candidate of many more rows than it keeps itself.
    """
    rows, cols = np.concatenate([rows, cols]), np.concatenate([cols, rows])
    scores = np.concatenate([scores, scores])
    target_article = space.article[cols]
    order = np.lexsort((cols, -scores, target_article, rows))
    rows, cols, scores = rows[order], cols[order], scores[order]
    target_article = target_article[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (target_article[1:] != target_article[:-1])
    rows, cols, scores = rows[first], cols[first], scores[first]
    # Rows are grouped: rank each row's links by score and keep the strongest.
    order = np.argsort((rows - rows.min(initial=0)) * 256.0 + (100.0 - scores), kind="stable")
    rows, cols, scores = rows[order], cols[order], scores[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    keep = rank < LINKS_PER_SENTENCE
    rows, cols, scores = rows[keep], cols[keep], scores[keep]
    # Strongest first; equal scores by row, then by target article (rows are sorted so).
    order = np.argsort(-scores, kind="stable")
    return Links(rows[order], cols[order], scores[order])


def mean_score(a: dict[int, float], b: dict[int, float], size_a: int, size_b: int) -> float:
    """Mean pairwise score (0-100) of two groups on shared words alone, from the sums of
    their Y rows."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[t] for t, v in a.items() if t in b)
    return round(100.0 * dot / (size_a * size_b), _DIGITS)


def add_into(total: dict[int, float], part: dict[int, float]) -> None:
    for t, v in part.items():
        total[t] = total.get(t, 0.0) + v
