"""Where a part says what happened: the window's status bar, or any object with the same
two methods (a test's). Parts hand their progress widgets to the window to place."""

from __future__ import annotations

from typing import Protocol


class StatusSink(Protocol):
    def showMessage(self, text: str, timeout: int = 0) -> None: ...  # noqa: N802 (Qt's name)

    def clearMessage(self) -> None: ...  # noqa: N802
