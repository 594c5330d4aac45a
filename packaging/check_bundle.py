"""Smoke-test a PyInstaller build (`make package-test`) the way a new user would meet it.

1. The frozen app, started with empty settings, opens the demo articles as a first start does,
   renders its window to a PNG and exits. The PNG must be a real screenshot (big enough, not one
   flat colour) and differ clearly from the same app showing an empty folder.
2. The frozen corroborate-cli loads the bundled demo articles, then one article written in every
   format the app reads (each needs its own library data), and aligns two of them.

    python packaging/check_bundle.py [DIST_FOLDER] [--out screenshot.png]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_formats import write_samples  # noqa: E402

MIN_SCREENSHOT_BYTES = 20 * 1024
# Share of the picture the most common colour may cover: a window with text, tabs and tables
# stays far below it; a blank or single-colour grab is at 100 %.
MAX_DOMINANT_COLOUR_SHARE = 0.97
# Share of pixels that must change between an empty window and one showing articles.
MIN_CHANGED_SHARE = 0.05
MIN_SENTENCES_PER_SAMPLE = 10
MIN_ALIGNED_PAIRS = 10
RUN_TIMEOUT_S = 180


def program(dist: Path, name: str) -> Path:
    return dist / (f"{name}.exe" if sys.platform == "win32" else name)


def sampled_pixels(png: Path) -> list[int]:
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    if image.isNull():
        return []
    step = 2  # every other pixel in each direction is plenty to see the colour spread
    return [
        image.pixel(x, y)
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    ]


def screenshot_problems(png: Path) -> list[str]:
    """Why `png` is not a plausible screenshot of the app; empty when it is one."""
    if not png.is_file():
        return [f"{png} was not written"]
    problems = []
    size = png.stat().st_size
    if size <= MIN_SCREENSHOT_BYTES:
        problems.append(f"{png} is only {size} bytes (expected > {MIN_SCREENSHOT_BYTES})")
    pixels = sampled_pixels(png)
    if not pixels:
        return [*problems, f"{png} is not a readable image"]
    counts: dict[int, int] = {}
    for rgb in pixels:
        counts[rgb] = counts.get(rgb, 0) + 1
    share = max(counts.values()) / len(pixels)
    if share > MAX_DOMINANT_COLOUR_SHARE:
        problems.append(f"{png} is {share:.1%} one colour: nothing was drawn")
    return problems


def changed_share(png_a: Path, png_b: Path) -> float:
    """Share of sampled pixels that differ between two screenshots (1.0 if sizes differ)."""
    a, b = sampled_pixels(png_a), sampled_pixels(png_b)
    if not a or len(a) != len(b):
        return 1.0
    return sum(x != y for x, y in zip(a, b, strict=True)) / len(a)


def isolated_env(home: Path) -> dict[str, str]:
    """A first start: no settings, no cache, nothing from the real user."""
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        CORROBORATE_DATA_DIR=str(home / "data"),
        CORROBORATE_CONFIG_DIR=str(home / "config"),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
        XDG_DATA_HOME=str(home / "xdg-data"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
    )


def run(args: list[str]) -> subprocess.CompletedProcess:
    home = Path(tempfile.mkdtemp(prefix="corroborate-bundle-"))
    return subprocess.run(
        args,
        env=isolated_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


def failed(result: subprocess.CompletedProcess, what: str) -> list[str]:
    if result.returncode == 0:
        return []
    return [f"{what} exited with {result.returncode}:\n{result.stdout}{result.stderr}"]


def check_first_start(dist: Path, out: Path, scratch: Path) -> list[str]:
    gui = str(program(dist, "corroborate"))
    out.unlink(missing_ok=True)
    problems = failed(run([gui, "--screenshot", str(out)]), "the first start")
    problems += screenshot_problems(out)
    empty_folder, empty_png = scratch / "empty-folder", scratch / "empty.png"
    empty_folder.mkdir()
    problems += failed(run([gui, str(empty_folder), "--screenshot", str(empty_png)]), "empty start")
    if not problems and changed_share(out, empty_png) < MIN_CHANGED_SHARE:
        problems.append(
            "the first start looks like an empty window: the demo articles did not load"
        )
    return problems


def cli_json(dist: Path, *args: str) -> tuple[dict, list[str]]:
    result = run([str(program(dist, "corroborate-cli")), *args])
    problems = failed(result, f"corroborate-cli {args[0]}")
    return (json.loads(result.stdout) if not problems else {}), problems


def check_loading(dist: Path, scratch: Path) -> list[str]:
    bundled_seeds = next(dist.glob("*/seeds"), dist / "seeds")
    seeds, problems = cli_json(dist, "load", str(bundled_seeds))
    if seeds and (len(seeds["articles"]) < 5 or seeds["problems"]):
        problems.append(
            f"bundled demo articles: {len(seeds['articles'])} loaded, {seeds['problems']}"
        )
    samples = write_samples(
        (ROOT / "seeds" / "crbc-news.txt").read_text(encoding="utf-8"), scratch / "formats"
    )
    loaded, more = cli_json(dist, "load", str(scratch / "formats"))
    problems += more
    if loaded:
        problems += [f"{p['path']}: {p['reason']}" for p in loaded["problems"]]
        for article in loaded["articles"]:
            if len(article["sentences"]) < MIN_SENTENCES_PER_SAMPLE:
                problems.append(f"{article['path']}: only {len(article['sentences'])} sentences")
        if len(loaded["articles"]) != len(samples):
            problems.append(f"{len(loaded['articles'])} of {len(samples)} sample formats loaded")
    by_suffix = {p.suffix: p for p in samples}
    aligned, more = cli_json(dist, "align", str(by_suffix[".txt"]), str(by_suffix[".html"]))
    problems += more
    if aligned and len(aligned["matches"]) < MIN_ALIGNED_PAIRS:
        problems.append(f"aligning .txt with .html paired only {len(aligned['matches'])} sentences")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "dist" / "corroborate")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "build" / "package-test" / "screenshot.png"
    )
    args = parser.parse_args(argv)
    args.dist = args.dist.resolve()  # the programs run from a scratch folder
    if not program(args.dist, "corroborate").is_file():
        print(f"no build in {args.dist}: run `make package` first", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="corroborate-check-") as tmp:
        problems = check_first_start(args.dist, args.out.resolve(), Path(tmp))
        problems += check_loading(args.dist, Path(tmp))
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    if problems:
        return 1
    seconds = time.monotonic() - started
    print(
        f"ok: {args.dist} starts, shows the demo articles ({args.out}), reads every format "
        f"and aligns ({seconds:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
