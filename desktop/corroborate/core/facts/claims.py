"""What each fact says: a short claim, and the part of each mention's sentence stating it.

A news sentence often packs several facts ("Lee arrived on Sunday for a four-day visit,
and will meet Xi on Monday"), so one sentence may be the most central wording of several
facts. Each fact's claim is the clause its mentions share most words with:

- Sentences are cut into clauses at ";", ", while", ", and", " but ", ", which",
  ", who", ", where", ", as", ", after", ", amid", ", according", a comma before a
  word in "-ing" ("..., aiming to") and dashes (`clauses`); a piece of fewer than `MIN_CLAUSE_WORDS`
  words stays with the clause before it.
- A clause scores the content words (stems) it shares with the fact's mentions in other
  articles, each counted once per article holding it. Each mention's span is its best
  clause, the whole sentence when no clause shares a word.
- No two facts show the same claim: facts are served widest first (the table's order)
  and each takes its best clause that no fact before it took, from any of its mentions.
  A fact left with none (its sentences' clauses all taken) adds, in brackets, the words
  its mentions share that the claim leaves out.

Exclusive facts (one sentence) claim their whole sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Article, Fact, Mention
from ..text.words import word_tokens

# Where a sentence's clauses meet: the separator is left with the clause before it.
_BOUNDARY = re.compile(
    r"\s*;\s+|,\s+(?=(?:while|and|but|which|who|where|as|whereas|although|though|after"
    r"|following|amid|according|saying|[a-z]+ing)\b)"
    r"|\s+(?=but\b)|\s+[\u2013\u2014]\s+|\s+--\s+"
)
MIN_CLAUSE_WORDS = 4
_TRIM = " \t\n,;:\u2013\u2014-"
_LEADING = re.compile(r"^(?:and|but|while|which|where|as|whereas|although|though)\s+", re.I)


def clauses(text: str) -> list[tuple[int, int]]:
    """Character ranges of the clauses of `text`, covering its words, in order."""
    cuts = [m.start() for m in _BOUNDARY.finditer(text) if m.start() > 0]
    pieces, begin = [], 0
    for cut in [*cuts, len(text)]:
        pieces.append((begin, cut))
        begin = cut
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        short = len(text[start:end].split()) < MIN_CLAUSE_WORDS
        if merged and (short or len(text[slice(*merged[-1])].split()) < MIN_CLAUSE_WORDS):
            merged[-1] = (merged[-1][0], end)  # a short piece stays with its neighbour
        else:
            merged.append((start, end))
    out = []
    for start, end in merged:
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if start < end:
            out.append((start, end))
    return out or [(0, len(text))]


def claim_text(text: str) -> str:
    """A clause as a claim: without a leading connective, spaces collapsed."""
    text = " ".join(text.split())
    text = _LEADING.sub("", text)
    return text[:1].upper() + text[1:]


class _Stems(dict):
    """Content-word stems of a text, each text read once (a sentence is in many facts)."""

    def __missing__(self, text: str) -> frozenset[str]:
        stems = frozenset(t.stem for t in word_tokens(text) if not t.stop)
        self[text] = stems
        return stems


def with_claims(facts: Sequence[Fact], articles: Sequence[Article]) -> list[Fact]:
    """`facts` (in the table's order) with their claims and their mentions' spans."""
    by_id = {a.id: a for a in articles}
    taken: set[str] = set()
    stems = _Stems()
    return [_claimed(fact, by_id, taken, stems) for fact in facts]


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".!?")


def _claimed(fact: Fact, by_id: dict[str, Article], taken: set[str], stems_of: _Stems) -> Fact:
    words = [
        set().union(*(stems_of[by_id[m.article].sentences[i].text] for i in m.sentences))
        for m in fact.mentions
    ]
    # candidates: (score, order, mention number, sentence index, clause range)
    candidates = []
    spans: list[tuple[int, int]] = []
    rep_article, rep_sentence = fact.representative
    for n, mention in enumerate(fact.mentions):
        others = [w for k, w in enumerate(words) if k != n]
        article = by_id[mention.article]
        best: tuple[float, int, int] | None = None
        for i in mention.sentences:
            sentence = article.sentences[i]
            central = (mention.article, i) == (rep_article, rep_sentence)
            ranges = [(0, len(sentence.text))] if fact.exclusive else clauses(sentence.text)
            for start, end in ranges:
                stems = stems_of[sentence.text[start:end]]
                score = float(sum(len(stems & w) for w in others))
                candidates.append((-score, not central, n, i, start, end))
                if best is None or score > best[0]:
                    best = (score, sentence.start + start, sentence.start + end)
        spans.append(best[1:] if best and best[0] > 0 else _whole(article, mention))
    candidates.sort()
    chosen = None
    for _, _, n, i, start, end in candidates:
        text = claim_text(by_id[fact.mentions[n].article].sentences[i].text[start:end])
        if _key(text) not in taken:
            chosen = (n, i, start, end, text)
            break
    if chosen is None:
        _, _, n, i, start, end = candidates[0]
        text = claim_text(by_id[fact.mentions[n].article].sentences[i].text[start:end])
        sentences = [by_id[m.article].sentences[i].text for m in fact.mentions for i in m.sentences]
        text = _distinguished(text, words, taken, stems_of[text], sentences)
        chosen = (n, i, start, end, text)
    n, i, start, end, text = chosen
    taken.add(_key(text))
    article = by_id[fact.mentions[n].article]
    spans[n] = (article.sentences[i].start + start, article.sentences[i].start + end)
    mentions = tuple(
        replace(m, start=s, end=e) for m, (s, e) in zip(fact.mentions, spans, strict=True)
    )
    return replace(
        fact, mentions=mentions, claim=text, representative=(fact.mentions[n].article, i)
    )


def _whole(article: Article, mention: Mention) -> tuple[int, int]:
    sentence = article.sentences[mention.sentences[0]]
    return sentence.start, sentence.end


def _distinguished(
    text: str, words: list[set[str]], taken: set[str], own: frozenset[str], sentences: list[str]
) -> str:
    """`text` with the words the mentions share that it leaves out, until unique."""
    shared = set.intersection(*words) - own
    extra = sorted(
        {t.norm for sentence in sentences for t in word_tokens(sentence) if t.stem in shared}
    )
    candidate = f"{text} ({', '.join(extra)})" if extra else text
    number = 2
    unique = candidate
    while _key(unique) in taken:
        unique, number = f"{candidate} ({number})", number + 1
    return unique
