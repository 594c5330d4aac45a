"""The report prints on A4 and Letter and reads in a narrow window.

If these break, a printed report cuts the status column ("≠ values diffe"), breaks
outlet names inside words ("Economi c"), leaves a heading alone at the foot of a page,
splits a table row across two pages, or a phone has to scroll the page sideways.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime

import pytest

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.find import find_facts
from corroborate.core.ingest.loading import load_paths
from corroborate.core.report.html import write_report
from corroborate.core.report.style import REPORT_CSS
from tests.conftest import SEEDS


def parse(css: str) -> list[tuple[str, object]]:
    """Top-level rules as (prelude, declarations dict), or (at-rule, nested rules)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules, i = [], 0
    while (start := css.find("{", i)) != -1:
        depth, end = 1, start + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        prelude, body = css[i:start].strip(), css[start + 1 : end - 1]
        if prelude.startswith("@media"):
            rules.append((prelude, parse(body)))
        else:
            declarations = (d.split(":", 1) for d in body.split(";") if ":" in d)
            rules.append((prelude, {k.strip(): v.strip() for k, v in declarations}))
        i = end
    return rules


RULES = parse(REPORT_CSS)


def media(condition: str) -> list[tuple[str, dict]]:
    [block] = [
        body for prelude, body in RULES if prelude.startswith("@media") and condition in prelude
    ]
    return block


def declared(rules, selector: str, prop: str) -> list[str]:
    """Values of `prop` in the rules whose selector list names `selector`."""
    return [
        body[prop]
        for prelude, body in rules
        if isinstance(body, dict)
        and selector in (s.strip() for s in prelude.split(","))
        and prop in body
    ]


def test_the_page_is_upright_with_margins_that_fit_a4_and_letter():
    [page] = [body for prelude, body in RULES if prelude == "@page"]
    assert page["size"] == "portrait"  # the paper of the print dialog, A4 or Letter
    margins = [float(m.removesuffix("mm")) for m in page["margin"].split()]
    assert all(10 <= m <= 20 for m in margins)


def test_printing_keeps_rows_headings_and_list_items_whole_and_headings_with_their_text():
    printing = media("print")
    for selector in ("tr", "li", "h2", "h3"):
        assert declared(printing, selector, "break-inside") == ["avoid"], selector
    for selector in ("h2", "h3", ".card h3"):
        assert "avoid" in declared(printing, selector, "break-after"), selector
    assert declared(printing, "thead", "display") == ["table-header-group"]


def test_names_break_between_words_only_and_the_status_is_never_cut():
    screen = [(p, b) for p, b in RULES if isinstance(b, dict)]
    # The last of equally specific rules wins: the word-boundary one comes after th, td.
    assert declared(screen, "th", "overflow-wrap")[-1] == "normal"
    assert declared(screen, "th", "word-break") == ["normal"]
    assert declared(screen, "th", "hyphens") == ["manual"]
    headers = [b for p, b in screen if re.search(r"\bth\b", p)]
    assert not any(b.get("overflow-wrap") == "anywhere" or "word-break" in b and
                   b["word-break"] != "normal" for b in headers)  # fmt: skip
    assert declared(screen, "table.matrix", "table-layout") == ["auto"]  # grows to a name
    assert declared(screen, "table.matrix td:last-child", "white-space") == ["nowrap"]


def test_a_narrow_window_reflows_the_wide_tables():
    narrow = media("max-width")
    assert declared(narrow, "table.sources tr", "display") == ["block"]
    assert declared(narrow, "table.wordings td", "display") == ["block"]
    assert declared(narrow, "table.matrix th.src", "writing-mode") == ["vertical-rl"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(not (CHROMIUM and PDFTOTEXT), reason="needs chromium and pdftotext")
def test_the_printed_seed_report_has_whole_statuses_and_whole_names(tmp_path):
    table = find_facts(Corpus(load_paths([SEEDS]).articles))
    report = tmp_path / "report.html"
    write_report(report, table, [], generated=datetime(2026, 1, 5, tzinfo=UTC))
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
         "--no-pdf-header-footer", report.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    differing = sum(1 for f in table.facts if f.discrepancies)
    # Each differing fact's status cell says it in full (the legend says it once more).
    assert text.count("≠ values differ") == differing + 1 > 1
    assert not re.search(r"\bdiffe\b|\bvalues dif\b", text)
    known = {w for a in table.articles for w in re.findall(r"\w+", a.text + " " + a.source)}
    names = {w for a in table.articles for w in re.findall(r"\w{5,}", a.source)}
    printed = set(re.findall(r"\w+", text))
    cut = {w[:k] for w in names for k in range(3, len(w))} & printed - known
    assert not cut  # no part of an outlet's name printed as a word of its own
