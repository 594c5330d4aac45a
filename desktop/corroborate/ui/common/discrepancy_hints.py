"""How a comparison shows its discrepancies (found by `core.alignment.comparison`): the
differing values marked in a row's text, the badge of the row's status cell, the list
in the Annotation panel."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ...core.model import Discrepancy

# CSS class of a differing value; delegates.word_style_sheet gives it bold, underline
# and a stronger tint than a changed word.
DIFFERS_CLASS = "differs"
BADGE_MARK = "⚠"
PANEL_HINT = "Press D to mark disputed"


def badge_text(count: int) -> str:
    return f"{BADGE_MARK} {count}" if count else ""


def layered_html(text: str, layers: Sequence[tuple[Sequence[tuple[int, int]], str]]) -> str:
    """`text` escaped, with each layer's (start, end) spans wrapped in its class; layers
    may overlap (a differing value inside a changed word run), so spans nest."""
    classes: list[list[str]] = [[] for _ in text]
    for spans, css_class in layers:
        for start, end in spans:
            while end > start and text[end - 1].isspace():  # mark words, not the gap after
                end -= 1
            for i in range(max(0, start), min(end, len(text))):
                if css_class not in classes[i]:
                    classes[i].append(css_class)
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and classes[j] == classes[i]:
            j += 1
        chunk = html.escape(text[i:j])
        for css_class in reversed(classes[i]):
            chunk = f'<span class="{css_class}">{chunk}</span>'
        out.append(chunk)
        i = j
    return "".join(out).replace("\n", "<br>")


def panel_html(found: Sequence[Discrepancy], disputed: bool = False) -> str:
    """The Annotation panel's list of the current row's discrepancies (escaped), with what
    to do about them, or that it is done (the row is marked disputed)."""
    items = "".join(f"<li>{html.escape(d.explanation)}</li>" for d in found)
    noun = "value differs" if len(found) == 1 else "values differ"
    after = "Marked disputed" if disputed else PANEL_HINT
    return (
        f"<b>{BADGE_MARK} {len(found)} {noun} between the sources</b>"
        f"<ul style='margin-left:-20px'>{items}</ul>{html.escape(after)}."
    )
