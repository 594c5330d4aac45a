"""The stories as the user placed them: the placements kept in the annotation store, the
stories on show with them applied (core/facts/story_edits), and each move, merge, split
or reset as one step on the annotations' undo stack.

Undo and redo change the store; the placements are read again whenever the undo stack
moves, so whatever changed them (an edit, its undo, a history lost to a failed save)
the stories on show follow.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import QObject, Signal

from ...core.annotations.store import StoreUnavailable, now_iso
from ...core.annotations.story_placements import placements_to
from ...core.facts.story_edits import (
    EditedStories,
    merge_stories,
    move_to_story,
    reset_grouping,
    split_off,
)
from .annotation_session import AnnotationSession

MERGE = "Merge Stories"
SPLIT_OFF = "New Story from Selection"
RESET = "Reset Story Grouping"


def moved(count: int) -> str:
    """What Edit → Undo calls a move: "Move Article to Story", "Move 3 Articles to Story"."""
    return "Move Article to Story" if count == 1 else f"Move {count} Articles to Story"


class StoryGrouping(QObject):
    # The placements changed. The argument: the article ids the story picked should
    # follow (a merged or split-off story), or None: the story that keeps most of its own.
    placements_changed = Signal(object)
    stories_changed = Signal()  # `shown` was replaced
    selection_changed = Signal()  # `selected` (the Stories panel's rows) changed

    def __init__(self, session: AnnotationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.shown: EditedStories | None = None  # set by the Stories panel
        self.selected: tuple[str, ...] = ()  # ids of the stories selected in the panel
        self.problem: str | None = None  # why the stored placements could not be read
        self._follow: frozenset[str] | None = None
        self._placements = self._read() or {}
        session.undo_stack.indexChanged.connect(self._read_again)

    @property
    def placements(self) -> dict[str, str]:
        """Every stored placement: article id -> group key."""
        return dict(self._placements)

    def set_shown(self, shown: EditedStories | None) -> None:
        self.shown = shown
        self.stories_changed.emit()

    def set_selected(self, story_ids: Sequence[str]) -> None:
        if tuple(story_ids) != self.selected:
            self.selected = tuple(story_ids)
            self.selection_changed.emit()

    # --- edits: each one undo step; False when it changes nothing or cannot be saved ---
    def move_to_story(self, article_ids: Collection[str], story_id: str) -> bool:
        if self.shown is None:
            return False
        wanted = move_to_story(self.shown, self._placements, article_ids, story_id)
        return self._place(wanted, moved(len(set(article_ids))))

    def merge(self, story_ids: Collection[str]) -> bool:
        if self.shown is None:
            return False
        merged = frozenset(
            a for s in self.shown.table.stories if s.id in story_ids for a in s.articles
        )
        wanted = merge_stories(self.shown, self._placements, story_ids)
        return self._place(wanted, MERGE, merged)

    def split_off(self, article_ids: Collection[str], what: str = SPLIT_OFF) -> bool:
        if self.shown is None:
            return False
        wanted = split_off(self.shown, self._placements, article_ids)
        return self._place(wanted, what, frozenset(article_ids))

    def reset(self) -> bool:
        if self.shown is None:
            return False
        return self._place(reset_grouping(self.shown, self._placements), RESET)

    def can_reset(self) -> bool:
        return self.shown is not None and bool(self.shown.edited)

    def _place(self, wanted: Mapping[str, str], what: str, follow=None) -> bool:
        command = placements_to(self._placements, wanted, now_iso(), what)
        if command is None:
            return False
        self._follow = follow
        try:
            return self.session.push(command)  # the stack moves: _read_again tells the views
        except sqlite3.Error as error:  # a placements table of the wrong shape
            self.session.save_failed.emit(f"The story grouping could not be saved: {error}.")
            return False
        finally:
            self._follow = None

    # --- reading ---------------------------------------------------------------------
    def _read(self) -> dict[str, str] | None:
        """The stored placements; None (and `problem` says why) when they cannot be read."""
        try:
            stored = self.session.store.story_placements()
        except (StoreUnavailable, sqlite3.Error) as error:
            message = error.message if isinstance(error, StoreUnavailable) else str(error)
            self.problem = f"The stories you placed by hand could not be read: {message}"
            return None
        self.problem = None
        return {article: p.group for article, p in stored.items()}

    def _read_again(self, _index: int = 0) -> None:
        """After the undo stack moved; a store that cannot be read (closing, or gone
        bad) leaves the stories as they are."""
        placements = self._read()
        if placements is not None and placements != self._placements:
            self._placements = placements
            self.placements_changed.emit(self._follow)
