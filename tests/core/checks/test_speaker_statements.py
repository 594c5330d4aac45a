"""A speaker difference is raised only when two reports credit one statement to two people.

If this breaks, a reader is told two outlets dispute who said something when they simply
quote two people saying two different things, or misses the same words put in the mouth
of another person.
"""

from __future__ import annotations

import pytest

from corroborate.core.checks.attribution import same_statement
from corroborate.core.checks.speakers import find_speakers
from tests.core.checks.test_discrepancy import compare, flags


def test_the_same_statement_credited_to_two_people_is_flagged_and_explained():
    (d,) = compare("Lee said Seoul respects the one-China policy on Taiwan.",
                   "Wi Sung-lac said Seoul respects the one-China policy on Taiwan.")  # fmt: skip
    assert (d.kind, d.a.value, d.b.value) == ("speaker", "Lee", "Wi Sung-lac")
    assert d.explanation == (
        "Speaker differs: the same statement is credited to Lee (Alpha) and to Wi Sung-lac (Beta)"
    )


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # Two officials, two statements about the visit: two facts, not a dispute.
        ("Lee said Seoul will expand trade with Beijing this year.",
         "Wi said the drills around Taiwan worried Seoul this year."),
        ('"China views South Korea as the weakest link," said Kang, a senior adviser.',
         'South Korea is "still showing all its deference towards China," as Park observed.'),
        # A partial quote inside a longer report of what was said.
        ('Lee told reporters the talks were "constructive and frank" on trade.',
         'Wi told reporters the talks had "stalled over chip export rules" on trade.'),
    ],
)  # fmt: skip
def test_different_statements_by_different_people_are_not_flagged(text_a, text_b):
    assert [f for f in flags(text_a, text_b) if f[0] == "speaker"] == []


def test_a_professor_named_with_the_title_is_an_outside_expert():
    (park,) = find_speakers('South Korea is "deferring to China," as Professor Park observed.')
    assert park.name == "Park" and park.commentator


def test_the_statement_is_the_quote_or_the_clause_after_the_verb_without_the_names():
    text_a = 'Lee stressed that Seoul "clearly affirms" respect for the one-China principle.'
    text_b = 'Adviser Wi reaffirmed that Seoul "respects the one-China policy".'
    (lee,), (wi,) = find_speakers(text_a), find_speakers(text_b)
    assert same_statement(text_a, lee, text_b, wi)
    text_c = "Wi said the summit in Beijing would also cover supply chains and batteries."
    (wi_c,) = find_speakers(text_c)
    assert not same_statement(text_a, lee, text_c, wi_c)
