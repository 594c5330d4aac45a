"""Grouping linked sentences into facts (steps 2 and 3 of `facts`).

Rows are sentences of a `SentenceSpace`; links come from `sentence_graph.find_links`.
Every walk goes over the links strongest first, ties by rows, so the groups depend on
the articles' contents only.

Step 2, partition: the groups of a link's two sentences merge when they hold no article
in common and their mean pairwise score on shared words reaches `MERGE_SHARE` of the
threshold. One
sentence per article keeps chains of paraphrases from snowballing into a topic; the
mean (average link) lets a sentence in because it resembles the whole fact.

Step 3, sentences that say several things. News sentences pack several facts, and each
outlet packs them differently, so a partition leaves some links between two groups.
Each such link, strongest first, is covered by the first of:

- repeating: the linking sentence is in no fact yet, the other end's fact already holds
  a sentence of its article, and the other end scores at least the threshold with that
  sentence too. It joins beside it: a headline and the body line it repeats.
- packing: the link's target joins a fact of the source that has no sentence of the
  target's article and that it fits (mean score at least `JOIN_SHARE` of the threshold),
  or the other way round. The joining sentence is now in several facts.
- a new fact of the two sentences, which later links may grow by packing.

So a fact holds several sentences of one article only by repeating: one sentence of
another article in the fact scores at least the threshold with each of them, and there
are never more than `MAX_PER_ARTICLE` (besides the repeats `sentence_graph` folds into
one row, which `facts` lists with it).
"""

from __future__ import annotations

from dataclasses import dataclass

from .sentence_graph import Links, SentenceSpace, add_into, mean_score

# Two groups merge when their mean pairwise score reaches this share of the threshold.
# Chosen on the labelled facts of the sample articles (see tests/core/test_facts.py).
MERGE_SHARE = 0.6
# A sentence joins a further fact when its mean score with it reaches this share.
JOIN_SHARE = 0.6
# At most this many sentences of one article in one fact (as align's `MAX_GROUP`).
MAX_PER_ARTICLE = 3


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
        self._partition()
        self._cover_links()

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
            if len(ga.rows) < len(gb.rows):
                ia, ib, ga, gb = ib, ia, gb, ga
            ga.rows += gb.rows
            ga.articles |= gb.articles
            add_into(ga.total, gb.total)
            for r in gb.rows:
                self._member_of[r] = [ia]
            self._groups[ib] = None

    # --- step 3 -----------------------------------------------------------------

    def _cover_links(self) -> None:
        links = self.links
        for x, y in zip(links.source.tolist(), links.target.tolist(), strict=True):
            if set(self._member_of[x]) & set(self._member_of[y]):
                continue
            if not (self._repeat(x, y) or self._pack(y, x) or self._pack(x, y)):
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
        return mean >= JOIN_SHARE * self.threshold

    def _score(self, a: int, b: int) -> float:
        return self.space.score(a, b)

    # --- results ------------------------------------------------------------------

    def shared(self) -> list[list[int]]:
        """Rows of each fact of two articles or more, sorted; the list sorted too."""
        found = {
            tuple(sorted(g.rows)) for g in self._groups if g is not None and len(g.articles) > 1
        }
        return [list(rows) for rows in sorted(found)]

    def alone(self) -> list[int]:
        """Rows in no shared fact, ascending: each is an exclusive fact."""
        return [r for r in range(self.space.size) if self._alone(r)]
