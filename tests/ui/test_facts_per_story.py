"""The Facts tab with "All stories": a mixed folder's facts found story by story, each the
fact its story shows when picked; a one-story folder's facts as before stories existed."""

from __future__ import annotations

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.find import find_facts
from tests.ui.conftest import open_and_wait
from tests.ui.test_stories_panel import SEEDS, facts_and_stories_ready, write_mixed_folder


def fact_contents(table) -> dict[str, tuple]:
    return {f.id: (f.mentions, f.representative, f.discrepancies, f.claim) for f in table.facts}


def test_all_stories_shows_each_story_s_own_facts(qtbot, window, tmp_path):
    """If this broke, "All stories" would link sentences of two unrelated events into one
    fact, or show other ids than the story picked alone, so annotations made on a fact
    in one view would be missing from the other."""
    facts_and_stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    workspace, stories = window.workspace, window.stories
    everything = fact_contents(workspace.facts)
    assert len(workspace.facts.articles) == 6
    for story in stories.table.stories:
        members = set(story.articles)
        for fact in workspace.facts.facts:  # no fact crosses two stories
            assert set(fact.articles) <= members or not set(fact.articles) & members
        with qtbot.waitSignal(workspace.facts_ready, timeout=30_000):
            stories.pick(story)
        picked = fact_contents(workspace.facts)
        assert picked and {i: everything[i] for i in picked} == picked


def test_a_one_story_folder_shows_the_facts_it_always_did(qtbot, window):
    """If this broke, the sample articles would show other facts than before stories."""
    open_and_wait(qtbot, window, SEEDS, window.workspace.facts_ready)
    table = window.workspace.facts
    assert table == find_facts(Corpus(window.workspace.sources.articles))


def test_cancel_while_finding_the_facts_of_every_story(qtbot, window, tmp_path):
    """If this broke, Cancel would leave the status bar busy or show a half table."""
    facts_and_stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    corroboration, shown = window.corroboration, window.workspace.facts
    with qtbot.assertNotEmitted(window.workspace.facts_ready, wait=500):
        corroboration.compute(window.workspace.corpus)
        assert corroboration.is_computing
        corroboration.cancel()
        assert not corroboration.is_computing
    assert window.workspace.facts is shown
    assert window.statusBar().currentMessage() == "Finding facts cancelled"


def test_all_stories_counts_each_fact_against_its_own_story(qtbot, window, tmp_path):
    """If this broke, the Coverage column of "All stories" would read "2 of 6" for a fact
    both reports of a two-article story give, as if four sources had left it out."""
    facts_and_stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    window.corroboration.action.trigger()
    tab = window.corroboration.facts_tab()
    model = tab.model
    story_size = {a: len(s.articles) for s in window.stories.table.stories for a in s.articles}
    shown = 0
    for row in range(model.rowCount()):
        fact = model.fact(row)
        if fact.exclusive:
            continue
        text = model.index(row, model.COVERAGE).data()
        assert text == f"{fact.coverage} of {story_size[fact.articles[0]]}"
        shown += 1
    assert shown and len(window.workspace.facts.articles) == 6
