"""Print every hostile case with its outcome, seconds and peak memory.

Run from the repository root: `python -m tests.hostile.report [--family F] [--keep]`.
Inputs are built in a temporary folder (kept with --keep, to look at them).
Peak MiB is the child's resident high-water mark while it read the input; light inputs
share a child, so "grew MiB" says how far that rose above what the child already held.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from .case import command_failures, failures
from .harness import Outcome
from .suite import ALL_CASES, CLI_CASES, Suite


def _row(name: str, got: Outcome, verdict: str) -> str:
    shown = verdict or got.reason
    shown = shown.replace("\n", " ").replace("|", "/")[:90]
    grew = got.peak_mib - got.details.get("resident_before_mib", got.peak_mib)
    return (
        f"| {name} | {got.outcome} | {got.seconds:.2f} | {got.peak_mib:.0f} | {grew:+.0f} "
        f"| {shown} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--family", help="only this family (special, zip, slow, ...)")
    parser.add_argument("--keep", action="store_true", help="keep the inputs and print where")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="hostile-"))
    suite = Suite(root, keep_inputs=args.keep)
    cases = [c for c in ALL_CASES if args.family in (None, c.family)]
    started = time.monotonic()
    print("| case | outcome | seconds | peak MiB | grew MiB | reason, or FAIL and why |")
    print("|---|---|---|---|---|---|")
    rows: list[tuple[str, Outcome, list[str]]] = []
    for case in cases:
        got = suite.outcome(case)
        problems = failures(case, got)
        rows.append((case.name, got, problems))
        print(_row(case.name, got, "FAIL: " + "; ".join(problems) if problems else ""))
    if args.family is None:
        mixed = suite.mixed_outcome()
        print(_row("folders/mixed (light files + 5 seeds)", mixed, f"{_seeds_in(mixed)} seeds"))
    _summary(rows, time.monotonic() - started)
    _command_line(suite, {c.family for c in cases})
    if args.keep:
        print(f"inputs kept in {root}")
    else:
        import shutil

        shutil.rmtree(root, ignore_errors=True)


def _seeds_in(got: Outcome) -> int:
    from .make_names import seed_names

    loaded = {a["name"] for a in got.details.get("articles", ())}
    return len(seed_names() & loaded)


def _summary(rows: list[tuple[str, Outcome, list[str]]], wall: float) -> None:
    failed = [name for name, _, problems in rows if problems]
    hangs = [name for name, got, _ in rows if got.outcome == "hang"]
    crashes = [name for name, got, _ in rows if got.outcome in {"crash", "exception"}]
    slowest = max(rows, key=lambda row: row[1].seconds)
    biggest = max(rows, key=lambda row: row[1].peak_mib)
    print()
    print(
        f"inputs: {len(rows)}; failed: {len(failed)}; hangs: {len(hangs)}; crashes: {len(crashes)}"
    )
    print(f"slowest: {slowest[0]} {slowest[1].seconds:.2f} s")
    print(f"peak memory: {biggest[0]} {biggest[1].peak_mib:.0f} MiB")
    print(f"wall clock: {wall:.0f} s")
    for name in failed:
        print(f"FAILED {name}")


def _command_line(suite: Suite, families: set[str]) -> None:
    """The light inputs through `corroborate-cli load` / `annotations import` (in-process)."""
    chosen = [c for c in CLI_CASES if c.family in families]
    failed = []
    for family in sorted({c.family for c in chosen}):
        outcomes = suite.cli_outcomes(family)
        for case in (c for c in chosen if c.family == family):
            problems = command_failures(case, outcomes[f"cli/{family}/{case.label}"])
            if problems:
                failed.append(f"{case.name}: {'; '.join(problems)}"[:200])
    print(f"command line: {len(chosen)} inputs; failed: {len(failed)}")
    for line in failed:
        print(f"FAILED cli/{line}")


if __name__ == "__main__":
    main()
