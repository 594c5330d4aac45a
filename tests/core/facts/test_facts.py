"""Facts across a folder: each fact once, with the articles that report it.

If these broke, a fact-checker would see one fact split or merged with another, an
outlet listed as reporting what it leaves out (or the reverse), a pair the compare view
links missing from the fact view, facts and their ids changing when the same files are
opened in another order (annotations on facts would come loose), or a sentence listed
twice for one article without reason.

`pytest -s tests/core/test_facts.py -k gold` prints the agreement with the labelled facts.
"""

from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.core.alignment.align import DEFAULT_THRESHOLD, align
from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts import sentence_graph
from corroborate.core.facts.find import find_facts, is_boilerplate
from corroborate.core.facts.groups import MAX_PER_ARTICLE
from corroborate.core.ingest.readers import content_id
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article, FactTable
from tests.core.facts.test_claims import check_claims
from tests.quality.align_quality import (
    fact_sentences,
    file_name,
    gold_articles,
    gold_pairs,
    load_gold,
    load_seed_articles,
)

# Figures measured at the default settings (see the report printed by the gold test);
# raise them when the grouping improves. Align's weak one-sided links (right less than
# half the time on the gold) make no fact of their own, so a few of its pairs are in none.
MIN_PRECISION = 0.73
MIN_RECALL = 0.45
MIN_ALIGN_AGREEMENT = 0.9


@pytest.fixture(scope="module")
def seeds():
    gold = load_gold()
    articles = tuple(gold_articles(load_seed_articles(), gold).values())
    corpus = Corpus(articles)
    return gold, articles, corpus, find_facts(corpus)


def by_name(articles):
    return {file_name(a): a for a in articles}


def shared_pairs(table: FactTable) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """Sentences of different articles that share a fact, both orders (a repeat, such as
    a teaser printed again in the body, stands with the sentence it repeats)."""
    pairs = set()
    for fact in table.shared:
        for m1, m2 in combinations(fact.mentions, 2):
            for i in (*m1.sentences, *m1.repeats):
                for j in (*m2.sentences, *m2.repeats):
                    pairs |= {
                        ((m1.article, i), (m2.article, j)),
                        ((m2.article, j), (m1.article, i)),
                    }
    return pairs


def test_gold_agreement_of_same_fact_pairs_and_of_align(seeds):
    gold, articles, corpus, table = seeds
    names = {a.id: file_name(a) for a in articles}
    expected = gold_pairs(articles, gold)
    predicted = {(names[a], i, names[b], j) for (a, i), (b, j) in shared_pairs(table)}
    found = sum(len(pairs) for pairs in expected.values())
    correct = sum(
        1 for (fa, fb), ps in expected.items() for i, j in ps if (fa, i, fb, j) in predicted
    )
    made = sum(1 for fa, _, fb, _ in predicted if (fa, fb) in expected)
    precision, recall = correct / made, correct / found
    links = shared_pairs(table)
    aligned = [
        ((a.id, i), (b.id, j))
        for a, b in combinations(articles, 2)
        for m in align(a, b, corpus).matches
        for i in m.a
        for j in m.b
    ]
    together = sum(pair in links for pair in aligned) / len(aligned)
    print(
        f"\nfacts on the seed gold: {len(table.shared)} shared, {len(table.exclusive)} exclusive;"
        f" same-fact sentence pairs across articles: precision {precision:.3f} "
        f"({correct}/{made}), recall {recall:.3f} ({correct}/{found});"
        f" align's pairs sharing a fact {together:.3f} ({round(together * len(aligned))}"
        f"/{len(aligned)})"
    )
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL
    assert together >= MIN_ALIGN_AGREEMENT


def test_visit_duration_fact_spans_every_source_that_states_it_and_flags_the_conflict(seeds):
    _, articles, _, table = seeds
    named = by_name(articles)
    stating = {
        name: {s.index for s in named[name].sentences if quote in s.text}
        for name, quote in (
            ("crbc-news.txt", "four-day visit"),
            ("economic-ties-regional-tensions.txt", "The four-day trip"),
            ("ssbcrackexams.txt", "four-day visit"),
            ("state-visit-economic-security-talks.txt", "three-day state visit"),
        )
    }
    assert all(stating.values())

    def states_it_everywhere(fact):
        return all(set(fact.sentences_of(named[n].id)) & s for n, s in stating.items())

    facts = [f for f in table.shared if states_it_everywhere(f)]
    assert facts, "no fact holds the duration in every source that states it"
    kinds = {(d.kind, d.a.value, d.b.value) for f in facts for d in f.discrepancies}
    assert any(k == "duration" and {a, b} == {"three-day", "four-day"} for k, a, b in kinds)


def test_each_conflict_is_listed_on_one_fact_only(seeds):
    """The lead sentence packing the visit's length, start and purpose is in several facts;
    the reader should meet "three-day vs four-day" once, not on each of them."""
    _, _, _, table = seeds
    seen: dict[tuple, str] = {}
    for fact in table.shared:
        for d in fact.discrepancies:
            sides = tuple(
                sorted(
                    ((d.a.article, d.a.sentence, d.a.start), (d.b.article, d.b.sentence, d.b.start))
                )
            )
            key = (d.kind, *sides)
            assert seen.setdefault(key, fact.id) == fact.id, (d.explanation, fact.id)
    durations = [
        f for f in table.shared
        if any({d.a.value, d.b.value} == {"three-day", "four-day"} for d in f.discrepancies)
    ]  # fmt: skip
    assert len(durations) == 1


def test_no_fact_is_contained_in_another(seeds):
    _, _, _, table = seeds
    held = [{(m.article, i) for m in f.mentions for i in m.sentences} for f in table.shared]
    for n, one in enumerate(held):
        assert not any(one < other for m, other in enumerate(held) if m != n)


def test_exclusive_facts_of_the_most_detailed_article_stay_exclusive(seeds):
    gold, articles, _, table = seeds
    labelled = gold_articles(articles, gold)
    reset = labelled["reset-strained-relations.txt"]
    sentences = fact_sentences(labelled, gold)
    exclusive = {f.mentions[0].article: set() for f in table.exclusive}
    for f in table.exclusive:
        exclusive[f.mentions[0].article].update(f.mentions[0].sentences)
    for fact_id in ("bold-move", "maritime-structures", "shared-history", "yoon-critical-stance"):
        assert next(f for f in gold["facts"] if f["id"] == fact_id)["exclusive"]
        first = min(sentences[fact_id]["reset-strained-relations.txt"])
        assert first in exclusive[reset.id], fact_id
        assert not any(first in f.sentences_of(reset.id) for f in table.shared), fact_id


def test_boilerplate_lines_are_in_no_fact(seeds):
    _, articles, _, table = seeds
    state = by_name(articles)["state-visit-economic-security-talks.txt"]
    skipped = {m.article: set(m.sentences) for m in table.skipped}
    sources = [s.index for s in state.sentences if s.text in ("Sources", "The Korea Times")]
    assert sources and set(sources) <= skipped[state.id]
    assert not any(set(sources) & set(f.sentences_of(state.id)) for f in table.facts)
    assert is_boilerplate("Edited by: Dmitry Drozd") and is_boilerplate("Related Posts")
    assert not is_boilerplate("Lee met Xi in Beijing on Monday for talks on trade.")


def test_link_scores_are_the_corpus_scores(seeds):
    """The folder-wide links reimplement the corpus's score: they must not drift apart."""
    _, articles, corpus, _ = seeds
    space = sentence_graph.sentence_space(corpus)
    links = sentence_graph.find_links(space, DEFAULT_THRESHOLD)
    assert len(links) > 100
    for source, target, score in zip(links.source, links.target, links.score, strict=True):
        a, b = space.articles[space.article[source]], space.articles[space.article[target]]
        expected = corpus.score_matrix(a, b)[space.sentence[source], space.sentence[target]]
        assert score == pytest.approx(expected, abs=1e-6)
        assert space.score(source, target) == pytest.approx(expected, abs=1e-6)


def test_progress_reaches_the_total_and_false_cancels(seeds):
    _, _, corpus, table = seeds
    calls = []
    again = find_facts(corpus, lambda done, total: calls.append((done, total)) or True)
    assert again.facts == table.facts and not again.cancelled
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and calls[-1][0] == calls[-1][1] == calls[0][1]
    stopped = find_facts(corpus, lambda done, total: False)
    assert stopped.cancelled and stopped.facts == ()


# --- properties on small synthetic folders ----------------------------------------

POOL = (
    "Lee met Xi in Beijing on Monday for talks on trade and security.",
    "The president arrived in Beijing on Sunday for a four-day state visit.",
    "Samsung and Hyundai executives travel with the delegation.",
    "North Korea fired a ballistic missile into the sea hours before the trip.",
    "China held large military drills around Taiwan last week.",
    "Seoul hopes Beijing will ease its unofficial ban on Korean pop culture.",
    "The two leaders last met in November at a regional summit in Gyeongju.",
    "Analysts say the visit could reset strained relations between the neighbours.",
    "Officials signed fourteen agreements on supply chains and technology.",
    "Related Posts",
)


@st.composite
def folders(draw):
    """Two to four articles, each a few pool sentences, reworded by dropping words."""
    count = draw(st.integers(2, 4))
    texts = set()
    for n in range(count):
        picks = draw(st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=6))
        sentences = []
        for p in picks:
            words = POOL[p].rstrip(".").split()
            drop = draw(st.integers(0, max(0, len(words) - 3)))
            kept = words[: len(words) - drop] if draw(st.booleans()) else words[drop:]
            sentences.append(" ".join(kept) + ("" if p == len(POOL) - 1 else "."))
        texts.add(f"Report {n}\n\n" + "\n\n".join(sentences))
    return [
        Article(content_id(t), f"a{n}.txt", f"a{n}", f"Outlet {n}", "txt", t, split_sentences(t))
        for n, t in enumerate(sorted(texts))
    ]


def check_multiple_mentions_rule(corpus: Corpus, table: FactTable) -> None:
    """Several sentences of one article in a fact (see core/facts/find.py): either repeats of
    each other, or each linked at the threshold by one sentence of another article."""
    articles = {a.id: a for a in table.articles}
    for fact in table.facts:
        for mention in fact.mentions:
            if len(mention.sentences) == 1:
                continue
            own = articles[mention.article]
            same = corpus.score_matrix(own, own)
            unexplained = [
                i
                for i in mention.sentences
                if not any(
                    same[i, j] >= sentence_graph.REPEAT_SCORE for j in mention.sentences if j != i
                )
            ]
            assert len(unexplained) <= MAX_PER_ARTICLE
            if len(unexplained) < 2:
                continue
            assert any(
                all(corpus.score_matrix(articles[other.article], own)[k, i] >= table.threshold
                    for i in unexplained)
                for other in fact.mentions
                if other.article != mention.article
                for k in other.sentences
            ), (fact, mention)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folders())
def test_facts_are_well_formed_and_do_not_depend_on_article_order(articles):
    corpus = Corpus(articles)
    table = find_facts(corpus)
    lengths = {a.id: len(a.sentences) for a in articles}
    placed = {(m.article, i) for f in table.facts for m in f.mentions for i in m.sentences}
    repeated = {(m.article, i) for f in table.facts for m in f.mentions for i in m.repeats}
    for fact in table.facts:
        ids = [m.article for m in fact.mentions]
        assert fact.coverage == len(set(ids)) == len(ids) >= 1
        assert ids == sorted(ids)
        for m in fact.mentions:
            assert m.sentences and list(m.sentences) == sorted(set(m.sentences))
            assert all(0 <= i < lengths[m.article] for i in m.sentences)
        assert fact.representative[1] in fact.sentences_of(fact.representative[0])
        assert table.left_out_by(fact) == tuple(a.id for a in articles if a.id not in ids)
        for d in fact.discrepancies:
            assert d.a.sentence in fact.sentences_of(d.a.article)
            assert d.b.sentence in fact.sentences_of(d.b.article)
    assert len({f.id for f in table.facts}) == len(table.facts)
    # Every sentence is in a fact or skipped as boilerplate, never both.
    skipped = {(m.article, i) for m in table.skipped for i in m.sentences}
    # A repeat (a teaser printed again) is shown with its sentence, never as a mention.
    assert not placed & skipped and not placed & repeated and not repeated & skipped
    assert placed | repeated | skipped == {(a.id, s.index) for a in articles for s in a.sentences}
    check_multiple_mentions_rule(corpus, table)
    check_claims(table)
    reordered = find_facts(Corpus(list(reversed(articles))))
    assert reordered.facts == table.facts
    assert find_facts(corpus).facts == table.facts


def test_two_outlets_reporting_the_same_things_share_every_fact():
    texts = [
        "Lee met Xi in Beijing on Monday for talks on trade and security. "
        "North Korea fired a ballistic missile into the sea hours before the trip.",
        "North Korea fired a ballistic missile into the sea just hours before the trip. "
        "On Monday Lee met Xi in Beijing for talks on security and trade.",
    ]
    articles = [
        Article(content_id(t), f"{n}.txt", str(n), str(n), "txt", t, split_sentences(t))
        for n, t in enumerate(texts)
    ]
    table = find_facts(Corpus(articles))
    assert len(table.facts) == 2 and all(f.coverage == 2 for f in table.facts)
    first, second = articles
    pairs = {(f.sentences_of(first.id), f.sentences_of(second.id)) for f in table.facts}
    assert pairs == {((0,), (1,)), ((1,), (0,))}
