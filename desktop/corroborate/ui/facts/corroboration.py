"""Facts across the open articles in the window: computing them on a worker after the
folder's word statistics are ready, the Facts tab, and the article tabs' heat maps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from ...core.alignment.similarity import Corpus
from ...core.facts.find import find_facts
from ...core.model import FactTable
from ..common.actions import ActionId
from ..common.tasks import LatestTask
from ..common.widgets import StatusProgress
from ..reading.article_tab import ArticleTab
from ..reading.heatmap import Corroboration as HeatMap  # sentence -> the other sources
from ..reading.heatmap import others_by_sentence
from .facts_tab import TITLE, FactsTab

if TYPE_CHECKING:
    from ..main_window import MainWindow


@dataclass(frozen=True, slots=True)
class _Found:
    table: FactTable
    labels: dict[str, str]  # the source names the heat maps were worked out with
    heat: dict[str, HeatMap]


def _facts_and_heat(corpus: Corpus, labels: dict[str, str], progress) -> _Found:  # worker
    table = find_facts(corpus, progress)
    heat = {} if table.cancelled else {
        a.id: others_by_sentence(table, a.id, labels) for a in table.articles
    }  # fmt: skip
    return _Found(table, labels, heat)


class Corroboration(QObject):
    """Owns the folder's FactTable; recomputed whenever the word statistics are rebuilt
    (articles were added), forgotten when everything is closed."""

    table_ready = Signal(object)  # FactTable, after the views show it

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.table: FactTable | None = None
        # Each article's heat map, worked out on the worker with the facts: fifty of them
        # took half a second on this thread.
        self._heat: dict[str, HeatMap] = {}
        self._task = LatestTask(self)
        self.progress = StatusProgress()
        self.progress.cancel_requested.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.progress)

        action = window.actions_[ActionId.SHOW_FACTS]
        action.triggered.connect(self.open_tab)
        window.view_menu.addSeparator()
        window.view_menu.addAction(action)
        window.comparisons.corpus_ready.connect(self.compute)
        window.article_tab_opened.connect(self._paint)
        window.sources.modelReset.connect(self._on_sources_reset)
        window.sources.label_changed.connect(lambda *_: self._relabel())
        action.setEnabled(False)
        window.sources.rowsInserted.connect(self._update_action)
        window.sources.modelReset.connect(self._update_action)

    # --- computing ---------------------------------------------------------------------
    @property
    def is_computing(self) -> bool:
        return self._task.running

    def compute(self, corpus: Corpus) -> None:
        self.progress.start("Finding facts")
        labels = self.labels()
        self._task.start(
            lambda progress: _facts_and_heat(corpus, labels, progress),
            self._on_done,
            self.progress.report,
        )
        tab = self.facts_tab()
        if tab is not None and tab.table is None:
            tab.show_waiting()

    def cancel(self) -> None:
        self._task.cancel()
        self.progress.finish()
        tab = self.facts_tab()
        if tab is not None and tab.table is None:
            tab.show_waiting("Finding facts was cancelled. Choose View → Facts to try again.")
        self.window.statusBar().showMessage("Finding facts cancelled", 5000)

    def _on_done(self, found: _Found | None, error: BaseException | None) -> None:
        self.progress.finish()
        table = found.table if found is not None else None
        if error is not None or table is None or table.cancelled:
            self.window.statusBar().showMessage(f"Could not find the facts: {error}", 10000)
            return
        self.table = table
        labels = self.labels()
        self._heat = found.heat if labels == found.labels else {}
        for tab in self.window.article_tabs():
            self._paint(tab)
        facts = self.facts_tab()
        if facts is not None:
            facts.set_table(table, labels)
        self.table_ready.emit(table)

    def _on_sources_reset(self) -> None:
        if self.window.sources.rowCount() == 0:
            self._task.cancel()
            self.progress.finish()
            self.table = None
            self._heat = {}
            tab = self.facts_tab()
            if tab is not None:
                self.window.close_tab(self.window.tabs.indexOf(tab))

    def _update_action(self, *_args) -> None:
        self.window.actions_[ActionId.SHOW_FACTS].setEnabled(self.window.sources.rowCount() > 0)

    # --- views ---------------------------------------------------------------------------
    def labels(self) -> dict[str, str]:
        sources = self.window.sources
        return {a.id: sources.label(a) for a in sources.articles}

    def _paint(self, tab: ArticleTab) -> None:
        if self.table is None:
            tab.set_corroboration(None)
        elif (heat := self._heat.get(tab.article.id)) is not None:
            tab.set_corroboration(heat)
        elif any(a.id == tab.article.id for a in self.table.articles):
            tab.set_corroboration(others_by_sentence(self.table, tab.article.id, self.labels()))

    def _relabel(self) -> None:
        self._heat = {}  # worked out with the old names
        if self.table is not None:
            for tab in self.window.article_tabs():
                self._paint(tab)
        facts = self.facts_tab()
        if facts is not None:
            facts.set_labels(self.labels())

    def facts_tab(self) -> FactsTab | None:
        tabs = self.window.tabs
        return next(
            (w for i in range(tabs.count()) if isinstance(w := tabs.widget(i), FactsTab)), None
        )

    def open_tab(self) -> FactsTab:
        """The Facts tab (made once); it fills in when the facts are known."""
        tab = self.facts_tab()
        tabs = self.window.tabs
        if tab is None:
            tab = FactsTab()
            tab.open_requested.connect(self.window.show_article)
            tab.compare_requested.connect(self.compare)
            self.window.annotator.facts.attach(tab)
            index = tabs.insertTab(0, tab, TITLE)
            tabs.setTabToolTip(index, "Every fact of the open articles and who reports it")
            if self.table is not None:
                tab.set_table(self.table, self.labels())
            elif not self.is_computing and self.window.comparisons.corpus is not None:
                self.compute(self.window.comparisons.corpus)
        tabs.setCurrentWidget(tab)
        self.window.stack.setCurrentWidget(tabs)
        tab.setFocus()
        return tab

    def compare(self, a_id: str, a_sentence: int, b_id: str, b_sentence: int) -> None:
        """The comparison of two sources of a fact, at the row of that fact."""
        sources = self.window.sources
        a = sources.article_at(sources.row_of(a_id))
        b = sources.article_at(sources.row_of(b_id))
        tab = self.window.comparisons.open(a, b)
        if tab.is_aligned and not tab.is_aligning:
            tab.show_sentence("a", a_sentence)
        else:
            tab.alignment_applied.connect(
                lambda _alignment: tab.show_sentence("a", a_sentence),
                Qt.ConnectionType.SingleShotConnection,
            )
        tab.setFocus()
