"""Folders whose file names are the trick: notes beside the articles, odd names, a report.

Each builder fills the folder at `path` with one ordinary article (COMPANION) and the
file under test, and returns the folder: these cases load a folder, as the app does.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import SEEDS

from .harness import run_cli

COMPANION = "companion.txt"
_COMPANION_TEXT = (
    "Talks in Beijing ended on Tuesday with a joint statement.\n\n"
    "Both sides pledged to expand trade in batteries, chips and cars.\n"
)


def _folder(path: Path) -> Path:
    path.mkdir()
    (path / COMPANION).write_text(_COMPANION_TEXT)
    return path


def folder_notes(name: str, text: str):
    """A README, licence or notes file beside the articles."""

    def build(path: Path) -> Path:
        (_folder(path) / name).write_text(text)
        return path

    return build


def article_named(name: str | bytes):
    """An ordinary article whose file name is `name` (bytes for names that are not UTF-8)."""

    def build(path: Path) -> Path:
        folder = _folder(path)
        target = os.path.join(os.fsencode(folder), os.fsencode(name))
        label = os.fsdecode(name).encode("ascii", "backslashreplace").decode()
        with open(target, "wb") as out:
            out.write(f"A file named {label} holds this article.\n\n".encode())
            out.write(b"The ministers met in Seoul on Friday to sign the trade agreement.\n")
        return path

    return build


def seeds_beside(make_extra):
    """The five sample articles with something hostile beside them."""

    def build(path: Path) -> Path:
        path.mkdir(parents=True)
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, path / seed.name)
        make_extra(path)
        return path

    return build


def corroborate_report(folder: Path) -> Path:
    """The HTML report Corroborate writes for the sample articles, saved among them."""
    work = folder.parent / f"{folder.name}-report-work"
    report = folder / "corroborate-report.html"
    done = run_cli(["facts", str(SEEDS), "--report", str(report)], work, seconds=120)
    if done is None or done.returncode != 0 or not report.is_file():
        stderr = done.stderr.decode(errors="replace")[-500:] if done else "timed out"
        raise RuntimeError(f"could not make the report to test with: {stderr}")
    return report


def seed_names() -> set[str]:
    return {seed.name for seed in SEEDS.glob("*.txt")}
