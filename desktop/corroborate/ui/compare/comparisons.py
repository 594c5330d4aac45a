"""Comparison tabs: opening them, feeding them the folder's word statistics, keeping
their titles in step with source names, and linking rows to the article tabs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox

from ...core.alignment.similarity import Corpus
from ...core.model import Article
from ..common.actions import ActionId
from ..common.tasks import LatestTask
from ..common.widgets import StatusProgress
from ..reading.article_tab import ArticleTab
from ..reading.article_tabs import ArticleTabs
from ..state.part_services import PartServices
from .compare_dialog import NewComparisonDialog
from .compare_rows import CompareRows
from .compare_tab import CompareTab


class Comparisons(QObject):
    """Builds the folder's word statistics (a Corpus, on a worker after each load) for
    the workspace, and connects every comparison tab to the rest of the workspace."""

    rows_opened = Signal(object)  # a new tab's CompareRows, once, for annotating

    def __init__(
        self,
        services: PartServices,
        articles: ArticleTabs,
        sources_selection: QItemSelectionModel,
    ) -> None:
        super().__init__(services.workspace)
        self.services = services
        self.workspace = workspace = services.workspace
        self.articles = articles
        self.sources_selection = sources_selection
        actions, tabs = services.actions, services.tabs
        self._builder = LatestTask(self)
        self._rows: dict[CompareTab, CompareRows] = {}
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # source names are never markup
        self.summary.setToolTip("Rows of the current comparison and its threshold")
        self.summary.hide()
        self.progress = StatusProgress()  # shown only when the statistics take a while
        self.progress.cancel_requested.connect(self.cancel)
        self.status_widgets = (self.summary, self.progress)  # for the window's status bar

        actions[ActionId.NEW_COMPARISON].triggered.connect(self.choose_and_open)
        actions[ActionId.COMPARE_SELECTED].triggered.connect(self.compare_selected)
        actions[ActionId.NEXT_DIFFERENCE].triggered.connect(self.next_difference)
        actions[ActionId.NEXT_FLAGGED].triggered.connect(lambda: self.step_to("flagged", +1))
        actions[ActionId.PREVIOUS_FLAGGED].triggered.connect(lambda: self.step_to("flagged", -1))
        actions[ActionId.NEXT_UNANNOTATED].triggered.connect(
            lambda: self.step_to("unannotated", +1)
        )
        actions[ActionId.PREVIOUS_DIFFERENCE].triggered.connect(self.previous_difference)
        actions[ActionId.LINK_SENTENCES].triggered.connect(self.link_selected)
        actions[ActionId.REJECT_MATCH].triggered.connect(self.reject_current)
        workspace.session.links_changed.connect(self._apply_links)
        workspace.articles_loaded.connect(lambda _result: self.rebuild_corpus())
        workspace.closing.connect(self.reset)
        workspace.label_changed.connect(self._on_label_changed)
        sources = workspace.sources
        sources.rowsInserted.connect(self._update_actions)
        sources.modelReset.connect(self._update_actions)
        sources_selection.selectionChanged.connect(self._update_actions)
        tabs.current_changed.connect(self._on_current_tab)
        self._update_actions()

    @property
    def corpus(self) -> Corpus | None:
        return self.workspace.corpus

    @property
    def corpus_ready(self):
        """The workspace's notice that the word statistics are ready."""
        return self.workspace.corpus_ready

    # --- folder statistics ---------------------------------------------------------------
    def rebuild_corpus(self) -> None:
        """Word statistics of every loaded article; open comparisons re-align with them."""
        articles = tuple(self.workspace.sources.articles)
        if not articles:
            self.reset()
            return
        self.progress.start("Preparing word statistics")
        self._builder.start(lambda _progress: Corpus(articles), self._on_corpus)

    def cancel(self) -> None:
        """Cancel pressed: comparisons and facts wait until they are asked for again."""
        self.reset()
        self.services.status.showMessage(
            "Word statistics cancelled: open a comparison to prepare them again", 8000
        )

    def _on_corpus(self, corpus: Corpus | None, error: BaseException | None) -> None:
        self.progress.finish()
        if error is not None or corpus is None:
            self.services.status.showMessage(f"Could not compute word statistics: {error}")
            return
        for tab in self.tabs():
            tab.set_corpus(corpus)
        self.workspace.set_corpus(corpus)

    def reset(self) -> None:
        """Everything was closed: forget the statistics of the old folder."""
        self._builder.cancel()
        self.progress.finish()
        self.workspace.set_corpus(None)

    @property
    def is_preparing(self) -> bool:
        return self._builder.running

    # --- opening ---------------------------------------------------------------------
    def tabs(self) -> list[CompareTab]:
        return self.services.tabs.tabs_of(CompareTab)

    def current(self) -> CompareTab | None:
        return self.services.tabs.current(CompareTab)

    def open(self, a: Article, b: Article) -> CompareTab:
        """A tab comparing `a` with `b` (the existing one when it is already open)."""
        host = self.services.tabs
        same = host.find(CompareTab, lambda tab: (tab.a.id, tab.b.id) == (a.id, b.id))
        if same is not None:
            host.show(same)
            return same
        sources = self.workspace.sources
        if self.corpus is None and not self.is_preparing:
            self.rebuild_corpus()
        tab = CompareTab(a, b, sources.label(a), sources.label(b), self.corpus)
        tab.row_selected.connect(self._show_sentences)
        tab.open_requested.connect(self.articles.show_article)
        tab.summary_changed.connect(lambda _text, t=tab: self._update_summary(t))
        host.add(tab, tab.title, f"Comparison of\n{a.title}\nwith\n{b.title}")
        host.show(tab)
        rows = CompareRows(tab, self.workspace.session)
        self._rows[tab] = rows
        tab.destroyed.connect(lambda _=None, t=tab: self._rows.pop(t, None))
        tab.set_corrections(*self.workspace.session.links_between(tab.a, tab.b))
        self.rows_opened.emit(rows)
        tab.setFocus()
        return tab

    def default_pair(self) -> tuple[int, int]:
        """The current tab's article(s); else the first; the second defaults to the next."""
        sources = self.workspace.sources
        widget = self.services.tabs.current()
        if isinstance(widget, CompareTab):
            return sources.row_of(widget.a.id), sources.row_of(widget.b.id)
        first = sources.row_of(widget.article.id) if isinstance(widget, ArticleTab) else 0
        first = max(first, 0)
        return first, (first + 1) % max(sources.rowCount(), 1)

    def choose_and_open(self) -> CompareTab | None:
        sources, parent = self.workspace.sources, self.services.dialog_parent
        if sources.rowCount() < 2:
            QMessageBox.information(
                parent, "New Comparison", "Load at least two articles to compare them."
            )
            return None
        articles = sources.articles
        first, second = self.default_pair()
        story = self.workspace.story
        dialog = NewComparisonDialog(
            articles,
            [sources.label(a) for a in articles],
            first,
            second,
            parent,
            scope=story.articles if story else None,
        )
        if dialog.exec() != NewComparisonDialog.DialogCode.Accepted:
            return None
        return self.open(*dialog.chosen())

    def selected_sources(self) -> list[Article]:
        rows = sorted(i.row() for i in self.sources_selection.selectedRows())
        return [self.workspace.sources.article_at(r) for r in rows]

    def compare_selected(self) -> CompareTab | None:
        chosen = self.selected_sources()
        return self.open(chosen[0], chosen[1]) if len(chosen) == 2 else None

    # --- differences and links ----------------------------------------------------------
    def next_difference(self) -> None:
        tab = self.current()
        if tab is not None and not tab.next_difference():
            self.services.status.showMessage("No more differences below", 3000)

    def previous_difference(self) -> None:
        tab = self.current()
        if tab is not None and not tab.previous_difference():
            self.services.status.showMessage("No more differences above", 3000)

    def step_to(self, which: str, step: int) -> None:
        """Go to the next or previous row that is flagged, or not annotated."""
        tab = self.current()
        if tab is None:
            return
        wanted = tab.is_flagged if which == "flagged" else tab.is_unannotated
        if not tab.step_to(wanted, step):
            where = "below" if step > 0 else "above"
            rows = "flagged values" if which == "flagged" else "unannotated rows"
            self.services.status.showMessage(f"No more {rows} {where}", 3000)

    def _show_sentences(self, a_id: str, a_sentence: int, b_id: str, b_sentence: int) -> None:
        """Scroll the article tabs to the row's sentences, without leaving the comparison."""
        for article_id, sentence in ((a_id, a_sentence), (b_id, b_sentence)):
            tab = self.articles.tab_for(article_id)
            if tab is not None and sentence >= 0:
                tab.reader.show_sentence(sentence)

    # --- annotating pairs --------------------------------------------------------------
    def link_selected(self) -> None:
        rows = self._rows.get(self.current())
        complaint = rows.link_selected() if rows else ""
        if complaint:
            self.services.status.showMessage(complaint, 5000)

    def reject_current(self) -> None:
        rows = self._rows.get(self.current())
        complaint = rows.reject_current() if rows else ""
        if complaint:
            self.services.status.showMessage(complaint, 5000)

    def _apply_links(self) -> None:
        for tab in self.tabs():
            tab.set_corrections(*self.workspace.session.links_between(tab.a, tab.b))

    def show_sentences(self, found: Sequence[tuple[Article, int]]) -> CompareTab | None:
        """The comparison of the articles of `found` at its first sentence (the article's
        own tab when only one article is covered and no comparison shows it)."""
        articles = list(dict.fromkeys(article for article, _ in found))
        host = self.services.tabs
        if len(articles) >= 2:
            ids = {articles[0].id, articles[1].id}
            tab = host.find(CompareTab, lambda t: {t.a.id, t.b.id} == ids)
            tab = tab or self.open(articles[0], articles[1])
        else:
            tab = host.find(CompareTab, lambda t: articles[0].id in (t.a.id, t.b.id))
            if tab is None:
                self.articles.show_article(articles[0].id, found[0][1])
                return None
        host.show(tab)
        article, sentence = found[0]
        side = "a" if article.id == tab.a.id else "b"
        if tab.is_aligned:
            tab.show_sentence(side, sentence)
        else:
            tab.alignment_applied.connect(
                lambda _alignment: tab.show_sentence(side, sentence),
                Qt.ConnectionType.SingleShotConnection,
            )
        tab.view.setFocus()
        return tab

    # --- keeping in step ------------------------------------------------------------------
    def _on_label_changed(self, article_id: str, _label: str) -> None:
        sources = self.workspace.sources
        for tab in self.tabs():
            if article_id in (tab.a.id, tab.b.id):
                tab.set_labels(sources.label(tab.a), sources.label(tab.b))
                self.services.tabs.set_title(tab, tab.title)

    def _on_current_tab(self, _tab) -> None:
        self._update_summary(self.current())
        self._update_actions()

    def _update_summary(self, tab: CompareTab | None) -> None:
        if tab is not None and tab is self.current():
            self.summary.setText(tab.summary())
            self.summary.show()
        elif self.current() is None:
            self.summary.hide()

    def _update_actions(self, *_args) -> None:
        actions = self.services.actions
        in_comparison = self.current() is not None
        actions[ActionId.NEXT_DIFFERENCE].setEnabled(in_comparison)
        actions[ActionId.PREVIOUS_DIFFERENCE].setEnabled(in_comparison)
        for action_id in (
            ActionId.NEXT_FLAGGED,
            ActionId.PREVIOUS_FLAGGED,
            ActionId.NEXT_UNANNOTATED,
        ):
            actions[action_id].setEnabled(in_comparison)
        actions[ActionId.NEW_COMPARISON].setEnabled(self.workspace.sources.rowCount() >= 2)
        actions[ActionId.COMPARE_SELECTED].setEnabled(len(self.selected_sources()) == 2)
