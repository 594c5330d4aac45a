"""How a status looks (icon and word, never colour alone), and the list of every
annotation of the loaded folder with a filter by status and a search in the notes."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QStyle

from ...core.model import Anchoring, Status, Target
from ..common.icons import STATUS_TEXT, named_icon, status_icon
from ..common.plain import plain_tooltip
from ..common.table_model import ReadOnlyTableModel
from ..state.annotation_session import AnnotationSession, Placed

AnyIndex = QModelIndex | QPersistentModelIndex

ORPHAN_TEXT = "Not found"

ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 40
STATUS_ROLE = Qt.ItemDataRole.UserRole + 41  # Status
ORPHAN_ROLE = Qt.ItemDataRole.UserRole + 42  # True when a quote is nowhere to be found


def quote_line(target: Target) -> str:
    return f"{target.source}: {target.exact}"


class AnnotationsModel(ReadOnlyTableModel):
    """One row per annotation of the loaded folder; orphans marked and quoted."""

    COLUMNS = ("Status", "Note", "Quotes", "Found", "Modified")
    STATUS, NOTE, QUOTES, FOUND, MODIFIED = range(5)

    def __init__(self, session: AnnotationSession, parent=None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows: list[Placed] = []
        session.annotations_reset.connect(self.reload)
        session.annotation_changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._session.listed()
        self.endResetModel()

    def placed(self, row: int) -> Placed:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int:
        return next((n for n, p in enumerate(self._rows) if p.annotation.id == annotation_id), -1)

    def _on_changed(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        placed = self._session.get(annotation_id)
        if row >= 0 and placed is not None:
            self._rows[row] = placed
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        elif row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        elif placed is not None:
            # Keep the rows in the order the session lists them (oldest first).
            position = next(
                (n for n, p in enumerate(self._session.listed()) if p is placed), len(self._rows)
            )
            position = min(position, len(self._rows))
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, placed)
            self.endInsertRows()

    # --- QAbstractTableModel ---------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.in_range(index):
            return None
        placed = self._rows[index.row()]
        a = placed.annotation
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(placed, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.STATUS:
                return status_icon(a.status)
            if column == self.FOUND and placed.orphan:
                return named_icon("orphan", QStyle.StandardPixmap.SP_MessageBoxCritical)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FOUND and placed.orphan:
                return (
                    "A quoted sentence is no longer in the loaded articles; the annotation "
                    "is kept with its quote"
                )
            if column == self.QUOTES:
                return plain_tooltip("\n\n".join(quote_line(t) for t in a.targets))
            if column == self.NOTE:
                return plain_tooltip(a.note) or None
            return None
        if role == ANNOTATION_ID_ROLE:
            return a.id
        if role == STATUS_ROLE:
            return a.status
        if role == ORPHAN_ROLE:
            return placed.orphan
        return None

    def _text(self, placed: Placed, column: int) -> str:
        a = placed.annotation
        if column == self.STATUS:
            return STATUS_TEXT[a.status]
        if column == self.NOTE:
            return a.note
        if column == self.QUOTES:
            return "  ↔  ".join(quote_line(t) for t in a.targets)
        if column == self.FOUND:
            hows = {anchor.how for anchor in placed.anchors}
            if Anchoring.ORPHAN in hows:
                return ORPHAN_TEXT
            return "Moved" if hows - {Anchoring.EXACT} else "Yes"
        return a.modified[:16].replace("T", " ")


class AnnotationsFilter(QSortFilterProxyModel):
    """Rows of one status (or all, or only orphans) whose note or quotes hold the search."""

    ORPHANS = "orphans"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._status: Status | str | None = None
        self._search = ""

    def set_status(self, status: Status | str | None) -> None:
        if isinstance(status, str) and status in {s.value for s in Status}:
            status = Status(status)  # combo box data comes back as plain text
        self._refilter(lambda: setattr(self, "_status", status))

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_search", text.strip().casefold()))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; older versions invalidate after
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        placed = self.sourceModel().placed(source_row)
        a = placed.annotation
        if self._status == self.ORPHANS and not placed.orphan:
            return False
        if isinstance(self._status, Status) and a.status != self._status:
            return False
        if not self._search:
            return True
        haystack = "\n".join([a.note, *(t.exact for t in a.targets)]).casefold()
        return self._search in haystack
