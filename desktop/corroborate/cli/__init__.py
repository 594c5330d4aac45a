"""Headless entry point: `corroborate-cli COMMAND ...` prints JSON (or writes files).

Each subcommand lives in its own module with `register(subparsers)`, which adds its
parser and sets `func` to a handler returning the exit status.

Whatever goes wrong, a user sees one line on stderr and a non-zero exit, never a
traceback: a store that cannot be used, a file that cannot be read or written, an
interruption, or an error nobody foresaw.
"""

# No `from __future__ import annotations` here: that name would shadow the `annotations`
# subcommand module in `from . import annotations` below.
import argparse
import os
import sys

from ..core.annotations.store import StoreUnavailable
from . import align, annotations, facts, load, stories

COMMANDS = (load, align, annotations, facts, stories)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corroborate-cli", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


# What a shell reports for a program stopped by a closed pipe (128 + SIGPIPE).
EXIT_BROKEN_PIPE = 141
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    try:
        status = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return status
    except BrokenPipeError:  # `corroborate-cli load seeds | head -1`: the reader is done
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except StoreUnavailable as exc:
        return _fail(f"{exc.message} ({exc.path})")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except Exception as exc:  # the one place that keeps a traceback from the user
        return _fail(f"an unexpected error: {type(exc).__name__}: {exc}")


def _fail(message: str, status: int = 1) -> int:
    one_line = " ".join(message.split())
    print(f"corroborate-cli: {one_line}", file=sys.stderr)
    return status


def _silence_stdout() -> None:
    """What is still buffered for the closed pipe goes nowhere, so the flush at exit
    cannot fail a second time (Python's own advice for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (captured)
        pass


if __name__ == "__main__":
    sys.exit(main())
