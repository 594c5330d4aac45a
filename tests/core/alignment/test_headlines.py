"""Headlines and lines that state a fact take part in alignment; labels stay out.

Broken, a fact-checker would lose the pairs of two outlets' headlines (on real news
pages, four in ten of the annotated pairs of ECB+ touch one), or see section labels and
photo captions linked to sentences that merely share a name.
"""

from pathlib import Path

import pytest

from corroborate.core.alignment.align import align
from corroborate.core.ingest.readers import content_id
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.ingest.titles import guess_title_and_source
from corroborate.core.model import Article
from corroborate.core.text.sentence_kinds import is_label, states_fact


def page(text: str, name: str) -> Article:
    title, source = guess_title_and_source(text, Path(f"{name}.txt"))
    return Article(
        content_id(text), f"{name}.txt", title, source, "txt", text, split_sentences(text)
    )


@pytest.mark.parametrize(
    "line",
    [
        "Two plainclothes NYPD officers shot and killed a 16-year-old Brooklyn resident "
        "after police say he pointed a gun at officers on Saturday",
        "Wladimir Klitschko stops Tony Thompson in 6 with efficient execution",
        "Peaceful protest for Kimani Gray turned chaotic tonight as 100 people rioted",
        "Former President Bush Had Enacted Legislation that Could Have Put More Animals in Danger",
    ],
)
def test_a_line_with_a_verb_and_enough_content_words_states_a_fact(line):
    assert states_fact(line)


@pytest.mark.parametrize(
    "line",
    [
        "Politics",
        "Security Balancing Act",
        "Economic Collaboration Takes Center Stage",  # a verb, but a section heading
        "Economic Agenda: Trade, AI and Cultural Exports",
        "Chinese President Xi Jinping - South Korean President Lee Jae Myung",  # a caption
        "Edited by: Dmitry Drozd",
        "PUBLISHED: 02: 31 GMT, 12 March 2013 | UPDATED: 22: 19 GMT, 12 March 2013",
        "May 2, 2013 12: 50 PM",
        "http://www.foxnews.com/story/2007/04/11/detroit-office-shooter-charged-with-murder/",
        "Yonhap News Agency",
    ],
)
def test_labels_captions_dates_and_addresses_state_no_fact(line):
    assert not states_fact(line)


A = page(
    "http://www.example.com/2013/03/12/brooklyn-vigil-turns-into-riot/\n\n"
    "Brooklyn vigil for slain teen killed by police turns into a riot\n\n"
    "Published: March 12, 2013\n\n"
    "Metro\n\n"
    "A candlelight vigil for Kimani Gray turned violent on Monday night in East Flatbush. "
    "Dozens gathered to remember the 16-year-old.",
    "a",
)
B = page(
    "http://news.example.org/nyc/riot-after-vigil-for-teen\n\n"
    "Two plainclothes officers shot and killed a 16-year-old Brooklyn teen after police "
    "say he pointed a gun at them\n\n"
    "Metro\n\n"
    "A vigil for the slain teen turned into a riot in Brooklyn on Monday night, police said. "
    "Kimani Gray was remembered by dozens of friends.",
    "b",
)


def test_a_page_address_is_a_label_and_the_headline_after_it_is_the_title():
    assert A.title == "Brooklyn vigil for slain teen killed by police turns into a riot"
    assert [is_label(A, i) for i in range(len(A.sentences))] == [
        True,  # the address
        False,  # the headline
        True,  # the date
        True,  # "Metro"
        False,
        False,
    ]


def test_a_headline_and_a_fact_line_without_full_stop_take_part():
    assert not is_label(B, 1)  # the second article's headline is also its title
    assert is_label(B, 2)
    pairs = {(i, j) for m in align(A, B).matches for i in m.a for j in m.b}
    assert (1, 3) in pairs  # headline ~ "A vigil for the slain teen turned into a riot..."
    assert not any(i in (0, 2, 3) for i, _ in pairs)
    assert not any(j in (0, 2) for _, j in pairs)
