"""Headless entry point: `corroborate-cli COMMAND ...` prints JSON (or writes files).

Each subcommand lives in its own module with `register(subparsers)`, which adds its
parser and sets `func` to a handler returning the exit status.
"""

# No `from __future__ import annotations` here: that name would shadow the `annotations`
# subcommand module in `from . import annotations` below.
import argparse
import sys

from . import align, annotations, facts, load

COMMANDS = (load, align, annotations, facts)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corroborate-cli", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
