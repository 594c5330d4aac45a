"""Typed discrepancies between the two sides of one aligned match.

Two sentences that report the same event may still disagree on a fact: a four-day visit
against a three-day one, November against late October, "six years" against "since 2019"
in 2026, "Tuesday, January 7" (a Wednesday) against "on Tuesday", a missile against
missiles, Lee against his adviser as the speaker of the same words, "did not join" against
"joined", exports that "rose" against exports that "fell" (see `opposition`). Each
finding names its kind, explains itself in one line and points at the words on both sides.

False alarms cost the reader's trust, so a finding needs two things of the same kind that
cannot both be true, and words around them that show they describe the same thing. A value
present on one side only is an omission, not a contradiction, and is never reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache, partial
from types import EllipsisType

from ..model import Article, Discrepancy, DiscrepancySide
from ..text.words import word_tokens
from . import consistency, grammar
from .attribution import same_statement
from .opposition import find_oppositions
from .pairing import SideText, Spot, context, pair_up, sentence_links, side_text
from .quantities import find_mentions
from .speakers import SPEECH_VERBS, find_speakers, same_person
from .weekday_dates import dated_weekdays

_KIND_OF_FAMILY = {
    "number": "number",
    "ordinal": "number",
    "duration": "duration",
    "money": "money",
    "percent": "percent",
    "calendar": "date",
    "year": "date",
    "weekday": "weekday",
}
_LABELS = {
    "number": "Number differs",
    "duration": "Duration differs",
    "money": "Amount differs",
    "percent": "Percentage differs",
    "date": "Date differs",
    "weekday": "Weekday differs",
    "plural": "Singular vs plural",
    "speaker": "Speaker differs",
    "negation": "Negated on one side",
    "opposition": "Opposite claims",
}
# An itinerary ("Monday ... Tuesday ...") lists several events: which date goes with which
# is guesswork, so these are compared only when each side holds one of them.
_ONE_PER_SIDE = ("calendar", "weekday", "year")


def find_discrepancies(
    a: Article,
    a_sentences: tuple[int, ...],
    b: Article,
    b_sentences: tuple[int, ...],
    reference_year: int | None | EllipsisType = ...,
) -> tuple[Discrepancy, ...]:
    """Typed discrepancies between sentences `a_sentences` of `a` and `b_sentences` of `b`.

    Pure and deterministic; symmetric: swapping the articles swaps the sides of every
    finding. Explanations name the sources (`Article.source`), or "A" and "B".
    `reference_year` is `consistency.reference_year(a, b)`, found from both whole
    articles when not given; callers comparing many groups of one pair find it once.
    """
    sa, sb = side_text(a, a_sentences), side_text(b, b_sentences)
    labels = _labels(a, b)
    if reference_year is ...:
        reference_year = consistency.reference_year(a, b)
    found = [
        *_quantity_discrepancies(sa, sb, reference_year),
        *_weekday_date_discrepancies(sa, sb, reference_year),
        *_plural_discrepancies(sa, sb),
        *_speaker_discrepancies(sa, sb),
        *_negation_discrepancies(sa, sb),
        *find_oppositions(sa, sb, _Lazy(partial(sentence_links, sa, sb))),
    ]
    records = {}
    for kind, x, y, *explain in found:
        key = (kind, x.start, x.end, y.start, y.end)
        records.setdefault(key, _record(kind, labels, sa, x, sb, y, *explain))
    return tuple(sorted(records.values(), key=lambda d: (d.a.sentence, d.a.start, d.kind)))


def joined_explanations(found: Sequence[Discrepancy]) -> str:
    """What an annotation's `discrepancy` field (and the CSV column) holds."""
    return "; ".join(d.explanation for d in found)


def _labels(a: Article, b: Article) -> tuple[str, str]:
    la, lb = a.source.strip() or "A", b.source.strip() or "B"
    return (f"{la}, A", f"{lb}, B") if la == lb else (la, lb)


def _record(
    kind: str,
    labels: tuple[str, str],
    sa: SideText,
    x: Spot,
    sb: SideText,
    y: Spot,
    explain: Callable[[tuple[str, str], str, str], str] | None = None,
) -> Discrepancy:
    """A finding; `explain(labels, value_a, value_b)` words it when the kind's label won't do."""
    side_a, side_b = _side_record(sa, x), _side_record(sb, y)
    explain = explain or _EXPLAIN_KIND.get(kind)
    if explain is not None:
        explanation = explain(labels, side_a.value, side_b.value)
    else:
        explanation = (
            f"{_LABELS[kind]}: {side_a.value} ({labels[0]}) vs {side_b.value} ({labels[1]})"
        )
    return Discrepancy(kind, explanation, side_a, side_b)


def _explain_speaker(labels: tuple[str, str], value_a: str, value_b: str) -> str:
    return (
        f"Speaker differs: the same statement is credited to {value_a} ({labels[0]})"
        f" and to {value_b} ({labels[1]})"
    )


def _explain_negation(labels: tuple[str, str], value_a: str, value_b: str) -> str:
    return f'Negated on one side: {labels[0]} says "{value_a}", {labels[1]} says "{value_b}"'


# Kinds whose finding reads better as a sentence than as "label: a vs b".
_EXPLAIN_KIND = {"speaker": _explain_speaker, "negation": _explain_negation}


def _side_record(side: SideText, spot: Spot) -> DiscrepancySide:
    value = side.article.text[spot.start : spot.end]
    return DiscrepancySide(side.article.id, spot.sentence, spot.start, spot.end, value)


def _placed(side: SideText, found) -> list[Spot]:
    """Spots of a side from per-sentence finds (start, end, context, item)."""
    return [
        Spot(index, offset + start, offset + end, ctx, item)
        for index, offset, text in side.sentences
        for start, end, ctx, item in found(text)
    ]


# --- numbers, durations, money, dates --------------------------------------------


# "..., Lee said on Sunday": the day a statement was made, not the day of what it reports.
_SPEECH = "|".join(sorted(SPEECH_VERBS))
_REPORTING_DAY = re.compile(
    rf"\b(?:{_SPEECH})(?:\s+(?:reporters|journalists))?,?\s+(?:on\s+)?$", re.IGNORECASE
)


@lru_cache(maxsize=16384)
def _sentence_mentions(text: str) -> tuple:
    mentions = [
        m
        for m in find_mentions(text)
        if m.family not in ("weekday", "calendar") or not _REPORTING_DAY.search(text[: m.start])
    ]
    spans = [(m.start, m.end) for m in mentions]
    return tuple((m.start, m.end, context(text, m.start, m.end, spans), m) for m in mentions)


def _quantity_discrepancies(sa: SideText, sb: SideText, reference_year: int | None) -> Iterator:
    xs, ys = _placed(sa, _sentence_mentions), _placed(sb, _sentence_mentions)
    if not xs or not ys:
        return
    for family in _ONE_PER_SIDE:
        if (
            sum(x.item.family == family for x in xs) > 1
            or sum(y.item.family == family for y in ys) > 1
        ):
            xs = [x for x in xs if x.item.family != family]
            ys = [y for y in ys if y.item.family != family]
    pairs = pair_up(
        xs,
        ys,
        consistency.comparable,
        partial(consistency.consistent, reference_year=reference_year),
        consistency.identity,
        _Lazy(partial(sentence_links, sa, sb)),
    )
    for x, y in pairs:
        note = consistency.span_note(x.item, y.item, reference_year)
        if note is None:
            yield _KIND_OF_FAMILY[x.item.family], x, y
        else:
            yield _KIND_OF_FAMILY[x.item.family], x, y, partial(_explain_span, note)


def _explain_span(note: str, labels: tuple[str, str], value_a: str, value_b: str) -> str:
    """A length of time against a start year, with the arithmetic a reader can check."""
    return f"Time span differs: {value_a} ({labels[0]}) vs {value_b} ({labels[1]}) — {note}"


class _Lazy:
    """A sentence-link test built on first use: most matches never need one."""

    def __init__(self, build) -> None:
        self._build, self._test = build, None

    def __call__(self, i: int, j: int) -> bool:
        if self._test is None:
            self._test = self._build()
        return self._test(i, j)


# --- a weekday its own date contradicts --------------------------------------------


@lru_cache(maxsize=16384)
def _sentence_dated_weekdays(text: str) -> tuple:
    mentions = [m for *_, m in _sentence_mentions(text)]
    return tuple((d.start, d.end, frozenset(), d) for d in dated_weekdays(text, mentions))


def _weekday_date_discrepancies(sa: SideText, sb: SideText, reference_year: int | None) -> Iterator:
    """ "Tuesday, January 7" on one side when January 7 is a Wednesday that year.

    Only when the other side names the same weekday or the same date: in one aligned
    match that is the same week, so one of the two reports has the day wrong. A side that
    is wrong on its own, or that both sides state alike, is not a disagreement between them.
    """
    links = _Lazy(partial(sentence_links, sa, sb))
    for wrong, other, flipped in ((sa, sb, False), (sb, sa, True)):
        stated = {
            (s.item.weekday, s.item.month, s.item.day)
            for s in _placed(other, _sentence_dated_weekdays)
        }
        for x in _placed(wrong, _sentence_dated_weekdays):
            day = x.item
            actual = day.actual_weekday(reference_year)
            if actual in (None, day.weekday) or (day.weekday, day.month, day.day) in stated:
                continue
            for y in _placed(other, _sentence_mentions):
                linked = links(y.sentence, x.sentence) if flipped else links(x.sentence, y.sentence)
                if day.same_day(y.item) and linked:
                    note = f"{day.date_words(reference_year)} is a {actual.capitalize()}"
                    explain = partial(_explain_weekday, note, flipped)
                    yield ("date", y, x, explain) if flipped else ("date", x, y, explain)
                    break


def _explain_weekday(
    note: str, flipped: bool, labels: tuple[str, str], value_a: str, value_b: str
) -> str:
    """The side whose weekday and date disagree comes first, then the calendar's answer."""
    (wrong, wrong_label), (other, other_label) = (value_a, labels[0]), (value_b, labels[1])
    if flipped:
        (wrong, wrong_label), (other, other_label) = (other, other_label), (wrong, wrong_label)
    return f"Date and weekday disagree: {wrong} ({wrong_label}) — {note}; {other} ({other_label})"


# --- singular and plural ---------------------------------------------------------


@lru_cache(maxsize=16384)
def _sentence_nouns(text: str) -> tuple:
    return tuple(
        (n.start, n.end, context(text, n.start, n.end, [(n.start, n.end)]), n)
        for n in grammar.noun_numbers(text)
    )


def _plural_discrepancies(sa: SideText, sb: SideText) -> Iterator:
    xs, ys = _placed(sa, _sentence_nouns), _placed(sb, _sentence_nouns)
    if not xs or not ys:
        return
    spot_of = {id(s.item): s for s in xs + ys}
    for nx, ny in grammar.number_conflicts(tuple(s.item for s in xs), tuple(s.item for s in ys)):
        x, y = spot_of[id(nx)], spot_of[id(ny)]
        if x.context & y.context:
            yield "plural", x, y


# --- speakers ----------------------------------------------------------------------


@lru_cache(maxsize=16384)
def _sentence_speakers(text: str) -> tuple:
    return tuple((s.start, s.end, frozenset(), s) for s in find_speakers(text))


def _distinct_speakers(side: SideText) -> list[Spot]:
    spots: list[Spot] = []
    for spot in _placed(side, _sentence_speakers):
        if not any(same_person(spot.item, other.item) for other in spots):
            spots.append(spot)
    return spots


def _words(side: SideText) -> frozenset[str]:
    return frozenset(t.norm for _, _, text in side.sentences for t in word_tokens(text))


def _speaker_discrepancies(sa: SideText, sb: SideText) -> Iterator:
    """One named speaker on each side, different people credited with the same statement.

    Two different statements by two people are two facts, not a dispute. Not when both
    are outside experts (outlets quote different experts as a matter of
    course), nor a body against a person (perhaps its spokesperson), nor when either
    speaker is named on the other side too ("Wi said Lee would ..." against "Lee said").
    """
    xs, ys = _distinct_speakers(sa), _distinct_speakers(sb)
    if len(xs) != 1 or len(ys) != 1:
        return
    x, y = xs[0], ys[0]
    if same_person(x.item, y.item) or (x.item.commentator and y.item.commentator):
        return
    if x.item.organisation != y.item.organisation:
        return  # a body and a person, perhaps its spokesperson
    if x.item.key & _words(sb) or y.item.key & _words(sa):
        return
    if not same_statement(_text_of(sa, x), x.item, _text_of(sb, y), y.item):
        return
    yield "speaker", x, y


def _text_of(side: SideText, spot: Spot) -> str:
    return next(text for index, _, text in side.sentences if index == spot.sentence)


# --- negation --------------------------------------------------------------------


def _negation_discrepancies(sa: SideText, sb: SideText) -> Iterator:
    for x, y in _negated_on_one_side(sa, sb):
        yield "negation", x, y
    for y, x in _negated_on_one_side(sb, sa):
        yield "negation", x, y


def _negated_on_one_side(neg: SideText, other: SideText) -> Iterator[tuple[Spot, Spot]]:
    """A predicate `neg` negates and `other` states plainly, about the same thing.

    Only when `other` negates nothing at all: "declined to condemn" and "chose not to
    condemn" say the same, and two negations in one report are too tangled to pair.
    """
    if any(grammar.has_negation(text) for _, _, text in other.sentences):
        return
    for index, offset, text in neg.sentences:
        for n in grammar.negations(text):
            x_context = context(text, n.start, n.end, [])
            for o_index, o_offset, o_text in other.sentences:
                span = grammar.affirmed(o_text, n.forms)
                if span is None or not x_context & context(o_text, *span, []):
                    continue
                x = Spot(index, offset + n.start, offset + n.end, x_context, n)
                y = Spot(o_index, o_offset + span[0], o_offset + span[1], frozenset(), None)
                yield x, y
                break
