"""Things in a folder that look like article files but are not files to read.

Each builder makes its input at `path` (creating siblings when it needs them) and
returns the path to probe.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

ARTICLE = (
    "Seoul and Beijing agreed on Monday to expand trade in batteries and chips.\n\n"
    "The two leaders met for three hours, officials said after the talks ended.\n"
)
SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def unix_socket(path: Path) -> Path:
    # Socket addresses are limited to about 100 bytes: bind by a name relative to the folder.
    with contextlib.chdir(path.parent), socket.socket(socket.AF_UNIX) as sock:
        sock.bind(path.name)
    return path


def link_to(target: str):
    def build(path: Path) -> Path:
        path.symlink_to(target)
        return path

    return build


def self_loop(path: Path) -> Path:
    path.symlink_to(path.name)
    return path


def loop_pair(path: Path) -> Path:
    other = path.with_name(f"{path.stem}-other{path.suffix}")
    path.symlink_to(other.name)
    other.symlink_to(path.name)
    return path


def link_chain(length: int):
    """`length` links in a row ending at a real article: the system gives up after 40."""

    def build(path: Path) -> Path:
        real = path.with_name(f"{path.stem}-end{path.suffix}")
        real.write_text(ARTICLE.replace("Monday", f"day {length}"))
        previous = real
        for n in range(length - 1):
            step = path.with_name(f"{path.stem}-{n}{path.suffix}")
            step.symlink_to(previous.name)
            previous = step
        path.symlink_to(previous.name)
        return path

    return build


def broken_link(path: Path) -> Path:
    path.symlink_to(f"{path.stem}-missing{path.suffix}")
    return path


def directory(path: Path) -> Path:
    path.mkdir()
    (path / "inside.txt").write_text(ARTICLE.replace("Monday", "Friday"))
    return path


def link_to_folder(path: Path) -> Path:
    """A link named like an article pointing at the folder that holds it."""
    path.symlink_to(".")
    return path
