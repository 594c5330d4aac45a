"""What matters in an aligned pair: the key content both share, the values they differ on.

A word diff helps when one source copied the other and changed a few words. Two outlets
paraphrasing one fact share few words in order, so a diff underlines nearly everything,
names included, and the one differing value drowns. So a pair is either
*near-identical* (most of its words survive the word diff in order: `NEAR_IDENTICAL`),
and keeps its diff, or a *paraphrase*, shown by what matters:

- **key content**: words both sides contain (by stem) that are rare in the folder and
  in English ("Kang", "Hankuk", "trilateral"), and word pairs the folder taught as
  related (`related_words`), runs of them joined into one span ("Kang Jun-young",
  "Hankuk University of Foreign Studies"). Words of every other sentence of the folder
  ("visit", "China" in a folder about a visit to China) and grammar words are not key;
- **differing values**: the values of the pair's typed discrepancies (numbers, dates,
  durations, speakers: `checks.discrepancy`), which this module reuses, never re-parses.

Spans count characters in each side's sentences joined by one character, as the word
diff's do.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model import Article, Discrepancy
from ..text.words import Token
from .similarity import RELATED_SHARE, Corpus, pair_corpus

if TYPE_CHECKING:  # a comparison may one day keep its pairs' key content
    from .comparison import Comparison

# Share of words a near-identical pair keeps in order (2 x kept / all words, as the word
# diff counts them). Of the 149 pairs the sample articles align, 2 reach it (0.69, 0.70:
# one sentence reworked, where the diff shows what changed); the next (0.62) shares one
# quote between otherwise different sentences, and a diff would mark half of it.
NEAR_IDENTICAL = 0.65
# A shared word is key content when few sentences of the folder hold it: at most this
# share of them (or `FEW_SENTENCES`, so a folder of two short articles has key content
# too). In the sample folder (177 sentences) "visit" is in 20% of them, "China" in 40%,
# "drills" in 2%, "Hankuk" in 1%.
WORD_SHARE = 0.10
FEW_SENTENCES = 3
# A name (capitalised on both sides: "Beijing", "Jae") may be a little more frequent:
# "Beijing" (19%) is key, "Lee" (35%) is not.
NAME_SHARE = 0.25
# Other words this common in English (general rarity under 3.6, Zipf over 5.4) are not
# key however rare in the folder: "among", "away", "told"; "trip" (4.1) and
# "international" (3.6) are.
COMMON_IN_ENGLISH = 3.6
# How much more a capitalised word weighs when ranking shared phrases for a summary:
# what both name ("Kang Jun-young") tells a reader more than what both do ("sought").
NAME_EMPHASIS = 1.5
# A related word pair is key content when both words would be key if shared, the folder
# relates them this strongly (`Corpus.related`, 0-1) and the pair is worth this many points
# of the score. Small folders teach noisy relations ("security" ~ "embodies", 0.50, in the
# sample articles, where no relation passes); a reader must never see those as shared.
RELATED_STRENGTH = 0.4
RELATED_POINTS = 1.0
# Lower-case words that may sit inside a multi-word name ("University of Foreign Studies").
NAME_LINKS = frozenset({"of", "and", "for", "the", "de", "du", "von", "van", "al"})
HYPHENS = frozenset("-\u2010\u2011")

Span = tuple[int, int]
_POSSESSIVE = re.compile(r"['\u2019]s$")


@dataclass(frozen=True, slots=True)
class SideSpans:
    """Where one side's key content and differing values are, in its joined text."""

    key: tuple[Span, ...]
    differs: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class KeyContent:
    near_identical: bool
    kept_words: float  # share of words the word diff keeps, 0-1
    a: SideSpans
    b: SideSpans
    shared: tuple[str, ...]  # key phrases as side a writes them, weightiest first
    related: tuple[tuple[str, str], ...]  # (a's word, b's word) the folder relates
    differing: tuple[tuple[str, str], ...]  # (value in a, value in b), in a's order


@dataclass(frozen=True, slots=True)
class _Word:
    token: Token  # offsets already moved into the joined text
    weight: float  # `similarity.TermWeights.weight`: folder and English rarity blended
    rare: bool  # key content if shared and not a name (see `_Rarity.word`)
    rare_name: bool  # key content if shared and a name
    capitalised: bool
    sentence_start: bool  # the first word of its sentence


def key_content(
    corpus: Corpus | None,
    a: Article,
    a_sentences: Sequence[int],
    b: Article,
    b_sentences: Sequence[int],
    discrepancies: Iterable[Discrepancy] = (),
) -> KeyContent:
    """The key content and differing values of sentences `a_sentences` of `a` against
    `b_sentences` of `b`; `discrepancies` are the pair's typed differences."""
    corpus = pair_corpus(a, b) if corpus is None else corpus.including(a, b)
    words_a = _words(corpus, a, a_sentences)
    words_b = _words(corpus, b, b_sentences)
    kept = Indel.normalized_similarity(
        [w.token.norm for w in words_a], [w.token.norm for w in words_b]
    )
    found = tuple(discrepancies)
    differs_a = _value_spans(a, a_sentences, (d.a for d in found))
    differs_b = _value_spans(b, b_sentences, (d.b for d in found))
    shared_stems = {w.token.stem for w in words_a} & {w.token.stem for w in words_b}
    related = _related_stems(corpus, a, a_sentences, b, b_sentences)
    names = _names(words_a, words_b)
    pairs_a, pairs_b = _adjacent_stems(words_a), _adjacent_stems(words_b)
    text_a, text_b = joined(a, a_sentences), joined(b, b_sentences)
    key_a = _key_words(
        text_a, words_a, shared_stems | {u for u, _ in related}, names, pairs_b, differs_a
    )
    key_b = _key_words(
        text_b, words_b, shared_stems | {v for _, v in related}, names, pairs_a, differs_b
    )
    runs_a, runs_b = _runs(text_a, key_a), _runs(text_b, key_b)
    return KeyContent(
        near_identical=kept >= NEAR_IDENTICAL,
        kept_words=kept,
        a=SideSpans(tuple(_span(run) for run in runs_a), tuple(differs_a)),
        b=SideSpans(tuple(_span(run) for run in runs_b), tuple(differs_b)),
        shared=_phrases(text_a, runs_a, shared_stems),
        related=_related_phrases(related, text_a, runs_a, text_b, runs_b),
        differing=tuple(
            dict.fromkeys((d.a.value, d.b.value) for d in sorted(found, key=_position))
        ),
    )


def pair_content(
    comparison: Comparison, a_sentences: Sequence[int], b_sentences: Sequence[int]
) -> KeyContent:
    """`key_content` of one pair of a comparison, with its folder and its discrepancies."""
    c = comparison
    found = c.discrepancies(a_sentences, b_sentences)
    return key_content(c.corpus, c.a, a_sentences, c.b, b_sentences, found)


def joined(article: Article, sentences: Sequence[int]) -> str:
    """The sentences' texts joined by one space (the offsets every span counts in)."""
    return " ".join(article.sentences[i].text for i in sentences)


def _position(d: Discrepancy) -> tuple[int, int]:
    return (d.a.sentence, d.a.start)


def _words(corpus: Corpus, article: Article, sentences: Sequence[int]) -> list[_Word]:
    """Every word of the sentences, with offsets in their joined text and its weight."""
    all_terms = corpus.sentence_terms(article)
    weights, rarity = corpus.weights, _Rarity(corpus)
    out, offset = [], 0
    for i in sentences:
        text = article.sentences[i].text
        for n, tok in enumerate(all_terms[i].tokens):
            moved = Token(tok.start + offset, tok.end + offset, tok.norm, tok.stem, tok.stop)
            capitalised = text[tok.start : tok.start + 1].isupper()
            stem = tok.stem
            rare, rare_name = rarity.word(stem), rarity.name(stem)
            out.append(_Word(moved, weights.weight(stem), rare, rare_name, capitalised, n == 0))
        offset += len(text) + 1
    return out


def _related_stems(
    corpus: Corpus, a: Article, a_sentences: Sequence[int], b: Article, b_sentences: Sequence[int]
) -> list[tuple[str, str]]:
    """Related word pairs (stem of a, stem of b) that say something: both words rare, the
    relation strong and worth `RELATED_POINTS` of the score; strongest first."""
    overlap = corpus.overlap(a, a_sentences, b, b_sentences)
    total = sum(overlap.shared.values()) + sum(overlap.related.values())
    if not total:
        return []
    weight, rarity = corpus.weights.weight, _Rarity(corpus)
    points_per_mass = overlap.score / total  # a property that sums: once, not per pair
    kept = []
    for (u, v), mass in overlap.related.items():
        points = points_per_mass * mass
        if points < RELATED_POINTS:
            continue
        wu, wv = weight(u), weight(v)
        strength = mass / (RELATED_SHARE * wu * wv)
        if rarity.word(u) and rarity.word(v) and strength >= RELATED_STRENGTH:
            kept.append((points, u, v))
    return [(u, v) for _, u, v in sorted(kept, reverse=True)]


class _Rarity:
    """How rare a stem is in the folder and in English, for telling key content."""

    def __init__(self, corpus: Corpus) -> None:
        self._weights = corpus.weights
        self._sentences = sum(len(corpus.sentence_terms(a)) for a in corpus.articles)

    def _holding(self, stem: str) -> int:
        """Sentences of the folder holding `stem`: `TermWeights.folder` read backwards."""
        n = self._sentences
        return round((1 + n) / math.exp(self._weights.folder(stem) - 1.0) - 1)

    def _rare_in_folder(self, stem: str, share: float) -> bool:
        holding = self._holding(stem)
        return holding <= FEW_SENTENCES or holding <= share * self._sentences

    def word(self, stem: str) -> bool:
        common = self._weights.general(stem) < COMMON_IN_ENGLISH
        return not common and self._rare_in_folder(stem, WORD_SHARE)

    def name(self, stem: str) -> bool:
        return self._rare_in_folder(stem, NAME_SHARE)


def _is_key(word: _Word, names: set[str]) -> bool:
    return word.rare_name if word.token.stem in names else word.rare


def _key_words(
    text: str,
    words: list[_Word],
    stems: set[str],
    names: set[str],
    other_pairs: set,
    differs: list[Span],
) -> list[_Word]:
    """Key words of one side: shared (or related), rare enough, outside differing values.

    A word hyphened to a key word is part of it ("Dong-hyuk"). A name word next to a key
    one joins it when the other side has the two words side by side too, so a name is
    marked whole ("President Lee Jae Myung", not "Jae Myung") and a title-case headline
    does not run on ("... Myung Visits China")."""
    usable = [
        w.token.stem in stems
        and not w.token.stop
        and not any(s < w.token.end and w.token.start < e for s, e in differs)
        for w in words
    ]
    key = [ok and _is_key(w, names) for ok, w in zip(usable, words, strict=True)]
    grown = True
    while grown:  # spread along names, both ways
        grown = False
        for k in range(len(words) - 1):
            if key[k] == key[k + 1] or not (usable[k] and usable[k + 1]):
                continue
            pair = (words[k].token.stem, words[k + 1].token.stem)
            hyphened = text[words[k].token.end : words[k + 1].token.start] in HYPHENS
            if hyphened or (pair[0] in names and pair[1] in names and pair in other_pairs):
                key[k] = key[k + 1] = grown = True
    # One shared word between two key words of its kind joins them: "largest trading
    # partner", not "largest" and "partner".
    for k in range(1, len(words) - 1):
        if usable[k] and key[k - 1] and key[k + 1] and not key[k]:
            kinds = {words[n].capitalised for n in (k - 1, k, k + 1)}
            key[k] = len(kinds) == 1
    return [w for w, is_key in zip(words, key, strict=True) if is_key]


def _adjacent_stems(words: list[_Word]) -> set[tuple[str, str]]:
    return {(x.token.stem, y.token.stem) for x, y in zip(words, words[1:], strict=False)}


def _names(words_a: list[_Word], words_b: list[_Word]) -> set[str]:
    """Names: capitalised on both sides, somewhere not merely as a sentence's first word,
    and never in lower case ("Visits" in a title-case headline is the other side's verb
    "visits"; "Beyond" opening both sentences is no name, "South" of "South Korean" is)."""
    upper_a = {w.token.stem for w in words_a if w.capitalised}
    upper_b = {w.token.stem for w in words_b if w.capitalised}
    named, lower = set(), set()
    for words in (words_a, words_b):
        for w, after in zip(words, [*words[1:], None], strict=True):
            if not w.capitalised:
                lower.add(w.token.stem)
            elif not w.sentence_start or (after is not None and after.capitalised):
                named.add(w.token.stem)
    return (upper_a & upper_b & named) - lower


def _runs(text: str, key: list[_Word]) -> list[list[_Word]]:
    """Key words grouped into phrases: next to one another with only a space or hyphen
    between, or a name link ("of") between two capitalised words."""
    runs: list[list[_Word]] = []
    for word in key:
        # A name and a common word stay apart: "Seoul" and "notably", not "Seoul notably".
        if runs:
            last = runs[-1][-1]
            gap = text[last.token.end : word.token.start]
            bare = gap.strip(" -\u2010\u2011\u2013")
            same_kind = last.capitalised == word.capitalised or gap in HYPHENS
            linked = last.capitalised and word.capitalised and bare.casefold() in NAME_LINKS
            if (same_kind and not bare and len(gap) <= 2) or (linked and gap == f" {bare} "):
                runs[-1].append(word)
                continue
        runs.append([word])
    return runs


def _span(run: list[_Word]) -> Span:
    return (run[0].token.start, run[-1].token.end)


def _phrases(text: str, runs: list[list[_Word]], shared_stems: set[str]) -> tuple[str, ...]:
    """Distinct shared phrases of side a, weightiest first: names and phrases of several
    rare words before a lone verb or adverb ("Hankuk University of Foreign Studies",
    "largest trading partner" before "aims")."""
    ranked = sorted(
        (run for run in runs if any(w.token.stem in shared_stems for w in run)),
        key=lambda run: -sum(w.weight * (NAME_EMPHASIS if w.capitalised else 1.0) for w in run),
    )
    phrases: dict[frozenset[str], str] = {}
    for run in ranked:
        start, end = _span(run)
        stems = frozenset(w.token.stem for w in run)
        # "restrictions" after "unofficial restriction" says nothing new; nor does the
        # same name with a title before it.
        if not any(stems <= seen or seen <= stems for seen in phrases):
            phrases[stems] = _POSSESSIVE.sub("", text[start:end])
    return tuple(phrases.values())


def _related_phrases(
    related: list[tuple[str, str]],
    text_a: str,
    runs_a: list[list[_Word]],
    text_b: str,
    runs_b: list[list[_Word]],
) -> tuple[tuple[str, str], ...]:
    """Related pairs as the phrases holding them on each side ("K-pop", "imports"),
    strongest first, each pair of phrases once."""

    def phrase(text: str, runs: list[list[_Word]], stem: str) -> str | None:
        for run in runs:
            if any(w.token.stem == stem for w in run):
                start, end = _span(run)
                return _POSSESSIVE.sub("", text[start:end])
        return None

    found: dict[tuple[str, str], None] = {}
    for u, v in related:
        x, y = phrase(text_a, runs_a, u), phrase(text_b, runs_b, v)
        if x and y and x.casefold() != y.casefold():
            found.setdefault((x, y))
    return tuple(found)


def _value_spans(article: Article, sentences: Sequence[int], sides) -> list[Span]:
    """Where discrepancy values of `article` sit in the sentences' joined text."""
    offsets, position = {}, 0
    for i in sentences:
        offsets[i] = position - article.sentences[i].start
        position += len(article.sentences[i].text) + 1
    return sorted(
        (side.start + offsets[side.sentence], side.end + offsets[side.sentence])
        for side in sides
        if side.article == article.id and side.sentence in offsets
    )
