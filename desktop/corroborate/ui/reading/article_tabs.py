"""A tab per open article: opened a few per turn after each load, found by article id,
renamed with its source, and closed with everything else."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from ...core.ingest.loading import LoadResult
from ...core.model import Article
from ..common.status import StatusSink
from ..common.tab_host import TabHost
from ..common.tab_opening import TabOpener
from ..state.load_report import load_message
from ..state.workspace import Workspace
from .article_tab import ArticleTab


class ArticleTabs(QObject):
    tab_opened = Signal(object)  # ArticleTab

    def __init__(self, workspace: Workspace, tabs: TabHost, status: StatusSink) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.tab_host = tabs
        self.status = status
        self._opener = TabOpener(
            self, self._open_tab, lambda id_: self.tab_for(id_) is not None, self._report_loaded
        )
        workspace.articles_added.connect(self._opener.start)
        workspace.closing.connect(self._opener.cancel)
        workspace.closing.connect(tabs.close_all)  # the reading area empties with the workspace
        workspace.label_changed.connect(self._on_label_changed)

    def cancel(self) -> None:
        self._opener.cancel()

    def tabs(self) -> list[ArticleTab]:
        return self.tab_host.tabs_of(ArticleTab)

    def tab_for(self, article_id: str) -> ArticleTab | None:
        return self.tab_host.find(ArticleTab, lambda tab: tab.article.id == article_id)

    def show_article(self, article_id: str, sentence: int | None = None) -> None:
        tab = self.tab_for(article_id)
        if tab is None:
            sources = self.workspace.sources
            row = sources.row_of(article_id)
            if row < 0:
                return
            tab = self._open_tab(sources.article_at(row))
        self.tab_host.show(tab)
        if sentence is not None:
            tab.reader.show_sentence(sentence)

    def _open_tab(self, article: Article) -> ArticleTab:
        label = self.workspace.sources.label(article)
        tab = ArticleTab(article, label)
        self.tab_host.add(tab, label, f"{article.title}\n{article.path}")
        self.tab_opened.emit(tab)
        return tab

    def _report_loaded(self, result: LoadResult, added: list[Article]) -> None:
        self.status.showMessage(load_message(len(added), result.problems), 10000)
        self.tab_host.update_empty_state()
        current = self.tab_host.current()
        if added and current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)  # the reader
        self.workspace.finish_loading(result)

    def _on_label_changed(self, article_id: str, label: str) -> None:
        tab = self.tab_for(article_id)
        if tab is not None:
            self.tab_host.set_title(tab, label)
            tab.set_label(label)
