"""A proxy that shows every row of a table, or only the rows of one kind."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

AnyIndex = QModelIndex | QPersistentModelIndex


class KindFilter(QSortFilterProxyModel):
    """Subclasses say which kind a source row is of through `accepts_row`."""

    def __init__(self, everything: str | None, parent=None) -> None:
        super().__init__(parent)
        self._everything = everything  # the kind that means "no filter"
        self._kind = everything

    @property
    def kind(self) -> str | None:
        return self._kind

    def set_kind(self, kind: str | None) -> None:
        if kind == self._kind:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; older versions invalidate after
            self.beginFilterChange()
            self._kind = kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._kind = kind
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        return self._kind == self._everything or self.accepts_row(source_row, self._kind)

    def accepts_row(self, source_row: int, kind: str | None) -> bool:
        raise NotImplementedError
