"""Render the app icon's PNG sizes from resources/icons/corroborate.svg (`make icons`).

The SVG is the only source: desktop entries, the Windows .exe and the macOS .app all use
PNGs rendered here by Qt's own SVG renderer, so no extra tool is needed.

    python packaging/make_icons.py                      # writes resources/app-icon/*.png
    python packaging/make_icons.py --contact-sheet s.png  # also every icon at 16/32/128 px
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
APP_ICON_SVG = ICONS / "corroborate.svg"
APP_ICON_DIR = ROOT / "resources" / "app-icon"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SHEET_SIZES = (16, 32, 128)
# A light and a dark window colour, so the sheet shows how icons read on both palettes.
SHEET_BACKGROUNDS = ("#f3f3f3", "#2b2b2b")


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent size x size image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def app_icon_png_name(size: int) -> str:
    return f"corroborate-{size}.png"


def write_app_icons(out_dir: Path, svg: Path = APP_ICON_SVG) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in APP_ICON_SIZES:
        path = out_dir / app_icon_png_name(size)
        if not render(svg, size).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


def write_contact_sheet(out: Path, svgs: list[Path]) -> None:
    """Every icon at each sheet size, once on a light and once on a dark background."""
    pad, label_width = 12, 170
    cell = max(SHEET_SIZES) + pad
    half_width = label_width + sum(s + pad for s in SHEET_SIZES) + pad
    sheet = QImage(
        half_width * len(SHEET_BACKGROUNDS), cell * len(svgs) + pad, QImage.Format.Format_RGB32
    )
    painter = QPainter(sheet)
    painter.setFont(QFont("DejaVu Sans", 10))
    for column, background in enumerate(SHEET_BACKGROUNDS):
        left = column * half_width
        painter.fillRect(left, 0, half_width, sheet.height(), QColor(background))
        painter.setPen(QColor("#202020" if column == 0 else "#e0e0e0"))
        for row, svg in enumerate(svgs):
            top = pad + row * cell
            painter.drawText(
                QRectF(left + pad, top, label_width, cell - pad),
                Qt.AlignmentFlag.AlignVCenter,
                svg.stem,
            )
            x = left + label_width
            for size in SHEET_SIZES:
                y = top + (cell - pad - size) // 2
                painter.drawImage(x, y, render(svg, size))
                x += size + pad
    painter.end()
    if not sheet.save(str(out), "PNG"):
        raise OSError(f"could not write {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=APP_ICON_DIR, help="folder for the PNG sizes")
    parser.add_argument(
        "--contact-sheet", type=Path, metavar="PNG", help="also draw every icon here"
    )
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (fonts need it)
    for path in write_app_icons(args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if args.contact_sheet:
        write_contact_sheet(args.contact_sheet, sorted(ICONS.glob("*.svg")))
        print(args.contact_sheet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
