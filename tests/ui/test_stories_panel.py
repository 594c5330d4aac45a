"""The Stories panel: a mixed folder's stories listed, and picking one scopes the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from corroborate.core.model import Story
from corroborate.ui.compare.compare_dialog import NewComparisonDialog
from corroborate.ui.sources.stories_panel import ALL_STORIES, StoriesModel, date_range
from tests.ui.conftest import open_and_wait

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

QUAKE = (
    "A magnitude 7.8 earthquake struck Valparaiso in central Chile on Monday, killing "
    "{n} people, the Chilean interior ministry said. Buildings collapsed in Valparaiso "
    "and Vina del Mar, and the quake was felt in Santiago. President Gabriel Boric "
    "declared a state of catastrophe in the Valparaiso region. Rescue teams searched the "
    "rubble through the night, the Onemi emergency office said."
)
FINAL = (
    "Real Madrid beat Borussia Dortmund 2-0 in the Champions League final at Wembley "
    "Stadium in London on Saturday. Dani Carvajal headed the opener and Vinicius Junior "
    "scored the second for Real Madrid. Carlo Ancelotti said the win over Borussia "
    "Dortmund was his {n}th European trophy. Dortmund fans filled half of Wembley."
)


def write_mixed_folder(folder: Path) -> Path:
    """Three reports of an earthquake in Chile on one date, three of a football final."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, outlet in enumerate(("Quake Daily", "Andes Wire", "Santiago Post")):
        text = f"---\noutlet: {outlet}\npublished: 2026-03-02\n---\nChile quake\n\n"
        (folder / f"quake-{i}.txt").write_text(text + QUAKE.format(n=30 + i), encoding="utf-8")
    for i, (outlet, day) in enumerate((("Goal Times", 1), ("Pitch Post", 2), ("Kick News", 3))):
        text = f"---\noutlet: {outlet}\npublished: 2024-06-0{day}\n---\nFinal won\n\n"
        (folder / f"final-{i}.txt").write_text(text + FINAL.format(n=5 + i), encoding="utf-8")
    return folder


def stories_ready(qtbot, window, folder: Path) -> None:
    open_and_wait(qtbot, window, folder)
    qtbot.waitUntil(lambda: window.stories.table is not None, timeout=30_000)


def shown_sources(window) -> set[str]:
    sources, view = window.sources, window.sources_view
    return {
        sources.label(sources.article_at(row))
        for row in range(sources.rowCount())
        if not view.isRowHidden(row)
    }


def story_rows(model: StoriesModel) -> dict[str, tuple[int, str]]:
    """Each listed story's label: its article count and outlets as shown."""
    rows = {}
    for row in range(1, model.rowCount()):
        label = model.index(row, model.LABEL).data()
        rows[label] = (
            model.index(row, model.ARTICLES).data(),
            model.index(row, model.OUTLETS).data(),
        )
    return rows


def test_a_mixed_folder_lists_its_two_stories(qtbot, window, tmp_path):
    """If this broke, a folder mixing two events would not show them apart at all."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    model = window.stories.model
    assert model.rowCount() == 3  # "All stories" and the two
    assert model.index(0, model.LABEL).data() == ALL_STORIES
    assert model.index(0, model.ARTICLES).data() == 6
    rows = story_rows(model)
    quake = next(label for label, (_n, outlets) in rows.items() if "Quake Daily" in outlets)
    final = next(label for label, (_n, outlets) in rows.items() if "Goal Times" in outlets)
    assert rows[quake][0] == 3 and rows[final][0] == 3
    assert set(rows[quake][1].split(", ")) == {"Quake Daily", "Andes Wire", "Santiago Post"}
    # Labels name the event by what only its own articles say.
    assert "Boric" in quake or "Onemi" in quake
    assert "Vinicius" in final or "Carvajal" in final
    dates = {model.index(r, model.LABEL).data(): model.index(r, model.DATES).data() for r in (1, 2)}
    assert "2026" in dates[quake] and "–" not in dates[quake]  # one date, no range
    assert "2024" in dates[final] and " – " in dates[final]  # three days: a range
    window.stories_dock.raise_()
    qtbot.wait(50)
    window.grab().save("/tmp/lead/K_stories.png")


def test_picking_a_story_shows_only_its_sources(qtbot, window, tmp_path):
    """If this broke, picking a story would leave the other event's articles in Sources,
    or "All stories" would not bring them back."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    stories, workspace = window.stories, window.workspace
    quake = next(s for s in stories.table.stories if "Quake Daily" in stories.model.outlets(s))
    with qtbot.waitSignal(workspace.story_changed):
        stories.pick(quake)
    assert workspace.story == quake
    assert shown_sources(window) == {"Quake Daily", "Andes Wire", "Santiago Post"}
    # Sorting moves the rows: the hidden ones must move with their articles.
    window.sources_view.sortByColumn(window.sources.SOURCE, Qt.SortOrder.DescendingOrder)
    assert shown_sources(window) == {"Quake Daily", "Andes Wire", "Santiago Post"}
    stories.pick(None)
    assert workspace.story is None
    assert len(shown_sources(window)) == 6


def test_hidden_rows_leave_the_selection(qtbot, window, tmp_path):
    """If this broke, Compare Selected could compare an article hidden by the story."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    window.sources_view.selectAll()
    quake = next(
        s for s in window.stories.table.stories if "Andes Wire" in window.stories.model.outlets(s)
    )
    window.stories.pick(quake)
    chosen = window.comparisons.selected_sources()
    assert {window.sources.label(a) for a in chosen} == {
        "Quake Daily",
        "Andes Wire",
        "Santiago Post",
    }


def test_the_seeds_tell_one_story(qtbot, window):
    """If this broke, the sample folder would list one story as if it were a choice, or
    scope the window when nothing is mixed."""
    stories_ready(qtbot, window, SEEDS)
    assert window.stories.model.rowCount() == 0
    assert window.stories.hint.label.text().startswith("One story: ")
    assert window.workspace.story is None
    assert len(shown_sources(window)) == window.sources.rowCount() == 5


def test_an_empty_window_says_how_stories_appear(window):
    """If this broke, the Stories panel would look broken before anything is opened."""
    assert window.stories.model.rowCount() == 0
    assert "Open a folder" in window.stories.hint.label.text()


@pytest.mark.parametrize(
    ("first", "last", "shown"),
    [(None, None, "–"), ("2026-03-02", "2026-03-02", "one"), ("2024-06-01", "2024-06-03", "two")],
)
def test_date_range_reads_as_one_date_a_range_or_a_dash(first, last, shown):
    """If this broke, a story's dates would read as a range of one day, or as blank."""
    text = date_range(Story("s", "label", ("a",), ("o",), first, last))
    assert text.count(" – ") == (1 if shown == "two" else 0)
    assert (text == "–") == (shown == "–")


def test_new_comparison_offers_only_the_story(qtbot, window, tmp_path, monkeypatch):
    """If this broke, New Comparison would still offer the other event's articles."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    articles = window.sources.articles
    labels = [window.sources.label(a) for a in articles]
    final = next(
        s for s in window.stories.table.stories if "Goal Times" in window.stories.model.outlets(s)
    )
    dialog = NewComparisonDialog(articles, labels, 0, 1, window, scope=final.articles)
    qtbot.addWidget(dialog)
    offered = {dialog.first.itemText(i).split(" — ")[0] for i in range(dialog.first.count())}
    assert offered == {"Goal Times", "Pitch Post", "Kick News"}
    a, b = dialog.chosen()
    assert a.id != b.id and {a.id, b.id} <= set(final.articles)
    # The same from Compare → New Comparison once the story is picked in the panel.
    window.workspace.set_story(final)
    seen = []

    def offer(shown):
        seen.append({shown.first.itemText(i).split(" — ")[0] for i in range(shown.first.count())})
        return NewComparisonDialog.DialogCode.Rejected

    monkeypatch.setattr(NewComparisonDialog, "exec", offer)
    assert window.comparisons.choose_and_open() is None
    assert seen == [{"Goal Times", "Pitch Post", "Kick News"}]


def facts_and_stories_ready(qtbot, window, folder: Path) -> None:
    open_and_wait(qtbot, window, folder, window.workspace.facts_ready)
    qtbot.waitUntil(lambda: window.stories.table is not None, timeout=30_000)


def test_facts_follow_the_story(qtbot, window, tmp_path):
    """If this broke, the Facts tab would mix the facts of both events after a pick."""
    facts_and_stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    workspace, stories = window.workspace, window.stories
    assert len(workspace.facts.articles) == 6
    final = next(s for s in stories.table.stories if "Goal Times" in stories.model.outlets(s))
    with qtbot.waitSignal(workspace.facts_ready, timeout=30_000):
        stories.pick(final)
    assert {a.id for a in workspace.facts.articles} == set(final.articles)
    with qtbot.waitSignal(workspace.facts_ready, timeout=30_000):
        stories.pick(None)
    assert len(workspace.facts.articles) == 6


def test_the_report_covers_the_story(qtbot, window, tmp_path):
    """If this broke, a report made for one story would include the other event."""
    facts_and_stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    stories = window.stories
    quake = next(s for s in stories.table.stories if "Quake Daily" in stories.model.outlets(s))
    stories.pick(quake)
    path = tmp_path / "report.html"
    with qtbot.waitSignal(window.report_export.written, timeout=30_000):
        window.report_export.export_to(str(path))
    html = path.read_text(encoding="utf-8")
    assert "Andes Wire" in html and "Santiago Post" in html
    assert "Goal Times" not in html and "Dortmund" not in html


def test_sorting_keeps_all_stories_on_top(qtbot, window, tmp_path, qtmodeltester):
    """If this broke, sorting the Stories panel would bury the "All stories" row, or
    the model would give views inconsistent answers."""
    stories_ready(qtbot, window, write_mixed_folder(tmp_path / "mixed"))
    model, view = window.stories.model, window.stories.view
    qtmodeltester.check(model)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        view.sortByColumn(StoriesModel.DATES, order)
        assert model.index(0, model.LABEL).data() == ALL_STORIES
        years = [model.index(r, model.DATES).data()[-4:] for r in (1, 2)]
        assert years == sorted(years, reverse=order == Qt.SortOrder.DescendingOrder)
