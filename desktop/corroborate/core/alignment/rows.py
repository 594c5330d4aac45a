"""One row per claim: matches that share a sentence are merged, or the weaker one gives way.

`align` gathers its links into one-to-one and one-to-many matches (stars); a sentence
linked to two partners that went to different stars would then show in two rows of the
comparison, which reads as two claims where the outlet made one. Here matches are taken
strongest first, and a match that shares a sentence with a stronger one

- is merged into it when the union is still one sentence against at most `MAX_GROUP`
  (one row saying "this sentence reports what those report together");
- otherwise loses the shared sentence (and is dropped when nothing is left on that side).

Merging into rows of several sentences on both sides was measured too: it kept more
ECB+ pairs, but each such row claims every cross pair, and on the seed gold it lowered
precision and put more of align's pairs outside any fact.

A sentence may stay in two rows only when its two partners are unrelated to each other
(they score below `DISTINCT_CLAIMS` against each other in their own article): then it
states two claims, each reported by a different sentence of the other outlet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

Group = tuple[tuple[int, ...], tuple[int, ...]]
# Score of several sentences of one side read together against several of the other.
GroupScores = Callable[[Sequence[Group]], list[float]]
# Score of two sets of sentences of the same article (side "a" or "b") against each other.
WithinScore = Callable[[str, tuple[int, ...], tuple[int, ...]], float]

MAX_GROUP = 3
# Two partners of one sentence scoring below this against each other report different
# things, so the sentence may be in a row with each.
DISTINCT_CLAIMS = 30.0
MAX_PASSES = 8


def one_row_each(
    groups: Sequence[Group], scores: Sequence[float], group_scores: GroupScores, within: WithinScore
) -> list[tuple[Group, float]]:
    """The groups with repeated sentences merged or removed, each with its score.

    Repeated until nothing changes: a row that grew by a merge may now share a claim
    with a row it was told apart from before. Each pass that changes anything removes a
    row or a sentence from a row, so this ends; `MAX_PASSES` is a guard all the same.
    """
    current = [(tuple(ga), tuple(gb)) for ga, gb in groups]
    values = list(scores)
    for _ in range(MAX_PASSES):
        rows = _one_pass(current, values, within)
        if sorted(rows) == sorted(current):
            return list(zip(current, values, strict=True))
        current, values = rows, group_scores(rows)
    return list(zip(current, values, strict=True))


def _one_pass(groups: Sequence[Group], scores: Sequence[float], within: WithinScore) -> list[Group]:
    """One sweep over the groups, strongest first, against the rows kept so far."""
    order = sorted(range(len(groups)), key=lambda k: (-scores[k], groups[k]))
    rows: list[tuple[list[int], list[int]]] = []
    # Which kept rows hold each sentence, so a group meets only the rows it overlaps.
    holders: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
    for k in order:
        ga, gb = list(groups[k][0]), list(groups[k][1])
        met = {r for i in ga for r in holders[0].get(i, ())}
        met.update(r for j in gb for r in holders[1].get(j, ()))
        for r in sorted(met):
            row = rows[r]
            shared_a = [i for i in ga if i in row[0]]
            shared_b = [j for j in gb if j in row[1]]
            if not shared_a and not shared_b:
                continue
            related = max(
                _relatedness(shared_a, gb, row[1], "b", within),
                _relatedness(shared_b, ga, row[0], "a", within),
            )
            if related < DISTINCT_CLAIMS:
                continue  # the shared sentence states two claims, one with each row
            union_a = sorted(set(row[0]) | set(ga))
            union_b = sorted(set(row[1]) | set(gb))
            if (
                min(len(union_a), len(union_b)) == 1
                and max(len(union_a), len(union_b)) <= MAX_GROUP
            ):
                _hold(holders, r, set(union_a) - set(row[0]), set(union_b) - set(row[1]))
                row[0][:], row[1][:] = union_a, union_b
                ga, gb = [], []
                break
            ga = [i for i in ga if i not in shared_a]
            gb = [j for j in gb if j not in shared_b]
            if not ga or not gb:
                break
        if ga and gb:
            _hold(holders, len(rows), ga, gb)
            rows.append((ga, gb))
    return [(tuple(ra), tuple(rb)) for ra, rb in rows]


def _hold(
    holders: tuple[dict[int, list[int]], ...], row: int, a: Iterable[int], b: Iterable[int]
) -> None:
    for side, sentences in ((0, a), (1, b)):
        for s in sentences:
            holders[side].setdefault(s, []).append(row)


def _relatedness(
    shared: list[int], partners: list[int], row_partners: list[int], side: str, within: WithinScore
) -> float:
    """How alike the two sets of partners of the sentences `shared` are (-1: no sharing)."""
    if not shared:
        return -1.0
    mine = tuple(p for p in partners if p not in row_partners)
    theirs = tuple(p for p in row_partners if p not in partners)
    if not mine or not theirs:
        return 100.0  # one set holds the other: the same partners
    return within(side, mine, theirs)
