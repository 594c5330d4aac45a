"""Quantities and calendar expressions in one sentence, each with its character span.

Finds what a fact-checker compares between two reports of the same event: counts
("two leaders", "10 MOUs"), durations ("four-day", "six years", "since 2019"), money,
percentages, dates, months, weekdays and years. Each `Mention` carries a `family` (which
mentions may be compared at all), a `key` (the noun a number counts, the unit of a
duration, the currency) and a value with the precision it was written with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from .pattern_tokens import (
    Tok,
    folded_as_tokens,
    is_capitalised,
    noun_singular,
    singular,
    written_tokens,
)

_UNITS = dict(
    zip(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split(),
        range(20),
        strict=True,
    )
)
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"bn": 1e9, "tn": 1e12, "mn": 1e6, "m": 1e6, "k": 1e3}
_ORDINALS = dict(
    zip(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        range(1, 21),
        strict=True,
    )
)
_WORD_VALUES = {**_UNITS, **_TENS, "dozen": 12}

# Durations compare in a base unit: a week is seven days, a decade ten years.
TIME_UNITS = {
    "minute": ("hour", 1 / 60),
    "hour": ("hour", 1.0),
    "day": ("day", 1.0),
    "week": ("day", 7.0),
    "fortnight": ("day", 14.0),
    "month": ("month", 1.0),
    "year": ("year", 1.0),
    "decade": ("year", 10.0),
    "century": ("year", 100.0),
}
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW"}
_CURRENCY_CODES = {
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "krw": "KRW",
    "cny": "CNY",
    "rmb": "CNY",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "rupees": "INR",
}
# Words before a number that say how exact it is.
_HEDGES = {
    ("about",): "approx",
    ("around",): "approx",
    ("nearly",): "approx",
    ("almost",): "approx",
    ("roughly",): "approx",
    ("approximately",): "approx",
    ("some",): "approx",
    ("close", "to"): "approx",
    ("an", "estimated"): "approx",
    ("over",): "min",
    ("more", "than"): "min",
    ("at", "least"): "min",
    ("upwards", "of"): "min",
    ("less", "than"): "max",
    ("fewer", "than"): "max",
    ("under",): "max",
    ("up", "to"): "max",
}
MONTHS = dict(
    zip(
        "january february march april may june july august september october november "
        "december".split(),
        range(1, 13),
        strict=True,
    )
)
_MONTH_ABBREVIATIONS = {m[:3]: n for m, n in MONTHS.items()} | {"sept": 9}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PART_OF_MONTH = {"early", "mid", "late", "end"}
_DATE_PREPOSITIONS = {
    "in",
    "since",
    "during",
    "until",
    "by",
    "of",
    "from",
    "last",
    "next",
    "this",
    "early",
    "mid",
    "late",
    "before",
    "after",
}
# Words that follow a number without being what it counts.
_NOT_COUNTED = frozenset(
    "of and or to in on at for by with from the a an than as per percent 's times that who "
    "which is are was were has have had will would such other more most between among into "
    "over under after before since during across against about through via amid within "
    "without near toward towards off".split()
)
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    step: float  # the precision it was written with: "$328 billion" is +/- half a billion
    ordinal: bool
    first: int  # token range
    last: int
    tail: str | None  # the rest of a hyphenated word: "day" in "four-day"


@dataclass(frozen=True, slots=True)
class Mention:
    family: str  # number, ordinal, duration, money, percent, calendar, year, weekday
    key: str  # what is counted or measured; empty when the family needs none
    value: object  # float for quantities, (month, day, year, part) for calendar
    step: float
    hedge: str  # "", "approx", "min", "max"; "since" for a duration given by its start year
    start: int  # character span in the sentence
    end: int
    first: int  # token span
    last: int


def _decimal_step(digits: str) -> float:
    """Precision as written: "1.25" to a hundredth; "60,000" to about a thousand."""
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** (zeros - 1) if len(digits) >= 4 and zeros >= 2 else 1.0


def parse_number(toks: tuple[Tok, ...], i: int) -> Number | None:
    """The number that starts at token i ("2,000", "4-day", "twenty-five", "1.5 billion")."""
    low = toks[i].low
    if low[0].isdigit():
        head, _, tail = low.partition("-")
        m = re.fullmatch(r"([\d,.]+?)(st|nd|rd|th)?", head)
        if m is None or not re.fullmatch(r"\d{1,3}(,\d{3})*(\.\d+)?|\d+(\.\d+)?", m.group(1)):
            return None
        digits = m.group(1).replace(",", "")
        value, step, ordinal, last = float(digits), _decimal_step(digits), bool(m.group(2)), i
        if tail in _SCALES and not ordinal:  # "$10-million"
            scale = _SCALES[tail]
            return Number(value * scale, step * scale if scale >= 1e6 else step, False, i, i, None)
    else:
        parts = low.split("-")
        if parts[0] in _ORDINALS:
            return Number(_ORDINALS[parts[0]], 1.0, True, i, i, "-".join(parts[1:]) or None)
        words = []
        while parts and parts[0] in _WORD_VALUES:
            words.append(parts.pop(0))
        if not words:
            return None
        tail = "-".join(parts) or None
        value, step, ordinal, last = float(sum(_WORD_VALUES[w] for w in words)), 1.0, False, i
        if tail is not None:
            return Number(value, step, ordinal, i, last, tail)
        # "twenty five" written apart
        while last + 1 < len(toks) and toks[last + 1].low in _UNITS and value % 10 == 0 < value:
            last += 1
            value += _UNITS[toks[last].low]
    if not ordinal and tail:
        return Number(value, step, False, i, last, tail)
    scale = _SCALES.get(toks[last + 1].low) if last + 1 < len(toks) else None
    if scale is None and last + 1 < len(toks) and toks[i].low[0].isdigit():
        scale = _SHORT_SCALES.get(toks[last + 1].low)
    if scale is not None and not ordinal:
        last += 1
        value, step = value * scale, (step * scale if scale >= 1e6 else step)
    return Number(value, step, ordinal, i, last, (tail or None) if ordinal else None)


def _hedge_before(toks: tuple[Tok, ...], i: int) -> tuple[str, int]:
    for words, sense in _HEDGES.items():
        n = len(words)
        if i - n >= 0 and tuple(t.low for t in toks[i - n : i]) == words:
            return sense, i - n
    return "", i


def _time_unit(word: str | None) -> tuple[str, float] | None:
    if word is None:
        return None
    return TIME_UNITS.get(word) or TIME_UNITS.get(word[:-1] if word.endswith("s") else "")


def _mention(toks, family, key, value, step, first, last, hedge="") -> Mention:
    return Mention(family, key, value, step, hedge, toks[first].start, toks[last].end, first, last)


def _currency_before(toks: tuple[Tok, ...], i: int) -> tuple[str, int] | None:
    if i >= 1 and toks[i - 1].low in _CURRENCY_SIGNS:
        if i >= 2 and toks[i - 2].low == "us" and toks[i - 1].low == "$":
            return "USD", i - 2
        return _CURRENCY_SIGNS[toks[i - 1].low], i - 1
    if i >= 1 and toks[i - 1].low in _CURRENCY_CODES:
        return _CURRENCY_CODES[toks[i - 1].low], i - 1
    return None


def _day_number(tok: Tok) -> int | None:
    if _DAY.fullmatch(tok.low):
        day = int(re.match(r"\d+", tok.low).group())
        return day if 1 <= day <= 31 else None
    return None


def _calendar(toks: tuple[Tok, ...], i: int) -> Mention | None:
    """'late October 2025', 'Jan. 4', 'January 4, 2026', '4 January', 'in May'."""
    tok = toks[i]
    low = tok.low
    part = ""
    if low.startswith("mid-"):
        part, low = "mid", low[4:]
    month = MONTHS.get(low)
    abbreviated = month is None and low in _MONTH_ABBREVIATIONS
    if abbreviated:
        month = _MONTH_ABBREVIATIONS[low]
    if month is None or not tok.text[len(tok.text) - len(low)].isupper():
        return None
    first, last = i, i
    if abbreviated and i + 1 < len(toks) and toks[i + 1].low == ".":
        last += 1
    day = year = None
    nxt = last + 1
    if nxt < len(toks) and (d := _day_number(toks[nxt])) is not None:
        day, last = d, nxt
    elif i >= 1 and (d := _day_number(toks[i - 1])) is not None:
        day, first = d, i - 1
    nxt = last + 1
    if nxt + 1 < len(toks) and toks[nxt].low == "," and day is not None:
        nxt += 1
    if nxt < len(toks) and _YEAR.fullmatch(toks[nxt].low):
        year, last = int(toks[nxt].low), nxt
    before = toks[first - 1].low if first >= 1 else ""
    if before in _PART_OF_MONTH and not part:
        part, first = before, first - 1
    # "May", "March", "Jan" are also a verb, a name or a noun: only a month with a day, a
    # year or a preposition.
    ambiguous = low in ("may", "march") or abbreviated
    bare = day is None and year is None
    if ambiguous and bare and (abbreviated or before not in _DATE_PREPOSITIONS):
        return None
    return _mention(toks, "calendar", "", (month, day, year, part), 1.0, first, last)


def _since_year(toks: tuple[Tok, ...], i: int) -> Mention | None:
    """'since 2019', "since Moon Jae-in's 2019 journey": a span of years from a start year."""
    for back in range(1, 5):
        j = i - back
        if j < 0 or toks[j].low in {",", ";", ".", "(", ")", '"'}:
            return None
        if toks[j].low == "since":
            return _mention(toks, "duration", "year", float(toks[i].low), 1.0, j, i, "since")
    return None


def _counted_head(toks: tuple[Tok, ...], after: int, value: float) -> str | None:
    """The noun a number counts: "three small boats" -> boat; None if nothing is counted.

    Proper nouns in the singular are names, not counts ("One China", "5G").
    """
    words = []
    for k in range(after + 1, min(after + 4, len(toks))):
        t = toks[k]
        if not t.low[0].isalpha() or t.low in _NOT_COUNTED:
            break
        if k == after + 1 and t.start == toks[after].end:
            return None  # glued to the number: a model name like "5G"
        if is_capitalised(t) and noun_singular(t) == t.low:
            break
        words.append(t)
    if not words:
        return None
    if value != 1:  # the first plural is the head: "two major powers", "10 MOUs"
        for t in words:
            if noun_singular(t) != t.low:
                return noun_singular(t)
        return None
    return words[-1].low


@lru_cache(maxsize=16384)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every comparable quantity and calendar expression in one sentence."""
    toks = written_tokens(text)
    found, taken, add = _collector(toks)
    _days_and_dates(toks, add)
    for i, tok in enumerate(toks):
        if i in taken:
            continue
        if tok.low in ("a", "an", "one") and i + 1 < len(toks):
            unit = _time_unit(toks[i + 1].low)
            prev = toks[i - 1].low if i else ""
            if unit and prev not in ("last", "next", "this", "every", "per", "each", "of"):
                hedge, first = _hedge_before(toks, i)
                add(_mention(toks, "duration", unit[0], unit[1], unit[1], first, i + 1, hedge))
                continue
            if tok.low != "one":
                continue
        number = parse_number(toks, i)
        if number is not None:
            add(_quantity(toks, number))
    return tuple(sorted(found, key=lambda m: m.start))


def _days_and_dates(toks: tuple[Tok, ...], add: Callable[[Mention | None], None]) -> None:
    """Weekdays and calendar expressions, the first mentions `find_mentions` takes: the
    numbers it reads after them never make or change one."""
    for i, tok in enumerate(toks):
        if tok.low in WEEKDAYS and is_capitalised(tok):
            add(_mention(toks, "weekday", "", tok.low, 1.0, i, i))
        elif tok.low[0].isalpha():
            add(_calendar(toks, i))


def _collector(
    toks: tuple[Tok, ...],
) -> tuple[list[Mention], set[int], Callable[[Mention | None], None]]:
    """The mentions found so far, the tokens they take, and `add`, which keeps a mention
    when none of its tokens is taken yet."""
    found: list[Mention] = []
    taken: set[int] = set()

    def add(m: Mention | None) -> None:
        if m is not None and not taken.intersection(range(m.first, m.last + 1)):
            found.append(_qualified(toks, m))
            taken.update(range(m.first, m.last + 1))

    return found, taken, add


# The end of every word token that may be a month (`written_tokens` never ends a word
# before a letter; it may start one after an ordinal: "1stMay"), and of a few others.
_MONTH_WORD = re.compile(
    "(?:"
    + "|".join(sorted({*MONTHS, *_MONTH_ABBREVIATIONS}, key=len, reverse=True))
    + r")(?![^\W\d_])"
)


def calendar_mentions(text: str) -> tuple[Mention, ...]:
    """The calendar expressions of `find_mentions(text)` (family "calendar"), found
    without reading its numbers; a text naming no month costs one search. For whole
    articles, where `find_mentions` would read every number only to drop it."""
    if not _MONTH_WORD.search(folded_as_tokens(text)):
        return ()
    toks = written_tokens(text)
    found, _taken, add = _collector(toks)
    _days_and_dates(toks, add)
    return tuple(sorted((m for m in found if m.family == "calendar"), key=lambda m: m.start))


# After a duration these make it a point in time, not a length: "a week later".
_OFFSET_WORDS = frozenset("later ago earlier before after".split())


def _number_word_value(low: str) -> float | None:
    if low in _WORD_VALUES:
        return float(_WORD_VALUES[low])
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


def _qualified(toks: tuple[Tok, ...], m: Mention) -> Mention:
    """What the words around a mention say about it: "a year or two", "a week later"."""
    nxt = toks[m.last + 1].low if m.last + 1 < len(toks) else ""
    after = toks[m.last + 2].low if m.last + 2 < len(toks) else ""
    prev = toks[m.first - 1].low if m.first >= 1 else ""
    before = toks[m.first - 2].low if m.first >= 2 else ""
    other = None
    if nxt == "or":
        other = _number_word_value(after)
    elif prev == "or":
        other = _number_word_value(before)
    if other is not None and isinstance(m.value, float) and not m.hedge:
        # "a year or two", "two or three days": wide enough to hold both ends.
        spread = abs(other * m.step - m.value) + m.step
        m = replace(m, step=2.0 * spread)
    if m.family == "duration" and nxt in _OFFSET_WORDS:
        m = replace(m, key=f"{m.key} {nxt}")
    return m


def _quantity(toks: tuple[Tok, ...], n: Number) -> Mention | None:
    hedge, first = _hedge_before(toks, n.first)
    after = toks[n.last + 1].low if n.last + 1 < len(toks) else ""
    counts_something = after.isalpha() and after.endswith("s") and singular(after) != after
    glued = n.last + 1 < len(toks) and toks[n.last + 1].start == toks[n.last].end
    if glued and toks[n.last + 1].low == "s":
        return None  # "the 1980s": a decade, not a year
    if (
        not n.ordinal
        and n.first == n.last
        and _YEAR.fullmatch(toks[n.first].low)
        and not counts_something  # "2000 troops" is a count, not a year
    ):
        since = _since_year(toks, n.first)
        if since is not None:
            return since
        return _mention(toks, "year", "", n.value, 1.0, n.first, n.last)
    currency = _currency_before(toks, n.first)
    if currency is not None and not n.ordinal:
        code, cfirst = currency
        hedge, first = _hedge_before(toks, cfirst)
        return _mention(toks, "money", code, n.value, n.step, first, n.last, hedge)
    if after in _CURRENCY_WORDS and not n.ordinal and (n.step > 1 or after != "won"):
        return _mention(
            toks, "money", _CURRENCY_WORDS[after], n.value, n.step, first, n.last + 1, hedge
        )
    if after in ("%", "percent", "pct") and not n.ordinal:
        return _mention(toks, "percent", "%", n.value, n.step, first, n.last + 1, hedge)
    if after == "per" and n.last + 2 < len(toks) and toks[n.last + 2].low == "cent":
        return _mention(toks, "percent", "%", n.value, n.step, first, n.last + 2, hedge)
    if after == "percentage" and n.last + 2 < len(toks):
        return _mention(toks, "percent", "point", n.value, n.step, first, n.last + 2, hedge)
    if n.tail is not None and n.tail[:1] != toks[n.first].text[-len(n.tail) :][:1]:
        return None  # "one-China": a capitalised tail is a name, not a unit
    unit = _time_unit(n.tail) if n.tail and "-" not in n.tail else None
    last = n.last
    if unit is None and n.tail is None and not n.ordinal:
        unit = _time_unit(after)
        last = n.last + 1 if unit else n.last
    prev = toks[first - 1].low if first >= 1 else ""
    if unit is not None and not n.ordinal and prev not in ("every", "per", "each"):
        return _mention(
            toks, "duration", unit[0], n.value * unit[1], n.step * unit[1], first, last, hedge
        )
    if n.tail:
        head = singular(n.tail)
    else:
        head = _counted_head(toks, n.last, 1.0 if n.ordinal else n.value)
    if head is None:
        return None  # a bare number: nothing says what it counts, so nothing to compare
    family = "ordinal" if n.ordinal else "number"
    return _mention(toks, family, head, n.value, n.step, first, n.last, hedge)
