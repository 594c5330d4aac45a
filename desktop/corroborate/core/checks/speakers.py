"""Who is reported as saying something in a sentence: "Lee said", "said Wi", "according to X".

A pattern approach over capitalised names, enough for news prose: the name right before a
speech verb (skipping an appositive such as ", a professor at Hankuk University,"), the
name right after a quote-closing speech verb, the name after "according to" or "via", and
"he"/"she" when the sentence opens with a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..text.words import is_stop_word, zipf
from .pattern_tokens import Tok, is_capitalised, singular, written_tokens
from .quantities import MONTHS, WEEKDAYS

SPEECH_VERBS = frozenset(
    "said says say told tells stressed stresses emphasized emphasised emphasizes emphasises "
    "noted notes added adds warned warns reaffirmed reaffirms affirmed affirms argued argues "
    "stated states explained explains commented comments insisted insists claimed claims "
    "announced announces reiterated reiterates urged urges observed observes declared "
    "declares confirmed confirms remarked remarks wrote writes asserted asserts".split()
)
# Words between a name and its verb: "Lee has also said", "Wi, however, said".
_SKIPPABLE = frozenset("has have had also further later again then , however repeatedly".split())
# Titles and descriptors that are capitalised but do not tell two people apart.
_TITLES = frozenset(
    "president premier prime minister adviser advisor professor prof dr mr mrs ms chairman "
    "chairwoman secretary spokesman spokeswoman spokesperson general ambassador senator "
    "governor foreign national security deputy vice former chief executive leader king queen "
    "chinese korean japanese american south north the state defense defence attorney "
    "assistant lt col gen sen rep gov judge justice officer commissioner director "
    "inspector sergeant captain detective superintendent chancellor mayor sir lord dame "
    "maj rev".split()
)
# Capitalised at the start of a sentence, but people in general, not a named speaker.
_GENERIC = frozenset(
    "experts analysts officials observers critics sources diplomats residents reports police "
    "authorities lawmakers scholars researchers people many some others both".split()
)
_PRONOUNS = frozenset({"he", "she"})
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_ORGANISATION_WORDS = frozenset(
    "commission service police ministry agency department office committee council bureau "
    "court union university institute association company corp inc group bank board post "
    "times news journal government administration party army military network".split()
)
# Name parts this alike are one name spelt two ways: "Sundwell" and "Sundwall".
SPELLING_SIMILARITY = 80
_LOWER_LINKS = frozenset({"of", "and", "for", "the"})
_COMMENTATOR_ROLES = frozenset(
    "professor prof analyst analysts expert researcher scholar fellow economist commentator "
    "lecturer".split()
)
_PREPOSITIONS = frozenset("of at in for from with on by to".split())
_QUOTES = frozenset({'"', "'"})
# After these the next name is the one spoken to, never the speaker: "told AFP".
_ADDRESSING = frozenset({"told", "tells", "urged", "urges", "warned", "warns"})


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str  # as written, without titles: "Wi Sung-lac"
    start: int  # character span of `name` in the sentence
    end: int
    key: frozenset[str]  # folded name parts: two speakers are the same if these meet
    parts: tuple[str, ...]  # the same, in order, for initials
    # Introduced as an outside expert ("Kang, a professor at ...", "Professor Park"):
    # outlets quote different experts as a matter of course.
    commentator: bool = False
    # An organisation ("the SEC", "Weather Service") rather than a person: one outlet may
    # credit the body and another its spokesperson.
    organisation: bool = False


def _name_like(tok: Tok, first: bool = False) -> bool:
    """A capitalised word that may be part of a name.

    At the start of a sentence a plural common noun is people in general: "Prosecutors".
    """
    if not is_capitalised(tok) or not tok.low[0].isalpha() or len(tok.low) < 2:
        return False
    if tok.low in _GENERIC or tok.low in _CALENDAR or is_stop_word(tok.low):
        return False
    return not (first and singular(tok.low) != tok.low and zipf(tok.low) >= 3.0)


def _name_before(toks: tuple[Tok, ...], end: int) -> tuple[int, int] | None:
    """Token range of the capitalised run that ends at token `end` (inclusive)."""
    if end < 0 or not _name_like(toks[end]):
        return None
    first = end
    while first - 1 >= 0 and _name_like(toks[first - 1]) or _linked(toks, first - 1, -1):
        first -= 1
    if first == 0 and not _name_like(toks[0], first=True):
        return (1, end) if end >= 1 else None
    return first, end


def _name_after(toks: tuple[Tok, ...], first: int) -> tuple[int, int] | None:
    if first >= len(toks) or not _name_like(toks[first], first=first == 0):
        return None
    last = first
    while last + 1 < len(toks) and _name_like(toks[last + 1]) or _linked(toks, last + 1, 1):
        last += 1
    return first, last


def _linked(toks: tuple[Tok, ...], k: int, direction: int) -> bool:
    """ "and"/"of" inside a name: "Securities and Exchange Commission"."""
    j = k + direction
    return (
        0 <= k < len(toks)
        and 0 <= j < len(toks)
        and toks[k].low in ("and", "of")
        and _name_like(toks[j])
        and _name_like(toks[k - direction])
    )


def _speaker(text: str, toks: tuple[Tok, ...], run: tuple[int, int] | None) -> Speaker | None:
    if run is None:
        return None
    first, last = run
    while first <= last and toks[first].low in _TITLES:
        first += 1
    if first > last:
        return None
    key = frozenset(
        part
        for t in toks[first : last + 1]
        for part in t.low.split("-")
        if part not in _TITLES and part not in _LOWER_LINKS
    )
    start, end = toks[first].start, toks[last].end
    if not key:
        return None
    parts = tuple(t.low for t in toks[first : last + 1])
    organisation = (
        (run[0] >= 1 and toks[run[0] - 1].low == "the")
        or (len(text[start:end]) > 1 and text[start:end].isupper())
        or bool(key & _ORGANISATION_WORDS)
    )
    # "Professor Park": the title is inside the run, before the name proper.
    commentator = _is_commentator(toks, run[0], last) or any(
        t.low in _COMMENTATOR_ROLES for t in toks[run[0] : first]
    )
    return Speaker(text[start:end], start, end, key, parts, commentator, organisation)


def _is_commentator(toks: tuple[Tok, ...], first: int, last: int) -> bool:
    """A role word in the title before the name or in an appositive right after it."""
    around = [t.low for t in toks[max(0, first - 2) : first]]
    if last + 2 < len(toks) and toks[last + 1].low == ",":
        around += [t.low for t in toks[last + 2 : last + 5]]
    return any(w in _COMMENTATOR_ROLES for w in around)


def _subject_before(toks: tuple[Tok, ...], verb: int) -> tuple[int, int] | None:
    k = verb - 1
    while k >= 0 and (toks[k].low in _SKIPPABLE or toks[k].low.endswith("ly")):
        k -= 1
    run = _name_before(toks, k)
    if run is None:
        return None
    before = toks[run[0] - 1].low if run[0] >= 1 else ""
    if before in ("via", "through"):
        return run
    if before in _PREPOSITIONS:
        # The end of an appositive: "Kang, a professor at Hankuk University, told" -> Kang.
        k = run[0] - 1
        while k >= 0 and toks[k].low != ",":
            k -= 1
        return _name_before(toks, k - 1) if k >= 1 else None
    return run


def _opening_name(toks: tuple[Tok, ...]) -> tuple[int, int] | None:
    first = 0
    while first < len(toks) and toks[first].low in _TITLES and is_capitalised(toks[first]):
        first += 1
    run = _name_after(toks, first)
    if run is None or run[1] + 1 >= len(toks):
        return None
    # "Lee has avoided ... he said": the subject acts. Not "Lee's delegation" nor
    # "Earlier, he said".
    if not toks[run[1] + 1].low.isalpha() or is_capitalised(toks[run[1] + 1]):
        return None
    return (0, run[1]) if first else run


@lru_cache(maxsize=16384)
def find_speakers(text: str) -> tuple[Speaker, ...]:
    """Named speakers of the statements reported in one sentence, in reading order."""
    toks = written_tokens(text)
    runs: list[tuple[int, int]] = []
    for i, tok in enumerate(toks):
        if tok.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
            run = _name_after(toks, i + 2)
        elif tok.low in SPEECH_VERBS and not is_capitalised(tok):  # not "United States"
            run = None
            if (
                i >= 1 and toks[i - 1].low in _QUOTES and tok.low not in _ADDRESSING
            ):  # '..." said Wi' and '..., said Kang'
                run = _name_after(toks, i + 1)
            if run is None and i >= 1 and toks[i - 1].low in _PRONOUNS:
                run = _opening_name(toks)
            if run is None:
                run = _subject_before(toks, i)
        else:
            continue
        if run is not None and run not in runs:
            runs.append(run)
    found = []
    for run in runs:
        speaker = _speaker(text, toks, run)
        if speaker is not None and speaker.key not in [s.key for s in found]:
            found.append(speaker)
    return tuple(found)


def same_person(a: Speaker, b: Speaker) -> bool:
    """Shared name parts, a short form ("Fed", "Federal ...") or initials ("FBI")."""
    if a.key & b.key:
        return True
    for x, y in ((a, b), (b, a)):
        for part in x.key:
            if len(part) >= 3 and any(p.startswith(part) for p in y.key):
                return True
            if len(part) >= 5 and any(
                len(p) >= 5 and fuzz.ratio(part, p) >= SPELLING_SIMILARITY for p in y.key
            ):
                return True
        if len(x.key) == 1 and len(y.parts) >= 2:
            (short,) = x.key
            if short == "".join(p[0] for p in y.parts if p not in _LOWER_LINKS):
                return True
    return False
