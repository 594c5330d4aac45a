"""Discrepancy hints of a comparison: typed differences of each matched row, found the
first time the row is shown and kept; the differing values marked in the row's text;
the badge of the row's status cell."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from ...core.checks.consistency import reference_year
from ...core.checks.discrepancy import find_discrepancies
from ...core.model import Alignment, Article, Discrepancy

# CSS class of a differing value; delegates.word_style_sheet gives it bold, underline
# and a stronger tint than a changed word.
DIFFERS_CLASS = "differs"
BADGE_MARK = "⚠"
PANEL_HINT = "Press D to mark disputed"

Finder = Callable[[Article, tuple[int, ...], Article, tuple[int, ...]], tuple[Discrepancy, ...]]


class DiscrepancyCache:
    """Discrepancies of sentence groups of two articles, by the sentences involved, so
    they survive re-aligning with another threshold."""

    def __init__(self, finder: Finder = find_discrepancies) -> None:
        self._finder = finder
        self._found: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[Discrepancy, ...]] = {}

    def get(
        self, a: Article, a_sentences: Sequence[int], b: Article, b_sentences: Sequence[int]
    ) -> tuple[Discrepancy, ...]:
        if not a_sentences or not b_sentences:
            return ()
        key = (tuple(a_sentences), tuple(b_sentences))
        if key not in self._found:
            self._found[key] = self._finder(a, key[0], b, key[1])
        return self._found[key]

    def known(self, a_sentences: Sequence[int], b_sentences: Sequence[int]) -> bool:
        return (tuple(a_sentences), tuple(b_sentences)) in self._found


def prepared(alignment: Alignment) -> Alignment:
    """The alignment, with what every row's discrepancies start from already worked out.

    Run on the aligning worker: the first row's discrepancies read both whole articles
    for their latest date (about 150 ms for a long article, cached by core.checks.consistency),
    which would otherwise stall the first paint of the table.
    """
    reference_year(alignment.a, alignment.b)
    return alignment


def badge_text(count: int) -> str:
    return f"{BADGE_MARK} {count}" if count else ""


def joined_explanations(found: Sequence[Discrepancy]) -> str:
    """What an annotation's `discrepancy` field (and the CSV column) holds."""
    return "; ".join(d.explanation for d in found)


def value_spans(
    article: Article, sentences: Sequence[int], found: Sequence[Discrepancy]
) -> list[tuple[int, int]]:
    """Where the differing values of `article` sit in the row text, which is the sentences
    joined by line breaks."""
    offsets, position = {}, 0
    for i in sentences:
        offsets[i] = position
        position += len(article.sentences[i].text) + 1
    spans = []
    for d in found:
        for side in (d.a, d.b):
            if side.article == article.id and side.sentence in offsets:
                start = article.sentences[side.sentence].start
                base = offsets[side.sentence] - start
                spans.append((side.start + base, side.end + base))
    return spans


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


def panel_html(found: Sequence[Discrepancy]) -> str:
    """The Annotation panel's list of the current row's discrepancies (escaped)."""
    items = "".join(f"<li>{html.escape(d.explanation)}</li>" for d in found)
    noun = "value differs" if len(found) == 1 else "values differ"
    return (
        f"<b>{BADGE_MARK} {len(found)} {noun} between the sources</b>"
        f"<ul style='margin-left:-20px'>{items}</ul>{html.escape(PANEL_HINT)}."
    )
