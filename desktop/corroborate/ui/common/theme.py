"""Light and dark: which colour scheme the window shows, and tints that read on both.

The scheme is "system" (follow the desktop, also when it changes while the app runs),
"light" or "dark"; CORROBORATE_COLOR_SCHEME overrides the stored preference. Where the
platform style does not turn dark by itself, the Fusion style with a dark palette does.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

SCHEME_ENV = "CORROBORATE_COLOR_SCHEME"
SCHEMES = ("system", "light", "dark")
# A palette whose window colour is darker than this (HSL lightness, 0-255) is dark.
DARK_LIGHTNESS = 128
# Tints over a dark base need a larger share of the tint to stand out as much.
DARK_SHARE_FACTOR = 1.5


def requested_scheme(stored: str | None = None) -> str:
    """The environment's choice, else the stored one, else "system"."""
    for value in (os.environ.get(SCHEME_ENV), stored):
        value = (value or "").strip().lower()
        if value in SCHEMES:
            return value
    return "system"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < DARK_LIGHTNESS


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def tint(palette: QPalette, colour: QColor, share: float) -> QColor:
    """`colour` laid `share` of the way over the palette's base colour, opaque.

    Text keeps the palette's own colour, so the tint is stronger on dark bases (where a
    faint share would vanish) and capped so dark text on light bases stays readable.
    """
    if is_dark(palette):
        share = min(share * DARK_SHARE_FACTOR, 0.75)
    return mix(palette.color(QPalette.ColorRole.Base), colour, share)


def mix(base: QColor, colour: QColor, share: float) -> QColor:
    """An opaque colour `share` of the way from `base` to `colour`."""
    return QColor(
        round(base.red() + (colour.red() - base.red()) * share),
        round(base.green() + (colour.green() - base.green()) * share),
        round(base.blue() + (colour.blue() - base.blue()) * share),
    )


def soft_selection(palette: QPalette, share: float) -> QPalette | None:
    """`palette` with the selection `share` of the way from the base colour to the
    application's highlight, and normal text on it; None when it is so already."""
    app = QApplication.palette()  # not the widget's: its highlight may be softened already
    base, accent = app.color(QPalette.ColorRole.Base), app.color(QPalette.ColorRole.Highlight)
    soft = mix(base, accent, share)
    if palette.color(QPalette.ColorRole.Highlight) == soft:
        return None
    palette = QPalette(palette)
    palette.setColor(QPalette.ColorRole.Highlight, soft)
    palette.setColor(QPalette.ColorRole.HighlightedText, app.color(QPalette.ColorRole.Text))
    return palette


def dark_palette() -> QPalette:
    """A neutral dark palette for the Fusion style, with the usual blue accent."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: QColor(45, 45, 48),
        role.WindowText: QColor(230, 230, 230),
        role.Base: QColor(30, 30, 32),
        role.AlternateBase: QColor(40, 40, 43),
        role.ToolTipBase: QColor(55, 55, 60),
        role.ToolTipText: QColor(235, 235, 235),
        role.PlaceholderText: QColor(150, 150, 155),
        role.Text: QColor(230, 230, 230),
        role.Button: QColor(53, 53, 57),
        role.ButtonText: QColor(230, 230, 230),
        role.BrightText: QColor(255, 90, 90),
        role.Light: QColor(80, 80, 85),
        role.Midlight: QColor(65, 65, 70),
        role.Mid: QColor(90, 90, 95),
        role.Dark: QColor(25, 25, 27),
        role.Shadow: QColor(10, 10, 10),
        role.Highlight: QColor(42, 130, 218),
        role.HighlightedText: QColor(255, 255, 255),
        role.Link: QColor(100, 170, 255),
        role.LinkVisited: QColor(180, 140, 255),
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, colour)
    disabled = QColor(125, 125, 130)
    for colour_role in (role.WindowText, role.Text, role.ButtonText, role.HighlightedText):
        palette.setColor(group.Disabled, colour_role, disabled)
    palette.setColor(group.Disabled, role.Highlight, QColor(70, 70, 75))
    return palette


class ColorScheme(QObject):
    """Keeps the application's palette in the requested scheme."""

    def __init__(self, app: QApplication, scheme: str = "system") -> None:
        super().__init__(app)
        self.app = app
        self.scheme = scheme
        self._native: tuple[str, QPalette] | None = None  # style and palette before overriding
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        self.apply()

    @property
    def wants_dark(self) -> bool:
        return self.scheme == "dark" or (self.scheme == "system" and system_prefers_dark())

    def set_scheme(self, scheme: str) -> None:
        self.scheme = scheme
        self.apply()

    def apply(self) -> None:
        native_palette = self._native[1] if self._native else self.app.palette()
        if self.wants_dark == is_dark(native_palette):
            self._restore()  # the platform already shows the wanted scheme
        elif self.wants_dark:
            self._override(dark_palette())
        else:
            fusion = QStyleFactory.create("Fusion")
            self._override(fusion.standardPalette())

    def _override(self, palette: QPalette) -> None:
        if self._native is None:
            self._native = (self.app.style().name(), QPalette(self.app.palette()))
        self.app.setStyle("Fusion")
        self.app.setPalette(palette)

    def _restore(self) -> None:
        if self._native is None:
            return
        style, palette = self._native
        self._native = None
        self.app.setStyle(style)
        self.app.setPalette(palette)


def apply_color_scheme(app: QApplication, stored: str | None = None) -> ColorScheme:
    """Show `app` in the scheme the environment or the preferences ask for."""
    return ColorScheme(app, requested_scheme(stored))
