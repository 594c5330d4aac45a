"""Typed discrepancies between two aligned sentences: what makes the aligner a fact-checker.

If these break, a reader comparing sources either misses a contradiction (a four-day
against a three-day visit) or is pestered by false alarms on honest paraphrases.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.core.checks.discrepancy import find_discrepancies
from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article
from tests.conftest import SEEDS


def article(text: str, source: str) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Article(digest, f"{source}.txt", source, source, "txt", text, split_sentences(text))


def compare(text_a: str, text_b: str, context_a: str = "", context_b: str = ""):
    """Discrepancies between the last sentence of each text (earlier ones set the scene)."""
    a = article(context_a + text_a, "Alpha")
    b = article(context_b + text_b, "Beta")
    return find_discrepancies(a, (len(a.sentences) - 1,), b, (len(b.sentences) - 1,))


def flags(text_a: str, text_b: str, **kw) -> list[tuple[str, str, str]]:
    return [(d.kind, d.a.value, d.b.value) for d in compare(text_a, text_b, **kw)]


# --- each kind: it fires on a contradiction ---------------------------------------------


@pytest.mark.parametrize(
    ("text_a", "text_b", "expected"),
    [
        ("Lee is on a four-day visit to China.", "Lee begins a three-day visit to China.",
         ("duration", "four-day", "three-day")),
        ("The two sides signed 10 agreements on trade.",
         "The two sides signed 14 agreements on trade.", ("number", "10", "14")),
        ("The two sides signed 10 MOUs on trade.", "The two sides signed 14 deals on trade.",
         ("number", "10", "14")),
        ("Lee and Xi last met in November at a regional summit.",
         "Lee and Xi met in late October at a regional summit.",
         ("date", "November", "late October")),
        ("Lee arrived in Beijing on Sunday for talks.",
         "Lee arrived in Beijing on Monday for talks.", ("weekday", "Sunday", "Monday")),
        ("Bilateral trade hit $328.08 billion in 2024.",
         "Bilateral trade hit $310 billion in 2024.", ("money", "$328.08 billion", "$310 billion")),
        ("Exports to China fell 5 percent last year.", "Exports to China fell 8% last year.",
         ("percent", "5 percent", "8%")),
        ("North Korea fired a ballistic missile into the sea.",
         "North Korea launched ballistic missiles into the sea.",
         ("plural", "a ballistic missile", "ballistic missiles")),
        ('Lee said Seoul "respects the one-China policy".',
         'His adviser Wi Sung-lac said Seoul "respects the one-China policy".',
         ("speaker", "Lee", "Wi Sung-lac")),
        ("Seoul did not join the international criticism of the drills.",
         "Seoul joined the international criticism of the drills.",
         ("negation", "did not join", "joined")),
    ],
)  # fmt: skip
def test_each_kind_fires_on_a_contradiction(text_a, text_b, expected):
    assert flags(text_a, text_b) == [expected]


def test_the_explanation_names_the_kind_both_values_and_both_sources():
    (d,) = compare("Lee is on a four-day visit.", "Lee is on a three-day visit.")
    assert d.explanation == "Duration differs: four-day (Alpha) vs three-day (Beta)"


def test_since_a_year_counts_from_the_year_the_story_is_dated():
    scene = "The visit starts on January 4, 2026. "
    assert flags("It is the first visit in six years.", "It is the first visit since 2020.",
                 context_b=scene) == []  # fmt: skip
    assert flags("It is the first visit in six years.", "It is the first visit since 2015.",
                 context_b=scene) == [("duration", "six years", "since 2015")]  # fmt: skip
    # Without a dated sentence there is no year to count from: nothing is claimed.
    assert flags("It is the first visit in six years.", "It is the first visit since 2015.") == []


def test_a_plain_count_of_years_against_a_start_year_counts_calendar_years():
    """ "six years" against "since 2019" in a story of 2026: the reader is shown the
    arithmetic, seven calendar years, and can judge it."""
    scene = "The visit starts on January 4, 2026. "
    (d,) = compare("It is the first visit in six years.", "It is the first visit since 2019.",
                   context_b=scene)  # fmt: skip
    assert (d.kind, d.a.value, d.b.value) == ("duration", "six years", "since 2019")
    assert d.explanation == (
        "Time span differs: six years (Alpha) vs since 2019 (Beta)"
        " — 2019 to 2026 is seven calendar years"
    )


@pytest.mark.parametrize(
    "span",
    ["nearly six years", "more than six years", "about six years", "seven years"],
)
def test_a_hedged_or_matching_count_of_years_agrees_with_a_start_year(span):
    scene = "The visit starts on January 4, 2026. "
    assert flags(f"It is the first visit in {span}.", "It is the first visit since 2019.",
                 context_b=scene) == []  # fmt: skip


_DATED_2026 = "The visit starts on Sunday, January 4, 2026. "


def test_a_weekday_its_own_date_contradicts_is_flagged_when_the_other_side_names_that_day():
    """One outlet puts the Shanghai leg on "Tuesday, January 7" (a Wednesday in 2026),
    another has Lee in Beijing on Tuesday: the reader learns one of them has the day wrong."""
    (d,) = compare("Lee holds trade talks with Li Qiang in Beijing on Tuesday.",
                   "Lee travels from Beijing to Shanghai on Tuesday, January 7.",
                   context_b=_DATED_2026)  # fmt: skip
    assert (d.kind, d.a.value, d.b.value) == ("date", "Tuesday", "Tuesday, January 7")
    assert d.explanation == (
        "Date and weekday disagree: Tuesday, January 7 (Beta) — 7 January 2026 is a Wednesday;"
        " Tuesday (Alpha)"
    )
    # The other side naming the date instead of the weekday touches the same day too.
    assert flags("Lee travels from Beijing to Shanghai on January 7.",
                 "Lee travels from Beijing to Shanghai on Tuesday, January 7.",
                 context_b=_DATED_2026) == [
        ("date", "January 7", "Tuesday, January 7")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # The other side does not touch that day: nothing to disagree with.
        ("Lee travels from Beijing to Shanghai after the summit.",
         "Lee travels from Beijing to Shanghai on Tuesday, January 7."),
        # The weekday is right for the date.
        ("Lee holds trade talks in Beijing on Wednesday.",
         "Lee travels from Beijing to Shanghai on Wednesday, January 7."),
        # A year written with the date is its own calendar: 7 January 2025 was a Tuesday.
        ("Lee holds trade talks in Beijing on Tuesday.",
         "Lee travels from Beijing to Shanghai on Tuesday, January 7, 2025."),
        # Both sides state the same day alike: no disagreement between them.
        ("Lee travels from Beijing to Shanghai on Tuesday, January 7.",
         "Lee travels from Beijing to Shanghai on Tuesday, January 7."),
    ],
)  # fmt: skip
def test_a_weekday_and_date_that_no_other_side_contradicts_are_not_flagged(text_a, text_b):
    assert flags(text_a, text_b, context_a=_DATED_2026, context_b=_DATED_2026) == []


def test_without_a_year_the_weekday_of_a_date_is_not_guessed():
    assert flags("Lee holds trade talks in Beijing on Tuesday.",
                 "Lee travels from Beijing to Shanghai on Tuesday, January 7.") == []  # fmt: skip


def test_a_time_after_an_event_is_compared_only_with_another_such_time():
    assert flags(
        "Talks began a week after the drills.", "Talks lasted three days after the drills."
    ) == [("duration", "a week", "three days")]
    assert flags("Talks began a week after the drills.", "Talks lasted three days.") == []


# --- and stays quiet on paraphrase, omission and different things ------------------------


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # Paraphrases in other words.
        ("Lee is on a four-day visit to China.", "Lee began a visit of four days in China."),
        ("Restrictions have been in place for almost a decade.",
         "Curbs have limited K-pop for nearly a decade."),
        ("Lee departs on Sunday (Jan. 4).", "Lee departs on Sunday, January 4, 2026."),
        ("The exports curbs have lasted for about ten years.",
         "The exports curbs have lasted for a decade."),
        ("Experts foresee more than 10 MOUs.", "Experts foresee 14 agreements."),
        ("Bilateral trade hit $328 billion in 2024.",
         "Bilateral trade hit $328.08 billion in 2024."),
        # Omission is not contradiction.
        ("Lee is on a four-day visit to China.", "Lee is visiting China."),
        ("Lee arrived in Beijing on Sunday.", "Lee arrived in Beijing."),
        ('"We respect the policy," Lee said.', "Seoul respects the policy."),
        # Numbers that count different things.
        ("The two sides signed 10 agreements.", "The two sides sent 14 journalists."),
        ("A four-day visit follows six years of tension.",
         "A four-day visit follows three days of drills."),
        # An itinerary: which day goes with which event is guesswork.
        ("A summit on Monday and trade talks on Tuesday precede a trip to Shanghai.",
         "The trip takes in Shanghai from Tuesday to Wednesday after the summit."),
        # Grammatical number that does not count anything.
        ("North Korea conducted a ballistic missile test at sea.",
         "North Korea launched ballistic missiles at sea."),
        ("Seoul wants to relax an unofficial restriction on pop culture.",
         "Seoul wants China to ease its unofficial restrictions on pop culture."),
        ("Samsung, a leader in memory chips, joins the delegation.",
         "Business leaders in memory chips join the delegation."),
        ("Lee avoided comment on a conflict over Taiwan.",
         "Lee avoided comment on any Taiwan-related conflicts."),
        # The same speaker named in full and in short, or as a pronoun.
        ('"Taking sides only worsens tensions," Lee told reporters.',
         'Lee has avoided disputes, and he said "taking sides only worsens tensions".'),
        ("The summit is on Monday, according to Wi Sung-lac.", "The summit is on Monday, said Wi."),
        # Different experts quoted by different outlets: normal, not a contradiction.
        ("Kang Jun-young, a professor at Hankuk University, told AFP Beijing wants Seoul closer.",
         "Park Seung-chan, a professor at Yongin University, said Beijing wants Seoul closer."),
        # Both sides negate, in different words.
        ("Seoul declined to condemn the drills.",
         "Seoul chose not to publicly condemn the drills."),
        ("Seoul notably did not join the criticism.",
         "Seoul has refrained from joining the criticism."),
        # A negated noun is not a negated statement, nor is a wish a plain statement.
        ("Lee hopes for trade while avoiding escalation over Taiwan.",
         "Lee hopes for trade amid escalation over Taiwan."),
        ("Last year he could not march with the actors.",
         "Last year he wanted to march with the actors."),
        # The day a statement was made is not the day of what it reports.
        ("The militants ambushed the convoy Saturday near the town.",
         "The militants ambushed the convoy near the town, a spokesman said Sunday."),
        # One name spelt two ways, a body and its initials, a body and its spokesperson.
        ('"We had nothing to do with it," spokesman Sean Sundwell said.',
         '"We had absolutely nothing to do with it," Sundwall said.'),
        ("The SEC said its staff was preparing rules against trading abuses.",
         "The Securities and Exchange Commission said its staff was preparing rules."),
        ("Police say the firm imported qat into Britain.",
         "Mr McKinlay said that the firm imported qat into Britain."),
        # Fractions, ranges, decades and round numbers.
        ("Holders get 0.9 of a share of EMC stock.", "Holders get 0.9 shares of EMC stock."),
        ("A year or two later, 259 youths had started to smoke.",
         "Within two years, 259 youths had started to smoke."),
        ("He bribed judges over the sale of the company in 1985.",
         "He bribed judges over a takeover battle for the company in the 1980s."),
        ("Mars is as near to Earth as it has been in 60,000 years.",
         "Mars is the closest to Earth it has been for 59,619 years."),
        # "According to" names a source; it is not an accord about the same thing.
        ("According to the report, the talks lasted 3 hours.",
         "The agreement took 5 hours to draft."),
    ],
)  # fmt: skip
def test_paraphrase_omission_and_different_things_do_not_fire(text_a, text_b):
    assert flags(text_a, text_b) == []


def test_a_merged_neighbour_sentence_is_not_read_against_the_wrong_event():
    a = article(
        "His agenda includes a summit with Xi on Monday and talks with Li Qiang on Tuesday. "
        "Lee and Xi last met in November at a regional summit.",
        "Alpha",
    )
    b = article("Core summit discussions between Lee and Xi are slated for Monday, January 5.",
                "Beta")  # fmt: skip
    assert find_discrepancies(a, (0, 1), b, (0,)) == ()


# --- properties -------------------------------------------------------------------------

_FRAGMENTS = [
    "Lee is on a four-day visit to China.",
    "Lee is on a three-day visit to China.",
    "North Korea fired a ballistic missile into the sea.",
    "North Korea fired ballistic missiles into the sea.",
    "Lee and Xi met in November at a summit in Gyeongju.",
    "Lee and Xi met in late October 2025 at a summit in Gyeongju.",
    "\u201cSeoul respects the policy,\u201d Lee said on Friday.",
    "Adviser Wi Sung-lac said on Friday that Seoul respects the policy.",
    "Seoul did not join the criticism of the drills.",
    "Seoul joined the criticism of the drills.",
    "The talks are on Sunday, and 10 agreements worth $5 billion are due.",
    "The talks are on Monday, and 14 agreements worth $7 billion are due.",
    "Lee flies to Shanghai on Tuesday, January 7, 2026, for the first visit in six years.",
    "Lee flies to Shanghai on Tuesday, the first visit since 2019.",
    "Seoul's exports of chips to China rose in the third quarter.",
    "Seoul's exports of chips to China fell in the third quarter.",
    "Xi will attend the regional summit in Gyeongju.",
    "Xi will not attend the regional summit in Gyeongju.",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=3),
    st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=3),
    st.sampled_from(["", "\u00a0Intro line.\n\n", "Edited by: X\n"]),
)
def test_offsets_point_at_the_value_and_swapping_sides_mirrors_findings(parts_a, parts_b, lead):
    """Highlights land on the flagged words, and the same pair compared either way round
    shows the same flags."""
    a = article(lead + " ".join(parts_a), "Alpha")
    b = article(" ".join(parts_b), "Beta")
    ia, ib = tuple(range(len(a.sentences))), tuple(range(len(b.sentences)))
    found = find_discrepancies(a, ia, b, ib)
    for d in found:
        for side, art in ((d.a, a), (d.b, b)):
            assert side.article == art.id
            assert art.text[side.start : side.end] == side.value
            sentence = art.sentences[side.sentence]
            assert sentence.start <= side.start < side.end <= sentence.end
    mirrored = find_discrepancies(b, ib, a, ia)
    as_pairs = sorted(repr((d.kind, d.a, d.b)) for d in found)
    assert as_pairs == sorted(repr((d.kind, d.b, d.a)) for d in mirrored)
    assert found == find_discrepancies(a, ia, b, ib)  # deterministic


# --- the seed articles ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    result = load_paths(sorted(SEEDS.glob("*.txt")))
    return {Path(a.path).stem: a for a in result.articles}


def _sentence(art: Article, quote: str) -> int:
    hits = [s.index for s in art.sentences if quote in s.text]
    assert hits, f"no sentence of {art.path} contains {quote!r}"
    return hits[-1]  # a teaser line repeats the lead; the body sentence comes last


def _seed_flags(seeds, name_a, quote_a, name_b, quote_b):
    a, b = seeds[name_a], seeds[name_b]
    found = find_discrepancies(a, (_sentence(a, quote_a),), b, (_sentence(b, quote_b),))
    return [(d.kind, d.a.value, d.b.value) for d in found]


CRBC, ECON, RESET, SSB, STATE = (
    "crbc-news",
    "economic-ties-regional-tensions",
    "reset-strained-relations",
    "ssbcrackexams",
    "state-visit-economic-security-talks",
)

# Real discrepancies between the seed articles, checked by reading them.
SEED_DISCREPANCIES = [
    (CRBC, "is on a four-day visit", STATE, "three-day state visit",
     ("duration", "four-day", "three-day")),
    (ECON, "The four-day trip", STATE, "three-day state visit",
     ("duration", "four-day", "three-day")),
    (SSB, "embarked on a significant four-day", STATE, "three-day state visit",
     ("duration", "four-day", "three-day")),
    (CRBC, "fired a ballistic missile", ECON, "launched ballistic missiles",
     ("plural", "a ballistic missile", "ballistic missiles")),
    (CRBC, "fired a ballistic missile", RESET, "launch of ballistic missiles",
     ("plural", "a ballistic missile", "ballistic missiles")),
    (ECON, "Lee stressed that Seoul", RESET, "Wi Sung-lac, reaffirmed",
     ("speaker", "Lee", "Wi Sung-lac")),
    (ECON, "Lee stressed that Seoul", STATE, "via Adviser Wi", ("speaker", "Lee", "Wi")),
    (CRBC, "he reiterated the importance", RESET, "Wi Sung-lac, reaffirmed",
     ("speaker", "Lee", "Wi Sung-lac")),
    (ECON, "last November on the sidelines", STATE, "late October 2025",
     ("date", "November", "late October 2025")),
    (CRBC, "last met in November", STATE, "late October 2025",
     ("date", "November", "late October 2025")),
    (RESET, "second summit between", STATE, "late October 2025",
     ("date", "November", "late October 2025")),
    # "in six years" against "since 2019" in 2026: seven calendar years.
    (CRBC, "to Beijing in six years", STATE, "since Moon Jae-in",
     ("duration", "six years", "since Moon Jae-in's 2019")),
    (ECON, "first visit to China in six years", STATE, "since Moon Jae-in",
     ("duration", "six years", "since Moon Jae-in's 2019")),
    (SSB, "first time in six years", STATE, "since Moon Jae-in",
     ("duration", "six years", "since Moon Jae-in's 2019")),
    # 7 January 2026 is a Wednesday; the others hold the Li Qiang talks in Beijing on Tuesday.
    (CRBC, "His packed agenda", STATE, "travels to Shanghai from Tuesday",
     ("date", "Tuesday", "Tuesday, January 7")),
    (ECON, "Premier Li Qiang on Tuesday", STATE, "travels to Shanghai from Tuesday",
     ("date", "Tuesday", "Tuesday, January 7")),
    (SSB, "Premier Li Qiang on Tuesday", STATE, "travels to Shanghai from Tuesday",
     ("date", "Tuesday", "Tuesday, January 7")),
]  # fmt: skip


@pytest.mark.parametrize(("name_a", "quote_a", "name_b", "quote_b", "expected"),
                         SEED_DISCREPANCIES)  # fmt: skip
def test_real_seed_discrepancies_are_flagged(seeds, name_a, quote_a, name_b, quote_b, expected):
    """Each contradiction between the seed outlets is shown when the sentences are paired."""
    assert _seed_flags(seeds, name_a, quote_a, name_b, quote_b) == [expected]


@pytest.mark.parametrize(
    ("name_a", "quote_a", "name_b", "quote_b"),
    [
        (ECON, "first visit to China in six years", SSB, "first time in six years"),
        (ECON, "Sunday (Jan. 4)", STATE, "Sunday, January 4, 2026"),
        (CRBC, "Seoul declined to condemn", SSB, "chosen not to publicly condemn"),
        (CRBC, "Seoul notably did not join", ECON, "widespread international condemnation"),
        (SSB, "ballistic missile test", ECON, "launched ballistic missiles"),
        (CRBC, "told AFP", ECON, "said Kang Jun-young"),
        (CRBC, "Kang Jun-young", RESET, "Park Seung-chan"),
        (CRBC, "for almost a decade", ECON, "nearly a decade"),
        (CRBC, "last met in November", ECON, "last November on the sidelines"),
        (SSB, "refrained from taking sides", ECON, "deliberately avoided taking sides"),
        (RESET, "restrictions on South Korean music", CRBC, "unofficial restriction"),
        (CRBC, "His packed agenda", STATE, "Core summit discussions"),  # Jan 5 is a Monday
        (CRBC, "His packed agenda", ECON, "The summit with Xi is scheduled"),
    ],
)
def test_seed_paraphrases_are_not_flagged(seeds, name_a, quote_a, name_b, quote_b):
    """Seed sentences that agree in other words raise no false alarm."""
    assert _seed_flags(seeds, name_a, quote_a, name_b, quote_b) == []


def _verified(kind: str, value_a: str, value_b: str) -> bool:
    return any((kind, {value_a, value_b}) == (e[0], {e[1], e[2]}) for *_, e in SEED_DISCREPANCIES)


def test_every_flag_on_aligned_seed_pairs_is_a_verified_discrepancy(seeds):
    """On the real alignment of the seeds a reader sees the four-day/three-day flag among at
    least five distinct discrepancies, and no false alarm: every flag is one of the
    discrepancies verified by reading."""
    align_module = pytest.importorskip("corroborate.core.alignment.align")
    from corroborate.core.alignment.similarity import Corpus

    articles = list(seeds.values())
    corpus = Corpus(articles)
    found = []
    for a, b in itertools.combinations(articles, 2):
        for match in align_module.align(a, b, corpus=corpus).matches:
            for d in find_discrepancies(a, match.a, b, match.b):
                found.append((d.kind, d.a.value, d.b.value, a.source, b.source))
    unverified = [f for f in found if not _verified(*f[:3])]
    assert unverified == []
    assert any(f[0] == "duration" and {f[1], f[2]} == {"four-day", "three-day"} for f in found)
    distinct = {(f[0], frozenset(f[1:3])) for f in found}
    assert len(distinct) >= 5, sorted(map(str, distinct))
