"""Facts across the open articles (the current story's, when one is picked; story by story
otherwise): computing them on a worker once the stories or the word statistics they need
are known, the Facts tab, and the article tabs' heat maps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ...core.alignment.align import DEFAULT_THRESHOLD
from ...core.alignment.similarity import Corpus
from ...core.facts.coverage import (
    SentenceCoverage,
    SentenceWording,
    others_by_sentence,
    wording_by_sentence,
)
from ...core.facts.find import Progress, find_facts
from ...core.facts.per_story import find_facts_per_story
from ...core.facts.stories import find_stories
from ...core.model import Article, FactTable, Story, StoryTable
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
# Share of the progress of "All stories" spent finding the stories (a quarter of the time
# at 10,000 articles, see docs/PERFORMANCE.md).
STORIES_SHARE = 0.25
_STEPS = 1000


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
class _Scope:
    """What a table of facts covers: the open articles, the story picked (None: every
    story) and the stories they were found per (None: not known yet)."""

    articles: frozenset[str]
    story: str | None = None
    stories: tuple[Story, ...] | None = None


@dataclass(frozen=True, slots=True)
class _Found:
    table: FactTable
    labels: dict[str, str]  # the source names the heat maps were worked out with
    heat: dict[str, HeatMap]
    stories: StoryTable | None  # those the facts of every story were found per


def _facts_and_heat(
    articles: tuple[Article, ...],
    corpus: Corpus | None,
    story: frozenset[str] | None,
    stories: StoryTable | None,
    labels: dict[str, str],
    progress: Progress,
) -> _Found:  # worker
    """`story`: the ids of the articles to find facts across; None: every story's."""
    if story is not None:  # the story's own statistics: its words, not the folder's
        table = find_facts(Corpus(a for a in articles if a.id in story), progress)
    else:
        table, stories = every_story_facts(articles, corpus, stories, progress)
    heat = {} if table.cancelled else {a.id: heat_map(table, a.id, labels) for a in table.articles}
    return _Found(table, labels, heat, stories)


def every_story_facts(
    articles: tuple[Article, ...],
    corpus: Corpus | None,
    stories: StoryTable | None,
    progress: Progress,
) -> tuple[FactTable, StoryTable | None]:  # worker
    """The facts of every article, each story's as when it is picked (core/facts/per_story),
    and the stories they were found per; a folder of one story has them found across
    `corpus` (the folder's statistics, built from `articles` when None), as before.

    `stories`: as the Stories panel shows them; None: found here as the panel finds them.
    """
    rest = progress
    if stories is None:
        stories = find_stories(articles, _stage(progress, 0.0, STORIES_SHARE))
        if stories.cancelled:
            return FactTable(articles, (), DEFAULT_THRESHOLD, cancelled=True), None
        rest = _stage(progress, STORIES_SHARE, 1.0 - STORIES_SHARE)
    if len(stories.stories) > 1:
        return find_facts_per_story(articles, stories, rest), stories
    return find_facts(corpus if corpus is not None else Corpus(articles), rest), stories


def _stage(progress: Progress, start: float, share: float) -> Progress:
    """A stage's progress as a part of one progress of `_STEPS` steps."""

    def report(done: int, total: int) -> bool:
        return progress(int(_STEPS * (start + share * done / max(1, total))), _STEPS)

    return report


class Corroboration(QObject):
    """Owns the folder's FactTable; recomputed whenever the articles, the story picked or
    the stories shown change, forgotten when everything is closed.

    With no story picked, the facts of a folder of several stories are found story by
    story as soon as the Stories panel shows them (the folder's word statistics are not
    needed); a folder of one story waits for the statistics, as before stories existed.
    """

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
        self._scope: _Scope | None = None  # of the running task, else of the table shown
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
        workspace.corpus_ready.connect(lambda _corpus: self._refresh())
        workspace.story_changed.connect(lambda _story: self._refresh())
        # After the panel shows new stories it may pick another story: refreshed once both
        # are known, on the next turn of the event loop.
        workspace.grouping.stories_changed.connect(
            lambda: QTimer.singleShot(0, self, self._refresh)
        )
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
        """Find the facts of the story picked (or of every story) of `corpus`'s articles."""
        story = self.workspace.story
        if story is not None:
            self._start(corpus.articles, None, story, None)
        else:
            self._start(corpus.articles, corpus, None, self._stories_shown(corpus.articles))

    def _refresh(self) -> None:
        """Facts of what is now open and picked, unless they are known or under way: for
        the story picked once the statistics of the open articles are known (a load in
        progress computes them when its statistics are ready); for every story once the
        stories are shown, or the statistics known."""
        articles = tuple(self.workspace.sources.articles)
        ids = frozenset(a.id for a in articles)
        corpus = self.workspace.corpus
        if corpus is None or frozenset(a.id for a in corpus.articles) != ids:
            corpus = None
        story = self.workspace.story
        stories = self._stories_shown(articles) if story is None else None
        if story is None and stories is not None and len(stories.stories) > 1:
            if self._scope != _Scope(ids, None, stories.stories):
                self._start(articles, corpus, None, stories)
        elif corpus is not None and self._scope != self._scope_of(ids, story, stories):
            self.compute(corpus)

    def _stories_shown(self, articles: Sequence[Article]) -> StoryTable | None:
        """The stories the Stories panel shows, when they are of these articles."""
        shown = self.workspace.grouping.shown
        if shown is None or {a.id for a in shown.table.articles} != {a.id for a in articles}:
            return None
        return shown.table

    @staticmethod
    def _scope_of(ids: frozenset[str], story: Story | None, stories: StoryTable | None) -> _Scope:
        if story is not None:
            return _Scope(ids, story.id)
        return _Scope(ids, None, stories.stories if stories is not None else None)

    def _start(
        self,
        articles: tuple[Article, ...],
        corpus: Corpus | None,
        story: Story | None,
        stories: StoryTable | None,
    ) -> None:
        self.progress.start("Finding facts")
        labels = self.labels()
        scope = frozenset(story.articles) if story is not None else None
        self._scope = self._scope_of(frozenset(a.id for a in articles), story, stories)
        self._task.start(
            lambda progress: _facts_and_heat(articles, corpus, scope, stories, labels, progress),
            self._on_done,
            self.progress.report,
        )
        tab = self.facts_tab()
        if tab is not None and tab.table is None:
            tab.show_waiting()

    def cancel(self) -> None:
        self._task.cancel()
        self._scope = None
        self.progress.finish()
        tab = self.facts_tab()
        if tab is not None and tab.table is None:
            tab.show_waiting("Finding facts was cancelled. Choose View → Facts to try again.")
        self.services.status.showMessage("Finding facts cancelled", 5000)

    def _on_done(self, found: _Found | None, error: BaseException | None) -> None:
        self.progress.finish()
        table = found.table if found is not None else None
        if error is not None or table is None or table.cancelled:
            self._scope = None
            self.services.status.showMessage(f"Could not find the facts: {error}", 10000)
            return
        if found.stories is not None and self._scope is not None and self._scope.story is None:
            self._scope = _Scope(self._scope.articles, None, found.stories.stories)
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
            self._scope = None
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
