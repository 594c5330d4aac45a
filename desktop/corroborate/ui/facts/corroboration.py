"""Facts across the open articles (the current story's, when one is picked): computing
them on a worker after the folder's word statistics are ready, the Facts tab, and the
article tabs' heat maps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal

from ...core.alignment.similarity import Corpus
from ...core.facts.coverage import (
    SentenceCoverage,
    SentenceWording,
    others_by_sentence,
    wording_by_sentence,
)
from ...core.facts.find import find_facts
from ...core.model import Article, FactTable
from ..common.actions import ActionId
from ..common.tasks import LatestTask
from ..common.widgets import StatusProgress
from ..compare.compare_tab import CompareTab
from ..reading.article_tab import ArticleTab
from ..reading.article_tabs import ArticleTabs
from ..state.part_services import PartServices
from .fact_rows import FactRows
from .facts_tab import TITLE, FactsTab

OpenComparison = Callable[[Article, Article], CompareTab]


@dataclass(frozen=True, slots=True)
class HeatMap:
    """An article's heat map: who else reports each sentence, and how they put it."""

    others: SentenceCoverage
    wording: SentenceWording


def heat_map(table: FactTable, article_id: str, labels: dict[str, str]) -> HeatMap:
    return HeatMap(
        others_by_sentence(table, article_id, labels),
        wording_by_sentence(table, article_id, labels),
    )


@dataclass(frozen=True, slots=True)
class _Found:
    table: FactTable
    labels: dict[str, str]  # the source names the heat maps were worked out with
    heat: dict[str, HeatMap]


def _facts_and_heat(
    corpus: Corpus, story: frozenset[str] | None, labels: dict[str, str], progress
) -> _Found:  # worker
    """`story`: the ids of the articles to find facts across; None: all of `corpus`'s."""
    if story is not None:  # the story's own statistics: its words, not the folder's
        corpus = Corpus(a for a in corpus.articles if a.id in story)
    table = find_facts(corpus, progress)
    heat = {} if table.cancelled else {a.id: heat_map(table, a.id, labels) for a in table.articles}
    return _Found(table, labels, heat)


class Corroboration(QObject):
    """Owns the folder's FactTable; recomputed whenever the word statistics are rebuilt
    (articles were added), forgotten when everything is closed."""

    rows_opened = Signal(object)  # the Facts tab's FactRows, once, for annotating

    def __init__(
        self, services: PartServices, articles: ArticleTabs, open_comparison: OpenComparison
    ) -> None:
        super().__init__(services.workspace)
        self.services = services
        self.workspace = workspace = services.workspace
        self.articles = articles
        self.open_comparison = open_comparison
        # Each article's heat map, worked out on the worker with the facts: fifty of them
        # took half a second on this thread.
        self._heat: dict[str, HeatMap] = {}
        self._task = LatestTask(self)
        self.progress = StatusProgress()
        self.progress.cancel_requested.connect(self.cancel)
        self.status_widgets = (self.progress,)  # for the window's status bar

        self.action = action = services.actions[ActionId.SHOW_FACTS]
        action.triggered.connect(self.open_tab)
        # View → Facts Timeline shows the remembered state, and remembers a change, even
        # before the Facts tab is first opened.
        timeline = services.actions[ActionId.SHOW_TIMELINE]
        timeline.setChecked(services.settings.facts_timeline_shown)
        timeline.toggled.connect(
            lambda shown: setattr(services.settings, "facts_timeline_shown", shown)
        )
        workspace.corpus_ready.connect(self.compute)
        workspace.story_changed.connect(self._on_story_changed)
        articles.tab_opened.connect(self._paint)
        sources = workspace.sources
        sources.modelReset.connect(self._on_sources_reset)
        workspace.label_changed.connect(lambda *_: self._relabel())
        action.setEnabled(False)
        sources.rowsInserted.connect(self._update_action)
        sources.modelReset.connect(self._update_action)

    @property
    def table(self) -> FactTable | None:
        return self.workspace.facts

    @property
    def table_ready(self):
        """The workspace's notice that the facts are known (after the views show them)."""
        return self.workspace.facts_ready

    # --- computing ---------------------------------------------------------------------
    @property
    def is_computing(self) -> bool:
        return self._task.running

    def compute(self, corpus: Corpus) -> None:
        self.progress.start("Finding facts")
        labels = self.labels()
        story = self.workspace.story
        scope = frozenset(story.articles) if story is not None else None
        self._task.start(
            lambda progress: _facts_and_heat(corpus, scope, labels, progress),
            self._on_done,
            self.progress.report,
        )
        tab = self.facts_tab()
        if tab is not None and tab.table is None:
            tab.show_waiting()

    def _on_story_changed(self, _story) -> None:
        """Facts of the story now picked, once the statistics of the open articles are
        known (a load in progress computes them when its statistics are ready)."""
        corpus = self.workspace.corpus
        opened = {a.id for a in self.workspace.sources.articles}
        if corpus is not None and {a.id for a in corpus.articles} == opened:
            self.compute(corpus)

    def cancel(self) -> None:
        self._task.cancel()
        self.progress.finish()
        tab = self.facts_tab()
        if tab is not None and tab.table is None:
            tab.show_waiting("Finding facts was cancelled. Choose View → Facts to try again.")
        self.services.status.showMessage("Finding facts cancelled", 5000)

    def _on_done(self, found: _Found | None, error: BaseException | None) -> None:
        self.progress.finish()
        table = found.table if found is not None else None
        if error is not None or table is None or table.cancelled:
            self.services.status.showMessage(f"Could not find the facts: {error}", 10000)
            return
        self.workspace.facts = table  # told below, once the views show it
        labels = self.labels()
        self._heat = found.heat if labels == found.labels else {}
        for tab in self.articles.tabs():
            self._paint(tab)
        facts = self.facts_tab()
        if facts is not None:
            facts.set_table(table, labels)
        self.workspace.set_facts(table)

    def _on_sources_reset(self) -> None:
        if self.workspace.sources.rowCount() == 0:
            self._task.cancel()
            self.progress.finish()
            self.workspace.set_facts(None)
            self._heat = {}
            tab = self.facts_tab()
            if tab is not None:
                self.services.tabs.close(tab)

    def _update_action(self, *_args) -> None:
        self.action.setEnabled(self.workspace.sources.rowCount() > 0)

    # --- views ---------------------------------------------------------------------------
    def labels(self) -> dict[str, str]:
        return self.workspace.labels()

    def _paint(self, tab: ArticleTab) -> None:
        if self.table is None:
            tab.set_corroboration(None)
        elif (heat := self._heat.get(tab.article.id)) is not None:
            tab.set_corroboration(heat.others, heat.wording)
        elif any(a.id == tab.article.id for a in self.table.articles):
            heat = heat_map(self.table, tab.article.id, self.labels())
            tab.set_corroboration(heat.others, heat.wording)
        else:  # outside the story the facts are of: no tint claims otherwise
            tab.set_corroboration(None)

    def _relabel(self) -> None:
        self._heat = {}  # worked out with the old names
        if self.table is not None:
            for tab in self.articles.tabs():
                self._paint(tab)
        facts = self.facts_tab()
        if facts is not None:
            facts.set_labels(self.labels())

    def facts_tab(self) -> FactsTab | None:
        return self.services.tabs.find(FactsTab)

    def open_tab(self) -> FactsTab:
        """The Facts tab (made once); it fills in when the facts are known."""
        tab = self.facts_tab()
        if tab is None:
            toggle = self.services.actions[ActionId.SHOW_TIMELINE]
            tab = FactsTab(timeline_toggle=toggle, preference=self.services.settings)
            tab.open_requested.connect(self.articles.show_article)
            tab.compare_requested.connect(self.compare)
            self.rows_opened.emit(FactRows(tab, self.workspace.session))
            tooltip = "Every fact of the open articles and who reports it"
            self.services.tabs.add(tab, TITLE, tooltip, index=0)
            if self.table is not None:
                tab.set_table(self.table, self.labels())
            elif not self.is_computing and self.workspace.corpus is not None:
                self.compute(self.workspace.corpus)
        self.services.tabs.show(tab)
        tab.setFocus()
        return tab

    def show_fact(self, fact_id: str) -> bool:
        """The Facts tab at a fact; False when the fact is not in the table."""
        if self.table is None:
            return False
        tab = self.open_tab()
        if not tab.select_fact(fact_id):
            return False
        tab.view.setFocus()
        return True

    def compare(self, a_id: str, a_sentence: int, b_id: str, b_sentence: int) -> None:
        """The comparison of two sources of a fact, at the row of that fact."""
        sources = self.workspace.sources
        a = sources.article_at(sources.row_of(a_id))
        b = sources.article_at(sources.row_of(b_id))
        tab = self.open_comparison(a, b)
        if tab.is_aligned and not tab.is_aligning:
            tab.show_sentence("a", a_sentence)
        else:
            tab.alignment_applied.connect(
                lambda _alignment: tab.show_sentence("a", a_sentence),
                Qt.ConnectionType.SingleShotConnection,
            )
        tab.setFocus()
