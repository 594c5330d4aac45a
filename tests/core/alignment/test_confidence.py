"""Two confidence levels for an aligned pair, from its score.

Broken, a fact-checker would be told a weak pair is solid (or the reverse), and the
levels shown would not match the precision measured for them in docs/QUALITY.md.
"""

import pytest

from corroborate.core.alignment.align import DEFAULT_THRESHOLD
from corroborate.core.alignment.confidence import LEVELS, SOLID_SCORE, confidence
from corroborate.core.model import Match


def test_solid_from_the_solid_score_possible_below():
    assert confidence(SOLID_SCORE) == "solid"
    assert confidence(100.0) == "solid"
    assert confidence(SOLID_SCORE - 0.01) == "possible"
    assert confidence(DEFAULT_THRESHOLD) == "possible"


def test_a_match_is_judged_by_its_score():
    assert confidence(Match((0,), (1,), SOLID_SCORE + 1)) == "solid"
    assert confidence(Match((0, 1), (2,), DEFAULT_THRESHOLD)) == "possible"


def test_the_levels_lie_above_the_default_threshold():
    assert DEFAULT_THRESHOLD < SOLID_SCORE <= 100.0
    assert LEVELS == ("solid", "possible")


@pytest.mark.parametrize("score", [0.0, 21.99, 54.99])
def test_every_score_below_the_solid_score_is_possible(score):
    assert confidence(score) == "possible"
