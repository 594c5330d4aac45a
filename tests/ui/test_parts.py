"""Each part over a Workspace, with no main window: what is open, the article tabs, a
comparison and annotating its rows, and the annotator over rows of any kind of tab."""

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel, QTableView, QToolBar, QVBoxLayout, QWidget

from corroborate.core.model import Status
from corroborate.ui.annotate.annotating import Annotator
from corroborate.ui.common.actions import ActionId, ActionRegistry
from corroborate.ui.common.settings import Settings
from corroborate.ui.common.tab_host import TabHost
from corroborate.ui.compare.compare_model import MATCHED, ComparisonModel
from corroborate.ui.compare.compare_tab import CompareTab
from corroborate.ui.state.annotatable_rows import AnnotationTarget
from corroborate.ui.state.part_services import PartServices
from corroborate.ui.state.workspace import Workspace
from tests.ui.bench import StatusRecorder
from tests.ui.conftest import open_and_wait

LEFT, RIGHT = "economic-ties-regional-tensions.txt", "ssbcrackexams.txt"


def named(bench, name: str):
    return next(a for a in bench.sources.articles if Path(a.path).name == name)


def owned_workspace(qtbot) -> tuple[QWidget, Workspace]:
    """A Workspace whose owner qtbot closes after the test (as the window would be)."""
    host = QWidget()
    qtbot.addWidget(host)
    return host, Workspace(parent=host)


def test_a_workspace_opens_a_folder_and_closes_everything(qtbot, seeds_dir):
    _host, workspace = owned_workspace(qtbot)
    with qtbot.waitSignal(workspace.articles_loaded, timeout=30_000) as loaded:
        workspace.open_folder(str(seeds_dir))
    assert workspace.current_folder == str(seeds_dir.resolve())
    assert len(workspace.sources.articles) == len(loaded.args[0].articles) > 2
    assert set(workspace.labels()) == {a.id for a in workspace.sources.articles}
    workspace.close_all()
    assert workspace.sources.rowCount() == 0 and workspace.corpus is None
    workspace.session.close()


def test_a_load_opens_a_tab_per_article_and_says_how_many(qtbot, bench, seeds_dir):
    open_and_wait(qtbot, bench, seeds_dir)
    articles = bench.sources.articles
    assert [tab.article.id for tab in bench.reading.tabs()] == [a.id for a in articles]
    assert bench.status.currentMessage().startswith(f"{len(articles)} articles loaded")
    bench.sources.set_label(articles[0].id, "Renamed & Co")
    assert bench.tabs.tabText(0) == "Renamed && Co"  # shown as written, not a shortcut


def test_a_comparison_opens_over_the_workspace_once(qtbot, bench, seeds_dir):
    open_and_wait(qtbot, bench, seeds_dir, bench.workspace.corpus_ready)
    a, b = named(bench, LEFT), named(bench, RIGHT)
    tab = bench.comparisons.open(a, b)
    assert bench.tab_host.current() is tab and bench.workspace.corpus is not None
    qtbot.waitUntil(lambda: tab.is_aligned and not tab.is_aligning, timeout=10_000)
    assert any(tab.model.row(r).kind == MATCHED for r in range(tab.model.rowCount()))
    assert bench.comparisons.open(a, b) is tab
    assert bench.tab_host.tabs_of(CompareTab) == [tab]


def test_marking_a_matched_row_stores_its_similarity(qtbot, bench, seeds_dir):
    open_and_wait(qtbot, bench, seeds_dir, bench.workspace.corpus_ready)
    tab = bench.comparisons.open(named(bench, LEFT), named(bench, RIGHT))
    qtbot.waitUntil(lambda: tab.is_aligned and not tab.is_aligning, timeout=10_000)
    row = next(r for r in range(tab.proxy.rowCount()) if tab.model.row(r).kind == MATCHED)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    rows = flags | QItemSelectionModel.SelectionFlag.Rows
    tab.view.selectionModel().setCurrentIndex(tab.proxy.index(row, ComparisonModel.A), rows)
    assert bench.actions_[ActionId.REJECT_MATCH].isEnabled()
    bench.actions_[ActionId.MARK_AGREED].trigger()
    (placed,) = bench.workspace.session.listed()
    assert placed.annotation.status == Status.AGREED
    assert placed.annotation.similarity is not None
    assert bench.actions_[ActionId.MARK_AGREED].isChecked()


class OneRowTab(QWidget):
    """A tab of some future kind whose single row covers an article's first sentence."""

    row_actions = (ActionId.MARK_DISPUTED, ActionId.EDIT_NOTE)
    row_noun = "claims"

    def __init__(self, session, article) -> None:
        super().__init__()
        self.widget, self.session, self.article = self, session, article
        self.view = QTableView()
        self.view.setModel(QStandardItemModel(1, 1, self))
        self.view.setCurrentIndex(self.view.model().index(0, 0))
        QVBoxLayout(self).addWidget(self.view)

    def current_target(self):
        targets = self.session.targets(self.article, [0], self.article.source)
        return AnnotationTarget(targets, None, (), fact_id="claim-1")

    def selected_targets(self):
        return [self.current_target()]

    def enabled_actions(self):
        return set(self.row_actions)

    def add_toolbar(self, toolbar: QToolBar) -> None:
        self.layout().insertWidget(0, toolbar)

    def refresh_annotations(self) -> None:
        pass

    def on_current_changed(self, callback) -> None:
        self.view.selectionModel().currentChanged.connect(lambda *_: callback())


def test_the_annotator_marks_the_rows_of_any_tab_that_offers_them(qtbot, seeds_dir):
    host, workspace = owned_workspace(qtbot)
    actions, tabs = ActionRegistry(host), TabHost(host)
    services = PartServices(workspace, actions, tabs, StatusRecorder(), host, Settings())
    annotator = Annotator(services, lambda _id: False, lambda _found: None)
    with qtbot.waitSignal(workspace.articles_loaded, timeout=30_000):  # the annotator places them
        workspace.add_paths([str(seeds_dir)])
    tabs.add(QLabel("an article"), "Article", "")
    tab = OneRowTab(workspace.session, workspace.sources.articles[0])
    tabs.add(tab, "Claims", "")
    annotator.attach(tab)
    assert not actions[ActionId.MARK_DISPUTED].isEnabled()  # the article tab is current
    tabs.show(tab)
    assert actions[ActionId.MARK_DISPUTED].isEnabled()
    assert not actions[ActionId.LINK_SENTENCES].isEnabled()  # not one of this tab's
    actions[ActionId.MARK_DISPUTED].trigger()
    (placed,) = workspace.session.listed()
    assert (placed.annotation.status, placed.annotation.fact_id) == (Status.DISPUTED, "claim-1")
    assert annotator.panel.note.isEnabled()
    workspace.session.close()


def test_the_reading_area_shows_the_empty_state_until_a_tab_opens(qtbot):
    host = TabHost()
    qtbot.addWidget(host.widget)
    assert host.stack.currentWidget() is host.empty_state
    first, second = QLabel("one"), QTableView()
    host.add(first, "One & Two", "")
    host.add(second, "Table", "", index=0)
    assert host.stack.currentWidget() is host.tabs
    assert host.tabs_of(QTableView) == [second] and host.tabs.tabText(0) == "Table"
    assert host.find(QLabel) is first and host.tabs.tabText(1) == "One && Two"
    host.close_all()
    assert host.count() == 0 and host.stack.currentWidget() is host.empty_state
