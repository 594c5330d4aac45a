"""The report's section on articles that contradict themselves (FactTable.inconsistencies).

Each finding shows its explanation and both sentences of the one article, the two values
that cannot both be right marked; every piece of article text is HTML-escaped.
"""

from __future__ import annotations

from ..model import Article, Discrepancy, DiscrepancySide
from .context import ReportContext, esc


def _quoted(article: Article, side: DiscrepancySide) -> str:
    """The sentence of `side` with its value marked, else the value alone."""
    sentence = article.sentences[side.sentence] if side.sentence < len(article.sentences) else None
    if sentence is None or not sentence.start <= side.start <= side.end <= sentence.end:
        return f"<mark>{esc(side.value)}</mark>"
    text = article.text
    return (
        f"{esc(text[sentence.start : side.start])}<mark>{esc(text[side.start : side.end])}"
        f"</mark>{esc(text[side.end : sentence.end])}"
    )


def _card(r: ReportContext, d: Discrepancy) -> str:
    article = r.articles[d.a.article]
    rows = "".join(
        f"<tr><td class='who'>“{esc(side.value)}”</td><td>{_quoted(article, side)}</td></tr>"
        for side in (d.a, d.b)
    )
    return (
        f"<section class='card differs'><h3>{esc(r.labels[article.id])}: "
        f"<span class='claim'>{esc(article.title)}</span></h3>"
        f"<p>{esc(d.explanation)}</p><table class='wordings'><tbody>{rows}</tbody></table>"
        "</section>"
    )


def contradictions_section(r: ReportContext) -> str:
    found = [d for d in r.table.inconsistencies if d.a.article in r.articles]
    cards = "".join(_card(r, d) for d in found)
    return (
        "<h2 id='self-contradictions'>Articles that contradict themselves</h2>"
        "<p class='lead'>Two statements of one article that cannot both be right "
        "(<mark>marked</mark>): check which before quoting either.</p>"
        + (cards or "<p class='empty'>No article contradicts itself.</p>")
    )
