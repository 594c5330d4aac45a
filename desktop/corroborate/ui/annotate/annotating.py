"""Annotating the current tab's rows, whichever tab gives them (annotate/rows.py): the
row actions, the two panels, undo and redo, jumping to an annotation, and source names
kept in the store."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QToolBar

from ...core.annotations.placement import span_key
from ...core.annotations.rollup import contribution_lines
from ...core.model import Annotation, Article, Status, Target
from ..common.actions import ActionId
from ..common.widgets import StatusProgress
from ..state.annotatable_rows import AnnotatableRows, AnnotationTarget
from ..state.annotation_rollups import AnnotationRollups
from ..state.annotation_session import CANCELLED, REPLACED
from ..state.commands import history_action
from ..state.part_services import PartServices
from .annotation_panel import AnnotationPanel
from .annotations_dock import AnnotationsPanel

STATUS_OF = {
    ActionId.MARK_AGREED: Status.AGREED,
    ActionId.MARK_DISPUTED: Status.DISPUTED,
    ActionId.MARK_UNVERIFIED: Status.UNVERIFIED,
}
ROW_ACTIONS = (
    *STATUS_OF,
    ActionId.CLEAR_ANNOTATION,
    ActionId.EDIT_NOTE,
    ActionId.LINK_SENTENCES,
    ActionId.REJECT_MATCH,
)
# Short words for the tabs' toolbars (menus show the full action text).
TOOLBAR_TEXT = {
    ActionId.MARK_AGREED: "Agreed",
    ActionId.MARK_DISPUTED: "Disputed",
    ActionId.MARK_UNVERIFIED: "Unverified",
    ActionId.CLEAR_ANNOTATION: "Clear",
    ActionId.EDIT_NOTE: "Note",
    ActionId.LINK_SENTENCES: "Link",
    ActionId.REJECT_MATCH: "Reject",
}

# Where an annotation is shown: by its fact id (True when shown), or by the sentences it
# covers, each (article, sentence index).
ShowFact = Callable[[str], bool]
ShowSentences = Callable[[Sequence[tuple[Article, int]]], object]


class Annotator(QObject):
    def __init__(
        self, services: PartServices, show_fact: ShowFact, show_sentences: ShowSentences
    ) -> None:
        super().__init__(services.workspace)
        self.services = services
        self.workspace = workspace = services.workspace
        self.show_fact = show_fact
        self.show_sentences = show_sentences
        self.session = session = workspace.session
        actions, tabs, dialog_parent = services.actions, services.tabs, services.dialog_parent
        self._attached: list[AnnotatableRows] = []
        self._restoring_label = False
        stack = session.undo_stack
        actions.replace(ActionId.UNDO, history_action(stack, False, session.undo, dialog_parent))
        actions.replace(ActionId.REDO, history_action(stack, True, session.redo, dialog_parent))
        for action_id, text in TOOLBAR_TEXT.items():
            actions[action_id].setIconText(text)
        self._build_docks()
        self._build_placing_progress()
        for action_id, status_ in STATUS_OF.items():
            actions[action_id].triggered.connect(lambda _=False, s=status_: self.mark(s))
        actions[ActionId.CLEAR_ANNOTATION].triggered.connect(self.clear)
        actions[ActionId.EDIT_NOTE].triggered.connect(self.edit_note)

        # Made before the views listen, so the roll-ups know of a change before they ask.
        self.rollups = AnnotationRollups.of(session)
        session.annotation_changed.connect(lambda _id: self._annotations_changed())
        session.annotations_reset.connect(self._annotations_changed)
        session.label_applied.connect(self._restore_label)
        tabs.current_changed.connect(lambda _tab: self.update_current())
        workspace.articles_loaded.connect(lambda _result: self._articles_changed())
        workspace.sources.modelReset.connect(self._articles_changed)
        workspace.label_changed.connect(self._on_label_changed)
        self.update_current()

    # --- construction --------------------------------------------------------------------
    def _build_docks(self) -> None:
        """The panels and their docks; the window places the docks."""
        self.panel = AnnotationPanel(self.services.actions)
        self.panel.note_started.connect(self.session.begin_note_edit)
        self.panel.note_edited.connect(self._on_note_edited)
        self.panel.note_finished.connect(self._back_to_table)
        self.panel_dock = QDockWidget("Annotation", self.services.dialog_parent)
        self.panel_dock.setObjectName("annotation_dock")
        self.panel_dock.setWidget(self.panel)
        self.list_panel = AnnotationsPanel(self.session)
        self.list_panel.jump_requested.connect(self.jump_to)
        self.list_dock = QDockWidget("Annotations", self.services.dialog_parent)
        self.list_dock.setObjectName("annotations_dock")
        self.list_dock.setWidget(self.list_panel)

    def _build_placing_progress(self) -> None:
        """Placing thousands of stored annotations after a load runs on a worker."""
        self.placing_progress = progress = StatusProgress()
        self.status_widgets = (progress,)  # for the window's status bar
        session = self.session
        session.placing_started.connect(lambda: progress.start("Placing annotations"))
        session.placing_progress.connect(progress.report)
        session.placing_finished.connect(self._on_placing_finished)
        progress.cancel_requested.connect(session.cancel_placing)

    def _on_placing_finished(self, problem: str) -> None:
        self.placing_progress.finish()
        if problem == CANCELLED:
            self._say("Annotations were not placed: open the folder again to show them")
        elif problem and problem != REPLACED:
            self._say(f"Could not place the stored annotations: {problem}")

    def attach(self, rows: AnnotatableRows) -> None:
        """A new tab with annotatable rows: its toolbar and keys, and its Status column."""
        toolbar = QToolBar("Annotate")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(toolbar.iconSize() * 0.75)
        actions = self.services.actions
        for action_id in rows.row_actions:
            if action_id == ActionId.LINK_SENTENCES:
                toolbar.addSeparator()
            toolbar.addAction(actions[action_id])
            rows.view.addAction(actions[action_id])  # single keys act in this table
        rows.add_toolbar(toolbar)
        self._attached.append(rows)
        rows.widget.destroyed.connect(lambda _=None, r=rows: self._attached.remove(r))
        rows.on_current_changed(self.update_current)
        self.update_current()

    def current_rows(self) -> AnnotatableRows | None:
        current = self.services.tabs.current()
        return next((rows for rows in self._attached if rows.widget is current), None)

    # --- the actions -------------------------------------------------------------------
    def mark(self, status: Status) -> None:
        rows = self.current_rows()
        chosen = rows.selected_targets() if rows else []
        text = f"Mark {len(chosen)} {rows.row_noun if rows else 'rows'} as {status.value}"
        with self.session.one_step(text, len(chosen) > 1):
            for row in chosen:
                self.session.set_status(
                    row.targets, status, row.similarity, row.explained, row.fact_id
                )
        self.update_current()

    def clear(self) -> None:
        rows = self.current_rows()
        chosen = rows.selected_targets() if rows else []
        with self.session.one_step(f"Clear {len(chosen)} annotations", len(chosen) > 1):
            for row in chosen:
                self.session.clear(row.targets)
        self.update_current()

    def edit_note(self) -> None:
        if self.current_rows() is None or not self.panel.note.isEnabled():
            return
        self.panel_dock.show()
        self.panel_dock.raise_()
        self.panel.focus_note()

    def _on_note_edited(self, text: str) -> None:
        rows = self.current_rows()
        row = rows.current_target() if rows else None
        if row is not None:
            self.session.set_note(row.targets, text, row.similarity, row.explained, row.fact_id)

    def _back_to_table(self) -> None:
        rows = self.current_rows()
        if rows is not None:
            rows.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _say(self, message: str) -> None:
        self.services.status.showMessage(message, 5000)

    # --- keeping views in step ------------------------------------------------------------
    def update_current(self) -> None:
        """Panel and checked status buttons follow the current row of the current tab."""
        rows = self.current_rows()
        row = rows.current_target() if rows else None
        enabled = rows.enabled_actions() if rows else set()
        for action_id in ROW_ACTIONS:
            self.services.actions[action_id].setEnabled(action_id in enabled)
        annotation = None
        if row is None:
            self.panel.show_row(None, None)
        else:
            annotation = self.session.find(row.targets)
            self.panel.show_row(row.targets, annotation, row.similarity)
            self.panel.show_discrepancies(row.discrepancies)
            self._show_related(row, annotation)
        self.check_status(annotation)

    def check_status(self, annotation: Annotation | None) -> None:
        for action_id, status in STATUS_OF.items():
            checked = annotation is not None and annotation.status == status
            self.services.actions[action_id].setChecked(checked)

    def _annotations_changed(self) -> None:
        for rows in self._attached:
            rows.refresh_annotations()
        current = self.current_rows()
        row = current.current_target() if current else None
        if row is not None:
            annotation = self.session.find(row.targets)
            self.panel.show_annotation(annotation)
            self._show_related(row, annotation)
            self.check_status(annotation)

    def _show_related(self, row: AnnotationTarget, annotation: Annotation | None) -> None:
        """A fact's status rolled up from its pairs, or a pair's inherited from its fact."""
        key = span_key(row.targets)
        if row.fact_id is not None:
            rollup = self.rollups.within(key)
            others = [a for a in rollup.annotations if annotation is None or a.id != annotation.id]
            heading = f"Fact status: {rollup.summary()}, rolled up from what is marked within it:"
        elif annotation is None:
            others = list(self.rollups.row(key).inherited.annotations)
            heading = "Not marked itself; shows what is marked on sentences including it:"
        else:
            others = []
        text = "\n".join([heading, *contribution_lines(others, self._label)]) if others else ""
        self.panel.show_related(text)

    def _label(self, article_id: str) -> str:
        article = self.session.article(article_id)
        return self.workspace.sources.label(article) if article is not None else article_id

    def _articles_changed(self) -> None:
        sources = self.workspace.sources
        self.session.set_articles(sources.articles)
        labels = self.session.labels()
        self._restoring_label = True
        try:
            for article in sources.articles:
                if article.id in labels and sources.label(article) != labels[article.id]:
                    sources.set_label(article.id, labels[article.id])
        finally:
            self._restoring_label = False

    def _on_label_changed(self, article_id: str, label: str) -> None:
        if self._restoring_label:
            return
        sources = self.workspace.sources
        row = sources.row_of(article_id)
        if row >= 0:
            own = sources.article_at(row).source
            self.session.set_label(article_id, None if label == own else label)

    def _restore_label(self, article_id: str, label: str | None) -> None:
        """Undo or redo renamed a source: show the name without storing it again."""
        sources = self.workspace.sources
        row = sources.row_of(article_id)
        if row < 0:
            return
        self._restoring_label = True
        try:
            sources.set_label(article_id, label or sources.article_at(row).source)
        finally:
            self._restoring_label = False

    # --- jumping from the Annotations list -------------------------------------------------
    def jump_to(self, annotation_id: str) -> object:
        """Show the annotation: its fact in the Facts tab, else its sentences."""
        placed = self.session.get(annotation_id)
        if placed is None:
            return None
        if placed.orphan:
            self._say("This annotation's sentences are no longer in the loaded articles")
            return None
        if placed.annotation.fact_id is not None and self.show_fact(placed.annotation.fact_id):
            return None
        found = []  # (article, sentence index) of each target
        for target in placed.annotation.targets:
            article = self.session.article(target.article)
            sentence = _covering_sentence(article, target) if article else None
            if article is not None and sentence is not None:
                found.append((article, sentence))
        return self.show_sentences(found) if found else None


def _covering_sentence(article: Article, target: Target) -> int | None:
    for sentence in article.sentences:
        if min(sentence.end, target.end) > max(sentence.start, target.start):
            return sentence.index
    return None
