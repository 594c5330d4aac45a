"""The report's Sources table (core/report/html.py): each source's name, headline, file
and address, when it was published, who wrote it, and how many facts it reports.

Dates are written as the Timeline section writes them (`report_date`). The Published
and By columns appear only when some file gives them, and a source whose file does not
has one muted dash there. An address is a link only when it is plainly http(s): any other
(`javascript:`, `file:`, a relative path) is shown as text, so a file cannot put a script
or a local path behind a click. Everything from the files is escaped.
"""

from __future__ import annotations

import re

from ..facts.timeline import moment_of
from ..model import Article
from .context import ReportContext, esc, file_name
from .details import report_date

# An address a browser reads as http(s) whatever it does with odd characters: the scheme
# written out first, no spaces or control characters anywhere (browsers drop some).
_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)
ADDRESS_SHOWN = 80  # characters of an address written out; the link keeps all of it
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
NOT_GIVEN = "<span class='none' aria-hidden='true'>–</span><span class='sr-only'>not given</span>"


def is_web_address(url: str) -> bool:
    """Whether `url` may be a link in the report: http or https, nothing that hides another
    scheme."""
    return _WEB_ADDRESS.fullmatch(url) is not None


def sources_section(r: ReportContext) -> str:
    """The Sources heading and table, one row per article in the report's order."""
    articles = r.table.articles
    dated = any(a.published for a in articles)
    signed = any(a.byline for a in articles)
    heads = ["<th class='num'>#</th>", "<th>Source</th>", "<th class='headline'>Headline</th>"]
    if dated:
        heads.append("<th class='published'>Published</th>")
    if signed:
        heads.append("<th class='byline'>By</th>")
    heads += [
        "<th class='num'>Sentences</th>",
        "<th class='num'>Facts</th>",
        "<th class='num'>Only here</th>",
    ]
    rows = [_row(r, n, a, dated, signed) for n, a in enumerate(articles, 1)]
    return (
        "<h2 id='sources'>Sources</h2>"
        f"<table class='sources'><thead><tr>{''.join(heads)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _row(r: ReportContext, n: int, article: Article, dated: bool, signed: bool) -> str:
    reported = r.table.facts_of(article.id)
    only = sum(1 for f in reported if f.exclusive)
    cells = [
        f"<td class='num'>{n}</td>",
        f"<td class='name'><b>{esc(r.labels[article.id])}</b></td>",
        f"<td class='headline'>{esc(article.title)}{_where(article)}</td>",
    ]
    if dated:
        cells.append(_cell("published", _published(article.published)))
    if signed:
        cells.append(_cell("byline", esc(article.byline) if article.byline else ""))
    cells += [
        f"<td class='num count sentences'>{len(article.sentences)}</td>",
        f"<td class='num count facts'>{len(reported)}</td>",
        f"<td class='num count only'>{only}</td>",
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _cell(kind: str, content: str) -> str:
    """A cell of an optional column: a muted dash when the file does not say."""
    if content:
        return f"<td class='{kind}'>{content}</td>"
    return f"<td class='{kind} missing'>{NOT_GIVEN}</td>"


def _published(published: str | None) -> str:
    """The date as the timeline writes it; a value that is not ISO 8601, as written."""
    if not published:
        return ""
    moment = moment_of(published)
    if moment is None:
        return esc(published)
    # The day and the time each kept whole: "5 Jan 2026," over "08:15 +09:00" at most.
    parts = ",</span> <span class='whole'>".join(esc(p) for p in report_date(moment).split(", "))
    return f"<time datetime='{esc(moment.iso)}'><span class='whole'>{parts}</span></time>"


def _where(article: Article) -> str:
    """The line under the headline: the file's name, then the address the file gives."""
    name = f"<span class='file'>{esc(file_name(article.path))}</span>"
    address = _address(article.url) if article.url else ""
    return f"<span class='where'>{name}{' · ' + address if address else ''}</span>"


def _address(url: str) -> str:
    """The article's address: a link if http(s), else text."""
    web = is_web_address(url)
    shown = _SCHEME.sub("", url) if web else url  # the link says it is one
    shown = shown if len(shown) <= ADDRESS_SHOWN else shown[: ADDRESS_SHOWN - 1] + "…"
    if web:
        return (
            f"<a class='address' href='{esc(url)}' title='{esc(url)}' "
            f"rel='noopener noreferrer'>{esc(shown)}</a>"
        )
    return f"<span class='address' title='{esc(url)}'>{esc(shown)}</span>"
