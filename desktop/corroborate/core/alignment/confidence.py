"""How far a fact-checker can trust an aligned pair, from its score.

Two levels, read off measured precision (the share of pairs that really report the same
thing) as a function of the match score (`Match.score`, 0-100):

- "solid": the score reaches `SOLID_SCORE`. Chosen as the lowest multiple of five from
  which precision is at least 0.9 both on the odd topics of ECB+ and on the seed gold,
  whose test is stricter: same labelled fact, not only same event. Re-measured with one
  row per claim and the agreement factors (see `align`): 0.978 (181 judged sentence
  pairs) and 0.931 (29 pairs).
- "possible": from the alignment threshold (`align.DEFAULT_THRESHOLD`) up to
  `SOLID_SCORE`. On the same data, precision 0.872 on ECB+ odd topics (1,225 pairs)
  and 0.698 on the seed gold (202 pairs): often right, to be read before it is used.

Figures on ECB+ even topics, which were not used to choose, are in docs/QUALITY.md
("Confidence of a pair"); `python -m tests.quality.ecb_alignment` and
`python -m tests.quality.align_quality` print them.
"""

from __future__ import annotations

from typing import Literal

from ..model import Match

Confidence = Literal["solid", "possible"]

SOLID_SCORE = 55.0
SOLID: Confidence = "solid"
POSSIBLE: Confidence = "possible"
LEVELS: tuple[Confidence, ...] = (SOLID, POSSIBLE)


def confidence(score: float | Match) -> Confidence:
    """The level of a pair: "solid" from `SOLID_SCORE` (of the score or match), else "possible".

    Only meaningful for pairs `align` kept, which all reach its threshold.
    """
    value = score.score if isinstance(score, Match) else float(score)
    return SOLID if value >= SOLID_SCORE else POSSIBLE
