"""What the window says after a load: how many articles came in, and what was left out
(skipped on purpose, or could not be read), so no file ever vanishes unexplained."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...core.model import LoadProblem
from ..common.widgets import counted
from .sources_model import count_problems


def load_message(added: int, problems: Sequence[LoadProblem]) -> str:
    """ "5 articles loaded, 1 skipped, 1 could not be read (see Problems)"."""
    skipped, unreadable = count_problems(problems)
    parts = [counted(added, "article") + " loaded"]
    if skipped:
        parts.append(f"{skipped} skipped")
    if unreadable:
        parts.append(f"{unreadable} could not be read")
    message = ", ".join(parts)
    return f"{message} (see Problems)" if problems else message


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, ValueError):  # a name the system refuses: compare it as written
        return path


def shows_problems(problems: Sequence[LoadProblem], named: Sequence[str], added: int) -> bool:
    """Whether the Problems panel comes to the front: for any file that could not be read,
    and for a skipped file the user named (dropped or added) or a load that added nothing.
    A read-me skipped inside an opened folder is listed without taking the panel's place."""
    skipped, unreadable = count_problems(problems)
    if unreadable or (skipped and not added):
        return True
    chosen = {_resolved(path) for path in named}
    return any(p.skipped and _resolved(p.path) in chosen for p in problems)
