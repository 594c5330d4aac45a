"""Writing a file so that a reader never sees half of it: the one way Corroborate writes.

The text goes to a temporary file beside the target, is flushed to disk, and is renamed
over the target in one step. If anything fails on the way the target is untouched and
the temporary file is gone. A new file gets the permissions any program would give it
(0666 less the umask; the temporary file starts private); a file written over keeps
its own.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TextIO


def write_atomically(
    path: str | os.PathLike[str],
    write: Callable[[TextIO], None],
    encoding: str = "utf-8",
    *,
    durable: bool = True,
) -> None:
    """Call `write(stream)` on a temporary file, then rename it over `path`.

    `durable=False` skips the fsync calls, for caches that may be lost in a crash.
    Newlines are written as given (`newline=""`), so CSV writers choose their own.
    """
    target = Path(path)
    mode = _mode_for(target)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            write(out)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    if durable:
        _sync_directory(target.parent)


def write_text_atomically(
    path: str | os.PathLike[str], text: str, encoding: str = "utf-8", *, durable: bool = True
) -> None:
    write_atomically(path, lambda out: out.write(text), encoding, durable=durable)


def _mode_for(target: Path) -> int:
    try:
        existing = target.stat()
    except OSError:
        return 0o666 & ~current_umask()
    if target.is_file():
        return existing.st_mode & 0o777
    return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Elsewhere the only way is to set it and put it back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_directory(folder: Path) -> None:
    """Make the rename itself survive a power cut, where the system lets a folder be synced."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to sync a folder; the data itself is on disk
    finally:
        os.close(fd)
