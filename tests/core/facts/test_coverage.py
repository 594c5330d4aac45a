"""The heat map's data: which other sources report each sentence of an article.

If these broke, an article tab would tint a sentence as reported elsewhere when it is
not (or the other way round), name its own source among the others, or list the other
sources in a different order from the Facts tab's columns.
"""

from corroborate.core.facts.coverage import (
    DIFFERENT_VALUE,
    PARAPHRASE,
    SAME_WORDING,
    others_by_sentence,
    wording_by_sentence,
)
from corroborate.core.model import (
    Article,
    Discrepancy,
    DiscrepancySide,
    Fact,
    FactTable,
    Mention,
    Sentence,
)


def article(id_: str, sentences: int) -> Article:
    text = " ".join(f"S{i}." for i in range(sentences))
    spans, start = [], 0
    for i in range(sentences):
        end = start + len(f"S{i}.")
        spans.append(Sentence(i, start, end, text[start:end], 0))
        start = end + 1
    return Article(id_, f"{id_}.txt", id_.upper(), id_, "txt", text, tuple(spans))


def fact(id_: str, *mentions: tuple[str, tuple[int, ...]]) -> Fact:
    found = tuple(Mention(a, s) for a, s in mentions)
    return Fact(id_, found, (found[0].article, found[0].sentences[0]))


ARTICLES = (article("a", 4), article("b", 3), article("c", 2))
TABLE = FactTable(
    ARTICLES,
    (
        fact("f1", ("a", (0,)), ("b", (1,)), ("c", (0,))),
        fact("f2", ("a", (1, 2)), ("c", (1,))),
        fact("f3", ("a", (2,)), ("b", (0,))),
        fact("f4", ("a", (3,))),
    ),
    30.0,
)


def test_each_sentence_lists_the_other_sources_of_its_facts_in_table_order():
    labels = {"a": "Alpha", "b": "Beta", "c": "Gamma"}
    assert others_by_sentence(TABLE, "a", labels) == {
        0: ("Beta", "Gamma"),
        1: ("Gamma",),
        2: ("Beta", "Gamma"),  # in two facts: the sources of both
        3: (),  # only this source reports it
    }
    assert others_by_sentence(TABLE, "c", labels) == {0: ("Alpha", "Beta"), 1: ("Alpha",)}


def test_a_source_without_a_label_is_named_by_its_id_and_unknown_articles_have_nothing():
    assert others_by_sentence(TABLE, "b", {})[1] == ("a", "c")
    assert others_by_sentence(TABLE, "nobody", {}) == {}


def test_the_table_finds_the_facts_of_an_article_in_table_order():
    assert [f.id for f in TABLE.facts_of("a")] == ["f1", "f2", "f3", "f4"]
    assert [f.id for f in TABLE.facts_of("b")] == ["f1", "f3"]
    assert FactTable(ARTICLES, TABLE.facts, 30.0) == TABLE  # the index is not compared


def _written(id_: str, *texts: str) -> Article:
    text = " ".join(texts)
    spans, start = [], 0
    for i, sentence in enumerate(texts):
        spans.append(Sentence(i, start, start + len(sentence), sentence, 0))
        start += len(sentence) + 1
    return Article(id_, f"{id_}.txt", id_, id_, "txt", text, tuple(spans))


def test_the_tooltip_says_how_each_other_source_puts_the_sentence():
    # Broken: the reader is told three outlets "report" a sentence and cannot tell the
    # one that copies it from the one that gives another number.
    wire = _written("wire", "Lee arrived in Beijing on Sunday for a four-day visit.")
    copy = _written("copy", "Lee arrived in Beijing on Sunday for a four-day visit!")
    other = _written("other", "Lee's state visit to China began on Sunday in Beijing.")
    odd = _written("odd", "Lee arrived in Beijing on Sunday for a three-day visit.")
    start = wire.text.index("four-day")
    sides = (
        DiscrepancySide("wire", 0, start, start + 8, "four-day"),
        DiscrepancySide("odd", 0, start, start + 9, "three-day"),
    )
    differs = Discrepancy("duration", "Duration differs", *sides)
    visit = Fact(
        "visit",
        tuple(Mention(a, (0,)) for a in ("wire", "copy", "other", "odd")),
        ("wire", 0),
        (differs,),
    )
    table = FactTable((wire, copy, other, odd), (visit,), 30.0)
    labels = {"copy": "Copy Desk", "other": "Other Paper", "odd": "Odd News"}
    assert wording_by_sentence(table, "wire", labels) == {
        0: (
            ("Copy Desk", SAME_WORDING),
            ("Other Paper", PARAPHRASE),
            ("Odd News", DIFFERENT_VALUE),
        )
    }
    # Seen from the outlet with the other number, the wire states it differently.
    assert dict(wording_by_sentence(table, "odd", {})[0])["wire"] == DIFFERENT_VALUE
