"""Time `load_paths` on the sample articles cold (empty sentence cache) and warm.

Each run is a fresh process, as when the app is started again on the same folder.
Run: `python -m tests.benchmarks.load_timing [--runs 7]` from the repository root.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_CODE = (
    "import time; from corroborate.core.ingest.loading import load_paths; "
    "t = time.perf_counter(); r = load_paths([{seeds!r}]); "
    "print(time.perf_counter() - t, len(r.articles))"
)


def _one_run(cache_dir: str) -> float:
    env = {**os.environ, "CORROBORATE_CACHE_DIR": cache_dir, "PYTHONPATH": str(ROOT / "desktop")}
    code = _CODE.format(seeds=str(ROOT / "seeds"))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0])


def measure(runs: int) -> tuple[float, float]:
    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache_dir:
            cold.append(_one_run(cache_dir))
            warm.append(_one_run(cache_dir))
    return statistics.median(cold), statistics.median(warm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    cold, warm = measure(parser.parse_args().runs)
    print(f"load seeds/: cold median {cold * 1000:.0f} ms, warm median {warm * 1000:.0f} ms")


if __name__ == "__main__":
    main()
