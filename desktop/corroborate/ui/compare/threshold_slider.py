"""The comparison's threshold slider, stepping through the scores at which a pair appears
or disappears: every step changes the rows, and a drag moves through pairs, not points.

On a pair of seed articles a 0-100 scale put 21 pairs and 2 pairs 73 pixels apart; most
of its positions changed nothing. A sentence's best pair goes once the threshold passes
its score, so the rows change only just above each best score: those points (the best
scores floored, plus one) are the steps, and between two steps the rows are the same.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSlider, QWidget

PAGE_STEPS = 5  # Page Up / Page Down move this many steps


def threshold_steps(scores: np.ndarray) -> list[int]:
    """The thresholds (0-100) at which the pairs of a score matrix change."""
    if scores.size == 0:
        return []
    best = np.concatenate([scores.max(axis=1), scores.max(axis=0)])
    return sorted({int(v) + 1 for v in np.floor(np.clip(best, 0, 99))})


class ThresholdSlider(QSlider):
    threshold_changed = Signal(int)

    def __init__(self, threshold: int, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._steps = list(range(101))  # every point, until the pair's scores are known
        self.setRange(0, 100)
        self.setPageStep(PAGE_STEPS)
        self.setValue(threshold)
        self.valueChanged.connect(lambda index: self.threshold_changed.emit(self._steps[index]))

    @property
    def steps(self) -> list[int]:
        return list(self._steps)

    def threshold(self) -> int:
        return self._steps[self.value()]

    def set_threshold(self, threshold: int) -> None:
        """Move to `threshold`, made a step of its own when it is none yet."""
        threshold = max(0, min(100, int(threshold)))
        if threshold not in self._steps:
            self._set_steps([*self._steps, threshold], keep=self.threshold())
        self.setValue(self._steps.index(threshold))

    def set_steps(self, steps: Iterable[int]) -> None:
        """The pair's steps are known: keep the current threshold, among them."""
        self._set_steps(steps, keep=self.threshold())

    def _set_steps(self, steps: Iterable[int], keep: int) -> None:
        new = sorted({0, 100, keep, *steps})
        if new == self._steps:
            return
        blocked = self.blockSignals(True)  # the threshold itself does not change
        self._steps = new
        self.setRange(0, len(new) - 1)
        self.setValue(new.index(keep))
        self.blockSignals(blocked)
