"""Comparison tabs in the main window: opening them, feeding them folder statistics,
keeping their titles in step with source names, and linking rows to the article tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox

from ...core.alignment.similarity import Corpus
from ...core.model import Article
from ..common.actions import ActionId
from ..common.plain import no_mnemonic, plain_tooltip
from ..common.tasks import LatestTask
from ..common.widgets import StatusProgress
from ..reading.article_tab import ArticleTab
from .compare_dialog import NewComparisonDialog
from .compare_tab import CompareTab

if TYPE_CHECKING:
    from ..main_window import MainWindow


def tab_text(title: str) -> str:
    """A tab title shown as written: "&" in a source name is not a shortcut marker."""
    return no_mnemonic(title)


class Comparisons(QObject):
    """Owns the folder's word statistics (a Corpus, built on a worker after each load)
    and every comparison tab's connections to the rest of the window."""

    corpus_ready = Signal(object)  # Corpus
    tab_opened = Signal(object)  # CompareTab, once, when it is created

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.corpus: Corpus | None = None
        self._builder = LatestTask(self)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # source names are never markup
        self.summary.setToolTip("Rows of the current comparison and its threshold")
        window.statusBar().addPermanentWidget(self.summary)
        self.summary.hide()
        self.progress = StatusProgress()  # shown only when the statistics take a while
        self.progress.cancel_requested.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.progress)

        actions = window.actions_
        actions[ActionId.NEW_COMPARISON].triggered.connect(self.choose_and_open)
        actions[ActionId.COMPARE_SELECTED].triggered.connect(self.compare_selected)
        actions[ActionId.NEXT_DIFFERENCE].triggered.connect(self.next_difference)
        actions[ActionId.PREVIOUS_DIFFERENCE].triggered.connect(self.previous_difference)
        window.articles_loaded.connect(lambda _result: self.rebuild_corpus())
        window.sources.label_changed.connect(self._on_label_changed)
        window.sources.rowsInserted.connect(self._update_actions)
        window.sources.modelReset.connect(self._update_actions)
        window.sources_view.selectionModel().selectionChanged.connect(self._update_actions)
        window.tabs.currentChanged.connect(self._on_current_tab)
        self._update_actions()

    # --- folder statistics ---------------------------------------------------------------
    def rebuild_corpus(self) -> None:
        """Word statistics of every loaded article; open comparisons re-align with them."""
        articles = tuple(self.window.sources.articles)
        if not articles:
            self.reset()
            return
        self.progress.start("Preparing word statistics")
        self._builder.start(lambda _progress: Corpus(articles), self._on_corpus)

    def cancel(self) -> None:
        """Cancel pressed: comparisons and facts wait until they are asked for again."""
        self.reset()
        self.window.statusBar().showMessage(
            "Word statistics cancelled: open a comparison to prepare them again", 8000
        )

    def _on_corpus(self, corpus: Corpus | None, error: BaseException | None) -> None:
        self.progress.finish()
        if error is not None or corpus is None:
            self.window.statusBar().showMessage(f"Could not compute word statistics: {error}")
            return
        self.corpus = corpus
        for tab in self.tabs():
            tab.set_corpus(corpus)
        self.corpus_ready.emit(corpus)

    def reset(self) -> None:
        """Everything was closed: forget the statistics of the old folder."""
        self._builder.cancel()
        self.progress.finish()
        self.corpus = None

    @property
    def is_preparing(self) -> bool:
        return self._builder.running

    # --- opening ---------------------------------------------------------------------
    def tabs(self) -> list[CompareTab]:
        tabs = self.window.tabs
        return [w for i in range(tabs.count()) if isinstance(w := tabs.widget(i), CompareTab)]

    def current(self) -> CompareTab | None:
        widget = self.window.tabs.currentWidget()
        return widget if isinstance(widget, CompareTab) else None

    def open(self, a: Article, b: Article) -> CompareTab:
        """A tab comparing `a` with `b` (the existing one when it is already open)."""
        for tab in self.tabs():
            if (tab.a.id, tab.b.id) == (a.id, b.id):
                self.window.tabs.setCurrentWidget(tab)
                return tab
        sources = self.window.sources
        if self.corpus is None and not self.is_preparing:
            self.rebuild_corpus()
        tab = CompareTab(a, b, sources.label(a), sources.label(b), self.corpus)
        tab.row_selected.connect(self._show_sentences)
        tab.open_requested.connect(self.window.show_article)
        tab.summary_changed.connect(lambda _text, t=tab: self._update_summary(t))
        tabs = self.window.tabs
        index = tabs.addTab(tab, tab_text(tab.title))
        tabs.setTabToolTip(index, plain_tooltip(f"Comparison of\n{a.title}\nwith\n{b.title}"))
        tabs.setCurrentIndex(index)
        self.window.stack.setCurrentWidget(tabs)
        self.tab_opened.emit(tab)
        tab.setFocus()
        return tab

    def default_pair(self) -> tuple[int, int]:
        """The current tab's article(s); else the first; the second defaults to the next."""
        sources = self.window.sources
        widget = self.window.tabs.currentWidget()
        if isinstance(widget, CompareTab):
            return sources.row_of(widget.a.id), sources.row_of(widget.b.id)
        first = sources.row_of(widget.article.id) if isinstance(widget, ArticleTab) else 0
        first = max(first, 0)
        return first, (first + 1) % max(sources.rowCount(), 1)

    def choose_and_open(self) -> CompareTab | None:
        sources = self.window.sources
        if sources.rowCount() < 2:
            QMessageBox.information(
                self.window, "New Comparison", "Load at least two articles to compare them."
            )
            return None
        articles = sources.articles
        first, second = self.default_pair()
        dialog = NewComparisonDialog(
            articles, [sources.label(a) for a in articles], first, second, self.window
        )
        if dialog.exec() != NewComparisonDialog.DialogCode.Accepted:
            return None
        return self.open(*dialog.chosen())

    def selected_sources(self) -> list[Article]:
        rows = sorted(i.row() for i in self.window.sources_view.selectionModel().selectedRows())
        return [self.window.sources.article_at(r) for r in rows]

    def compare_selected(self) -> CompareTab | None:
        chosen = self.selected_sources()
        return self.open(chosen[0], chosen[1]) if len(chosen) == 2 else None

    # --- differences and links ----------------------------------------------------------
    def next_difference(self) -> None:
        tab = self.current()
        if tab is not None and not tab.next_difference():
            self.window.statusBar().showMessage("No more differences below", 3000)

    def previous_difference(self) -> None:
        tab = self.current()
        if tab is not None and not tab.previous_difference():
            self.window.statusBar().showMessage("No more differences above", 3000)

    def _show_sentences(self, a_id: str, a_sentence: int, b_id: str, b_sentence: int) -> None:
        """Scroll the article tabs to the row's sentences, without leaving the comparison."""
        for article_id, sentence in ((a_id, a_sentence), (b_id, b_sentence)):
            tab = self.window.tab_for(article_id)
            if tab is not None and sentence >= 0:
                tab.reader.show_sentence(sentence)

    # --- keeping in step ------------------------------------------------------------------
    def _on_label_changed(self, article_id: str, _label: str) -> None:
        sources = self.window.sources
        for tab in self.tabs():
            if article_id in (tab.a.id, tab.b.id):
                tab.set_labels(sources.label(tab.a), sources.label(tab.b))
                self.window.tabs.setTabText(self.window.tabs.indexOf(tab), tab_text(tab.title))

    def _on_current_tab(self, _index: int) -> None:
        self._update_summary(self.current())
        self._update_actions()

    def _update_summary(self, tab: CompareTab | None) -> None:
        if tab is not None and tab is self.current():
            self.summary.setText(tab.summary())
            self.summary.show()
        elif self.current() is None:
            self.summary.hide()

    def _update_actions(self, *_args) -> None:
        actions = self.window.actions_
        in_comparison = self.current() is not None
        actions[ActionId.NEXT_DIFFERENCE].setEnabled(in_comparison)
        actions[ActionId.PREVIOUS_DIFFERENCE].setEnabled(in_comparison)
        actions[ActionId.NEW_COMPARISON].setEnabled(self.window.sources.rowCount() >= 2)
        actions[ActionId.COMPARE_SELECTED].setEnabled(len(self.selected_sources()) == 2)
