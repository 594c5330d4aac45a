"""Grouping linked sentences into facts (steps 2 and 3 of `facts`).

Rows are sentences of a `SentenceSpace`; links come from `sentence_graph.find_links`.
Every walk goes over the links strongest first, ties by rows, so the groups depend on
the articles' contents only.

Step 2, partition: the groups of a link's two sentences merge when they hold no article
in common, their mean pairwise score on shared words reaches `MERGE_SHARE` of the
threshold, and (in folders small enough for a full score matrix) they are compatible:
no two of their sentences score below `PAIR_SHARE` of it, at least `SUPPORT_PAIRS` of
their pairs reach the threshold unless one pair is solid, and no two report statements
of different people (`compatibility`). One sentence per article keeps chains of
paraphrases from snowballing into a topic; the mean (average link) lets a sentence in
because it resembles the whole fact; the floor keeps out a sentence that resembles half
of it and shares nothing with the rest, which misleads whoever reads the fact; the
support keeps out a sentence joined through one link only; two experts' remarks on one
theme read alike but are two facts. Every later step keeps the same compatibility.

Step 3, sentences that say several things. News sentences pack several facts, and each
outlet packs them differently, so a partition leaves some links between two groups.
Each such link, strongest first, is covered by the first of:

- repeating: the linking sentence is in no fact yet, the other end's fact already holds
  a sentence of its article, and the other end scores at least the threshold with that
  sentence too. It joins beside it: a headline and the body line it repeats.
- packing: the link's target joins a fact of the source that has no sentence of the
  target's article and that it fits (mean score at least `JOIN_SHARE` of the threshold),
  or the other way round. The joining sentence is now in several facts.
- a new fact of the two sentences, which later links may grow by packing; except for a
  weak link (below `WEAK_SHARE` of the threshold, and only one of its sentences is the
  other's best partner), which on the sample articles is wrong more often than right.

Step 4, disputed quantities (in folders small enough for a full score matrix: reading
every sentence's quantities and scoring each candidate would slow big folders). A fact
whose outlets give different values of one quantity (a four-day visit against a
three-day one) is where a reader looks for that dispute, so every outlet stating that
quantity belongs in it: a linked sentence of another outlet that states it joins,
beside its article's sentence when there is one (under the same rule as repeating).

Results (`shared`): two facts holding the same sentences in every article but one merge
(one outlet states in two sentences what the others state in one; the merge links no
new pair of sentences of different articles), and a fact contained in another is dropped.

So a fact holds several sentences of one article only when one sentence of another
article in the fact scores at least the threshold with each of them, and there are never
more than `MAX_PER_ARTICLE` (besides the repeats `sentence_graph` folds into one row,
which `facts` lists with it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..alignment.confidence import SOLID_SCORE
from ..alignment.similarity import RELATED_SHARE
from ..checks.quantities import find_mentions
from .compatibility import SpeakerConflicts
from .sentence_graph import Links, SentenceSpace, add_into, mean_score

# Two groups merge when their mean pairwise score reaches this share of the threshold.
# Chosen on the labelled facts of the sample articles (see tests/core/test_facts.py).
MERGE_SHARE = 0.6
# A sentence joins a further fact when its mean score with it reaches this share.
JOIN_SHARE = 1.0
# No two sentences of different articles in one fact score below this share of the
# threshold, in folders of at most `DENSE_ROWS` sentences (a few dozen articles), where
# every score is computed once. On the sample articles, pairs scoring below it were
# wrong nine times in ten.
PAIR_SHARE = 0.7
DENSE_ROWS = 2048
# In those folders, a sentence (or group) joins a fact only when at least this many of
# its pairs with the fact's sentences of other articles reach the threshold (all of them
# when there are fewer), or one pair is solid (`confidence.SOLID_SCORE`): one link alone
# no longer chains a sentence into a fact it shares a single theme word with.
SUPPORT_PAIRS = 2
# A link below this share of the threshold that is the best partner one way only makes
# no fact of its own (it may still join its sentences to facts they fit).
WEAK_SHARE = 1.1
# At most this many sentences of one article in one fact (as align's `MAX_GROUP`).
MAX_PER_ARTICLE = 3
# Quantities whose differing values make a fact about them (dates and weekdays are in
# nearly every sentence of a news story; they would gather everything).
_DISPUTED_FAMILIES = ("duration", "money", "percent", "number")


@dataclass
class _Group:
    rows: list[int]
    articles: set[int]  # article positions of the rows
    total: dict[int, float]  # sum of the rows' Y vectors (see `sentence_graph`)


class FactGroups:
    """Groups of rows; `shared()` and `alone()` give the result."""

    def __init__(self, space: SentenceSpace, links: Links, threshold: float) -> None:
        self.space, self.links, self.threshold = space, links, threshold
        self._groups: list[_Group | None] = [
            _Group([r], {int(space.article[r])}, space.row_dict(r)) for r in range(space.size)
        ]
        self._member_of: list[list[int]] = [[r] for r in range(space.size)]
        self._scores = _dense_scores(space) if space.size <= DENSE_ROWS else None
        self._speakers = SpeakerConflicts(self._text, lambda row: int(space.article[row]))
        self._partition()
        self._cover_links()
        if self._scores is not None:
            self._gather_disputes()

    # --- step 2 -----------------------------------------------------------------

    def _partition(self) -> None:
        floor = MERGE_SHARE * self.threshold
        for a, b in zip(self.links.source.tolist(), self.links.target.tolist(), strict=True):
            ia, ib = self._member_of[a][0], self._member_of[b][0]
            if ia == ib:
                continue
            ga, gb = self._groups[ia], self._groups[ib]
            if ga.articles & gb.articles:
                continue
            if mean_score(ga.total, gb.total, len(ga.rows), len(gb.rows)) < floor:
                continue
            if not self._close(ga.rows, gb.rows):
                continue
            if len(ga.rows) < len(gb.rows):
                ia, ib, ga, gb = ib, ia, gb, ga
            ga.rows += gb.rows
            ga.articles |= gb.articles
            add_into(ga.total, gb.total)
            for r in gb.rows:
                self._member_of[r] = [ia]
            self._groups[ib] = None

    def _close(self, a: list[int], b: list[int]) -> bool:
        """Whether `a` and `b` may share a fact: no two of their rows of different articles
        score below the floor or report different people's statements, and at least
        `SUPPORT_PAIRS` of those pairs (all, if fewer) reach the threshold unless one is
        solid. Always true in folders too large for a full score matrix."""
        if self._scores is None:
            return True
        block = self._scores[np.ix_(a, b)]
        other = self.space.article[a][:, None] != self.space.article[b][None, :]
        if (other & (block < PAIR_SHARE * self.threshold)).any():
            return False
        linked = other & (block >= self.threshold)
        if (
            linked.sum() < min(SUPPORT_PAIRS, other.sum())
            and not (other & (block >= SOLID_SCORE)).any()
        ):
            return False
        return not self._speakers.any_apart(a, b)

    # --- step 3 -----------------------------------------------------------------

    def _cover_links(self) -> None:
        links = self.links
        sources, targets = links.source.tolist(), links.target.tolist()
        directed = set(zip(sources, targets, strict=True))
        weak = WEAK_SHARE * self.threshold
        for x, y, score in zip(sources, targets, links.score.tolist(), strict=True):
            if set(self._member_of[x]) & set(self._member_of[y]):
                continue
            if self._repeat(x, y) or self._pack(y, x) or self._pack(x, y):
                continue
            if (score >= weak or (y, x) in directed) and self._close([x], [y]):
                self._new_group(x, y)

    def _alone(self, row: int) -> bool:
        ids = self._member_of[row]
        return len(ids) == 1 and len(self._groups[ids[0]].rows) == 1

    def _repeat(self, row: int, member: int) -> bool:
        if not self._alone(row):
            return False
        article = int(self.space.article[row])
        for index in self._member_of[member]:
            group = self._groups[index]
            same = [r for r in group.rows if self.space.article[r] == article]
            if (
                same
                and len(same) < MAX_PER_ARTICLE
                and all(self._score(member, r) >= self.threshold for r in same)
                and self._fits(row, group)
            ):
                self._join(row, index)
                return True
        return False

    def _pack(self, row: int, member: int) -> bool:
        article = int(self.space.article[row])
        for index in self._member_of[member]:
            group = self._groups[index]
            if article not in group.articles and self._fits(row, group):
                self._join(row, index)
                return True
        return False

    def _new_group(self, x: int, y: int) -> None:
        total = self.space.row_dict(x)
        add_into(total, self.space.row_dict(y))
        articles = {int(self.space.article[x]), int(self.space.article[y])}
        self._groups.append(_Group([x, y], articles, total))
        for r in (x, y):
            self._leave_singleton(r)
            self._member_of[r].append(len(self._groups) - 1)

    def _join(self, row: int, index: int) -> None:
        group = self._groups[index]
        group.rows.append(row)
        group.articles.add(int(self.space.article[row]))
        add_into(group.total, self.space.row_dict(row))
        self._leave_singleton(row)
        self._member_of[row].append(index)

    def _leave_singleton(self, row: int) -> None:
        """A sentence that was a fact of its own alone is one no longer."""
        if self._alone(row):
            self._groups[self._member_of[row][0]] = None
            self._member_of[row] = []

    def _fits(self, row: int, group: _Group) -> bool:
        mean = mean_score(self.space.row_dict(row), group.total, 1, len(group.rows))
        return mean >= JOIN_SHARE * self.threshold and self._close([row], group.rows)

    def _text(self, row: int) -> str:
        return self.space.articles[self.space.article[row]].sentences[self.space.sentence[row]].text

    def _score(self, a: int, b: int) -> float:
        if self._scores is not None:
            return float(self._scores[a, b])
        return self.space.score(a, b)

    # --- step 4 -----------------------------------------------------------------

    def _gather_disputes(self) -> None:
        quantities: dict[int, frozenset[tuple[str, str, object]]] = {}

        def stated(row: int) -> frozenset[tuple[str, str, object]]:
            if row not in quantities:
                article = self.space.articles[self.space.article[row]]
                text = article.sentences[self.space.sentence[row]].text
                quantities[row] = frozenset(
                    (m.family, m.key, m.value)
                    for m in find_mentions(text)
                    if m.family in _DISPUTED_FAMILIES and m.key
                )
            return quantities[row]

        disputed: dict[int, set[tuple[str, str]]] = {}
        for index, group in enumerate(self._groups):
            if group is None or len(group.articles) < 2:
                continue
            values: dict[tuple[str, str], set[tuple[int, object]]] = {}
            for r in group.rows:
                for family, key, value in stated(r):
                    values.setdefault((family, key), set()).add((int(self.space.article[r]), value))
            found = {
                q
                for q, seen in values.items()
                if len({a for a, _ in seen}) > 1 and len({v for _, v in seen}) > 1
            }
            if found:
                disputed[index] = found
        if not disputed:
            return
        for x, y in zip(self.links.source.tolist(), self.links.target.tolist(), strict=True):
            for index in list(self._member_of[y]):
                group = self._groups[index]
                if index not in disputed or x in group.rows:
                    continue
                if not disputed[index] & {(f, k) for f, k, _ in stated(x)}:
                    continue
                if self._may_join_beside(x, group):
                    self._join(x, index)

    def _may_join_beside(self, row: int, group: _Group) -> bool:
        """Whether `row` may join `group` under the rule for several sentences of one
        article: one sentence of another article scores at least the threshold with each."""
        if not self._close([row], group.rows):
            return False
        article = int(self.space.article[row])
        same = [r for r in group.rows if self.space.article[r] == article]
        if not same:
            return True
        if len(same) >= MAX_PER_ARTICLE:
            return False
        return any(
            all(self._score(k, r) >= self.threshold for r in (*same, row))
            for k in group.rows
            if self.space.article[k] != article
        )

    # --- results ------------------------------------------------------------------

    def shared(self) -> list[list[int]]:
        """Rows of each fact of two articles or more, sorted; the list sorted too."""
        found = {
            tuple(sorted(g.rows)) for g in self._groups if g is not None and len(g.articles) > 1
        }
        found = self._merge_one_article_apart(found)
        holding: dict[int, list[frozenset[int]]] = {}
        for rows in found:
            for r in rows:
                holding.setdefault(r, []).append(frozenset(rows))
        # A fact whose sentences all belong to a larger fact says nothing the larger one
        # does not: listing both would show the reader the same sentences twice.
        kept = [
            rows
            for rows in found
            if not any(
                len(other) > len(rows) and other.issuperset(rows) for other in holding[rows[0]]
            )
        ]
        return [list(rows) for rows in sorted(kept)]

    def _merge_one_article_apart(self, found: set[tuple[int, ...]]) -> set[tuple[int, ...]]:
        """Facts holding the same sentences in every article but one, merged: one outlet
        states in two sentences what the others state in one, and listing it twice would
        show the reader the same fact twice. Every pair of sentences of different articles
        the merged fact holds was already in one of the two, so it links nothing new; it
        keeps the rule for several sentences of one article (see the module's docstring)."""
        space = self.space
        facts = {rows: self._by_article(rows) for rows in found}
        changed = True
        while changed:
            changed = False
            buckets: dict[tuple, list[tuple[int, ...]]] = {}
            for rows, parts in sorted(facts.items()):
                for a in parts:
                    rest = tuple((b, parts[b]) for b in sorted(parts) if b != a)
                    buckets.setdefault((a, rest), []).append(rows)
            for (a, _), same in sorted(buckets.items()):
                live = [rows for rows in same if rows in facts]
                if len(live) < 2:
                    continue
                first, second = live[0], live[1]
                union = tuple(sorted(set(facts[first][a]) | set(facts[second][a])))
                others = [r for r in first if space.article[r] != a]
                if len(union) > MAX_PER_ARTICLE or not any(
                    all(self._score(k, r) >= self.threshold for r in union) for k in others
                ):
                    continue
                merged = tuple(sorted(set(first) | set(second)))
                del facts[first], facts[second]
                facts[merged] = self._by_article(merged)
                changed = True
        return set(facts)

    def _by_article(self, rows: tuple[int, ...]) -> dict[int, tuple[int, ...]]:
        parts: dict[int, list[int]] = {}
        for r in rows:
            parts.setdefault(int(self.space.article[r]), []).append(r)
        return {a: tuple(sorted(rs)) for a, rs in parts.items()}

    def alone(self) -> list[int]:
        """Rows in no shared fact, ascending: each is an exclusive fact."""
        return [r for r in range(self.space.size) if self._alone(r)]


def _dense_scores(space: SentenceSpace) -> np.ndarray:
    """Every row against every row (0-100), related words included, as the corpus scores."""
    y = space.vectors
    z = y if space.related is None else y + RELATED_SHARE * (y @ space.related)
    return (100.0 * (y @ z.T).toarray()).clip(0.0, 100.0).round(9)
