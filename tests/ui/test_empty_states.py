"""Empty panels say why they are empty, so they never look as if they failed to fill."""

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.ingest.readers import read_article
from corroborate.ui.common.actions import ActionId
from corroborate.ui.compare.compare_model import MATCHED
from corroborate.ui.compare.compare_tab import CompareTab
from tests.ui.conftest import open_and_wait, wait_loaded
from tests.ui.test_compare_tab import open_comparison


def test_problems_and_annotations_say_they_are_empty_until_they_have_rows(qtbot, window, tmp_path):
    problems = window.problems_view.empty_hint
    annotations = window.annotator.list_panel.empty_hint
    assert problems.label.isVisibleTo(window.problems_view)
    assert problems.label.text() == "No problems reported."
    assert "No annotations yet" in annotations.label.text()
    assert annotations.label.isVisibleTo(window.annotator.list_panel)
    (tmp_path / "good.txt").write_text("A headline\n\nThe council met on Monday. It voted.\n")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    wait_loaded(qtbot, window, lambda: window.open_folder(str(tmp_path)))
    assert window.problems.rowCount() >= 1
    assert not problems.label.isVisibleTo(window.problems_view)  # a problem is listed


def test_a_filter_that_hides_every_annotation_says_so(qtbot, window, seeds_dir):
    open_and_wait(qtbot, window, seeds_dir, window.comparisons.corpus_ready)
    compare = open_comparison(qtbot, window)
    compare.view.setFocus()
    compare.view.selectRow(0)
    window.actions_[ActionId.MARK_DISPUTED].trigger()
    panel = window.annotator.list_panel
    assert not panel.empty_hint.label.isVisibleTo(panel)
    panel.search.setText("nothing matches this")
    assert panel.empty_hint.label.isVisibleTo(panel)
    assert panel.empty_hint.label.text() == "No annotation matches this filter."


def test_a_comparison_without_pairs_says_why_and_what_to_do(qtbot, tmp_path):
    # Broken: "Matched" on two unrelated articles shows an empty table, as if it failed.
    a = read_article(_write(tmp_path / "a.txt", "The council approved the budget on Monday."))
    b = read_article(_write(tmp_path / "b.txt", "Heavy snow closed three mountain passes."))
    tab = CompareTab(a, b, "Alpha", "Beta", Corpus([a, b]))
    qtbot.addWidget(tab)
    tab.resize(900, 400)
    tab.show()
    qtbot.waitUntil(lambda: tab.summary().endswith(f"threshold {tab.threshold}"), timeout=10_000)
    assert not tab.empty_hint.label.isVisibleTo(tab)  # the unmatched sentences are listed
    tab.set_filter(MATCHED)
    assert tab.proxy.rowCount() == 0
    assert tab.empty_hint.label.isVisibleTo(tab)
    assert "Threshold slider" in tab.empty_hint.label.text()


def _write(path, text):
    path.write_text(text)
    return path
