"""Sentences that never share a fact: statements of two different people.

If these broke, a fact-checker would read two experts' different remarks as one fact
reported by both outlets (and believe the outlets agree on who said what), or would no
longer see one statement credited to two different people as one fact with a disputed
speaker.
"""

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.compatibility import SpeakerConflicts
from corroborate.core.facts.find import find_facts
from corroborate.core.ingest.readers import content_id
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article, FactTable

MEETING = (
    "Lee met Xi in Beijing on Monday for talks on trade and security. ",
    "On Monday Lee met Xi in Beijing for talks on security and trade. ",
)


def table_of(texts: list[str]) -> tuple[list[Article], FactTable]:
    articles = [
        Article(content_id(t), f"{n}.txt", str(n), str(n), "txt", t, split_sentences(t))
        for n, t in enumerate(texts)
    ]
    return articles, find_facts(Corpus(articles))


def test_quotes_of_two_experts_on_one_theme_are_two_facts():
    kang = (
        '"China sees South Korea as the weakest link of the trilateral alliance," said '
        "Kang Jun-young, a professor at Hankuk University."
    )
    park = (
        '"Beijing wants to pull South Korea away from Washington and its trilateral '
        'alliance," said Park Seung-chan, a professor at Yongin University.'
    )
    articles, table = table_of([MEETING[0] + kang, MEETING[1] + park])
    first, second = articles
    corpus = Corpus(articles)
    assert corpus.score_matrix(first, second)[1, 1] >= table.threshold  # alike as they read
    shared = {(f.sentences_of(first.id), f.sentences_of(second.id)) for f in table.shared}
    assert shared == {((0,), (0,))}
    assert {f.mentions[0].sentences for f in table.exclusive} == {(1,)}


def test_one_statement_credited_to_two_people_stays_one_fact_with_the_dispute():
    articles, table = table_of(
        [
            MEETING[0] + "Lee said that Seoul respects the One China policy of Beijing.",
            MEETING[1] + "Adviser Wi Sung-lac said that Seoul respects the One China policy "
            "of Beijing.",
        ]
    )
    first, second = articles
    quoted = [f for f in table.shared if f.sentences_of(first.id) == (1,)]
    assert len(quoted) == 1 and quoted[0].sentences_of(second.id) == (1,)
    assert [d.kind for d in quoted[0].discrepancies] == ["speaker"]


def test_conflicts_compare_only_sentences_of_different_articles():
    texts = {
        0: '"The talks went well," said Kang Jun-young, a professor at Hankuk University.',
        1: '"Trade will suffer for years," said Park Seung-chan, a professor at Yongin University.',
        2: "The talks lasted three hours.",
    }
    conflicts = SpeakerConflicts(texts.__getitem__, {0: 0, 1: 1, 2: 1}.__getitem__)
    assert conflicts.apart(0, 1) and conflicts.any_apart([0], [1, 2])
    assert not conflicts.apart(0, 2)  # no named speaker on one side
    one_article = SpeakerConflicts(texts.__getitem__, lambda row: 0)
    assert not one_article.any_apart([0], [1])
