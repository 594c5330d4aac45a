"""Time `load_paths` cold (empty sentence cache) and warm, on the seeds and on a large folder.

Each run is a fresh process, as when the app is started again on the same folder. The
large folder (synthetic news articles, `synthetic_folder.py`) is also split by pysbd alone,
line by line, in a fresh process of the same run: the anchor that makes figures from busy
and quiet machines comparable.
Run: `python -m tests.benchmarks.load_timing [--runs 7] [--articles 1000]` from the
repository root.
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
_LOAD = (
    "import time; from corroborate.core.ingest.loading import load_paths; "
    "t = time.perf_counter(); r = load_paths([{folder!r}]); "
    "print(time.perf_counter() - t, len(r.articles))"
)
# pysbd as shipped, on every non-blank line of every file: what loading used to cost.
_PYSBD_ALONE = (
    "import pathlib, time, pysbd; "
    "lines = [l for p in sorted(pathlib.Path({folder!r}).glob('*.txt')) "
    "for l in p.read_text(encoding='utf-8').splitlines() if l.strip()]; "
    "s = pysbd.Segmenter(language='en', clean=False, char_span=False); "
    "t = time.perf_counter(); n = sum(len(s.segment(l)) for l in lines); "
    "print(time.perf_counter() - t, n)"
)


def _one_run(code: str, cache_dir: str) -> float:
    env = {
        **os.environ,
        "CORROBORATE_CACHE_DIR": cache_dir,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "desktop"), str(ROOT)]),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0])


def measure(runs: int, folder: Path = ROOT / "seeds") -> tuple[float, float]:
    """Median seconds of a cold and of a warm `load_paths([folder])`."""
    cold, warm = [], []
    code = _LOAD.format(folder=str(folder))
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache_dir:
            cold.append(_one_run(code, cache_dir))
            warm.append(_one_run(code, cache_dir))
    return statistics.median(cold), statistics.median(warm)


def measure_large(articles: int, runs: int = 1) -> tuple[float, float]:
    """Median seconds of a cold load of `articles` synthetic articles, and of pysbd alone
    splitting the same files, runs alternating."""
    from tests.benchmarks.synthetic_folder import write_folder

    cold, anchor = [], []
    with tempfile.TemporaryDirectory() as work:
        folder = write_folder(Path(work) / "news", articles)
        for run in range(runs):
            anchor.append(_one_run(_PYSBD_ALONE.format(folder=str(folder)), work))
            cold.append(_one_run(_LOAD.format(folder=str(folder)), f"{work}/cache{run}"))
    return statistics.median(cold), statistics.median(anchor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    cold, warm = measure(args.runs)
    print(f"load seeds/: cold median {cold * 1000:.0f} ms, warm median {warm * 1000:.0f} ms")
    cold, anchor = measure_large(args.articles, max(1, args.runs // 2))
    print(
        f"load {args.articles} articles cold: {cold:.2f} s; pysbd alone on the same lines: "
        f"{anchor:.2f} s; ratio {cold / anchor:.2f}"
    )


if __name__ == "__main__":
    main()
