"""Roll-ups: one status per fact from every annotation within it, and a row's inherited
status from the annotations covering it."""

from __future__ import annotations

import time

from corroborate.core.annotations.rollup import Rollup, RollupIndex, rolled_status
from corroborate.core.model import Annotation, Status, Target


def target(article: str, start: int) -> Target:
    return Target(article, article.upper(), "", "", start, start + 10, "x" * 10)


def annotation(name: str, status: Status, *spans, fact_id=None, note="") -> Annotation:
    targets = tuple(target(a, s) for a, s in spans)
    return Annotation(name, status, note, f"2026-01-0{len(name)}", "", targets, fact_id=fact_id)


def spans(*pairs) -> frozenset:
    return frozenset((a, s, s + 10) for a, s in pairs)


# A fact reported in a (sentence at 0) and b (sentences at 0 and 20).
FACT = spans(("a", 0), ("b", 0), ("b", 20))


def test_a_disputed_pair_disputes_its_fact():
    """Else disputing four-day against three-day in a comparison leaves the fact's Status
    empty in the Facts tab."""
    pair = annotation("p", Status.DISPUTED, ("a", 0), ("b", 0), note="4 vs 3 days")
    rollup = RollupIndex([pair]).within(FACT)
    assert rollup.annotations == (pair,)
    assert rollup.status == Status.DISPUTED
    assert rollup.summary() == "Disputed"


def test_status_rules_and_counts():
    """Disputed if any is, agreed only if all are, else unverified: a fact is never shown
    agreed while someone disputes part of it."""
    agreed = annotation("f", Status.AGREED, *[("a", 0), ("b", 0), ("b", 20)], fact_id="F1")
    pair = annotation("pp", Status.AGREED, ("a", 0), ("b", 20))
    index = RollupIndex([agreed, pair])
    assert index.within(FACT).status == Status.AGREED
    index.put(annotation("ppp", Status.UNVERIFIED, ("a", 0), ("b", 0)))
    assert index.within(FACT).status == Status.UNVERIFIED
    index.put(annotation("pppp", Status.DISPUTED, ("a", 0)))
    rollup = index.within(FACT)
    assert rollup.status == Status.DISPUTED
    assert rollup.counts[Status.AGREED] == 2 and rollup.counts[Status.DISPUTED] == 1
    assert rollup.summary() == "Disputed · 1 of 4"
    assert rolled_status([]) is None and Rollup(()).summary() == ""


def test_only_annotations_wholly_within_count():
    """A pair with one sentence outside the fact is about something else."""
    outside = annotation("o", Status.DISPUTED, ("a", 0), ("c", 0))
    assert RollupIndex([outside]).within(FACT).status is None


def test_a_row_inherits_from_a_covering_fact_annotation_unless_it_has_its_own():
    """Marking a fact agreed shows on a comparison row of two of its mentions; the row's
    own mark wins over the inherited one."""
    fact = annotation("f", Status.AGREED, ("a", 0), ("b", 0), ("b", 20), fact_id="F1")
    index = RollupIndex([fact])
    row = spans(("a", 0), ("b", 0))
    marks = index.row(row)
    assert marks.own is None and marks.inherited.annotations == (fact,)
    assert marks.status == Status.AGREED
    own = annotation("own", Status.DISPUTED, ("a", 0), ("b", 0))
    index.put(own)
    assert index.row(row).own == own and index.row(row).status == Status.DISPUTED
    assert index.row(spans(("a", 0), ("c", 0))).status is None


def test_removing_and_replacing_follow_changes():
    """Undo of a pair annotation clears the fact's roll-up; editing its status updates it."""
    pair = annotation("p", Status.DISPUTED, ("a", 0), ("b", 0))
    index = RollupIndex([pair])
    index.put(annotation("p", Status.AGREED, ("a", 0), ("b", 0)))
    assert index.within(FACT).status == Status.AGREED and len(index) == 1
    index.remove("p")
    assert index.within(FACT).status is None and index.row(spans(("a", 0))).own is None


def test_thousands_of_annotations_and_facts_answer_quickly():
    """A large store must not make the Facts tab's Status column crawl while it paints."""
    # 1,000 facts, each reported by five sources in sentence f; five pairs on each fact,
    # plus a fact annotation on every tenth fact (its rows inherit it).
    facts = [spans(*((f"art{j}", f * 20) for j in range(5))) for f in range(1000)]
    annotations = [
        annotation(f"p{f}-{j}", Status.AGREED, (f"art{j}", f * 20), (f"art{(j + 1) % 5}", f * 20))
        for f in range(1000)
        for j in range(5)
    ]
    annotations += [
        annotation(
            f"f{f}", Status.DISPUTED, *((f"art{j}", f * 20) for j in range(5)), fact_id=f"F{f}"
        )
        for f in range(0, 1000, 10)
    ]
    assert len(annotations) >= 5000
    started = time.perf_counter()
    index = RollupIndex(annotations)
    rollups = [index.within(fact) for fact in facts]
    rows = [index.row(spans(("art0", f * 20), ("art1", f * 20))) for f in range(1000)]
    elapsed = time.perf_counter() - started
    assert [len(r.annotations) for r in rollups[:2]] == [6, 5]
    assert sum(r.status == Status.DISPUTED for r in rollups) == 100
    assert all(r.own is not None for r in rows)
    assert index.covering(spans(("art0", 0), ("art1", 0))).status == Status.DISPUTED
    assert elapsed < 0.5, f"{elapsed:.2f} s"
