"""What the annotator works on: a tab's table whose rows can be annotated (a comparison's
sentence pairs, the Facts tab's facts), each row given as the sentences it covers and what
a new annotation on it records. The annotator never needs to know which tab it is."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QAbstractItemView, QToolBar, QWidget

from ...core.checks.discrepancy import joined_explanations
from ...core.model import Discrepancy, Target
from ..common.actions import ActionId

# What every annotatable row offers; a comparison's pairs add linking and rejecting.
ANNOTATION_ACTIONS = (
    ActionId.MARK_AGREED,
    ActionId.MARK_DISPUTED,
    ActionId.MARK_UNVERIFIED,
    ActionId.CLEAR_ANNOTATION,
    ActionId.EDIT_NOTE,
)


@dataclass(frozen=True, slots=True)
class AnnotationTarget:
    """One row: its sentences, and what a new annotation on it records."""

    targets: Sequence[Target]
    similarity: float | None = None
    discrepancies: tuple[Discrepancy, ...] = ()  # shown in the panel
    fact_id: str | None = None

    @property
    def explained(self) -> str:
        return joined_explanations(self.discrepancies)


class AnnotatableRows(Protocol):
    widget: QWidget  # the tab the rows are in
    view: QAbstractItemView  # their table: the row actions' single keys act in it
    row_actions: tuple[ActionId, ...]  # on its toolbar, in this order
    row_noun: str  # what its rows are called: "Mark 3 rows as agreed"

    def selected_targets(self) -> list[AnnotationTarget]:
        """The selected rows (or the current row alone), top to bottom."""

    def current_target(self) -> AnnotationTarget | None: ...

    def enabled_actions(self) -> set[ActionId]:
        """The row actions that apply to the current row."""

    def add_toolbar(self, toolbar: QToolBar) -> None: ...

    def refresh_annotations(self) -> None:
        """Annotations changed: the table's Status column follows."""

    def on_current_changed(self, callback: Callable[[], None]) -> None:
        """Call `callback` whenever the current or selected rows change."""


class TabRows:
    """What both annotatable tabs share: the tab (also the widget the annotator watches for
    focus), its table view and the session the annotations go to."""

    def __init__(self, tab, session) -> None:
        self.widget = tab
        self.view = tab.view
        self.tab = tab
        self.session = session
