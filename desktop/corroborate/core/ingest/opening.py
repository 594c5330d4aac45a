"""Open only ordinary files, and never wait on one.

Opening a named pipe waits until another program writes to it, and reading a device such
as /dev/zero never ends, so a folder holding either would freeze the load. The path is
checked before it is opened, opened without blocking, and checked again on the open
descriptor in case it was swapped in between.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from .decoding import UnreadableFile

# Not every platform has these flags; where one is missing it is not needed there.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)  # a terminal device must not become this process's
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


BROKEN_LINK = "broken link: the file it points to does not exist"


def not_a_file_reason(mode: int) -> str | None:
    """Why a path of this `st_mode` is not read; None for an ordinary file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file: skipped"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file: skipped"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file: skipped"
    return "not an ordinary file: skipped"


def _refuse_unless_regular(mode: int) -> None:
    reason = not_a_file_reason(mode)
    if reason is not None:
        raise UnreadableFile(reason, skipped=not stat.S_ISDIR(mode))


def open_regular_file(path: str | os.PathLike[str]) -> tuple[BinaryIO, os.stat_result]:
    """The open file and its status; UnreadableFile for pipes, sockets, devices and folders.

    Links are followed. OSError (missing, permission denied, ...) passes to the caller.
    """
    _refuse_unless_regular(os.stat(path).st_mode)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        _refuse_unless_regular(info.st_mode)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return handle, info


def os_error_reason(exc: OSError, what: str = "file") -> str:
    """One sentence for a failed open or read of a file (or, with what="folder", a folder)."""
    if isinstance(exc, FileNotFoundError):
        if what == "folder":
            return "folder disappeared while loading (moved or deleted)"
        return "file disappeared while loading (moved or deleted)"
    if isinstance(exc, PermissionError):
        verb = "open this folder" if what == "folder" else "read this file"
        return f"permission denied: you are not allowed to {verb}"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a file"
    known = _ERRNO_REASONS.get(exc.errno or 0)
    if known:
        return known
    detail = (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
    return f"the {what} could not be read: {detail[:1].lower()}{detail[1:]}"


_ERRNO_REASONS = {
    errno.ELOOP: "broken link: it points back to itself",
    errno.ENAMETOOLONG: "the name or folder path is too long for this system to open",
    errno.EIO: "the disk reported an error while reading (it may be failing or unplugged)",
    errno.EMFILE: "too many files are open at once: close some programs and try again",
    errno.ENFILE: "too many files are open at once: close some programs and try again",
    errno.EAGAIN: "another program is holding this file: try again later",
    errno.EBUSY: "another program is holding this file: try again later",
    errno.ETIMEDOUT: "the network drive holding this file did not answer",
    errno.ESTALE: "the network drive holding this file was disconnected",
    errno.ENXIO: "a device or socket that is not connected, not a file",
}
