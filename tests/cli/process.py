"""Run corroborate-cli as a user would: the real entry point in a new process."""

import subprocess
import sys

from tests.conftest import ROOT


def run_cli(*args):
    """Slow (a new interpreter): use for the wiring, not for every case."""
    return subprocess.run(
        [sys.executable, "-m", "corroborate.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT / "desktop",
        timeout=120,
    )
