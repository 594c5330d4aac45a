"""Quantities and calendar expressions: what a fact-checker compares between two reports.

If these break, the discrepancy view misses a contradicting number or date, or flags
words that are not quantities at all ("one-China", "5G").
"""

from __future__ import annotations

import pytest

from corroborate.core.checks.consistency import comparable, consistent
from corroborate.core.checks.pattern_tokens import singular
from corroborate.core.checks.quantities import find_mentions
from corroborate.core.checks.weekday_dates import dated_weekdays


def only(text: str):
    mentions = find_mentions(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


def spans(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "family", "key", "value", "hedge", "span"),
    [
        ("Lee is on a four-day visit to China.", "duration", "day", 4.0, "", "four-day"),
        ("a visit, the first in six years", "duration", "year", 6.0, "", "six years"),
        ("restrictions in place for nearly a decade", "duration", "year", 10.0, "approx",
         "nearly a decade"),
        ("less than a week after the drills", "duration", "day after", 7.0, "max",
         "less than a week"),
        ("the signing of more than 10 Memorandums of Understanding (MOUs)", "number",
         "memorandum", 10.0, "min", "more than 10"),
        ("Officials said 2,000 troops took part.", "number", "troop", 2000.0, "", "2,000"),
        ("twenty-five soldiers were hurt", "number", "soldier", 25.0, "", "twenty-five"),
        ("the 150th anniversary of Kim Koo's birth", "ordinal", "anniversary", 150.0, "",
         "150th"),
        ("Trade hit a robust $328.08 billion last year.", "money", "USD", 328.08e9, "",
         "$328.08 billion"),
        ("Prices rose 5 percent.", "percent", "%", 5.0, "", "5 percent"),
        ("Prices rose about 5%.", "percent", "%", 5.0, "approx", "about 5%"),
    ],
)  # fmt: skip
def test_quantities_carry_what_they_count_and_how_exactly(text, family, key, value, hedge, span):
    m = only(text)
    assert (m.family, m.key, m.hedge) == (family, key, hedge)
    assert m.value == pytest.approx(value)
    assert text[m.start : m.end] == span


def test_since_a_year_is_a_span_of_years_from_that_year():
    text = "the first such trip since Moon Jae-in's 2019 journey to Beijing"
    m = only(text)
    assert (m.family, m.key, m.value, m.hedge) == ("duration", "year", 2019.0, "since")
    assert text[m.start : m.end] == "since Moon Jae-in's 2019"


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("during late October 2025, where", (10, None, 2025, "late"), "late October 2025"),
        ("starting Sunday, January 4, 2026.", (1, 4, 2026, ""), "January 4, 2026"),
        ("depart on Sunday (Jan. 4), marking", (1, 4, None, ""), "Jan. 4"),
        ("Lee and Xi last met in November on the sidelines", (11, None, None, ""), "November"),
        ("a pledge in mid-September", (9, None, None, "mid"), "mid-September"),
        ("elections on 9 May", (5, 9, None, ""), "9 May"),
    ],
)
def test_dates_keep_the_precision_they_were_written_with(text, value, span):
    dates = [m for m in find_mentions(text) if m.family == "calendar"]
    assert [d.value for d in dates] == [value]
    assert text[dates[0].start : dates[0].end] == span


def test_weekdays_and_plain_years_are_found():
    text = "The summit is on Monday, and trade hit a record in 2024."
    assert [(m.family, m.value) for m in find_mentions(text)] == [
        ("weekday", "monday"),
        ("year", 2024.0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Seoul respects the "one-China" principle.',  # a name, not a count
        "Seoul respects the One China policy.",
        "synergies in AI and 5G networks",  # a model name
        "Lee may visit Japan.",  # a verb, not the month
        "They will march on.",
        "It happened 3 times.",  # nothing counted
    ],
)
def test_words_that_only_look_like_quantities_are_left_alone(text):
    assert find_mentions(text) == ()


def test_several_quantities_in_one_sentence_each_get_their_own_span():
    text = "the second summit between the two leaders since November"
    assert spans(text) == ["second", "two", "November"]
    second, two, _ = find_mentions(text)
    assert (second.family, second.key) == ("ordinal", "summit")
    assert (two.family, two.key) == ("number", "leader")


def test_spans_survive_typographic_quotes_and_dashes():
    text = "Pyongyang\u2019s first test \u2014 a \u201cfour-day\u201d drill \u2014 ended."
    assert "four-day" in spans(text)


def test_singular_of_common_plurals():
    assert [singular(w) for w in ["missiles", "countries", "talks", "boxes", "news", "crisis"]] == [
        "missile",
        "country",
        "talk",
        "box",
        "new",  # callers that care keep a list of such words
        "crisis",
    ]


def pair(a: str, b: str, year: int | None = None):
    return only(a), only(b), year


@pytest.mark.parametrize(
    ("a", "b", "year", "expected"),
    [
        ("a four-day visit", "a three-day visit", None, False),
        ("a four-day visit", "a visit of four days", None, True),
        ("a one-week trip", "a seven-day trip", None, True),
        # A plain count of years against a start year: calendar years decide, 2019 to 2026
        # is seven. A hedge leaves room for the months.
        ("in six years", "since 2019", 2026, False),
        ("in seven years", "since 2019", 2026, True),
        ("in six years", "since 2019", 2025, True),
        ("in nearly six years", "since 2019", 2026, True),
        ("in more than six years", "since 2019", 2026, True),
        ("in about six years", "since 2019", 2026, True),
        ("in six years", "since 2015", 2026, False),
        ("in six years", "since 2019", None, None),
        ("more than 10 MOUs", "14 agreements", None, True),
        ("10 agreements", "14 deals", None, False),
        ("$328 billion", "$328.08 billion", None, True),
        ("$328.08 billion", "$330 billion", None, False),
        ("about 5%", "5.2 percent", None, True),
        ("in late October", "in October", None, True),
        ("in late October", "in November", None, False),
        ("on Jan. 4", "on January 4, 2026", None, True),
        ("on January 4", "on January 5", None, False),
    ],
)
def test_consistency_allows_for_precision_and_hedges(a, b, year, expected):
    x, y = only(a), only(b)
    assert comparable(x, y)
    assert consistent(x, y, year) is expected
    assert consistent(y, x, year) is expected


def test_counts_of_different_things_are_not_comparable():
    assert not comparable(only("10 agreements"), only("14 journalists"))
    assert not comparable(only("a four-day visit"), only("six years"))
    assert not comparable(only("$5 billion"), only("5 billion yuan"))


def test_written_forms_of_the_same_amount_agree():
    """ "$10-million" and "$10 million"; "two or three days" holds both ends."""
    hyphenated, spaced = only("a $10-million fine"), only("a $10 million fine")
    assert consistent(hyphenated, spaced, None) is True
    assert consistent(only("two or three days"), only("two days"), None) is True
    assert consistent(only("two or three days"), only("six days"), None) is False


def test_round_numbers_are_read_as_rounded_but_counts_stay_exact():
    assert consistent(only("in 60,000 years"), only("for 59,619 years"), None) is True
    assert consistent(only("2,000 troops"), only("2,400 troops"), None) is False


def test_a_decade_is_not_a_year():
    assert find_mentions("a takeover battle in the 1980s") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lee travels to Shanghai from Tuesday, January 7, to Wednesday, January 8.",
         [("tuesday", 1, 7, None, "Tuesday, January 7"),
          ("wednesday", 1, 8, None, "Wednesday, January 8")]),
        ("Lee departs on Sunday (Jan. 4), marking", [("sunday", 1, 4, None, "Sunday (Jan. 4)")]),
        ("starting Sunday, January 4, 2026.", [("sunday", 1, 4, 2026, "Sunday, January 4, 2026")]),
        ("the vote on Thursday 9 May", [("thursday", 5, 9, None, "Thursday 9 May")]),
        # Not a weekday with its date: a list, a month without a day, a part of a month.
        ("talks on Tuesday and a gala on January 7", []),
        ("on Tuesday, in January", []),
        ("from Monday, late January", []),
    ],
)  # fmt: skip
def test_a_weekday_written_with_its_date_is_read_as_one_day(text, expected):
    found = dated_weekdays(text, find_mentions(text))
    assert [(d.weekday, d.month, d.day, d.year, text[d.start : d.end]) for d in found] == expected


def test_the_calendar_gives_the_weekday_of_a_date_in_its_own_year_or_the_storys():
    tuesday_7th, dated_2025 = (
        dated_weekdays(t, find_mentions(t))[0]
        for t in ("on Tuesday, January 7", "on Tuesday, January 7, 2025")
    )
    assert tuesday_7th.actual_weekday(2026) == "wednesday"
    assert tuesday_7th.actual_weekday(None) is None  # no year, no calendar
    assert dated_2025.actual_weekday(2026) == "tuesday"  # its own year wins
    assert tuesday_7th.date_words(2026) == "7 January 2026"
