"""`corroborate [PATH...] [--screenshot OUT.png]`: start the GUI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import __version__
from .common.icons import window_icon
from .common.settings import Settings
from .common.tasks import cancel_all
from .common.theme import apply_color_scheme
from .main_window import MainWindow
from .store_dialog import Chooser, ask, choose_without_asking, open_store

SCREENSHOT_TIMEOUT_MS = 60_000


def seeds_dir() -> Path | None:
    """The built-in demo articles, wherever the app was installed from."""
    try:
        from ..resources import seeds_path

        return seeds_path()
    except (ImportError, FileNotFoundError):
        pass
    checkout = Path(__file__).resolve().parents[3] / "seeds"
    return checkout if checkout.is_dir() else None


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="corroborate", description="Compare news articles.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders to open")
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the main window after loading to a PNG file and exit",
    )
    parser.add_argument("--version", action="version", version=f"Corroborate {__version__}")
    return parser.parse_args(argv)


def initial_paths(args: argparse.Namespace, settings: Settings) -> list[str]:
    """Paths from the command line; else the last folder; else the demo articles."""
    if args.paths:
        return [str(Path(p).resolve()) for p in args.paths]
    last = settings.last_folder
    if last and Path(last).is_dir():
        return [last]
    if settings.first_run or not last:
        seeds = seeds_dir()
        return [str(seeds)] if seeds else []
    return []


def save_screenshot(window: MainWindow, out: str) -> bool:
    QApplication.processEvents()
    return window.grab().save(out)


def open_window(settings: Settings, choose: Chooser) -> MainWindow | None:
    """The main window over the annotation store, or over what `choose` picked when the
    store cannot be opened; None when the user chose to quit instead."""
    store = open_store(choose)
    return MainWindow(settings, store) if store is not None else None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Corroborate")
    app.setOrganizationName("Corroborate")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("corroborate")
    app.setWindowIcon(window_icon())
    app.aboutToQuit.connect(cancel_all)  # workers stop early instead of delaying the exit

    settings = Settings()
    apply_color_scheme(app, settings.color_scheme)  # owned by the app, follows the desktop
    # Nobody answers a dialog during --screenshot: go on without changing any file.
    window = open_window(settings, choose_without_asking if args.screenshot else ask)
    if window is None:
        return 1
    window.show()
    paths = initial_paths(args, settings)

    if args.screenshot:
        status = {"code": 1}

        def shoot(*_):
            status["code"] = 0 if save_screenshot(window, args.screenshot) else 1
            window.close()
            app.quit()

        window.loading_finished.connect(lambda _result: QTimer.singleShot(200, shoot))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, shoot)
        if not paths:
            QTimer.singleShot(200, shoot)

    if paths:
        window.open_paths(paths)
    code = app.exec()
    return status["code"] if args.screenshot else code


if __name__ == "__main__":
    sys.exit(main())
