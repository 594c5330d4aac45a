"""The Annotation dock: the current row's quotes, its status buttons and its note, and the
notes of related annotations (a fact's pairs, or the fact a pair inherits from), read-only."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Annotation, Discrepancy, Status, Target
from ..common.actions import ActionId, ActionRegistry
from ..common.discrepancy_hints import PANEL_HINT, panel_html
from ..common.plain import set_plain

STATUS_ACTIONS = (
    ActionId.MARK_AGREED,
    ActionId.MARK_DISPUTED,
    ActionId.MARK_UNVERIFIED,
    ActionId.CLEAR_ANNOTATION,
)
NO_ROW_TEXT = "Select a row of a comparison to annotate it."


class NoteEdit(QPlainTextEdit):
    """Plain-text note. Escape hands the keyboard back; Undo and Redo go to the window,
    so they take back whole typing steps together with every other change."""

    finished = Signal()
    focused = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()  # not taken here: the window's Edit actions run
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        if event.key() == Qt.Key.Key_Escape or ctrl_enter:
            self.finished.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit()
        super().focusInEvent(event)


class AnnotationPanel(QWidget):
    note_edited = Signal(str)  # the whole note after each change the person typed
    note_started = Signal()  # the note editor got the focus: a new bout of typing
    note_finished = Signal()  # Escape: back to the table

    def __init__(self, actions: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing_note = False
        self.quotes = QLabel(NO_ROW_TEXT)
        self.quotes.setWordWrap(True)
        self.quotes.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.quotes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.quotes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quotes.setContentsMargins(2, 2, 2, 2)
        scroll = QScrollArea()
        scroll.setWidget(self.quotes)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self._found: tuple[Discrepancy, ...] = ()
        self._disputed = False
        self._build_hint(actions)
        self.buttons: dict[ActionId, QToolButton] = {}
        grid = QGridLayout()  # two by two: the dock stays narrow
        grid.setSpacing(4)
        for n, action_id in enumerate(STATUS_ACTIONS):
            button = QToolButton()
            button.setDefaultAction(actions[action_id])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.buttons[action_id] = button
            grid.addWidget(button, n // 2, n % 2)

        self.note = NoteEdit()
        self.note.setPlaceholderText("Press N in the table to write a note; Escape to go back")
        self.note.setTabChangesFocus(True)
        self.note.textChanged.connect(self._on_text_changed)
        self.note.finished.connect(self.note_finished)
        self.note.focused.connect(self.note_started)
        note_label = QLabel("&Note:")
        note_label.setBuddy(self.note)
        self.details = QLabel()
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.details.setWordWrap(True)
        self.related = QLabel()
        self.related.setObjectName("relatedAnnotations")
        self.related.setWordWrap(True)
        self.related.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.related.setFrameShape(QFrame.Shape.StyledPanel)
        self.related.setContentsMargins(6, 4, 6, 4)
        self.related.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.hint)
        layout.addWidget(self.related)
        layout.addLayout(grid)
        layout.addWidget(note_label)
        layout.addWidget(self.note, 2)
        layout.addWidget(self.details)
        self.show_row(None, None)

    def _build_hint(self, actions: ActionRegistry) -> None:
        """The current row's discrepancies, with a button doing what the D key does."""
        self.hint_text = QLabel()
        self.hint_text.setWordWrap(True)
        self.hint_text.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.hint_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dispute_button = QPushButton("Mark Disputed")
        self.dispute_button.setToolTip(f"The sources disagree on this row ({PANEL_HINT})")
        self.dispute_button.setIcon(actions[ActionId.MARK_DISPUTED].icon())
        self.dispute_button.clicked.connect(actions[ActionId.MARK_DISPUTED].trigger)
        self.hint = QFrame()
        self.hint.setObjectName("discrepancyHint")
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)
        self.hint.setStyleSheet(
            "#discrepancyHint { background-color: rgba(235, 130, 0, 40);"
            " border: 1px solid rgba(235, 130, 0, 160); border-radius: 4px; }"
        )
        box = QVBoxLayout(self.hint)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.hint_text)
        box.addWidget(self.dispute_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hint.hide()

    def show_discrepancies(self, found: Sequence[Discrepancy]) -> None:
        """List the values the sources disagree on (nothing shown when they do not)."""
        self._found = tuple(found)
        self._show_hint()

    def _show_hint(self) -> None:
        """The list, and the button to mark the row disputed until it is."""
        found, disputed = self._found, self._disputed
        self.hint_text.setText(panel_html(found, disputed) if found else "")
        self.dispute_button.setVisible(not disputed)
        self.hint.setVisible(bool(found))

    def show_related(self, text: str) -> None:
        """Annotations this row's status also comes from, as plain text ("": none)."""
        set_plain(self.related, text)
        self.related.setVisible(bool(text))

    # --- what is shown ----------------------------------------------------------------------
    def show_row(
        self,
        targets: Sequence[Target] | None,
        annotation: Annotation | None,
        similarity: float | None = None,
    ) -> None:
        """The current row's sentences and its annotation (None: no row selected)."""
        enabled = bool(targets)
        if not enabled:
            self.show_discrepancies(())
            self.show_related("")
        self.note.setEnabled(enabled)
        for button in self.buttons.values():
            button.setEnabled(enabled)
        if not targets:
            self.quotes.setText(f"<i>{html.escape(NO_ROW_TEXT)}</i>")
        else:
            self.quotes.setText(_quotes_html(targets))
        self._similarity = similarity
        self.show_annotation(annotation)

    def show_annotation(self, annotation: Annotation | None) -> None:
        """Refresh status and note; the note is rewritten only when it differs, so the
        cursor stays where the person is typing."""
        self._disputed = annotation is not None and annotation.status == Status.DISPUTED
        self._show_hint()
        note = annotation.note if annotation else ""
        if self.note.toPlainText() != note:
            self._showing_note = True
            self.note.setPlainText(note)
            self.note.moveCursor(self.note.textCursor().MoveOperation.End)
            self._showing_note = False
        parts = []
        if annotation is not None:
            parts.append(f"Marked {annotation.status.value} · {annotation.modified[:16]} UTC")
        else:
            parts.append("Not annotated yet")
        if self._similarity is not None:
            parts.append(f"score {self._similarity:.0f}")
        self.details.setText(" · ".join(parts).replace("T", " ", 1))

    def focus_note(self) -> None:
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def _on_text_changed(self) -> None:
        if not self._showing_note:
            self.note_edited.emit(self.note.toPlainText())


def _quotes_html(targets: Sequence[Target]) -> str:
    """Each source's name once, over its sentences (escaped: articles are never markup)."""
    groups: list[tuple[str, list[str]]] = []
    for target in targets:
        if groups and groups[-1][0] == target.source:
            groups[-1][1].append(target.exact)
        else:
            groups.append((target.source, [target.exact]))
    return "".join(
        f"<p style='margin-bottom:8px'><b>{html.escape(source)}</b><br>"
        + "<br>".join(html.escape(text) for text in texts)
        + "</p>"
        for source, texts in groups
    )
