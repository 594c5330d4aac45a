"""What a speaker is reported as saying, and whether two reports give the same statement.

Two outlets quoting two different experts say two different things, and that is not a
dispute. A speaker difference is worth a reader's time only when the same statement is
credited to different people: Lee against his adviser Wi for "respects the one-China
policy". The statement is the quote the speech verb introduces or closes, or else the
clause after the verb ("said that ...", "according to X, ...").
"""

from __future__ import annotations

from functools import lru_cache

from ..text.words import word_tokens
from .pattern_tokens import Tok, written_tokens
from .speakers import SPEECH_VERBS, Speaker

# The shorter statement must have at least this share of its content words in the other
# report: "respects the One China policy" in "respecting the one-China principle" (3 of 4).
SAME_STATEMENT_SHARE = 0.6
# A statement this short ("it was good") is too thin to call the same on word overlap.
MIN_STATEMENT_WORDS = 3
# Tokens between a closing quote and its speaker: '," said Kang', '," as Professor Park'.
_QUOTE_GAP = 4
_ADDRESSING = frozenset({"told", "tells"})
_ROLE_WORDS = frozenset(
    "president professor adviser advisor minister spokesman spokeswoman spokesperson "
    "national security".split()
)


@lru_cache(maxsize=16384)
def _stems(text: str) -> frozenset[str]:
    return frozenset(
        t.stem
        for t in word_tokens(text)
        if not t.stop and t.norm.isalpha() and t.norm not in SPEECH_VERBS
    )


def _quotes(toks: tuple[Tok, ...]) -> list[tuple[int, int]]:
    """Token ranges (exclusive of the marks) of double-quoted passages, paired in order."""
    marks = [i for i, t in enumerate(toks) if t.low == '"']
    return [(marks[k] + 1, marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


def _verb_of(toks: tuple[Tok, ...], speaker: Speaker) -> int | None:
    """Index of the speech verb (or of "according") that introduces `speaker`."""
    first = next((i for i, t in enumerate(toks) if t.start >= speaker.start), len(toks))
    last = next((i for i, t in enumerate(toks) if t.end >= speaker.end), first)
    for i in range(last + 1, min(len(toks), last + 9)):  # "Lee has also said"
        if toks[i].low in SPEECH_VERBS:
            return i
    for i in range(max(0, first - 3), first):  # "said Wi", "according to Wi"
        if toks[i].low in SPEECH_VERBS or toks[i].low == "according":
            return i
    return None


def _after_addressee(toks: tuple[Tok, ...], k: int) -> int:
    """Past the one spoken to: "told reporters", "told the BBC that"."""
    for j in range(k, min(len(toks), k + 5)):
        if toks[j].low == "that":
            return j + 1
    return k + 2 if k < len(toks) and toks[k].low == "the" else k + 1


def _span_text(text: str, toks: tuple[Tok, ...], first: int, end: int) -> str:
    return text[toks[first].start : toks[end - 1].end] if first < end else ""


def statement(text: str, speaker: Speaker) -> tuple[frozenset[str], frozenset[str]]:
    """(core, clause): content stems of what `speaker` says in `text`.

    `clause` is everything credited to the speaker; `core` is its one quoted passage when
    it has one (the words the speaker is quoted as using), otherwise the clause itself.
    The speaker's own name never counts.
    """
    toks = written_tokens(text)
    verb = _verb_of(toks, speaker)
    quotes = _quotes(toks)
    name_first = next((i for i, t in enumerate(toks) if t.start >= speaker.start), 0)
    anchor = min(name_first, verb if verb is not None else name_first)
    before = [q for q in quotes if 0 <= anchor - q[1] <= _QUOTE_GAP]
    if before:  # '"...," said Kang' and '"...," as Professor Park observed'
        words = _stems(_span_text(text, toks, *before[-1]))
        return words - speaker.key, words - speaker.key
    if verb is not None and toks[verb].low == "according":
        rest = text[: toks[verb].start] + " " + text[speaker.end :]
        clause_quotes = quotes
    else:
        start = (verb if verb is not None else name_first) + 1
        if verb is not None and toks[verb].low in _ADDRESSING:
            start = _after_addressee(toks, start)
        rest = _span_text(text, toks, start, len(toks))
        clause_quotes = [q for q in quotes if q[0] > start]
    clause = _stems(rest) - speaker.key - _ROLE_WORDS
    substantial = [
        q for q in clause_quotes if len(_stems(_span_text(text, toks, *q))) >= MIN_STATEMENT_WORDS
    ]
    if len(substantial) == 1:
        return _stems(_span_text(text, toks, *substantial[0])) - speaker.key, clause
    return clause, clause


def same_statement(text_a: str, a: Speaker, text_b: str, b: Speaker) -> bool:
    """Whether the two sentences credit the same statement to their speakers.

    Either report's core statement is mostly found in what the other report credits,
    once both speakers' names are left out.
    """
    (core_a, clause_a), (core_b, clause_b) = statement(text_a, a), statement(text_b, b)
    names = a.key | b.key
    for core, other in ((core_a, clause_b), (core_b, clause_a)):
        core = core - names
        if len(core) >= MIN_STATEMENT_WORDS and len(core & other) >= SAME_STATEMENT_SHARE * len(
            core
        ):
            return True
    return False
