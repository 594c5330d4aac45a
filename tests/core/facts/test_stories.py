"""Stories of a mixed folder: articles grouped by the event they report (core/facts/stories)."""

from __future__ import annotations

import re
import time

from corroborate.core.facts.stories import find_stories, story_id
from corroborate.core.model import Article, Sentence

ACEH = [
    "A magnitude 6.1 earthquake struck Aceh province in Indonesia on March 3, killing 12 "
    "people. Rescuers in Banda Aceh searched collapsed buildings through the night. The "
    "Indonesian Meteorology Agency said the quake hit at a depth of 10 km.",
    "At least 12 people died when a 6.1-magnitude quake shook Indonesia's Aceh province "
    "on March 3. In Banda Aceh, rescuers dug through the rubble of collapsed houses. The "
    "Indonesian Meteorology Agency put its depth at 10 km.",
    "Indonesia's Aceh province was hit by a strong earthquake of magnitude 6.1 on March 3. "
    "Twelve people were killed, officials in Banda Aceh said. Rescuers were still searching "
    "buildings, the Indonesian Meteorology Agency reported.",
]
EUREKA = [
    "A magnitude 5.4 earthquake shook northern California on June 19, injuring 4 people "
    "near Eureka. Pacific Gas and Electric reported power cuts across Humboldt County. The "
    "US Geological Survey said the quake was centred 20 km offshore.",
    "Four people were hurt near Eureka when a 5.4 quake rattled northern California on "
    "June 19. Power was cut across Humboldt County, Pacific Gas and Electric said. The "
    "US Geological Survey located it 20 km off the coast.",
    "The US Geological Survey measured a magnitude 5.4 earthquake off northern California "
    "on June 19. Homes in Humboldt County lost power and 4 people near Eureka were injured, "
    "according to Pacific Gas and Electric.",
]
LOHAN = [
    "Lindsay Lohan checked into the Betty Ford Center for rehab on Thursday, her lawyer said. "
    "The actress must stay 90 days under her plea deal with the Santa Monica court.",
    "Actress Lindsay Lohan has entered rehab at the Betty Ford Center, her attorney "
    "confirmed. Under the Santa Monica plea deal, Lohan must remain there for 90 days.",
    "Lohan arrived at the Betty Ford Center in California to begin 90 days of rehab. Her "
    "lawyer told reporters the Santa Monica judge had ordered the stay.",
    "The Betty Ford Center has admitted Lindsay Lohan, who faces 90 days of treatment "
    "ordered by a Santa Monica court, her lawyer said on Thursday.",
]
OUTLETS = ["Daily Wire", "Morning Post", "Evening Star", "City Herald"]


def article(text: str, source: str, published: str | None = None) -> Article:
    """An article with one sentence per '. '-ended stretch, as the loader would give."""
    sentences, start = [], 0
    for index, m in enumerate(re.finditer(r"[^.]+(?:\.(?=\s|$)|$)", text)):
        stripped = m.group().strip()
        if stripped:
            start = text.index(stripped, start)
            sentences.append(Sentence(index, start, start + len(stripped), stripped, 0))
            start += len(stripped)
    return Article(
        id=f"{abs(hash(text)):016x}"[:16],
        path=f"/articles/{source}.txt",
        title=text[:40],
        source=source,
        format="txt",
        text=text,
        sentences=tuple(sentences),
        published=published,
    )


def quakes() -> tuple[list[Article], list[Article]]:
    aceh = [article(t, OUTLETS[i]) for i, t in enumerate(ACEH)]
    eureka = [article(t, OUTLETS[i + 1]) for i, t in enumerate(EUREKA)]
    return aceh, eureka


def test_two_earthquakes_reported_by_several_outlets_are_two_stories():
    # Broken, a folder about two different quakes would show them as one story.
    aceh, eureka = quakes()
    table = find_stories(aceh + eureka)
    assert sorted(sorted(s.articles) for s in table.stories) == sorted(
        [sorted(a.id for a in aceh), sorted(a.id for a in eureka)]
    )
    outlets = {frozenset(s.outlets) for s in table.stories}
    assert outlets == {frozenset(OUTLETS[:3]), frozenset(OUTLETS[1:4])}


def test_one_event_told_in_different_words_stays_one_story():
    # Broken, paraphrased reports of one rehab stay would be split into several stories.
    articles = [article(t, OUTLETS[i]) for i, t in enumerate(LOHAN)]
    table = find_stories(articles)
    assert [s.articles for s in table.stories] == [tuple(a.id for a in articles)]


def test_labels_name_the_key_names():
    # Broken, a story's label would not tell the user which event it is.
    lohan = [article(t, OUTLETS[i]) for i, t in enumerate(LOHAN)]
    aceh, eureka = quakes()
    labels = {s.articles[0]: s.label for s in find_stories(lohan + aceh + eureka).stories}
    assert "Lindsay Lohan" in labels[lohan[0].id] and "Betty Ford" in labels[lohan[0].id]
    assert "Aceh" in labels[aceh[0].id]
    assert any(name in labels[eureka[0].id] for name in ("Eureka", "Humboldt County"))
    assert all(" · " in label for label in labels.values())


def test_first_and_last_dates_come_from_publication_dates():
    # Broken, the story list would show wrong or missing dates for a story.
    dates = ["2024-03-04T08:00:00+07:00", "2024-03-03", None]
    aceh = [article(t, OUTLETS[i], dates[i]) for i, t in enumerate(ACEH)]
    (story,) = find_stories(aceh).stories
    assert (story.first, story.last) == ("2024-03-03", "2024-03-04")
    (undated,) = find_stories([article(t, "Wire") for t in ACEH]).stories
    assert (undated.first, undated.last) == (None, None)


def test_story_ids_are_stable_across_runs_and_article_order():
    # Broken, `facts --story ID` would stop finding a story after a reload or a resort.
    aceh, eureka = quakes()
    forward = find_stories(aceh + eureka).stories
    backward = find_stories(list(reversed(eureka + aceh))).stories
    assert {s.id: set(s.articles) for s in forward} == {s.id: set(s.articles) for s in backward}
    assert {s.id for s in forward} == {s.id for s in find_stories(aceh + eureka).stories}
    assert story_id(["b", "a"]) == story_id(["a", "b"]) != story_id(["a"])


def test_an_empty_folder_has_no_stories():
    # Broken, an empty folder would crash or show a phantom story.
    table = find_stories([])
    assert table.stories == () and not table.cancelled


def test_progress_can_cancel():
    # Broken, cancelling a long grouping would not stop it.
    aceh, eureka = quakes()
    table = find_stories(aceh + eureka, progress=lambda done, total: False)
    assert table.cancelled and table.stories == ()


def test_a_thousand_articles_are_grouped_within_seconds():
    # Broken, a big mixed folder would keep the user waiting (target: under 10 s), or a
    # story told by hundreds of articles would fall apart.
    events = [ACEH, EUREKA, LOHAN]
    articles = [
        article(f"{events[i % 3][i % 3]} Reporter Number{i} filed story {i}.", f"Outlet {i}")
        for i in range(1000)
    ]
    started = time.perf_counter()
    table = find_stories(articles)
    assert time.perf_counter() - started < 10
    assert sorted(len(s.articles) for s in table.stories) == [333, 333, 334]
