"""Who reported each fact first, and when.

If these broke, the Facts tab's "First reported" column and the report's timeline would
credit the wrong outlet with a scoop: a later time written in another time zone, a
date-only article beaten by a time on the same day, one of two outlets that published at
the same moment dropped, or an undated article named as the first.
"""

from datetime import date

from corroborate.core.facts.timeline import first_counts, moment_of, precedes, timeline
from corroborate.core.model import Article, Fact, FactTable, Mention, Sentence


def article(id_: str, published: str | None) -> Article:
    sentences = tuple(Sentence(i, i * 4, i * 4 + 3, f"S{i}.", 0) for i in range(3))
    text = " ".join(s.text for s in sentences)
    return Article(id_, f"{id_}.txt", id_.upper(), id_.upper(), "txt", text, sentences, published)


def fact(id_: str, *articles: str) -> Fact:
    mentions = tuple(Mention(a, (0,)) for a in articles)
    return Fact(id_, mentions, (articles[0], 0), claim=f"claim {id_}")


def table(articles: tuple[Article, ...], *facts: Fact) -> FactTable:
    return FactTable(articles, facts, 30.0)


def test_times_are_compared_with_their_offsets():
    # 09:00 in Berlin (08:00 UTC) is earlier than 08:30 in London, though it reads later.
    articles = (
        article("berlin", "2026-01-04T09:00:00+01:00"),
        article("london", "2026-01-04T08:30:00+00:00"),
    )
    report = timeline(table(articles, fact("f", "berlin", "london"))).reports[0]
    assert report.first == ("berlin",)
    assert [a for a, _ in report.later] == ["london"]


def test_a_time_without_offset_is_read_as_utc():
    assert moment_of("2026-01-04T10:00:00").instant.utcoffset().total_seconds() == 0
    articles = (
        article("naive", "2026-01-04T10:00:00"),
        article("paris", "2026-01-04T10:30:00+01:00"),
    )
    assert timeline(table(articles, fact("f", "naive", "paris"))).reports[0].first == ("paris",)


def test_a_date_alone_is_that_whole_day():
    day = moment_of("2026-01-04")
    assert day.instant is None and day.day == date(2026, 1, 4)
    same_day = moment_of("2026-01-04T23:00:00+00:00")
    next_day = moment_of("2026-01-05T00:30:00+00:00")
    assert not precedes(day, same_day) and not precedes(same_day, day)
    assert precedes(day, next_day) and not precedes(next_day, day)
    # 22:00 on 3 Jan in New York is 03:00 on 4 Jan in UTC: the same day as a 4 Jan.
    new_york = moment_of("2026-01-03T22:00:00-05:00")
    assert new_york.day == date(2026, 1, 4)
    assert not precedes(new_york, day) and not precedes(day, new_york)
    assert new_york.key > day.key  # sorting agrees: a day alone sorts at its start


def test_ties_keep_every_outlet_of_the_earliest_time():
    articles = (
        article("a", "2026-01-04T10:00:00+00:00"),
        article("b", "2026-01-04T11:00:00+01:00"),  # the same instant
        article("c", "2026-01-04T12:00:00+00:00"),
    )
    report = timeline(table(articles, fact("f", "a", "b", "c"))).reports[0]
    assert report.first == ("a", "b")
    assert [m.iso for m in report.moments] == [
        "2026-01-04T10:00:00+00:00",
        "2026-01-04T11:00:00+01:00",
    ]


def test_a_date_alone_ties_with_the_first_time_of_its_day_but_not_later_ones():
    articles = (
        article("dayonly", "2026-01-04"),
        article("morning", "2026-01-04T07:00:00+00:00"),
        article("evening", "2026-01-04T20:00:00+00:00"),
    )
    report = timeline(table(articles, fact("f", "dayonly", "morning", "evening"))).reports[0]
    assert report.first == ("dayonly", "morning")
    assert [a for a, _ in report.later] == ["evening"]


def test_an_earlier_day_alone_beats_a_time_on_a_later_day():
    articles = (article("early", "2026-01-03"), article("timed", "2026-01-04T00:01:00+00:00"))
    assert timeline(table(articles, fact("f", "timed", "early"))).reports[0].first == ("early",)


def test_undated_articles_are_never_first_and_are_listed():
    articles = (article("dated", "2026-01-05"), article("nodate", None))
    line = timeline(table(articles, fact("both", "nodate", "dated"), fact("alone", "nodate")))
    both, alone = line.reports
    assert both.first == ("dated",) and both.undated == ("nodate",)
    assert not alone.dated and alone.first == () and alone.undated == ("nodate",)
    assert alone.earliest is None
    assert line.undated == ("nodate",)
    assert [r.fact.id for r in line.ordered] == ["both"]  # undated facts have no place


def test_facts_are_ordered_by_first_date_ties_in_table_order():
    articles = (
        article("a", "2026-01-06"),
        article("b", "2026-01-04T12:00:00+00:00"),
        article("c", "2026-01-05"),
    )
    line = timeline(
        table(
            articles, fact("f1", "a"), fact("f2", "a", "c"), fact("f3", "b", "a"), fact("f4", "c")
        )
    )
    assert [r.fact.id for r in line.ordered] == ["f3", "f2", "f4", "f1"]
    assert line.by_fact["f2"].first == ("c",)


def test_first_counts_per_outlet():
    articles = (
        article("a1", "2026-01-04"),
        article("a2", "2026-01-04"),  # the same outlet again
        article("b", "2026-01-05"),
    )
    line = timeline(
        table(articles, fact("shared", "a1", "a2", "b"), fact("mine", "b"), fact("late", "b", "a1"))
    )
    outlet = {"a1": "Outlet A", "a2": "Outlet A", "b": "Outlet B"}
    assert first_counts(line, outlet) == {"Outlet A": 2, "Outlet B": 1}  # a fact counted once
    assert first_counts(line, outlet, shared_only=True) == {"Outlet A": 2}
    assert first_counts(line) == {"a1": 2, "a2": 1, "b": 1}


def test_no_dates_no_first_reporters():
    articles = (article("a", None), article("b", "not a date"))
    line = timeline(table(articles, fact("f", "a", "b")))
    assert line.ordered == () and line.moments == {} and line.undated == ("a", "b")
    assert first_counts(line) == {}
