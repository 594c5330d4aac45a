"""Two reports that say opposite things about the same thing: "rose" against "fell".

Two rules, both on sentences that otherwise share most of their content words:
- an antonym on the same predicate: higher/lower, rise/fall, strengthen/weaken,
  accept/reject, win/lose, support/oppose, ...;
- a negation under the same modal: "will attend" against "will not attend", "can join"
  against "cannot join" (plain "did not join" against "joined" is `grammar`'s negation).

A side that holds both poles ("exports rose while imports fell"), negates anything, or
only forecasts the change ("is expected to rise") is not read as a plain claim to
contradict, and two sentences that merely share a verb are about different things.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..text.words import word_tokens
from . import grammar
from .pairing import SideText, Spot, context
from .pattern_tokens import Tok, written_tokens

# The shorter sentence must share at least this share of its content words with the
# other (the opposed words left out), and at least `MIN_SHARED` of them.
SHARED_SHARE = 0.5
MIN_SHARED = 3

# Pairs of poles; a word opposes the words of the other pole in its own row only.
_POLES = (
    ("rise increase gain climb grow jump surge soar advance higher",
     "fall decrease drop decline slip sink plunge tumble slide lower"),
    ("raise boost increase hike", "cut lower reduce slash"),
    ("strengthen bolster", "weaken undermine"),
    ("expand widen", "reduce shrink narrow"),
    ("accept approve endorse", "reject veto"),
    ("win", "lose"),
    ("gain", "lose"),
    ("support", "oppose"),
    ("acquit", "convict"),
    ("allow permit", "ban forbid prohibit"),
    ("confirm admit", "deny"),
    ("agree", "disagree"),
    ("improve", "worsen"),
    ("ease loosen", "tighten"),
    ("resume", "suspend halt"),
    ("praise welcome", "condemn criticize criticise"),
    ("guilty", "innocent"),
    ("victory", "defeat"),
)  # fmt: skip
_IRREGULAR = {
    "rise": "rose risen",
    "fall": "fell fallen",
    "grow": "grew grown",
    "sink": "sank sunk",
    "shrink": "shrank shrunk",
    "slide": "slid",
    "win": "won",
    "lose": "lost",
    "forbid": "forbade forbidden",
}
# "has not confirmed" against "has confirmed" is `grammar`'s plain negation already.
_MODALS = frozenset("will would can could should may might must shall".split())
# Contracted and fused negators and the modal each negates.
_NEGATED_MODALS = {
    "won't": "will", "wont": "will", "wouldn't": "would", "wouldnt": "would",
    "can't": "can", "cant": "can", "cannot": "can", "couldn't": "could", "couldnt": "could",
    "shouldn't": "should", "shouldnt": "should", "mustn't": "must",
}  # fmt: skip
_NEGATORS = frozenset("not never no nor neither cannot".split())
# Before a word these make it a forecast or a wish rather than a claim of what happened.
_NOT_PLAIN = frozenset("to expected likely set would could may might should".split())


def _forms(base: str) -> set[str]:
    """Inflected forms of a verb or adjective, generously: unused forms never match."""
    stem = base[:-1] if base.endswith("e") else base
    forms = {base, base + "s", base + "es", stem + "ed", stem + "ing", base + "d"}
    if base.endswith("y"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) <= 4 and base[-1] not in "aeiouwy":
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # slipped, banning
    forms |= set(_IRREGULAR.get(base, "").split())
    return forms


def _pole_table() -> dict[str, list[tuple[int, int]]]:
    table: dict[str, list[tuple[int, int]]] = {}
    for row, poles in enumerate(_POLES):
        for side, words in enumerate(poles):
            for base in words.split():
                for form in _forms(base):
                    table.setdefault(form, []).append((row, side))
    return table


_POLE_OF = _pole_table()


@dataclass(frozen=True, slots=True)
class _Pole:
    row: int
    side: int
    start: int
    end: int
    plain: bool  # a claim, not a forecast or a wish ("to rise", "could fall")


@lru_cache(maxsize=16384)
def _poles(text: str) -> tuple[_Pole, ...]:
    """Opposable words of a sentence, and whether each is a plain claim."""
    toks = written_tokens(text)
    found = []
    for i, tok in enumerate(toks):
        if tok.low not in _POLE_OF:
            continue
        plain = i == 0 or toks[i - 1].low not in _NOT_PLAIN
        found += [_Pole(row, side, tok.start, tok.end, plain) for row, side in _POLE_OF[tok.low]]
    return tuple(found)


@lru_cache(maxsize=16384)
def _content(text: str) -> dict[str, tuple[int, int]]:
    """Content-word stems of a sentence and the span of their first occurrence."""
    found: dict[str, tuple[int, int]] = {}
    for t in word_tokens(text):
        if not t.stop and t.norm.isalpha():
            found.setdefault(t.stem, (t.start, t.end))
    return found


_NO_SPAN = (-1, -1)  # nothing left out: a negation keeps the predicate on both sides


def _share_enough(
    text_a: str, skip_a: tuple[int, int], text_b: str, skip_b: tuple[int, int]
) -> bool:
    """Whether the sentences share most content words besides the opposed ones."""
    a = {s for s, (start, end) in _content(text_a).items() if (start, end) != skip_a}
    b = {s for s, (start, end) in _content(text_b).items() if (start, end) != skip_b}
    shared = len(a & b)
    return shared >= MIN_SHARED and shared >= SHARED_SHARE * min(len(a), len(b))


@lru_cache(maxsize=16384)
def _negates(text: str) -> bool:
    """A negator anywhere ("not", "never", "no", "declined to"); not "rejected" or "denied",
    which are poles here."""
    toks = written_tokens(text)
    return bool(grammar.negations(text)) or any(
        t.low in _NEGATORS or t.low.endswith("n't") for t in toks
    )


def _antonyms(text_a: str, text_b: str) -> Iterator[tuple[_Pole, _Pole]]:
    if _negates(text_a) or _negates(text_b):
        return  # "did not rise" against "fell" is agreement, and tangles are guesswork
    poles_a, poles_b = _poles(text_a), _poles(text_b)
    both_a = {p.row for p in poles_a if any(q.row == p.row and q.side != p.side for q in poles_a)}
    both_b = {p.row for p in poles_b if any(q.row == p.row and q.side != p.side for q in poles_b)}
    for x in poles_a:
        if x.row in both_a or x.row in both_b:
            continue
        if any(q.row == x.row and q.side == x.side for q in poles_b):
            continue  # the other side says the same somewhere
        for y in poles_b:
            if y.row == x.row and y.side != x.side and y.plain == x.plain:
                yield x, y
                break


def _modal_before(toks: tuple[Tok, ...], k: int) -> str:
    """The modal a word is under: "will attend", "will also attend"; "" when plain."""
    k -= 1
    while k >= 0 and (toks[k].low in ("also", "still", "now") or toks[k].low.endswith("ly")):
        k -= 1
    return toks[k].low if k >= 0 and toks[k].low in _MODALS else ""


def _negated_modals(text: str) -> Iterator[tuple[grammar.Negation, str]]:
    """Negations under a modal: "will not attend", "won't attend", "cannot join"."""
    toks = written_tokens(text)
    by_start = {t.start: i for i, t in enumerate(toks)}
    for n in grammar.negations(text):
        i = by_start.get(n.start)
        if i is None:
            continue
        word = toks[i].low
        modal = _NEGATED_MODALS.get(word) or (
            toks[i - 1].low if word == "not" and i >= 1 and toks[i - 1].low in _MODALS else ""
        )
        if modal:
            start = toks[i - 1].start if word == "not" else n.start  # "will not attend"
            yield grammar.Negation(n.forms, start, n.end), modal


def _affirmed_under(text: str, forms: frozenset[str], modal: str) -> tuple[int, int] | None:
    toks = written_tokens(text)
    for k, tok in enumerate(toks):
        if grammar.base_forms(tok.low) & forms and _modal_before(toks, k) == modal:
            first = k - 1
            while toks[first].low != modal:
                first -= 1
            return toks[first].start, tok.end  # "will attend", "will also attend"
    return None


def _modal_negations(neg: str, other: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    if grammar.has_negation(other):
        return
    for n, modal in _negated_modals(neg):
        span = _affirmed_under(other, n.forms, modal)
        if span is not None:
            yield (n.start, n.end), span


def find_oppositions(
    sa: SideText, sb: SideText, linked: Callable[[int, int], bool]
) -> Iterator[tuple]:
    """("opposition" | "negation", spot_a, spot_b, explain) for each opposite claim.

    `linked(i, j)` says whether sentence i of `sa` may be compared with sentence j of `sb`.
    """
    for i, off_a, text_a in sa.sentences:
        for j, off_b, text_b in sb.sentences:
            if not linked(i, j):
                continue
            for x, y in _antonyms(text_a, text_b):
                if _share_enough(text_a, (x.start, x.end), text_b, (y.start, y.end)):
                    yield (
                        "opposition",
                        _spot(i, off_a, text_a, x.start, x.end),
                        _spot(j, off_b, text_b, y.start, y.end),
                        _explain_opposition,
                    )
            negated = [*_modal_negations(text_a, text_b)]
            negated += [(x, y) for y, x in _modal_negations(text_b, text_a)]
            if negated and _share_enough(text_a, _NO_SPAN, text_b, _NO_SPAN):
                for (xs, xe), (ys, ye) in negated:
                    x, y = _spot(i, off_a, text_a, xs, xe), _spot(j, off_b, text_b, ys, ye)
                    yield "negation", x, y


def _spot(index: int, offset: int, text: str, start: int, end: int) -> Spot:
    return Spot(index, offset + start, offset + end, context(text, start, end, []), None)


def _explain_opposition(labels: tuple[str, str], value_a: str, value_b: str) -> str:
    return (
        f'Opposite claims: {labels[0]} says "{value_a}" where {labels[1]} says "{value_b}"'
        " in otherwise matching sentences"
    )
