"""Annotating whole facts in the Facts tab, with the keys of comparisons (A, D, U,
Delete, N), and the undoable store changes shared with pair annotations that carry a
discrepancy or a fact id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from ...core.annotations.edits import AddAnnotation, SetStatus, new_annotation
from ...core.model import Annotation, Fact, Status, Target
from ..common.actions import ActionId
from ..compare.discrepancy_hints import joined_explanations
from ..state.annotation_session import AnnotationSession
from .facts_tab import FactsTab

if TYPE_CHECKING:
    from ..annotate.annotating import Annotator

# The row actions that make sense for a fact (linking and rejecting are for pairs).
FACT_ACTIONS = (
    ActionId.MARK_AGREED,
    ActionId.MARK_DISPUTED,
    ActionId.MARK_UNVERIFIED,
    ActionId.CLEAR_ANNOTATION,
    ActionId.EDIT_NOTE,
)


def set_status(
    session: AnnotationSession,
    targets: Sequence[Target],
    status: Status,
    similarity: float | None = None,
    discrepancy: str = "",
    fact_id: str | None = None,
) -> None:
    """Mark `targets`; a new annotation records the discrepancy and fact it was made on."""
    current = session.find(targets)
    if current is None:
        annotation = new_annotation(
            status, targets, similarity=similarity, discrepancy=discrepancy, fact_id=fact_id
        )
        session.push(AddAnnotation(annotation))
    elif current.status != status:
        session.push(SetStatus(current.id, status))


def set_note(
    session: AnnotationSession,
    targets: Sequence[Target],
    note: str,
    similarity: float | None = None,
    discrepancy: str = "",
    fact_id: str | None = None,
) -> None:
    """A note on sentences nobody judged yet marks them unverified first."""
    if session.find(targets) is None:
        set_status(session, targets, Status.UNVERIFIED, similarity, discrepancy, fact_id)
    session.set_note(targets, note, similarity)


class FactAnnotator:
    """The annotation actions while the Facts tab is the current tab."""

    def __init__(self, annotator: Annotator) -> None:
        self.annotator = annotator
        self.window = annotator.window
        self.session = annotator.session

    def tab(self) -> FactsTab | None:
        widget = self.window.tabs.currentWidget()
        return widget if isinstance(widget, FactsTab) else None

    def active(self) -> bool:
        return self.tab() is not None

    def attach(self, tab: FactsTab) -> None:
        """The Facts tab: its status column, toolbar and keys."""
        a = self.window.actions_
        toolbar = QToolBar("Annotate facts")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(toolbar.iconSize() * 0.75)
        for action_id in FACT_ACTIONS:
            toolbar.addAction(a[action_id])
            tab.view.addAction(a[action_id])  # single keys act while the table has the focus
        tab.tools_row.insertWidget(0, toolbar, 0)
        tab.annotate_toolbar = toolbar
        tab.model.set_annotation_lookup(
            lambda fact, t=tab: self.session.find(self.targets(t, fact))
        )
        selection = tab.view.selectionModel()
        selection.currentChanged.connect(lambda *_: self.annotator.update_current())
        selection.selectionChanged.connect(lambda *_: self.annotator.update_current())
        tab.model.modelReset.connect(self.annotator.update_current)

    def targets(self, tab: FactsTab, fact: Fact) -> list[Target]:
        """The sentences of every source reporting the fact, in the order of the table."""
        targets: list[Target] = []
        for article_id in fact.articles:
            article = tab.model.article(article_id)
            if article is not None:
                sentences = fact.sentences_of(article_id)
                targets += self.session.targets(article, sentences, tab.model.label(article_id))
        return targets

    def _facts(self, selected: bool) -> tuple[FactsTab | None, list[Fact]]:
        tab = self.tab()
        if tab is None or tab.table is None:
            return tab, []
        if selected:
            return tab, tab.selected_facts()
        fact = tab.current_fact()
        return tab, [fact] if fact is not None else []

    # --- the actions -------------------------------------------------------------------
    def mark(self, status: Status) -> None:
        tab, facts = self._facts(selected=True)
        with self.annotator._macro(f"Mark {len(facts)} facts as {status.value}", len(facts) > 1):
            for fact in facts:
                targets = self.targets(tab, fact)
                explained = joined_explanations(fact.discrepancies)
                set_status(self.session, targets, status, None, explained, fact.id)
        self.update_current()

    def clear(self) -> None:
        tab, facts = self._facts(selected=True)
        with self.annotator._macro(f"Clear {len(facts)} annotations", len(facts) > 1):
            for fact in facts:
                self.session.clear(self.targets(tab, fact))
        self.update_current()

    def note_edited(self, text: str) -> None:
        tab, facts = self._facts(selected=False)
        if facts:
            fact = facts[0]
            explained = joined_explanations(fact.discrepancies)
            set_note(self.session, self.targets(tab, fact), text, None, explained, fact.id)

    def back_to_table(self) -> None:
        tab = self.tab()
        if tab is not None:
            tab.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def jump_to(self, annotation: Annotation) -> bool:
        """The Facts tab at an annotated fact; False when the fact is not in the table."""
        corroboration = self.window.corroboration
        if corroboration.table is None:
            return False
        tab = corroboration.open_tab()
        if not tab.select_fact(annotation.fact_id):
            return False
        tab.view.setFocus()
        return True

    # --- keeping views in step ---------------------------------------------------------
    def update_current(self) -> None:
        tab, facts = self._facts(selected=False)
        a, panel = self.window.actions_, self.annotator.panel
        for action_id in (ActionId.LINK_SENTENCES, ActionId.REJECT_MATCH):
            a[action_id].setEnabled(False)
        for action_id in FACT_ACTIONS:
            a[action_id].setEnabled(bool(facts))
        annotation: Annotation | None = None
        if not facts:
            panel.show_row(None, None)
        else:
            targets = self.targets(tab, facts[0])
            annotation = self.session.find(targets)
            panel.show_row(targets, annotation)
            panel.show_discrepancies(facts[0].discrepancies)
        self.annotator.check_status(annotation)

    def refresh(self) -> None:
        """Annotations changed: the Status column of the Facts tab follows."""
        for i in range(self.window.tabs.count()):
            widget = self.window.tabs.widget(i)
            if isinstance(widget, FactsTab):
                widget.model.refresh_annotations()
