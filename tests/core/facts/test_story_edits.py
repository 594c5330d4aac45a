"""Stories as the user placed them (core/facts/story_edits): moves, merges, splits, reset.

If these broke, an article a user moved would drift back to the story the grouping gave
it, a merge would leave two stories, or labels, outlets and dates would describe the
articles a story had before the edit.
"""

from __future__ import annotations

from corroborate.core.facts.stories import find_stories, story_of
from corroborate.core.facts.story_edits import (
    EditedStories,
    apply_placements,
    merge_stories,
    move_to_story,
    reset_grouping,
    split_off,
)
from tests.core.facts.test_stories import ACEH, EUREKA, LOHAN, OUTLETS, article

FOLDER = (
    [article(t, f"{OUTLETS[i]} aceh", "2026-03-03") for i, t in enumerate(ACEH)]
    + [article(t, f"{OUTLETS[i]} eureka", f"2026-06-{19 + i}") for i, t in enumerate(EUREKA)]
    + [article(t, f"{OUTLETS[i]} lohan") for i, t in enumerate(LOHAN)]
)
ACEH_IDS = [a.id for a in FOLDER[:3]]
EUREKA_IDS = [a.id for a in FOLDER[3:6]]
LOHAN_IDS = [a.id for a in FOLDER[6:]]
FOUND = find_stories(FOLDER)


def groups(shown: EditedStories) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in shown.table.stories}


def story_with(shown: EditedStories, article_id: str):
    story = shown.story_of_article(article_id)
    assert story is not None
    return story


def test_the_folder_is_found_as_three_stories():
    assert groups(apply_placements(FOUND, {})) == {
        frozenset(ACEH_IDS),
        frozenset(EUREKA_IDS),
        frozenset(LOHAN_IDS),
    }


def test_no_placements_leave_the_stories_found_unchanged_and_unmarked():
    """A user who never edited sees exactly what find_stories gives."""
    shown = apply_placements(FOUND, {"elsewhere": "group-1"})  # another folder's article
    assert shown.table == FOUND and not shown.edited


def test_moving_an_article_takes_it_out_of_its_story_into_the_other():
    shown = apply_placements(FOUND, {})
    eureka = story_with(shown, EUREKA_IDS[0])
    placements = move_to_story(shown, {}, [ACEH_IDS[0]], eureka.id)
    moved = apply_placements(FOUND, placements)
    assert groups(moved) == {
        frozenset(ACEH_IDS[1:]),
        frozenset([*EUREKA_IDS, ACEH_IDS[0]]),
        frozenset(LOHAN_IDS),
    }
    target = story_with(moved, ACEH_IDS[0])
    remainder = story_with(moved, ACEH_IDS[1])
    assert target.id in moved.grouped and remainder.id in moved.reduced
    assert story_with(moved, LOHAN_IDS[0]).id not in moved.edited  # untouched


def test_changed_stories_are_described_as_find_stories_would():
    """Outlets, dates, id and label follow the articles a story has after the edit."""
    shown = apply_placements(FOUND, {})
    eureka = story_with(shown, EUREKA_IDS[0])
    moved = apply_placements(FOUND, move_to_story(shown, {}, [ACEH_IDS[0]], eureka.id))
    target = story_with(moved, ACEH_IDS[0])
    members = [a for a in FOLDER if a.id in target.articles]
    assert target == story_of(members, FOLDER)
    assert target.first == "2026-03-03" and target.last == "2026-06-21"
    assert "Daily Wire aceh" in target.outlets
    assert target.articles == tuple(a.id for a in FOLDER if a.id in target.articles)


def test_stories_stay_largest_first():
    shown = apply_placements(FOUND, {})
    lohan = story_with(shown, LOHAN_IDS[0])
    placements = move_to_story(shown, {}, ACEH_IDS[:2], lohan.id)
    sizes = [len(s.articles) for s in apply_placements(FOUND, placements).table.stories]
    assert sizes == sorted(sizes, reverse=True) == [6, 3, 1]


def test_moving_into_a_story_grouped_by_hand_keeps_its_key():
    """A story made by hand stays one story as articles are added to it one by one."""
    shown = apply_placements(FOUND, {})
    first = move_to_story(shown, {}, [ACEH_IDS[0]], story_with(shown, EUREKA_IDS[0]).id)
    shown = apply_placements(FOUND, first)
    second = move_to_story(shown, first, [LOHAN_IDS[0]], story_with(shown, EUREKA_IDS[0]).id)
    assert len(set(second.values())) == 1
    assert frozenset([*EUREKA_IDS, ACEH_IDS[0], LOHAN_IDS[0]]) in groups(
        apply_placements(FOUND, second)
    )


def test_moving_an_article_to_its_own_story_changes_nothing():
    shown = apply_placements(FOUND, {})
    assert move_to_story(shown, {}, [ACEH_IDS[0]], story_with(shown, ACEH_IDS[1]).id) == {}


def test_moving_the_last_article_out_of_a_story_made_by_hand_dissolves_it():
    shown = apply_placements(FOUND, {})
    alone = split_off(shown, {}, [ACEH_IDS[0]])
    shown = apply_placements(FOUND, alone)
    assert frozenset([ACEH_IDS[0]]) in groups(shown)
    back = move_to_story(shown, alone, [ACEH_IDS[0]], story_with(shown, EUREKA_IDS[0]).id)
    assert frozenset([ACEH_IDS[0]]) not in groups(apply_placements(FOUND, back))
    assert len(apply_placements(FOUND, back).table.stories) == 3


def test_merging_stories_makes_one():
    shown = apply_placements(FOUND, {})
    ids = [story_with(shown, ACEH_IDS[0]).id, story_with(shown, EUREKA_IDS[0]).id]
    merged = apply_placements(FOUND, merge_stories(shown, {}, ids))
    assert groups(merged) == {frozenset([*ACEH_IDS, *EUREKA_IDS]), frozenset(LOHAN_IDS)}
    assert story_with(merged, ACEH_IDS[0]).id in merged.grouped


def test_merging_one_story_changes_nothing():
    shown = apply_placements(FOUND, {})
    assert merge_stories(shown, {}, [story_with(shown, ACEH_IDS[0]).id]) == {}


def test_splitting_off_takes_the_articles_out_into_a_story_of_their_own():
    shown = apply_placements(FOUND, {})
    split = apply_placements(FOUND, split_off(shown, {}, LOHAN_IDS[:2]))
    assert frozenset(LOHAN_IDS[:2]) in groups(split)
    assert frozenset(LOHAN_IDS[2:]) in groups(split)
    assert len(split.table.stories) == 4


def test_splitting_off_a_whole_story_changes_nothing():
    shown = apply_placements(FOUND, {})
    assert split_off(shown, {}, LOHAN_IDS) == {}


def test_articles_added_later_are_grouped_afresh_around_the_placed_ones():
    """Placements stay decided when the folder grows; new articles go where found."""
    shown = apply_placements(FOUND, {})
    placements = split_off(shown, {}, [LOHAN_IDS[0]])
    smaller = find_stories(FOLDER[:-1])  # the folder before its last article came
    assert frozenset([LOHAN_IDS[0]]) in groups(apply_placements(smaller, placements))
    assert frozenset(LOHAN_IDS[1:]) in groups(apply_placements(FOUND, placements))


def test_reset_forgets_the_open_articles_placements_only():
    shown = apply_placements(FOUND, {})
    placements = {**split_off(shown, {}, [ACEH_IDS[0]]), "another-folders": "group-x"}
    assert reset_grouping(apply_placements(FOUND, placements), placements) == {
        "another-folders": "group-x"
    }


def test_a_cancelled_search_is_left_as_it_is():
    cancelled = find_stories(FOLDER, lambda done, total: False)
    assert apply_placements(cancelled, {ACEH_IDS[0]: "g"}).table is cancelled
