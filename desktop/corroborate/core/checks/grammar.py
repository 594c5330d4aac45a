"""Two small grammatical facts a paraphrase should keep: how many, and whether or not.

- Grammatical number of a noun: "a ballistic missile" against "ballistic missiles".
- Polarity of a predicate: "did not join" against "joined".

Both work on tokens with spans (see `pattern_tokens.written_tokens`), so findings point
at the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text.words import is_stop_word
from .pattern_tokens import Tok, is_capitalised, singular, written_tokens
from .quantities import TIME_UNITS

_SINGULAR_DETERMINERS = frozenset({"a", "an", "one", "single"})
# Words that end a noun phrase although general English does not count them as stop words.
_FUNCTION_WORDS = frozenset(
    "off onto toward towards across near during amid against under before since upon "
    "despite without within".split()
)
# Plural-looking words that are not plurals of a noun here.
_NOT_PLURAL = frozenset("news series species means headquarters whereas various previous".split())
# Abstract nouns switch number freely in paraphrase ("an unofficial restriction" and
# "unofficial restrictions" say the same); only concrete things are worth counting.
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ity", "ness", "ance", "ence", "ship", "ism")
# Before "a X" these make it a description or a price, not a count: "Samsung, a leader
# in", "is a", "like a spigot", "$9.99 for an album".
_DESCRIBING = frozenset(
    ", as in is was are were be been becomes became remains like for per each".split()
)
_DETERMINERS = frozenset("a an the this that each every".split())
_POSSESSIVES = frozenset("'s his her its their our your my".split())
# Before a plural these make it generic, not a count: "any Taiwan-related conflicts".
_GENERIC = frozenset("any all many most some such other no various".split())

_NEGATORS = frozenset({"not", "never", "cannot"})
# Verbs that negate the verb after them: "declined to condemn", "refrained from joining".
_NEGATING_VERBS = frozenset(
    "declined declines decline refused refuses refuse failed fails fail refrained refrains "
    "refrain avoided avoids avoid avoiding".split()
)
# Between a negator and its predicate: "did not publicly condemn", "has not yet been".
_BETWEEN = frozenset("be been being have to from yet even so also ever again".split())
# Any of these on a side makes its polarity too tangled to compare.
_ANY_NEGATION = (
    _NEGATORS
    | _NEGATING_VERBS
    | frozenset(
        "no nor neither without denied denies deny rejected rejects reject failure refusal "
        "inability unable lack lacked lacks".split()
    )
)
# Contractions typed without the apostrophe, as some feeds do.
_BARE_CONTRACTIONS = frozenset(
    "dont doesnt didnt havent hasnt hadnt isnt wasnt arent werent wont cant couldnt "
    "wouldnt shouldnt".split()
)
# Before a word these make it a wish, a plan or a possibility, not a plain statement.
_NOT_PLAIN = frozenset("to would could may might should can will wanted wants".split())


def _is_function(tok: Tok) -> bool:
    return not tok.low[0].isalpha() or tok.low in _FUNCTION_WORDS or is_stop_word(tok.low)


def _is_noun_candidate(tok: Tok) -> bool:
    return tok.low.isalpha() and not is_capitalised(tok) and not _is_function(tok)


def _countable(word: str) -> bool:
    return word not in TIME_UNITS and not word.endswith(_ABSTRACT_ENDINGS)


@dataclass(frozen=True, slots=True)
class NounNumber:
    lemma: str  # singular form of the head noun
    plural: bool
    modifier: str  # the word right before the head inside the phrase, "" if none
    start: int  # span of the phrase in the sentence: "a ballistic missile"
    end: int


def _ends_phrase(toks: tuple[Tok, ...], head: int) -> bool:
    return head + 1 >= len(toks) or not _is_noun_candidate(toks[head + 1])


@lru_cache(maxsize=16384)
def noun_numbers(text: str) -> tuple[NounNumber, ...]:
    """Head nouns whose grammatical number is explicit: after "a"/"one", or in the plural."""
    toks = written_tokens(text)
    found: list[NounNumber] = []
    for i, tok in enumerate(toks):
        if tok.low in _SINGULAR_DETERMINERS:
            if i >= 1 and toks[i - 1].low in _DESCRIBING:
                continue
            if i >= 2 and toks[i - 1].low == "of" and toks[i - 2].low[:1].isdigit():
                continue  # "0.9 of a share": a fraction
            for head in range(i + 1, min(i + 4, len(toks))):
                if not _is_noun_candidate(toks[head]):
                    break
                if _ends_phrase(toks, head):
                    word = toks[head].low
                    if singular(word) == word and _countable(word):
                        modifier = toks[head - 1].low if head > i + 1 else ""
                        found.append(NounNumber(word, False, modifier, tok.start, toks[head].end))
                    break
        elif (
            _is_noun_candidate(tok)
            and tok.low not in _NOT_PLURAL
            and singular(tok.low) != tok.low
            and _countable(singular(tok.low))
            and _ends_phrase(toks, i)
            and (i == 0 or toks[i - 1].low not in _SINGULAR_DETERMINERS)
        ):
            start = i
            if i >= 1 and _is_noun_candidate(toks[i - 1]):
                start = i - 1
            if start >= 1 and toks[start - 1].low in _POSSESSIVES:
                continue  # "China's unofficial restrictions": a collection, not a count
            if any(t.low in _GENERIC for t in toks[max(0, i - 3) : i]):
                continue
            if start < i and start >= 1 and toks[start - 1].low in _DETERMINERS:
                continue  # "a user loses": a noun and its verb
            modifier = toks[i - 1].low if start < i else ""
            found.append(NounNumber(singular(tok.low), True, modifier, toks[start].start, tok.end))
    return tuple(found)


def number_conflicts(
    a: tuple[NounNumber, ...], b: tuple[NounNumber, ...]
) -> list[tuple[NounNumber, NounNumber]]:
    """Nouns singular on one side and plural on the other, and never in agreement."""
    out = []
    for lemma in sorted({n.lemma for n in a} & {n.lemma for n in b}):
        na = [n for n in a if n.lemma == lemma]
        nb = [n for n in b if n.lemma == lemma]
        if {n.plural for n in na} & {n.plural for n in nb}:
            continue  # both sides use the same number somewhere: no clear contradiction
        # "a ballistic missile" and "hypersonic missiles" may be two things, and so may
        # "a hazard" and "safety hazards".
        pairs = [(x, y) for x in na for y in nb if x.modifier == y.modifier]
        if len(pairs) == 1:
            out.append(pairs[0])
    return out


@dataclass(frozen=True, slots=True)
class Negation:
    forms: frozenset[str]  # possible base forms of the negated predicate
    start: int  # span from the negating word to the predicate: "did not join"
    end: int


def base_forms(word: str) -> frozenset[str]:
    """Candidate base forms of an inflected verb: joined -> join, taking -> take, ..."""
    forms = {word}
    if word.endswith("ies") or word.endswith("ied"):
        forms.add(word[:-3] + "y")
    if word.endswith("s"):
        forms.add(word[:-1])
    if word.endswith(("es", "ed")):
        forms.update({word[:-2], word[:-1]})
    if word.endswith("ing"):
        forms.update({word[:-3], word[:-3] + "e"})
    for suffix in ("ed", "ing"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and stem[-1] == stem[-2]:
            forms.add(stem[:-1])  # stopped -> stop
    return frozenset(f for f in forms if len(f) >= 3)


@lru_cache(maxsize=16384)
def negations(text: str) -> tuple[Negation, ...]:
    """Predicates this sentence negates: "not X", "never X", "didn't X", "declined to X"."""
    toks = written_tokens(text)
    found = []
    for i, tok in enumerate(toks):
        if not (tok.low in _NEGATING_VERBS or _negates(tok.low)):
            continue
        if i + 1 < len(toks) and toks[i + 1].low == "only":
            continue  # "not only ... but also" affirms
        k = i + 1
        while k < len(toks) and (toks[k].low in _BETWEEN or toks[k].low.endswith("ly")):
            k += 1
        if k >= len(toks) or not _is_noun_candidate(toks[k]):
            continue
        # "declined to condemn", "avoided taking": a verb, never "avoided escalation".
        if tok.low in _NEGATING_VERBS and not (
            toks[i + 1].low in ("to", "from") or toks[k].low.endswith("ing")
        ):
            continue
        first = i - 1 if i >= 1 and toks[i - 1].low in ("did", "does", "do") else i
        found.append(Negation(base_forms(toks[k].low), toks[first].start, toks[k].end))
    return tuple(found)


def _negates(low: str) -> bool:
    return low in _NEGATORS or low.endswith("n't") or low in _BARE_CONTRACTIONS


@lru_cache(maxsize=16384)
def has_negation(text: str) -> bool:
    return any(t.low in _ANY_NEGATION or _negates(t.low) for t in written_tokens(text))


def affirmed(text: str, forms: frozenset[str]) -> tuple[int, int] | None:
    """Span of the first word of `text` that states one of `forms` plainly.

    Not a gerund ("turning over the documents would ...") and not after "to" or a modal
    ("wanted to march"): those do not say that it happened.
    """
    toks = written_tokens(text)
    for k, tok in enumerate(toks):
        if not _is_noun_candidate(tok) or tok.low.endswith("ing"):
            continue
        if k >= 1 and toks[k - 1].low in _NOT_PLAIN:
            continue
        if base_forms(tok.low) & forms:
            return tok.start, tok.end
    return None
