"""Icons: every action has one, they share a style, and the app icon PNGs match the SVG.

If this breaks, a toolbar button shows no icon or one drawn in another weight, or the menu and
dock show an outdated app icon because the PNGs were not rendered again after an SVG change.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import make_icons
import numpy as np
import pytest
from PySide6.QtGui import QImage

from corroborate.resources import resource_path
from corroborate.ui.common.actions import ACTION_SPECS
from corroborate.ui.common.icons import app_icon_for
from tests.conftest import ROOT

ICONS = ROOT / "resources" / "icons"
# Icons the app uses now (ui/common/actions.py) and those ready for annotation and comparison views.
PLANNED_ICONS = """open-folder add-files agreed disputed unverified compare facts next-difference
    previous-difference export import clear note link reject orphan""".split()
# Shown with colour on purpose: a fact's status reads at a glance.
STATUS_ICONS = {"agreed", "disputed", "unverified"}
# A pixel "changed" when a channel moved by more than this (of 255); a few may, at shape edges,
# between Qt versions, while recolouring even one small detail of the icon changes 2 % or more.
CHANGED_CHANNEL = 40
MAX_CHANGED_SHARE = 0.01


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(int)


def toolbar_icons() -> list:
    return [p for p in sorted(ICONS.glob("*.svg")) if p.stem != "corroborate"]


def test_every_action_icon_and_planned_icon_exists(qapp):
    named = {spec.icon for spec in ACTION_SPECS.values() if spec.icon}
    for name in sorted(named | set(PLANNED_ICONS) | {"corroborate"}):
        assert resource_path(f"icons/{name}.svg").is_file(), name
        assert app_icon_for(name) is not None, f"{name}.svg does not load as a QIcon"


@pytest.mark.parametrize("svg", sorted(ICONS.glob("*.svg")), ids=lambda p: p.stem)
def test_icon_draws_something_at_16_px(qapp, svg):
    alpha = pixels(make_icons.render(svg, 16))[:, 3::4]
    assert (alpha > 128).sum() >= 12, f"{svg.name} is nearly invisible at 16 px"


@pytest.mark.parametrize("svg", toolbar_icons(), ids=lambda p: p.stem)
def test_toolbar_icons_share_one_style(svg):
    root = ET.parse(svg).getroot()
    assert root.get("viewBox") == "0 0 24 24"
    assert root.get("stroke-width") == "2"
    assert root.get("stroke-linecap") == "round"
    if svg.stem not in STATUS_ICONS:
        assert root.get("stroke") == "#868c95", "toolbar icons use the one neutral grey"


@pytest.mark.parametrize("size", make_icons.APP_ICON_SIZES)
def test_app_icon_png_is_current_render_of_the_svg(qapp, size):
    png = ROOT / "resources" / "app-icon" / make_icons.app_icon_png_name(size)
    stored = QImage(str(png))
    assert (stored.width(), stored.height()) == (size, size)
    fresh = make_icons.render(make_icons.APP_ICON_SVG, size)
    difference = np.abs(pixels(stored) - pixels(fresh)).reshape(size, size, 4).max(axis=2)
    changed = (difference > CHANGED_CHANNEL).mean()
    assert changed < MAX_CHANGED_SHARE, "run `make icons` after editing the SVG"


def test_make_icons_writes_every_size_and_a_contact_sheet(qapp, tmp_path):
    sheet = tmp_path / "sheet.png"
    assert make_icons.main(["--out", str(tmp_path / "png"), "--contact-sheet", str(sheet)]) == 0
    for size in make_icons.APP_ICON_SIZES:
        image = QImage(str(tmp_path / "png" / make_icons.app_icon_png_name(size)))
        assert (image.width(), image.height()) == (size, size)
    drawn = QImage(str(sheet))
    assert drawn.height() > 128 * len(list(ICONS.glob("*.svg")))
