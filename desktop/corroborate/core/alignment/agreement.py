"""Whether two sentences that share words state the same claim: numbers, experts, quotes.

Sentences of one story share names and topic words, so the word score alone pairs two
experts' comments on the same question, and gives no extra credit to two sentences that
give the same figures. Three signs, each a factor on a pair's score (`agreement_matrix`):

- the same numbers: both give numbers and one side's numbers hold the other's ("Sunday,
  January 4" and "Sunday, January 4, 2026"; number words count as digits). On the seed
  gold, 31 of 33 such candidate pairs are the same fact, against 38 % of all candidates.
- different outside experts: both sentences credit only commentators ("Kang, a
  professor at ...", "Professor Park", see `checks.speakers`) and no name is shared.
  Outlets quote different experts as a matter of course; each states their own view.
  Officials are not penalised: "Lee stressed" against "adviser Wi reaffirmed" may be one
  statement credited to two people, a discrepancy to show, not hide.
- the same quotation: both quote someone, in words that overlap
  (`pair_evidence.quotations_disagreement`).

Penalising pairs whose numbers differ, and quotations that differ, was measured too: it
lowered F1 on the seed gold (outlets disagreeing on a number still report one fact, and
the discrepancy check is there to show it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..checks.speakers import Speaker, find_speakers, same_person
from ..model import Article
from ..text.words import Token, word_tokens
from .pair_evidence import numbers, quotation, quotations_disagreement

# Chosen on the seed gold and the odd topics of ECB+ (see docs/QUALITY.md): the share
# of the score a pair gains when its numbers agree, the share it loses when its experts
# differ, and the share it gains with identical quotations (less as they differ).
NUMBER_BONUS = 0.3
EXPERT_PENALTY = 0.7
QUOTE_BONUS = 0.2


@dataclass(frozen=True, slots=True)
class Claims:
    """What each sentence of an article states beyond its words, for `agreement_matrix`."""

    numbers: tuple[frozenset[str], ...]
    experts: tuple[tuple[Speaker, ...], ...]  # empty unless every speaker is a commentator
    quotations: tuple[str, ...]


def claims_of(article: Article, tokens: Sequence[Sequence[Token]] | None = None) -> Claims:
    """The claims of each sentence; `tokens` are its sentences' word tokens, when known."""
    texts = [s.text for s in article.sentences]
    if tokens is None:
        tokens = [word_tokens(t) for t in texts]
    speakers = [find_speakers(t) for t in texts]
    return Claims(
        tuple(frozenset(numbers(t)) for t in tokens),
        tuple(s if s and all(x.commentator for x in s) else () for s in speakers),
        tuple(quotation(t) for t in texts),
    )


def agreement_matrix(a: Claims, b: Claims) -> np.ndarray:
    """Factor for each pair of sentences (rows of a, columns of b): 1 when there is
    nothing to compare, above 1 when numbers or quotations agree, below when the two
    sentences quote different outside experts."""
    factor = np.ones((len(a.numbers), len(b.numbers)))
    numbers_b = [(j, n) for j, n in enumerate(b.numbers) if n]
    for i, na in enumerate(a.numbers):
        if na:
            for j, nb in numbers_b:
                if na <= nb or nb <= na:
                    factor[i, j] *= 1.0 + NUMBER_BONUS
    experts_b = [(j, s) for j, s in enumerate(b.experts) if s]
    for i, sa in enumerate(a.experts):
        if sa:
            for j, sb in experts_b:
                if not any(same_person(x, y) for x in sa for y in sb):
                    factor[i, j] *= 1.0 - EXPERT_PENALTY
    quoted_b = [(j, q) for j, q in enumerate(b.quotations) if q]
    for i, qa in enumerate(a.quotations):
        if qa:
            for j, qb in quoted_b:
                factor[i, j] *= 1.0 + QUOTE_BONUS * (1.0 - quotations_disagreement(qa, qb))
    return factor
