"""What is open: the articles and their names, the problems met loading them, the folder,
its word statistics and facts once they are known, the annotation session, and the stories
as the user grouped them.

Views take the Workspace and follow its signals; none of them needs the window. Loading
runs on a worker (one at a time: a newer load reads the paths of both).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ...core.alignment.similarity import Corpus
from ...core.annotations.store import Store
from ...core.ingest.loading import LoadResult, load_paths
from ...core.model import FactTable, Story
from ..common.tasks import LatestTask
from .annotation_session import AnnotationSession
from .load_report import shows_problems
from .sources_model import ProblemsModel, SourcesModel
from .story_grouping import StoryGrouping


class Workspace(QObject):
    loading_started = Signal()
    loading_progress = Signal(int, int)  # done, total
    loading_stopped = Signal()  # the worker is done: loaded, failed or cancelled
    loading_cancelled = Signal()
    load_failed = Signal(str)  # why nothing was loaded
    # LoadResult: `articles_loaded` as soon as the models hold the new articles (the
    # annotations and word statistics start from it); then `articles_added` with the
    # articles it added, for the views to open; `loading_finished` once their tabs are open.
    articles_loaded = Signal(object)
    articles_added = Signal(object, object)
    loading_finished = Signal(object)
    folder_opened = Signal(str)  # the resolved folder; what was open is closed
    closing = Signal()  # everything is about to be closed; the models empty next
    corpus_ready = Signal(object)  # Corpus
    facts_ready = Signal(object)  # FactTable
    label_changed = Signal(str, str)  # article id, the name shown for it
    problems_worth_seeing = Signal()  # a load met problems the user should look at now
    story_changed = Signal(object)  # the Story now picked, or None: every article

    def __init__(self, store: Store | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources = SourcesModel(self)
        self.problems = ProblemsModel(self)
        self.session = AnnotationSession(self, store)  # None: the user's own store
        self.current_folder: str | None = None
        self.corpus: Corpus | None = None
        self.facts: FactTable | None = None
        self.story: Story | None = None  # the story the parts are scoped to; None: all
        # Where the user placed articles among stories, kept with the annotations.
        self.grouping = StoryGrouping(self.session, self)
        self._loader = LatestTask(self)
        self._loading_paths: list[str] = []  # what the running load reads
        self.sources.label_changed.connect(self.label_changed)

    # --- loading -----------------------------------------------------------------------
    @property
    def is_loading(self) -> bool:
        return self._loader.running

    def open_folder(self, folder: str) -> None:
        """Replace what is open with the articles of `folder`."""
        self.close_all()
        self.current_folder = str(Path(folder).resolve())
        self.folder_opened.emit(self.current_folder)
        self.add_paths([folder])

    def add_paths(self, paths: Sequence[str]) -> None:
        paths = [str(p) for p in paths]
        if self.is_loading:  # a newer load replaces the running one: it reads both
            paths = list(dict.fromkeys([*self._loading_paths, *paths]))
        self._loading_paths = paths
        # Files with the same text as an open article are skipped and listed as such.
        already_open = {a.id: a.path for a in self.sources.articles}
        self.loading_started.emit()
        self._loader.start(
            lambda progress: load_paths(paths, progress, already_open),
            lambda result, error: self._on_loaded(result, error, paths),
            self.loading_progress.emit,
        )

    def stop_loading(self) -> None:
        """Drop the running load without a word (the window is closing)."""
        self._loader.cancel()

    def cancel_loading(self) -> None:
        self._loader.cancel()
        self.loading_stopped.emit()
        self.loading_cancelled.emit()

    def _on_loaded(
        self, result: LoadResult | None, error: BaseException | None, paths: Sequence[str] = ()
    ) -> None:
        self.loading_stopped.emit()
        if error is not None:
            self.load_failed.emit(str(error))
            return
        assert result is not None
        added = self.sources.add_articles(result.articles)
        self.problems.add_problems(result.problems)
        if shows_problems(result.problems, paths, len(added)):
            self.problems_worth_seeing.emit()
        self.articles_loaded.emit(result)
        self.articles_added.emit(result, added)

    def finish_loading(self, result: LoadResult) -> None:
        """The tabs of a load are open: the load is done for the user."""
        self.loading_finished.emit(result)

    def close_all(self) -> None:
        self._loader.cancel()
        self.closing.emit()
        self.corpus = None
        self.facts = None
        self.set_story(None)
        self.sources.set_articles([])
        self.problems.clear()

    # --- what is worked out from the articles ------------------------------------------
    def labels(self) -> dict[str, str]:
        """Each open article's id and the name shown for it."""
        return {a.id: self.sources.label(a) for a in self.sources.articles}

    def set_corpus(self, corpus: Corpus | None) -> None:
        self.corpus = corpus
        if corpus is not None:
            self.corpus_ready.emit(corpus)

    def set_facts(self, table: FactTable | None) -> None:
        self.facts = table
        if table is not None:
            self.facts_ready.emit(table)

    def set_story(self, story: Story | None) -> None:
        """Scope the parts that follow `story_changed` to `story` (None: every article)."""
        if story != self.story:
            self.story = story
            self.story_changed.emit(story)

    def in_story(self, article_id: str) -> bool:
        """Whether the article is among those of the current story (always, with none)."""
        return self.story is None or article_id in self.story.articles
