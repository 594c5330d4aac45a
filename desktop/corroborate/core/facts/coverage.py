"""Which other sources report each sentence of an article, and how they put it: the heat
map of article tabs and its tooltips.

Pure: the only index it reads is the fact table's own (`FactTable.facts_of`), built
with the table, so a worker and the window may both ask at once.
"""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz

from ..model import Fact, FactTable
from ..text.words import fold

# Sentence index -> labels of the other sources reporting it; () when only this one does.
SentenceCoverage = dict[int, tuple[str, ...]]


def others_by_sentence(
    table: FactTable, article_id: str, label_of: Mapping[str, str]
) -> SentenceCoverage:
    """For each sentence of `article_id` in a fact: the other sources reporting any fact it
    is part of, in the order of the table's articles. Boilerplate lines, in no fact, are
    left out: they are neither corroborated nor exclusive."""
    others: dict[int, set[str]] = {}
    for fact in table.facts_of(article_id):
        outlets = {a for a in fact.articles if a != article_id}
        for sentence in fact.sentences_of(article_id):
            others.setdefault(sentence, set()).update(outlets)
    order = {a.id: n for n, a in enumerate(table.articles)}
    return {
        sentence: tuple(label_of.get(a, a) for a in sorted(ids, key=order.__getitem__))
        for sentence, ids in others.items()
    }


# How another source carries a sentence, strongest first: what a fact-checker reads first.
DIFFERENT_VALUE = "states a value differently"
SAME_WORDING = "same wording"
PARAPHRASE = "in other words"
_STRENGTH = {DIFFERENT_VALUE: 0, SAME_WORDING: 1, PARAPHRASE: 2}
# rapidfuzz ratio of the folded texts from which two sentences count as the same wording.
SAME_WORDING_RATIO = 90.0

# Sentence index -> (label, how) of each other source reporting it, in table order.
SentenceWording = dict[int, tuple[tuple[str, str], ...]]


def wording_by_sentence(
    table: FactTable, article_id: str, label_of: Mapping[str, str]
) -> SentenceWording:
    """For each sentence of `article_id` in a fact: how each other source reporting it puts
    it — the same wording, other words, or a value stated differently (a discrepancy of
    the fact between the two sources on this sentence). The strongest wins across facts."""
    articles = {a.id: a for a in table.articles}
    me = articles.get(article_id)
    if me is None:
        return {}
    found: dict[int, dict[str, str]] = {}
    for fact in table.facts_of(article_id):
        mine = fact.sentences_of(article_id)
        for mention in fact.mentions:
            if mention.article == article_id:
                continue
            theirs = fold(" ".join(articles[mention.article].sentences[i].text
                                   for i in mention.sentences))  # fmt: skip
            differing = _differing_sentences(fact, article_id, mention.article)
            for sentence in mine:
                if sentence in differing:
                    how = DIFFERENT_VALUE
                elif fuzz.ratio(fold(me.sentences[sentence].text), theirs) >= SAME_WORDING_RATIO:
                    how = SAME_WORDING
                else:
                    how = PARAPHRASE
                slot = found.setdefault(sentence, {})
                known = slot.get(mention.article)
                if known is None or _STRENGTH[how] < _STRENGTH[known]:
                    slot[mention.article] = how
    order = {a.id: n for n, a in enumerate(table.articles)}
    return {
        sentence: tuple(
            (label_of.get(a, a), how)
            for a, how in sorted(by_source.items(), key=lambda item: order[item[0]])
        )
        for sentence, by_source in found.items()
    }


def _differing_sentences(fact: Fact, article_id: str, other: str) -> set[int]:
    """This article's sentences on which the fact's discrepancies oppose `other`."""
    out = set()
    for d in fact.discrepancies:
        for mine, theirs in ((d.a, d.b), (d.b, d.a)):
            if mine.article == article_id and theirs.article == other:
                out.add(mine.sentence)
    return out
