"""Opposite claims about the same thing: "rose" against "fell", "will attend" against
"will not attend".

If these break, a reader misses two outlets that report the opposite of each other, or is
shown an "opposite" between sentences that are about different things.
"""

from __future__ import annotations

import pytest

from tests.core.checks.test_discrepancy import compare, flags


@pytest.mark.parametrize(
    ("text_a", "text_b", "expected"),
    [
        ("Shares of Samsung rose 2 percent in Seoul on Tuesday.",
         "Shares of Samsung fell 2 percent in Seoul on Tuesday.", ("rose", "fell")),
        ("Exports to China increased sharply in the third quarter.",
         "Exports to China decreased sharply in the third quarter.", ("increased", "decreased")),
        ("The visit will strengthen security ties between Seoul and Beijing.",
         "The visit will weaken security ties between Seoul and Beijing.",
         ("strengthen", "weaken")),
        ("The council approved the housing budget on Monday.",
         "The council vetoed the housing budget on Monday.", ("approved", "vetoed")),
        ("Smith won the runoff for the Ohio Senate seat.",
         "Smith lost the runoff for the Ohio Senate seat.", ("won", "lost")),
        ("The union accepted the pay offer from the rail operator.",
         "The union rejected the pay offer from the rail operator.", ("accepted", "rejected")),
        ("Most lawmakers support the new export controls on chips.",
         "Most lawmakers oppose the new export controls on chips.", ("support", "oppose")),
        ("Turnout in the regional election was higher than in 2020.",
         "Turnout in the regional election was lower than in 2020.", ("higher", "lower")),
        ("Seoul plans to expand cultural exchanges with Beijing this year.",
         "Seoul plans to reduce cultural exchanges with Beijing this year.",
         ("expand", "reduce")),
    ],
)  # fmt: skip
def test_an_antonym_on_the_same_predicate_is_an_opposite_claim(text_a, text_b, expected):
    assert flags(text_a, text_b) == [("opposition", *expected)]


def test_the_opposite_claim_explains_itself_with_both_sources():
    (d,) = compare("Shares of Samsung rose in Seoul on Tuesday.",
                   "Shares of Samsung fell in Seoul on Tuesday.")  # fmt: skip
    assert d.explanation == (
        'Opposite claims: Alpha says "rose" where Beta says "fell" in otherwise matching sentences'
    )


@pytest.mark.parametrize(
    ("text_a", "text_b", "expected"),
    [
        ("Xi will attend the regional summit in Gyeongju next month.",
         "Xi will not attend the regional summit in Gyeongju next month.",
         ("will attend", "will not attend")),
        ("Xi won't attend the regional summit in Gyeongju next month.",
         "Xi will attend the regional summit in Gyeongju next month.",
         ("won't attend", "will attend")),
        ("The ministry has confirmed the report about the drills.",
         "The ministry has not confirmed the report about the drills.",
         ("confirmed", "not confirmed")),
        # Plain past against "did not": the negation rule that was there already.
        ("The ministry confirmed the report about the drills.",
         "The ministry did not confirm the report about the drills.",
         ("confirmed", "did not confirm")),
    ],
)  # fmt: skip
def test_a_negation_of_the_same_predicate_is_flagged_once(text_a, text_b, expected):
    assert flags(text_a, text_b) == [("negation", *expected)]


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # Different things that happen to rise and fall.
        ("Oil prices rose in Asian trading.", "Unemployment fell in France last month."),
        ("Chinese stocks close higher Thursday", "Australian shares open lower"),
        # A side that reports both directions is not a plain claim of one.
        ("Exports rose while imports fell in March.", "Exports fell while imports rose in March."),
        # A forecast against a result, and a negated antonym that agrees.
        ("Profit at the carmaker is expected to rise this year.",
         "Profit at the carmaker fell this year."),
        ("Shares of Samsung did not rise in Seoul on Tuesday.",
         "Shares of Samsung fell in Seoul on Tuesday."),
        # The same direction in other words.
        ("Shares of Samsung rose 2 percent in Seoul.",
         "Shares of Samsung gained 2 percent in Seoul."),
        # Different modals: a wish and a refusal are not the same predicate.
        ("Xi could attend the summit in Gyeongju.", "Xi will not attend the summit in Gyeongju."),
    ],
)  # fmt: skip
def test_different_things_both_directions_and_forecasts_are_not_opposites(text_a, text_b):
    assert flags(text_a, text_b) == []
