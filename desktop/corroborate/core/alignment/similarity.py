"""Sentence similarity: weighted word overlap, where words rare in the folder count more.

A sentence becomes the set of its word stems (see `textnorm.terms`). Each stem is
weighted by how rare it is: across the loaded folder's sentences (inverse document
frequency) blended with how rare it is in general English (wordfreq), so a folder of
two articles still knows that "drills" says more than "visit", and "the" counts for
little without being dropped. The score of two sentences is the weighted cosine of their
stem sets, shrunk for short sentences (see `blend`), scaled to 0-100.

Word forms meet through stems ("drill"/"drills") and hyphen splitting ("Jae-myung"/
"Jae Myung"). Blending in a character-level fuzzy score (rapidfuzz ratio, token-set and
token-sort ratios), pairs of adjacent words as extra terms, a containment score for
short sentences inside long ones and a latent-semantic component were each measured on
the sample articles and on public paraphrase data; none improved the ranking.

Within a folder, words that different articles use for one another also count (see
`related`): a pair's shared weight gains `RELATED_SHARE` of the weight of each related
word pair, so "cultural restrictions" can meet "K-pop hurdles". `similarity` (two bare
sentences, no folder) has nothing to learn from: it uses shared words, words spelt almost
alike, and agreement of numbers and quotations (`pair_evidence`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import mul

import numpy as np
from scipy import sparse

from ..model import Article
from ..text.words import Token, terms, word_tokens, zipf
from .agreement import Claims, agreement_matrix, claims_of
from .pair_evidence import near_spellings, number_disagreement, quote_disagreement
from .related_words import related_terms

# Share of the folder's own statistics in a term's weight (geometric blend); the rest
# comes from general English. 0 would ignore the folder, 1 would ignore English.
FOLDER_SHARE = 0.5
# General-English rarity of a word: -log10 of its frequency, i.e. 9 - Zipf, kept in a
# band so unseen names do not swamp everything else.
_GENERAL_MIN, _GENERAL_MAX = 0.5, 8.0
# Weight added to each sentence's own weight in the cosine's denominator, so sharing
# two words of a three-word section label ("Security Balancing Act") is weaker evidence
# than sharing ten words of two long sentences. About three rare words' worth.
SHORT_SENTENCE_MASS = 40.0
# Share of a related word pair's weight (w_u * relatedness * w_v) added to the shared
# weight of two sentences, relative to a shared word (w * w). F1 on the sample articles
# stays within 0.68-0.69 from 0.5 to 1.0.
RELATED_SHARE = 0.7
# Articles whose expanded vectors (see `Corpus`) are kept; a folder this small has all of
# them computed when the corpus is built.
EXPANDED_CACHE = 64
# Sentences whose expanded rows are kept as term -> value mappings (for group scores).
EXPANDED_ROWS = 2048
# Score matrices of article pairs kept (and, for folders with no more pairs, computed
# when the corpus is built).
PAIR_CACHE = 256


# `similarity` of two bare sentences, chosen on STS-B train news only (Spearman 0.707
# before, 0.763 after; see docs/QUALITY.md): term weights raised to this power (rare
# names dominate less), this mass in place of `SHORT_SENTENCE_MASS`, and the share of
# the score lost when all numbers, or all quoted words, differ.
BARE_WEIGHT_POWER = 0.75
BARE_SHORT_MASS = 10.0
NUMBER_PENALTY = 0.3
QUOTE_PENALTY = 0.6


def general_weight(norm: str) -> float:
    return min(_GENERAL_MAX, max(_GENERAL_MIN, 9.0 - zipf(norm)))


@dataclass(frozen=True, slots=True)
class SentenceTerms:
    tokens: tuple[Token, ...]
    terms: tuple[str, ...]  # distinct, in order of first appearance


def sentence_terms(text: str) -> SentenceTerms:
    tokens = word_tokens(text)
    return SentenceTerms(tokens, tuple(dict.fromkeys(terms(tokens))))


class TermWeights:
    """Weight of every index term, from the sentences of a folder.

    With `use_folder=False` only general-English rarity counts (no folder loaded).
    """

    def __init__(self, sentences: Sequence[SentenceTerms], use_folder: bool = True) -> None:
        self._n = len(sentences) if use_folder else 0
        self._df: Counter[str] = Counter()
        # The most frequent surface form of a stem decides how rare it is in English.
        self._general: dict[str, float] = {}
        for s in sentences:
            if use_folder:
                self._df.update(s.terms)
            for tok in s.tokens:
                w = general_weight(tok.norm)
                if w < self._general.get(tok.stem, math.inf):
                    self._general[tok.stem] = w

    def general(self, term: str) -> float:
        return self._general.get(term, _GENERAL_MAX)

    def folder(self, term: str) -> float:
        return math.log((1 + self._n) / (1 + self._df.get(term, 0))) + 1.0

    def weight(self, term: str) -> float:
        g = self.general(term)
        if self._n == 0:
            return g
        return self.folder(term) ** FOLDER_SHARE * g ** (1.0 - FOLDER_SHARE)


def blend(dot: np.ndarray, mass_a: np.ndarray, mass_b: np.ndarray) -> np.ndarray:
    """Scores 0-100 from shared weight `dot` and each side's own weight (squared norms).

    A cosine whose denominators carry `SHORT_SENTENCE_MASS` extra: long identical
    sentences score close to 100, short ones less, however alike. Broadcasts: `mass_a`
    as a column and `mass_b` as a row give a whole score matrix.
    """
    smoothed = np.sqrt((mass_a + SHORT_SENTENCE_MASS) * (mass_b + SHORT_SENTENCE_MASS))
    return np.clip(100.0 * dot / smoothed, 0.0, 100.0)


def _weighted(s: SentenceTerms, weights: TermWeights) -> dict[str, float]:
    return {t: weights.weight(t) for t in s.terms}


def similarity(a: str, b: str) -> float:
    """How much two sentences say the same thing, 0-100; near 100 for the same long sentence.

    Words are weighted by their rarity in general English (no folder needed). With no
    folder to learn related words from, two bare sentences get evidence of their own
    (`pair_evidence`): words spelt almost alike count as shared, and the score is
    lowered when the numbers or the quotations of the two sentences disagree.
    """
    sa, sb = sentence_terms(a), sentence_terms(b)
    weights = TermWeights((sa, sb), use_folder=False)
    va = {t: w**BARE_WEIGHT_POWER for t, w in _weighted(sa, weights).items()}
    vb = {t: w**BARE_WEIGHT_POWER for t, w in _weighted(sb, weights).items()}
    dot = sum(w * w for t, w in va.items() if t in vb)
    dot += sum(va[t] * vb[u] * alike for t, u, alike in near_spellings(va, vb))
    if not dot:
        return 0.0
    mass_a = sum(w * w for w in va.values()) + BARE_SHORT_MASS
    mass_b = sum(w * w for w in vb.values()) + BARE_SHORT_MASS
    # Between the cosine and the cover of the longer side: extra content on one side
    # (a clause the other lacks) costs more than in a plain cosine.
    overlap = (dot / math.sqrt(mass_a * mass_b) + dot / max(mass_a, mass_b)) / 2.0
    overlap *= 1.0 - NUMBER_PENALTY * number_disagreement(sa.tokens, sb.tokens)
    overlap *= 1.0 - QUOTE_PENALTY * quote_disagreement(a, b)
    return min(100.0, 100.0 * overlap)


class Corpus:
    """Per-folder statistics and each article's sentence term vectors, computed once.

    Built on load (with the related words the folder teaches, see `related`); read-only
    afterwards, so any thread may use it. Score matrices of article pairs are cached, so
    re-aligning with another threshold costs little.
    """

    def __init__(self, articles: Iterable[Article] = ()) -> None:
        unique = {a.id: a for a in articles}
        self.articles: tuple[Article, ...] = tuple(unique.values())
        self._by_id = unique
        self._terms = {
            aid: tuple(sentence_terms(s.text) for s in a.sentences) for aid, a in unique.items()
        }
        self.weights = TermWeights([s for sents in self._terms.values() for s in sents])
        self._vocab: dict[str, int] = {}
        for sents in self._terms.values():
            for s in sents:
                for t in s.terms:
                    self._vocab.setdefault(t, len(self._vocab))
        self._weight = {t: self.weights.weight(t) for t in self._vocab}
        self._matrices = {aid: self._matrix(sents) for aid, sents in self._terms.items()}
        self._sentence_weights = {
            aid: tuple({t: self._weight[t] for t in s.terms} for s in sents)
            for aid, sents in self._terms.items()
        }
        self._masses = {
            aid: np.asarray(m.multiply(m).sum(axis=1)).ravel() for aid, m in self._matrices.items()
        }
        ids = sorted(self._matrices)  # a fixed order, whatever order the articles came in
        #: Term x term relatedness learnt from the folder (see `related`), indexed as the
        #: vocabulary; symmetric with a zero diagonal.
        self.related = related_terms(
            [self._matrices[aid] for aid in ids],
            lambda first, second: self._plain_scores(ids[first], ids[second]),
            len(self._vocab),
        )
        self._index_terms = tuple(self._vocab)
        self._pair_scores = lru_cache(maxsize=PAIR_CACHE)(self._compute_scores)
        self._claims = lru_cache(maxsize=EXPANDED_CACHE)(self._claims_of)
        self._agreements = lru_cache(maxsize=PAIR_CACHE)(self._compute_agreement)
        self._related_row = lru_cache(maxsize=8192)(self._row_of_related)
        self._expanded = lru_cache(maxsize=EXPANDED_CACHE)(self._expand)
        self._expanded_row = lru_cache(maxsize=EXPANDED_ROWS)(self._row_of_expanded)
        # A small folder expands every article now, on the worker that builds the corpus,
        # so opening a pair costs one product. A big one expands on demand.
        if len(ids) <= EXPANDED_CACHE:
            for aid in ids:
                self._expanded(aid)
        if sum(m.shape[0] for m in self._matrices.values()) <= EXPANDED_ROWS:
            for aid, m in self._matrices.items():
                for i in range(m.shape[0]):
                    self._expanded_row(aid, i)
        # And scores every pair of its articles, so opening any comparison after loading
        # costs only the matching (the Facts view reads every pair anyway).
        if len(ids) * (len(ids) - 1) // 2 <= PAIR_CACHE:
            for first, a_id in enumerate(ids):
                for b_id in ids[first + 1 :]:
                    self._pair_scores(a_id, b_id)
                    self._agreements(a_id, b_id)

    def _matrix(self, sents: Sequence[SentenceTerms]) -> sparse.csr_matrix:
        """Rows of term weights (not normalised: their squares are the sentence's mass)."""
        rows, cols, vals = [], [], []
        for i, s in enumerate(sents):
            for t in s.terms:
                rows.append(i)
                cols.append(self._vocab[t])
                vals.append(self._weight[t])
        shape = (len(sents), len(self._vocab))
        return sparse.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64)

    def __contains__(self, article: Article) -> bool:
        return article.id in self._matrices

    def including(self, *articles: Article) -> Corpus:
        """This corpus, or a new one that also covers `articles`."""
        if all(a in self for a in articles):
            return self
        return Corpus(self.articles + tuple(articles))

    def sentence_terms(self, article: Article) -> tuple[SentenceTerms, ...]:
        return self._terms[article.id]

    def term_weights(self, article: Article, sentences: Sequence[int]) -> Mapping[str, float]:
        """Weight of every term the given sentences of `article` contain, taken together.

        May be the corpus's own mapping: read it, do not modify it.
        """
        per_sentence = self._sentence_weights[article.id]
        if len(sentences) == 1:
            return per_sentence[sentences[0]]
        out: dict[str, float] = {}
        for i in sentences:
            out.update(per_sentence[i])
        return out

    def score_matrix(self, a: Article, b: Article) -> np.ndarray:
        """Scores of every sentence of `a` (rows) against every sentence of `b`, 0-100.

        Computed in one canonical orientation, so the scores of (b, a) are exactly the
        transpose of those of (a, b). The returned array is shared: do not modify it.
        """
        if a.id <= b.id:
            return self._pair_scores(a.id, b.id)
        return self._pair_scores(b.id, a.id).T

    def agreement(self, a: Article, b: Article) -> np.ndarray:
        """Factors on `score_matrix(a, b)` from numbers, experts and quotations
        (`agreement.agreement_matrix`); shared like the scores: do not modify it."""
        if a.id <= b.id:
            return self._agreements(a.id, b.id)
        return self._agreements(b.id, a.id).T

    def _claims_of(self, article_id: str) -> Claims:
        tokens = [s.tokens for s in self._terms[article_id]]
        return claims_of(self._by_id[article_id], tokens)

    def _compute_agreement(self, a_id: str, b_id: str) -> np.ndarray:
        factor = agreement_matrix(self._claims(a_id), self._claims(b_id))
        factor.setflags(write=False)
        return factor

    def _plain_scores(self, a_id: str, b_id: str) -> np.ndarray:
        """Scores on shared words alone: the first pass that related words are learnt from."""
        dot = (self._matrices[a_id] @ self._matrices[b_id].T).toarray()
        return blend(dot, self._masses[a_id][:, None], self._masses[b_id][None, :])

    def _expand(self, article_id: str) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """M + share M R for the article's rows M (each sentence with its related words),
        and its transpose (transposed once here: it is most of the cost of a product)."""
        m = self._matrices[article_id]
        expanded = (m + RELATED_SHARE * (m @ self.related)).tocsr()
        return expanded, expanded.T.tocsr()

    def _row_of_expanded(self, article_id: str, index: int) -> dict[str, float]:
        """One sentence's expanded row as term -> value, for group scores."""
        expanded = self._expanded(article_id)[0]
        start, end = expanded.indptr[index], expanded.indptr[index + 1]
        terms = [self._index_terms[k] for k in expanded.indices[start:end].tolist()]
        return dict(zip(terms, expanded.data[start:end].tolist(), strict=True))

    def _compute_scores(self, a_id: str, b_id: str) -> np.ndarray:
        dot = (self._matrices[a_id] @ self._expanded(b_id)[1]).toarray()
        scores = blend(dot, self._masses[a_id][:, None], self._masses[b_id][None, :])
        scores.setflags(write=False)
        return scores

    def _row_of_related(self, index: int) -> dict[int, float]:
        start, end = self.related.indptr[index], self.related.indptr[index + 1]
        cols, values = self.related.indices[start:end], self.related.data[start:end]
        return dict(zip(cols.tolist(), values.tolist(), strict=True))

    def overlap(
        self, a: Article, a_sentences: Sequence[int], b: Article, b_sentences: Sequence[int]
    ) -> Overlap:
        """What several sentences of `a` read together have in common with several of `b`."""
        wa = self.term_weights(a, a_sentences)
        wb = self.term_weights(b, b_sentences)
        shared = {t: w * w for t, w in wa.items() if t in wb}
        by_index = {self._vocab[t]: w for t, w in wb.items()}
        related: dict[tuple[str, str], float] = {}
        for u, wu in wa.items():
            row = self._related_row(self._vocab[u])
            for k, wv in by_index.items():
                r = row.get(k)
                if r:
                    related[u, self._index_terms[k]] = RELATED_SHARE * wu * r * wv
        mass_a = sum(w * w for w in wa.values())
        mass_b = sum(w * w for w in wb.values())
        return Overlap(shared, related, mass_a, mass_b)

    def group_score(
        self, a: Article, a_sentences: Sequence[int], b: Article, b_sentences: Sequence[int]
    ) -> float:
        """Score of several sentences of `a` read together against several of `b`."""
        return self.overlap(a, a_sentences, b, b_sentences).score

    def group_scores(
        self, a: Article, b: Article, groups: Sequence[tuple[Sequence[int], Sequence[int]]]
    ) -> list[float]:
        """`group_score` of many (sentences of a, sentences of b) groups at once.

        Fast when one side of each group is a single sentence (as in `align`'s matches):
        that sentence's expanded row (kept as a mapping) meets the other side's terms.
        """
        out = []
        for ga, gb in groups:
            if len(gb) == 1:
                single, i, many, others = b, gb[0], a, ga
            elif len(ga) == 1:
                single, i, many, others = a, ga[0], b, gb
            else:
                out.append(self.group_score(a, ga, b, gb))
                continue
            row = self._expanded_row(single.id, i)
            union = self.term_weights(many, others)
            weights = list(union.values())
            dot = sum(map(mul, weights, map(row.get, union, repeat(0.0))))
            mass = sum(map(mul, weights, weights))
            scale = math.sqrt(
                (mass + SHORT_SENTENCE_MASS) * (self._masses[single.id][i] + SHORT_SENTENCE_MASS)
            )
            out.append(min(100.0, max(0.0, 100.0 * dot / scale)))
        return out


@dataclass(frozen=True, slots=True)
class Overlap:
    """The parts of a score: shared words and related word pairs, each with its weight."""

    shared: Mapping[str, float]  # term -> w * w
    related: Mapping[tuple[str, str], float]  # (term of a, term of b) -> share * w * r * w
    mass_a: float  # sum of squared weights of each side
    mass_b: float

    @property
    def score(self) -> float:
        dot = sum(self.shared.values()) + sum(self.related.values())
        if not dot:
            return 0.0
        scale = math.sqrt((self.mass_a + SHORT_SENTENCE_MASS) * (self.mass_b + SHORT_SENTENCE_MASS))
        return min(100.0, 100.0 * dot / scale)


def pair_corpus(a: Article, b: Article) -> Corpus:
    """A corpus of just two articles, for callers with no folder loaded (cached)."""
    return _pair_corpus(*sorted((a, b), key=lambda x: x.id))


@lru_cache(maxsize=16)
def _pair_corpus(a: Article, b: Article) -> Corpus:
    return Corpus((a, b))
