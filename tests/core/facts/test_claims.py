"""What each fact says: its claim, the span of each mention stating it, repeats once.

If these broke, the Facts tab and the report would show two facts under the same words
(the reader could not tell them apart), a sentence packing two facts would head both
with its whole text, a mention's highlighted span would fall outside its sentence, or a
teaser printed again in the body would count as a second mention of the same outlet.
"""

from collections import Counter

import pytest

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.claims import claim_text, clauses
from corroborate.core.facts.find import find_facts
from corroborate.core.ingest.readers import content_id
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article, FactTable
from tests.quality.align_quality import file_name, load_seed_articles

# On the five seeds before claims: 66 of 150 mentioned sentences were in several facts
# (teasers counted as mentions, facts differing in one outlet's sentence only listed apart).
SENTENCES_IN_SEVERAL_FACTS_BEFORE = 66


@pytest.fixture(scope="module")
def seeds():
    articles = tuple(load_seed_articles())
    return articles, find_facts(Corpus(articles))


def folded(text: str) -> str:
    return " ".join(text.casefold().split())


def sentences_in_several_facts(table: FactTable) -> int:
    held = Counter((m.article, i) for f in table.facts for m in f.mentions for i in m.sentences)
    return sum(1 for n in held.values() if n > 1)


def check_claims(table: FactTable) -> None:
    articles = {a.id: a for a in table.articles}
    claims = [folded(f.claim) for f in table.facts]
    assert all(claims) and len(set(claims)) == len(claims)
    for fact in table.facts:
        rep_article, rep_sentence = fact.representative
        # The claim is words of its sentence (a leading "and", "while" … dropped), and,
        # when those were another fact's claim already, the words that set it apart.
        words = folded(fact.claim).split(" (")[0]
        assert words in folded(articles[rep_article].sentences[rep_sentence].text)
        for m in fact.mentions:
            bounds = [articles[m.article].sentences[i] for i in m.sentences]
            assert any(s.start <= m.start < m.end <= s.end for s in bounds), (fact.claim, m)


def test_no_two_seed_facts_show_the_same_claim_and_fewer_sentences_sit_in_several(seeds):
    _, table = seeds
    check_claims(table)
    several = sentences_in_several_facts(table)
    mentioned = len({(m.article, i) for f in table.facts for m in f.mentions for i in m.sentences})
    print(
        f"\nseed facts: {len(table.facts)}; mentioned sentences {mentioned}, in several facts"
        f" {several} (before: {SENTENCES_IN_SEVERAL_FACTS_BEFORE} of 150)"
    )
    assert several < SENTENCES_IN_SEVERAL_FACTS_BEFORE


def test_a_teaser_repeated_in_full_counts_once(seeds):
    """SSBCrackExams prints its headline and first paragraph twice, the first time cut."""
    articles, table = seeds
    ssb = next(a for a in articles if file_name(a) == "ssbcrackexams.txt")
    texts = [s.text for s in ssb.sentences]
    cut = next(i for i, t in enumerate(texts) if t.endswith(("...", "…")))
    full = next(i for i, t in enumerate(texts) if i != cut and t.startswith(texts[cut][:60]))
    headline, again = [i for i, t in enumerate(texts) if t == texts[0]][:2]
    for fact in table.facts:
        held = fact.sentences_of(ssb.id)
        assert cut not in held and again not in held, fact.claim
    holding = [f for f in table.facts if full in f.sentences_of(ssb.id)]
    assert holding
    for fact in holding:
        mention = next(m for m in fact.mentions if m.article == ssb.id)
        assert cut in mention.repeats  # shown with the full sentence, not counted
    assert any(headline in f.sentences_of(ssb.id) for f in table.facts)


def make(texts):
    return [
        Article(content_id(t), f"{n}.txt", str(n), str(n), "txt", t, split_sentences(t))
        for n, t in enumerate(texts)
    ]


def test_a_sentence_packing_two_facts_heads_each_with_its_own_clause():
    articles = make(
        [
            "Lee met Xi in Beijing on Monday for talks on trade and chips, while North Korea "
            "fired a ballistic missile into the sea off its east coast.",
            "Lee met Xi in Beijing on Monday for talks on trade and chips.",
            "North Korea fired a ballistic missile into the sea off its east coast.",
        ]
    )
    table = find_facts(Corpus(articles))
    packed = articles[0]
    both = [f for f in table.facts if f.sentences_of(packed.id) == (0,)]
    assert len(both) == 2
    check_claims(table)
    claims = {f.claim for f in both}
    assert claims == {
        "Lee met Xi in Beijing on Monday for talks on trade and chips",
        "North Korea fired a ballistic missile into the sea off its east coast.",
    }
    for fact in both:
        mention = next(m for m in fact.mentions if m.article == packed.id)
        assert folded(claim_text(packed.text[mention.start : mention.end])) == folded(fact.claim)


def test_clauses_split_at_semicolons_and_joining_words_but_keep_short_pieces():
    text = (
        "Lee arrived on Sunday for a four-day visit, and he will meet Xi on Monday; "
        "trade talks with Li Qiang follow, but no deal is expected, officials said."
    )
    pieces = [text[s:e] for s, e in clauses(text)]
    assert pieces == [
        "Lee arrived on Sunday for a four-day visit",
        "and he will meet Xi on Monday",
        "trade talks with Li Qiang follow",
        "but no deal is expected, officials said.",
    ]
    assert clauses("A short one.") == [(0, len("A short one."))]
    assert claim_text("and he will meet Xi") == "He will meet Xi"


def test_a_short_teaser_cut_with_an_ellipsis_is_no_second_mention():
    body = (
        "Lee arrived in Beijing on Sunday for a four-day state visit aimed at deepening "
        "trade ties with China, his largest trading partner, and at calming the tension "
        "left by the military drills near Taiwan."
    )
    articles = make(
        [
            f"Lee in Beijing\n\nLee arrived in Beijing on Sunday for a four-day…\n\n{body}",
            "Lee arrived in Beijing on Sunday for a four-day state visit to deepen trade ties "
            "with China, his largest trading partner.",
        ]
    )
    table = find_facts(Corpus(articles))
    teaser_article = articles[0]
    teaser = next(s.index for s in teaser_article.sentences if s.text.endswith("…"))
    full = next(s.index for s in teaser_article.sentences if s.text == body)
    assert not any(teaser in f.sentences_of(teaser_article.id) for f in table.facts)
    shared = [f for f in table.shared if full in f.sentences_of(teaser_article.id)]
    assert len(shared) == 1
    assert next(m for m in shared[0].mentions if m.article == teaser_article.id).repeats == (
        teaser,
    )


def test_facts_left_with_the_same_words_are_told_apart():
    """Two outlets print one sentence word for word, a third states it twice differently:
    whatever the grouping, every fact reads differently."""
    same = "Lee met Xi in Beijing on Monday for talks on trade and chips."
    articles = make(
        [
            same,
            same + " Officials called it frank.",
            "Lee met Xi in Beijing on Monday. Talks on trade and chips followed in Beijing.",
        ]
    )
    check_claims(find_facts(Corpus(articles)))
