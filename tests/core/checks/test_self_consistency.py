"""One article against itself: a stated length of a trip against the days it gives for it.

If this breaks, a reader quotes "a three-day visit" from an article whose own programme
runs to a fifth day, or is told an article contradicts itself when it does not.
"""

from __future__ import annotations

import pytest

from corroborate.core.checks.self_consistency import find_inconsistencies
from tests.core.checks.test_discrepancy import article

_STATE_VISIT = (
    "Lee prepares to launch a three-day state visit to China starting Sunday, January 4, 2026. "
    "Core summit discussions are slated for Monday, January 5, in Beijing. "
    "Following the summit, Lee travels to Shanghai from Tuesday, January 7, to Wednesday, "
    "January 8."
)


def test_a_length_shorter_than_the_articles_own_dates_is_a_self_contradiction():
    a = article(_STATE_VISIT, "State Visit")
    (d,) = find_inconsistencies(a)
    assert d.kind == "self-contradiction"
    assert (d.a.value, d.b.value) == ("three-day", "January 8")
    assert d.a.article == d.b.article == a.id
    assert (d.a.sentence, d.b.sentence) == (0, 2)
    for side in (d.a, d.b):
        assert a.text[side.start : side.end] == side.value
    assert d.explanation == (
        "Self-contradiction: State Visit calls it a three-day visit from Sunday, January 4,"
        " but also dates the Shanghai leg January 8"
    )


def test_weekdays_count_from_the_day_the_trip_starts():
    a = article("Lee arrived in Beijing on Sunday for a two-day visit. "
                "Talks with Li Qiang follow on Monday. "
                "His trip ends with a stop in Shanghai on Thursday.", "Alpha")  # fmt: skip
    (d,) = find_inconsistencies(a)
    assert (d.a.value, d.b.value) == ("two-day", "Thursday")
    assert "from Sunday, but also dates the Shanghai leg Thursday" in d.explanation


def test_a_week_long_trip_is_seven_days():
    text = ("Lee begins a week-long tour of Asia on Monday, March 2. "
            "The tour ends in Tokyo on March 8. ")  # fmt: skip
    assert find_inconsistencies(article(text, "Alpha")) == ()
    (d,) = find_inconsistencies(article(text + "His trip reaches Hanoi on March 12.", "Alpha"))
    assert (d.a.value, d.b.value) == ("week-long", "March 12")


@pytest.mark.parametrize(
    "text",
    [
        # The dates fit: a three-day visit from Sunday to Tuesday.
        "Lee begins a three-day visit on Sunday, January 4. Talks follow on Tuesday, January 6.",
        # A day's grace: the day of the flight home is counted by some and not by others.
        "Lee begins a three-day visit on Sunday, January 4. He returns on Wednesday, January 7.",
        # Days before the trip are history, and a date weeks later is another occasion.
        "Lee begins a three-day visit on Sunday, January 4. They last met at a summit on "
        "November 1. The next summit is set for March 3.",
        # The day something was said is not a day of the trip.
        "Lee begins a four-day trip on Sunday (Jan. 4). In an interview on Friday, Lee said "
        "the trip matters.",
        # A sentence that is not about the trip lends it no days.
        "Lee begins a two-day visit on Sunday, January 4. Parliament votes on the budget on "
        "January 9.",
        # A length with no start date cannot be counted.
        "Lee is on a three-day visit. He travels to Shanghai on January 8.",
    ],
)
def test_an_article_whose_dates_fit_or_do_not_belong_to_the_trip_is_consistent(text):
    assert find_inconsistencies(article(text, "Alpha")) == ()
