"""Annotating in the main window: the actions on comparison rows, the two docks, the
Edit menu's undo and redo, export and import, and source names kept in the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox, QToolBar

from ...core.model import Annotation, LinkKind, Status, Target
from ..common.actions import ActionId
from ..common.plain import show_message
from ..common.save_locations import save_folder, suggested_stem
from ..common.widgets import StatusProgress
from ..compare.compare_model import MATCHED, ONLY_A, ONLY_B, CompareRow
from ..compare.compare_tab import CompareTab
from ..compare.discrepancy_hints import joined_explanations
from ..facts.fact_annotator import FactAnnotator, set_note, set_status
from ..state.annotation_session import CANCELLED, REPLACED, AnnotationSession
from ..state.commands import history_action
from ..transfer.export_dialog import ExportDialog, Transfers, export_annotations
from .annotation_panel import AnnotationPanel
from .annotations_dock import AnnotationsPanel

if TYPE_CHECKING:
    from ..main_window import MainWindow

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
# Short words for the comparison toolbar (menus show the full action text).
TOOLBAR_TEXT = {
    ActionId.MARK_AGREED: "Agreed",
    ActionId.MARK_DISPUTED: "Disputed",
    ActionId.MARK_UNVERIFIED: "Unverified",
    ActionId.CLEAR_ANNOTATION: "Clear",
    ActionId.EDIT_NOTE: "Note",
    ActionId.LINK_SENTENCES: "Link",
    ActionId.REJECT_MATCH: "Reject",
}
JSON_FILTER = "W3C Web Annotation JSON (*.json);;All files (*)"


class Annotator(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = AnnotationSession(self, window.annotation_store)
        self._restoring_label = False
        a = window.actions_
        stack = self.session.undo_stack
        a.replace(ActionId.UNDO, history_action(stack, False, self.session.undo, window))
        a.replace(ActionId.REDO, history_action(stack, True, self.session.redo, window))
        for action_id, text in TOOLBAR_TEXT.items():
            a[action_id].setIconText(text)
        self._build_docks()
        self._build_menus()
        self.facts = FactAnnotator(self)  # the same keys on the Facts tab
        self.transfers = Transfers(self.session, window)
        self._build_placing_progress()
        for action_id, status in STATUS_OF.items():
            a[action_id].triggered.connect(lambda _=False, s=status: self.mark(s))
        a[ActionId.CLEAR_ANNOTATION].triggered.connect(self.clear)
        a[ActionId.EDIT_NOTE].triggered.connect(self.edit_note)
        a[ActionId.LINK_SENTENCES].triggered.connect(self.link_selected)
        a[ActionId.REJECT_MATCH].triggered.connect(self.reject_current)
        a[ActionId.EXPORT_ANNOTATIONS].triggered.connect(self.choose_export)
        a[ActionId.IMPORT_ANNOTATIONS].triggered.connect(self.choose_import)

        session = self.session
        session.annotation_changed.connect(lambda _id: self._annotations_changed())
        session.annotations_reset.connect(self._annotations_changed)
        session.links_changed.connect(self._apply_links)
        session.label_applied.connect(self._restore_label)
        window.comparisons.tab_opened.connect(self.attach)
        window.tabs.currentChanged.connect(lambda _i: self.update_current())
        window.articles_loaded.connect(lambda _result: self._articles_changed())
        window.sources.modelReset.connect(self._articles_changed)
        window.sources.label_changed.connect(self._on_label_changed)
        self.update_current()

    # --- construction --------------------------------------------------------------------
    def _build_docks(self) -> None:
        window, a = self.window, self.window.actions_
        self.panel = AnnotationPanel(a)
        self.panel.note_started.connect(self.session.begin_note_edit)
        self.panel.note_edited.connect(self._on_note_edited)
        self.panel.note_finished.connect(self._back_to_table)
        self.panel_dock = QDockWidget("Annotation", window)
        self.panel_dock.setObjectName("annotation_dock")
        self.panel_dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel_dock)
        self.list_panel = AnnotationsPanel(self.session)
        self.list_panel.jump_requested.connect(self.jump_to)
        self.list_dock = QDockWidget("Annotations", window)
        self.list_dock.setObjectName("annotations_dock")
        self.list_dock.setWidget(self.list_panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.list_dock)
        window.tabifyDockWidget(window.problems_dock, self.list_dock)
        window.sources_dock.raise_()

    def _build_placing_progress(self) -> None:
        """Placing thousands of stored annotations after a load runs on a worker."""
        self.placing_progress = progress = StatusProgress()
        self.window.statusBar().addPermanentWidget(progress)
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

    def _build_menus(self) -> None:
        window, a = self.window, self.window.actions_
        edit_menu = window.menuBar().addMenu("&Edit")
        window.menuBar().insertMenu(window.view_menu.menuAction(), edit_menu)
        edit_menu.setToolTipsVisible(True)
        edit_menu.addAction(a[ActionId.UNDO])
        edit_menu.addAction(a[ActionId.REDO])
        self.edit_menu = edit_menu
        close = a[ActionId.CLOSE_TAB]
        for action_id in (ActionId.EXPORT_ANNOTATIONS, ActionId.IMPORT_ANNOTATIONS):
            window.file_menu.insertAction(close, a[action_id])
        window.file_menu.insertSeparator(close)
        for action_id, dock in (
            (ActionId.SHOW_ANNOTATION_PANEL, self.panel_dock),
            (ActionId.SHOW_ANNOTATIONS, self.list_dock),
        ):
            action = a[action_id]
            action.setChecked(True)
            action.toggled.connect(dock.setVisible)
            dock.visibilityChanged.connect(
                lambda _v, act=action, d=dock: act.setChecked(not d.isHidden())
            )
            window.view_menu.addAction(action)
        menu = window.compare_menu
        menu.addSeparator()
        for action_id in ROW_ACTIONS:
            if action_id == ActionId.LINK_SENTENCES:
                menu.addSeparator()
            menu.addAction(a[action_id])

    def attach(self, tab: CompareTab) -> None:
        """A new comparison: its status column, toolbar, keys and corrections."""
        a = self.window.actions_
        toolbar = QToolBar("Annotate")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(toolbar.iconSize() * 0.75)
        for action_id in ROW_ACTIONS:
            if action_id == ActionId.LINK_SENTENCES:
                toolbar.addSeparator()
            toolbar.addAction(a[action_id])
        tab.tools_row.insertWidget(0, toolbar, 0)
        tab.annotate_toolbar = toolbar
        for action_id in ROW_ACTIONS:  # single keys act while this table has the focus
            tab.view.addAction(a[action_id])
        tab.model.set_annotation_lookup(lambda row, t=tab: self._annotation_of_row(t, row))
        tab.set_corrections(*self.session.links_between(tab.a, tab.b))
        selection = tab.view.selectionModel()
        selection.currentRowChanged.connect(lambda *_: self.update_current())
        selection.selectionChanged.connect(lambda *_: self.update_current())
        tab.model.modelReset.connect(self.update_current)
        self.update_current()

    # --- rows of the current comparison ------------------------------------------------------
    def current_tab(self) -> CompareTab | None:
        return self.window.comparisons.current()

    def _rows(self, tab: CompareTab, selected: bool) -> list[CompareRow]:
        """The selected rows (or the current row alone), top to bottom."""
        view = tab.view
        indexes = view.selectionModel().selectedRows() if selected else []
        current = view.currentIndex()
        if not indexes and current.isValid():
            indexes = [current]
        rows = sorted(tab.proxy.mapToSource(i).row() for i in indexes)
        return [tab.model.row(r) for r in rows if r >= 0]

    def _targets(self, tab: CompareTab, row: CompareRow) -> list[Target]:
        label_a, label_b = tab.labels
        return self.session.targets(tab.a, row.a, label_a) + self.session.targets(
            tab.b, row.b, label_b
        )

    @staticmethod
    def _similarity(tab: CompareTab, row: CompareRow) -> float | None:
        return tab.model.alignment.matches[row.match].score if row.match >= 0 else None

    def _annotation_of_row(self, tab: CompareTab, row: CompareRow) -> Annotation | None:
        key = {(tab.a.id, tab.a.sentences[i].start, tab.a.sentences[i].end) for i in row.a}
        key |= {(tab.b.id, tab.b.sentences[j].start, tab.b.sentences[j].end) for j in row.b}
        return self.session.find_span(frozenset(key))

    # --- the actions -------------------------------------------------------------------
    def mark(self, status: Status) -> None:
        if self.facts.active():
            return self.facts.mark(status)
        tab = self.current_tab()
        rows = self._rows(tab, selected=True) if tab else []
        with self._macro(f"Mark {len(rows)} rows as {status.value}", len(rows) > 1):
            for row in rows:
                explained = joined_explanations(tab.model.discrepancies_of(row))
                targets, similarity = self._targets(tab, row), self._similarity(tab, row)
                set_status(self.session, targets, status, similarity, explained)
        self.update_current()

    def clear(self) -> None:
        if self.facts.active():
            return self.facts.clear()
        tab = self.current_tab()
        rows = self._rows(tab, selected=True) if tab else []
        with self._macro(f"Clear {len(rows)} annotations", len(rows) > 1):
            for row in rows:
                self.session.clear(self._targets(tab, row))
        self.update_current()

    def edit_note(self) -> None:
        if (self.current_tab() or self.facts.tab()) is None or not self.panel.note.isEnabled():
            return
        self.panel_dock.show()
        self.panel_dock.raise_()
        self.panel.focus_note()

    def _on_note_edited(self, text: str) -> None:
        if self.facts.active():
            return self.facts.note_edited(text)
        tab = self.current_tab()
        rows = self._rows(tab, selected=False) if tab else []
        if rows:
            row, explained = rows[0], joined_explanations(tab.model.discrepancies_of(rows[0]))
            targets = self._targets(tab, row)
            set_note(self.session, targets, text, self._similarity(tab, row), explained)

    def _back_to_table(self) -> None:
        if self.facts.active():
            return self.facts.back_to_table()
        tab = self.current_tab()
        if tab is not None:
            tab.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def link_selected(self) -> None:
        tab = self.current_tab()
        rows = self._rows(tab, selected=True) if tab else []
        only_a = [r for r in rows if r.kind == ONLY_A]
        only_b = [r for r in rows if r.kind == ONLY_B]
        if len(rows) != 2 or len(only_a) != 1 or len(only_b) != 1:
            self._say("To link, select one sentence found only on each side (Ctrl+click)")
            return
        label_a, label_b = tab.labels
        (ta,) = self.session.targets(tab.a, only_a[0].a, label_a)
        (tb,) = self.session.targets(tab.b, only_b[0].b, label_b)
        self.session.set_link(ta, tb, LinkKind.LINKED)
        tab.show_sentence("a", only_a[0].a[0])

    def reject_current(self) -> None:
        tab = self.current_tab()
        rows = self._rows(tab, selected=False) if tab else []
        if not rows or rows[0].kind != MATCHED:
            self._say("Only a matched row can be rejected")
            return
        row, (label_a, label_b) = rows[0], tab.labels
        pairs = [
            (ta, tb)
            for ta in self.session.targets(tab.a, row.a, label_a)
            for tb in self.session.targets(tab.b, row.b, label_b)
        ]
        with self._macro("Reject match", len(pairs) > 1):
            for ta, tb in pairs:
                link = self.session.link(ta, tb)
                manual = link is not None and link.kind == LinkKind.LINKED
                # Rejecting a hand-made link just forgets it.
                self.session.set_link(ta, tb, None if manual else LinkKind.REJECTED)

    @contextmanager
    def _macro(self, text: str, grouped: bool) -> Iterator[None]:
        """Several changes made by one key press are one undo step."""
        stack = self.session.undo_stack
        with self.session.batch():
            if grouped:
                stack.beginMacro(text)
            try:
                yield
            finally:
                if grouped:
                    stack.endMacro()

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    # --- keeping views in step ------------------------------------------------------------
    def update_current(self) -> None:
        """Panel and checked status buttons follow the current row of the current tab."""
        if self.facts.active():
            return self.facts.update_current()
        tab = self.current_tab()
        rows = self._rows(tab, selected=False) if tab else []
        a = self.window.actions_
        for action_id in ROW_ACTIONS:
            a[action_id].setEnabled(bool(rows))
        if not rows:
            self.panel.show_row(None, None)
            annotation = None
        else:
            row = rows[0]
            targets = self._targets(tab, row)
            annotation = self.session.find(targets)
            self.panel.show_row(targets, annotation, self._similarity(tab, row))
            self.panel.show_discrepancies(tab.model.discrepancies_of(row))
            a[ActionId.REJECT_MATCH].setEnabled(row.kind == MATCHED)
        self.check_status(annotation)

    def check_status(self, annotation: Annotation | None) -> None:
        for action_id, status in STATUS_OF.items():
            checked = annotation is not None and annotation.status == status
            self.window.actions_[action_id].setChecked(checked)

    def _annotations_changed(self) -> None:
        for tab in self.window.comparisons.tabs():
            tab.model.refresh_annotations()
        self.facts.refresh()
        if self.facts.active():
            return self.facts.update_current()
        tab = self.current_tab()
        rows = self._rows(tab, selected=False) if tab else []
        if rows:
            annotation = self.session.find(self._targets(tab, rows[0]))
            self.panel.show_annotation(annotation)
            for action_id, status in STATUS_OF.items():
                checked = annotation is not None and annotation.status == status
                self.window.actions_[action_id].setChecked(checked)

    def _apply_links(self) -> None:
        for tab in self.window.comparisons.tabs():
            tab.set_corrections(*self.session.links_between(tab.a, tab.b))

    def _articles_changed(self) -> None:
        sources = self.window.sources
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
        sources = self.window.sources
        row = sources.row_of(article_id)
        if row >= 0:
            own = sources.article_at(row).source
            self.session.set_label(article_id, None if label == own else label)

    def _restore_label(self, article_id: str, label: str | None) -> None:
        """Undo or redo renamed a source: show the name without storing it again."""
        sources = self.window.sources
        row = sources.row_of(article_id)
        if row < 0:
            return
        self._restoring_label = True
        try:
            sources.set_label(article_id, label or sources.article_at(row).source)
        finally:
            self._restoring_label = False

    # --- jumping from the Annotations list -------------------------------------------------
    def jump_to(self, annotation_id: str) -> CompareTab | None:
        placed = self.session.get(annotation_id)
        if placed is None:
            return None
        if placed.orphan:
            self._say("This annotation's sentences are no longer in the loaded articles")
            return None
        if placed.annotation.fact_id is not None and self.facts.jump_to(placed.annotation):
            return None
        found = []  # (article, sentence index) of each target
        for target in placed.annotation.targets:
            article = self.session.article(target.article)
            sentence = _covering_sentence(article, target) if article else None
            if article is not None and sentence is not None:
                found.append((article, sentence))
        articles = list(dict.fromkeys(article for article, _ in found))
        if not found:
            return None
        comparisons = self.window.comparisons
        if len(articles) >= 2:
            ids = {articles[0].id, articles[1].id}
            tab = next((t for t in comparisons.tabs() if {t.a.id, t.b.id} == ids), None)
            tab = tab or comparisons.open(articles[0], articles[1])
        else:
            tab = next((t for t in comparisons.tabs() if articles[0].id in (t.a.id, t.b.id)), None)
            if tab is None:
                self.window.show_article(articles[0].id, found[0][1])
                return None
        self.window.tabs.setCurrentWidget(tab)
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

    # --- export and import ----------------------------------------------------------------
    def choose_export(self) -> None:
        articles = self.window.current_folder
        folder = str(save_folder(self.window.settings.last_save_folder, articles))
        stem = suggested_stem(articles, "annotations")
        dialog = ExportDialog(folder, bool(self.session.listed()), self.window, stem)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            self.transfers.export(dialog.choice())  # on a worker

    def export(self, choice) -> int | None:
        """Export now, on this thread (scripts and small exports; the menu uses a worker)."""
        folder = [p.annotation for p in self.session.listed()]
        try:
            count = export_annotations(choice, folder, self.session.store.annotations())
        except OSError as exc:
            text = f"Could not write the file:\n{exc}"
            show_message(self.window, QMessageBox.Icon.Critical, "Export failed", text)
            return None
        self.window.settings.last_save_folder = str(Path(choice.path).parent)
        self._say(f"{count} annotation(s) exported to {choice.path}")
        return count

    def choose_import(self) -> None:
        start = self.window.current_folder or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, "Import Annotations", start, JSON_FILTER)
        if path:
            self.transfers.import_file(path)


def _covering_sentence(article, target: Target) -> int | None:
    for sentence in article.sentences:
        if min(sentence.end, target.end) > max(sentence.start, target.start):
            return sentence.index
    return None
