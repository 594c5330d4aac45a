"""The corroboration heat map of an article tab: each sentence tinted by how many other
sources report it, sentences only this source reports marked in the margin, and the
legend that explains both (what each sentence shows: `core.facts.coverage`). Tooltips
name the other sources, so colour is never the only signal."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from ..common.theme import tint

# Tint of corroborated sentences over the base colour, by level.
HEAT_TINT = QColor(0, 150, 140)
# (fewest other sources, most other sources or None, legend text, share of the tint)
LEVELS = (
    (1, 1, "1 other", 0.18),
    (2, 3, "2–3", 0.33),
    (4, None, "4+ sources", 0.50),
)
# The margin mark of a sentence no other source reports.
ONLY_HERE_COLOR = QColor(215, 120, 0)
ONLY_HERE_WIDTH = 3
ONLY_HERE_TEXT = "only here"


def level_of(count: int) -> int:
    """0 for no other source, else 1-3 (the index into LEVELS plus one)."""
    for n, (low, high, _text, _share) in enumerate(LEVELS, start=1):
        if count >= low and (high is None or count <= high):
            return n
    return 0


def heat_colour(palette: QPalette, level: int) -> QColor | None:
    if level <= 0:
        return None
    return tint(palette, HEAT_TINT, LEVELS[level - 1][3])


def describe(
    others: tuple[str, ...] | None, wording: tuple[tuple[str, str], ...] | None = None
) -> str:
    """The tooltip of a sentence in the heat map: which other sources report it and, when
    known, how each puts it ("same wording", "in other words", a value stated differently)."""
    if others is None:
        return "Not a reported fact (a byline or a label)"
    if not others:
        return "Only this source reports this sentence"
    noun = "source" if len(others) == 1 else "sources"
    if not wording:
        return f"Also reported by {len(others)} other {noun}: " + ", ".join(others)
    lines = [f"Also reported by {len(others)} other {noun}:"]
    lines += [f"• {label}: {how}" for label, how in wording]
    return "\n".join(lines)


def legend_html(palette: QPalette) -> str:
    """Swatches with their meaning; the words carry it, the colours only repeat it."""
    text_colour = palette.color(QPalette.ColorRole.Text).name()
    mark = (
        f"<span style='background-color:{ONLY_HERE_COLOR.name()}'>&nbsp;</span>"
        f"&nbsp;{html.escape(ONLY_HERE_TEXT)}"
    )
    parts = [mark]
    for n, (_low, _high, text, _share) in enumerate(LEVELS, start=1):
        colour = heat_colour(palette, n)
        assert colour is not None
        parts.append(
            f"<span style='background-color:{colour.name()}; color:{text_colour}'>"
            f"&nbsp;{html.escape(text)}&nbsp;</span>"
        )
    return "<b>Reported by:</b>&nbsp; " + " &nbsp;·&nbsp; ".join(parts)


class HeatLegend(QLabel):
    """The strip under an article's header; hidden until facts are known."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)  # built from fixed, escaped words only
        self.setContentsMargins(18, 2, 18, 2)
        self.setToolTip(
            "Each sentence is tinted by how many other sources report the same fact. "
            "Sentences no other source reports have a bar in the margin and a dotted "
            "underline. Hover a sentence to see which sources report it."
        )
        self.refresh()
        self.hide()

    def refresh(self) -> None:
        self.setText(legend_html(self.palette()))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.refresh()
