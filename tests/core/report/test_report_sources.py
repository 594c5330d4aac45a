"""The report's Sources table: each source's date, byline and address.

If these broke, a reader of the report could not tell when or by whom each article was
published or find it online, would get a column of "not given" for a folder whose files
say nothing, could click a `javascript:` address a file slipped in, or would see a byline
such as "<script>" run as HTML instead of shown.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.find import find_facts
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import FactTable
from corroborate.core.report.html import render_report
from corroborate.core.report.sources import is_web_address
from tests.conftest import SEEDS
from tests.core.report.test_report import section

WHEN = datetime(2026, 1, 6, 9, 0, tzinfo=UTC)
CRBC = "crbc-news.txt"
STATE_VISIT = "state-visit-economic-security-talks.txt"
RESET = "reset-strained-relations.txt"


@pytest.fixture(scope="module")
def seeds() -> FactTable:
    return find_facts(Corpus(load_paths([SEEDS]).articles))


def described(table: FactTable, **by_file: dict[str, str]) -> FactTable:
    """The same facts over articles whose files say what `by_file` gives them."""
    articles = tuple(replace(a, **by_file.get(Path(a.path).name, {})) for a in table.articles)
    return FactTable(articles, table.facts, table.threshold, table.skipped)


def sources_of(table: FactTable) -> str:
    return section(render_report(table, [], generated=WHEN), "sources")


def row_of(part: str, file_name: str) -> str:
    return next(r for r in re.findall(r"<tr>(.*?)</tr>", part, flags=re.S) if file_name in r)


def test_a_source_shows_its_date_byline_and_a_link_to_its_web_address(seeds):
    url = "https://crbc.example.com/politics/lee-visits-china?ref=feed&page=1"
    table = described(
        seeds,
        **{
            CRBC: {"published": "2026-01-04", "byline": "Kim Tong-hyung", "url": url},
            STATE_VISIT: {"published": "2026-01-03T18:00:00-05:00"},
        },
    )
    part = sources_of(table)
    crbc = row_of(part, CRBC)
    assert "<th class='published'>Published</th>" in part and "<th class='byline'>By</th>" in part
    assert "4 Jan 2026" in crbc and "Kim Tong-hyung" in crbc
    # The link goes to the whole address; its text leaves out the scheme the link implies.
    assert f"href='{html.escape(url)}'" in crbc
    assert ">crbc.example.com/politics/lee-visits-china?ref=feed&amp;page=1</a>" in crbc
    # As the Timeline writes it: the time and the offset the file gives, never moved.
    assert "3 Jan 2026,</span> <span class='whole'>18:00 −05:00" in row_of(part, STATE_VISIT)


def test_a_javascript_address_is_text_and_a_script_byline_is_shown_as_written(seeds):
    table = described(
        seeds,
        **{
            CRBC: {"url": "javascript:alert(document.cookie)", "byline": "<script>x()</script>"},
            RESET: {"url": "  https://example.com/hidden-space"},
            STATE_VISIT: {"url": "HTTPS://Example.com/Upper"},
        },
    )
    part = sources_of(table)
    crbc = row_of(part, CRBC)
    assert "javascript:alert(document.cookie)" in crbc  # shown, so a reader sees it
    assert "href" not in crbc and "<a " not in crbc
    assert "&lt;script&gt;x()&lt;/script&gt;" in crbc and "<script" not in part
    assert "href" not in row_of(part, RESET)  # not plainly http(s): a browser trims it
    assert "href='HTTPS://Example.com/Upper'" in row_of(part, STATE_VISIT)


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.com/a", True),
        ("http://example.com/a?b=1#c", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("https://example.com/a\nb", False),  # browsers drop the line break
        ("data:text/html,<b>x</b>", False),
        ("file:///etc/passwd", False),
        ("//example.com/a", False),
        ("https:example.com", False),
    ],
)
def test_only_plain_http_addresses_become_links(url, linked):
    assert is_web_address(url) is linked


def test_a_folder_whose_files_say_nothing_gets_no_empty_columns(seeds):
    part = sources_of(seeds)
    assert "Published" not in part and ">By<" not in part
    assert "not given" not in part and "href" not in part
    for article in seeds.articles:  # still every source, headline and file
        row = row_of(part, Path(article.path).name)
        assert html.escape(article.title) in row and html.escape(article.source) in row


def test_a_source_without_a_date_among_dated_ones_gets_one_muted_dash(seeds):
    part = sources_of(described(seeds, **{CRBC: {"published": "2026-01-04"}}))
    undated = row_of(part, RESET)
    assert undated.count("<td class='published missing'>") == 1
    assert "–" in undated and ">By<" not in part  # no byline anywhere: no By column at all
