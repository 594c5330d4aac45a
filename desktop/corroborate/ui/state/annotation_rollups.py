"""The session's annotations indexed for roll-ups (core/annotations/rollup), kept in step.

One index per session, a child of it, shared by every tab: the Facts tab asks it what
is within a fact, a comparison what covers a row. Changes are noted as they are told and
applied when the next question comes, so whichever view repaints first sees them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ...core.annotations.placement import SpanKey
from ...core.annotations.rollup import Rollup, RollupIndex, RowMarks, Span
from .annotation_session import AnnotationSession


class AnnotationRollups(QObject):
    def __init__(self, session: AnnotationSession) -> None:
        super().__init__(session)
        self.setObjectName(_NAME)
        self.session = session
        self._index = RollupIndex()
        self._stale = True  # everything to be read again
        self._changed: set[str] = set()
        session.annotation_changed.connect(self._changed.add)
        session.annotations_reset.connect(self._reset)

    @staticmethod
    def of(session: AnnotationSession) -> AnnotationRollups:
        """The session's index, made on first use."""
        found = session.findChild(AnnotationRollups, _NAME)
        return found if found is not None else AnnotationRollups(session)

    def _reset(self) -> None:
        self._stale = True
        self._changed.clear()

    def index(self) -> RollupIndex:
        if self._stale:
            self._stale = False
            self._changed.clear()
            self._index = RollupIndex(p.annotation for p in self.session.listed() if not p.orphan)
        while self._changed:
            annotation_id = self._changed.pop()
            placed = self.session.get(annotation_id)
            if placed is None or placed.orphan:
                self._index.remove(annotation_id)
            else:
                self._index.put(placed.annotation)
        return self._index

    def within(self, spans: frozenset[Span]) -> Rollup:
        return self.index().within(spans)

    def row(self, key: SpanKey) -> RowMarks:
        own = self.session.find_span(key)  # as the row found it before roll-ups
        return RowMarks(own) if own is not None else RowMarks(None, self.index().covering(key))


_NAME = "annotation_rollups"
