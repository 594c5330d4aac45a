"""The Annotations dock: every annotation of the open folder, filtered and searched."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Status
from ..common.empty_hint import EmptyHint
from ..state.annotation_session import AnnotationSession
from .annotations_model import (
    ANNOTATION_ID_ROLE,
    STATUS_TEXT,
    AnnotationsFilter,
    AnnotationsModel,
    status_icon,
)

# Filter choices: (text, what AnnotationsFilter.set_status takes).
FILTERS = (
    ("All statuses", None),
    *((STATUS_TEXT[s], s) for s in Status),
    ("Not found", AnnotationsFilter.ORPHANS),
)


class AnnotationsPanel(QWidget):
    jump_requested = Signal(str)  # annotation id

    def __init__(self, session: AnnotationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationsModel(session, self)
        self.proxy = AnnotationsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.status_filter = QComboBox()
        for text, value in FILTERS:
            if isinstance(value, Status):
                self.status_filter.addItem(status_icon(value), text, value)
            else:
                self.status_filter.addItem(text, value)
        self.status_filter.setToolTip("Show annotations of one status, or those not found")
        self.status_filter.currentIndexChanged.connect(
            lambda i: self.proxy.set_status(self.status_filter.itemData(i))
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search notes and quotes")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Show annotations whose note or quoted sentences contain this")
        self.search.textChanged.connect(self.proxy.set_search)
        self.count = QLabel()
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AnnotationsModel.QUOTES, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (AnnotationsModel.STATUS, 110),
            (AnnotationsModel.NOTE, 260),
            (AnnotationsModel.FOUND, 100),
            (AnnotationsModel.MODIFIED, 130),
        ):
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(self._on_activated)  # double-click or Enter
        self.view.setToolTip("Double-click or press Enter to go to the annotated sentences")
        self.empty_hint = EmptyHint(self.view, self._empty_text)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        filter_label = QLabel("&Show:")
        filter_label.setBuddy(self.status_filter)
        bar.addWidget(filter_label)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._update_count()

    def _empty_text(self) -> str:
        if self.model.rowCount():
            return "No annotation matches this filter."
        return (
            "No annotations yet. Select a row of a comparison or of the Facts tab and "
            "press A (agreed), D (disputed) or U (unverified)."
        )

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} annotations")

    def set_status_filter(self, status: Status | str | None) -> None:
        index = next(n for n, (_text, value) in enumerate(FILTERS) if value == status)
        self.status_filter.setCurrentIndex(index)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jump_requested.emit(index.data(ANNOTATION_ID_ROLE))

    def annotation_ids(self) -> list[str]:
        """The ids shown, top to bottom."""
        return [
            self.proxy.index(r, 0).data(ANNOTATION_ID_ROLE) for r in range(self.proxy.rowCount())
        ]
