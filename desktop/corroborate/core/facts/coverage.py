"""Which other sources report each sentence of an article: the heat map of article tabs.

Pure: the only index it reads is the fact table's own (`FactTable.facts_of`), built
with the table, so a worker and the window may both ask at once.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import FactTable

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
