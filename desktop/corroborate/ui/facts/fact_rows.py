"""The Facts tab's facts as annotatable rows: one annotation covers the sentences of
every source reporting the fact, and records the fact's id.

A fact's Status rolls up every annotation within its sentences: its own and those of
pairs of its mentions (core/annotations/rollup)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QToolBar

from ...core.annotations.rollup import Rollup, Span
from ...core.model import Fact, Target
from ..common.actions import ActionId
from ..state.annotatable_rows import ANNOTATION_ACTIONS, AnnotationTarget, TabRows
from ..state.annotation_rollups import AnnotationRollups
from ..state.annotation_session import AnnotationSession
from .facts_tab import FactsTab

# Linking and rejecting are for pairs, not facts.
FACT_ACTIONS = ANNOTATION_ACTIONS


class FactRows(TabRows):
    row_actions = FACT_ACTIONS
    row_noun = "facts"

    def __init__(self, tab: FactsTab, session: AnnotationSession) -> None:
        super().__init__(tab, session)
        self.rollups = AnnotationRollups.of(session)
        tab.model.set_annotation_lookup(self.rollup)

    def spans(self, fact: Fact) -> frozenset[Span]:
        """(article id, start, end) of every sentence reporting the fact."""
        spans: set[Span] = set()
        model = self.tab.model
        for article_id in fact.articles:
            article = model.article(article_id)
            if article is not None:
                sentences = article.sentences
                spans.update(
                    (article.id, sentences[i].start, sentences[i].end)
                    for i in fact.sentences_of(article_id)
                )
        return frozenset(spans)

    def rollup(self, fact: Fact) -> Rollup:
        return self.rollups.within(self.spans(fact))

    def targets(self, fact: Fact) -> list[Target]:
        """The sentences of every source reporting the fact, in the order of the table."""
        targets: list[Target] = []
        model = self.tab.model
        for article_id in fact.articles:
            article = model.article(article_id)
            if article is not None:
                sentences = fact.sentences_of(article_id)
                targets += self.session.targets(article, sentences, model.label(article_id))
        return targets

    def _target(self, fact: Fact) -> AnnotationTarget:
        return AnnotationTarget(self.targets(fact), None, tuple(fact.discrepancies), fact.id)

    def selected_targets(self) -> list[AnnotationTarget]:
        if self.tab.table is None:
            return []
        return [self._target(fact) for fact in self.tab.selected_facts()]

    def current_target(self) -> AnnotationTarget | None:
        fact = self.tab.current_fact() if self.tab.table is not None else None
        return self._target(fact) if fact is not None else None

    def enabled_actions(self) -> set[ActionId]:
        return set(FACT_ACTIONS) if self.current_target() is not None else set()

    def add_toolbar(self, toolbar: QToolBar) -> None:
        self.tab.tools_row.insertWidget(0, toolbar, 0)
        self.tab.annotate_toolbar = toolbar

    def refresh_annotations(self) -> None:
        self.tab.model.refresh_annotations()

    def on_current_changed(self, callback: Callable[[], None]) -> None:
        selection = self.view.selectionModel()
        selection.currentChanged.connect(lambda *_: callback())
        selection.selectionChanged.connect(lambda *_: callback())
        self.tab.model.modelReset.connect(callback)
