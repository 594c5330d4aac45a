"""A comparison's rows as annotatable rows: one annotation covers the sentences of both
sides of a row; linking two one-sided rows and rejecting a match are the pair's own.

A row without its own annotation shows the ones covering it (a fact's) as inherited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QToolBar

from ...core.annotations.placement import SpanKey
from ...core.annotations.rollup import Rollup
from ...core.model import Annotation, LinkKind, Target
from ..common.actions import ActionId
from ..state.annotatable_rows import ANNOTATION_ACTIONS, AnnotationTarget, TabRows
from ..state.annotation_rollups import AnnotationRollups
from ..state.annotation_session import AnnotationSession
from .compare_model import MATCHED, ONLY_A, ONLY_B, CompareRow
from .compare_tab import CompareTab

PAIR_ROW_ACTIONS = (*ANNOTATION_ACTIONS, ActionId.LINK_SENTENCES, ActionId.REJECT_MATCH)


class CompareRows(TabRows):
    row_actions = PAIR_ROW_ACTIONS
    row_noun = "rows"

    def __init__(self, tab: CompareTab, session: AnnotationSession) -> None:
        super().__init__(tab, session)
        self.rollups = AnnotationRollups.of(session)
        tab.model.set_annotation_lookup(self._annotation_of_row)
        tab.model.set_inherited_lookup(self._inherited_by_row)

    # --- rows ----------------------------------------------------------------------------
    def rows(self, selected: bool) -> list[CompareRow]:
        """The selected rows (or the current row alone), top to bottom."""
        view, tab = self.view, self.tab
        indexes = view.selectionModel().selectedRows() if selected else []
        current = view.currentIndex()
        if not indexes and current.isValid():
            indexes = [current]
        rows = sorted(tab.proxy.mapToSource(i).row() for i in indexes)
        return [tab.model.row(r) for r in rows if r >= 0]

    def targets(self, row: CompareRow) -> list[Target]:
        tab, (label_a, label_b) = self.tab, self.tab.labels
        return self.session.targets(tab.a, row.a, label_a) + self.session.targets(
            tab.b, row.b, label_b
        )

    def _target(self, row: CompareRow) -> AnnotationTarget:
        model = self.tab.model
        similarity = model.alignment.matches[row.match].score if row.match >= 0 else None
        return AnnotationTarget(self.targets(row), similarity, model.discrepancies_of(row))

    def _key(self, row: CompareRow) -> SpanKey:
        a, b = self.tab.a, self.tab.b
        key = {(a.id, a.sentences[i].start, a.sentences[i].end) for i in row.a}
        key |= {(b.id, b.sentences[j].start, b.sentences[j].end) for j in row.b}
        return frozenset(key)

    def _annotation_of_row(self, row: CompareRow) -> Annotation | None:
        return self.session.find_span(self._key(row))

    def _inherited_by_row(self, row: CompareRow) -> Rollup:
        """The annotations covering the row's sentences and more (a fact's), oldest first."""
        return self.rollups.row(self._key(row)).inherited

    # --- what the annotator asks -------------------------------------------------------
    def selected_targets(self) -> list[AnnotationTarget]:
        return [self._target(row) for row in self.rows(selected=True)]

    def current_target(self) -> AnnotationTarget | None:
        rows = self.rows(selected=False)
        return self._target(rows[0]) if rows else None

    def enabled_actions(self) -> set[ActionId]:
        rows = self.rows(selected=False)
        if not rows:
            return set()
        if rows[0].kind == MATCHED:
            return set(PAIR_ROW_ACTIONS)
        return set(PAIR_ROW_ACTIONS) - {ActionId.REJECT_MATCH}

    def add_toolbar(self, toolbar: QToolBar) -> None:
        self.tab.tools_row.insertWidget(0, toolbar, 0)
        self.tab.annotate_toolbar = toolbar

    def refresh_annotations(self) -> None:
        self.tab.model.refresh_annotations()

    def on_current_changed(self, callback: Callable[[], None]) -> None:
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(lambda *_: callback())
        selection.selectionChanged.connect(lambda *_: callback())
        self.tab.model.modelReset.connect(callback)

    # --- the pair's own actions ----------------------------------------------------------
    def link_selected(self) -> str:
        """Link the two selected one-sided rows; else why not ("" when linked)."""
        rows = self.rows(selected=True)
        only_a = [r for r in rows if r.kind == ONLY_A]
        only_b = [r for r in rows if r.kind == ONLY_B]
        if len(rows) != 2 or len(only_a) != 1 or len(only_b) != 1:
            return "To link, select one sentence found only on each side (Ctrl+click)"
        tab, (label_a, label_b) = self.tab, self.tab.labels
        (ta,) = self.session.targets(tab.a, only_a[0].a, label_a)
        (tb,) = self.session.targets(tab.b, only_b[0].b, label_b)
        self.session.set_link(ta, tb, LinkKind.LINKED)
        tab.show_sentence("a", only_a[0].a[0])
        return ""

    def reject_current(self) -> str:
        """Reject the current row's match; else why not ("" when rejected)."""
        rows = self.rows(selected=False)
        if not rows or rows[0].kind != MATCHED:
            return "Only a matched row can be rejected"
        row, tab, (label_a, label_b) = rows[0], self.tab, self.tab.labels
        pairs = [
            (ta, tb)
            for ta in self.session.targets(tab.a, row.a, label_a)
            for tb in self.session.targets(tab.b, row.b, label_b)
        ]
        with self.session.one_step("Reject match", len(pairs) > 1):
            for ta, tb in pairs:
                link = self.session.link(ta, tb)
                manual = link is not None and link.kind == LinkKind.LINKED
                # Rejecting a hand-made link just forgets it.
                self.session.set_link(ta, tb, None if manual else LinkKind.REJECTED)
        return ""
