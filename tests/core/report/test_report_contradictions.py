"""The report tells which article contradicts itself, quoting both values, escaped."""

from dataclasses import replace

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.find import find_facts
from corroborate.core.ingest.loading import load_paths
from corroborate.core.report.html import render_report
from tests.conftest import SEEDS


def _table():
    return find_facts(Corpus(load_paths([SEEDS]).articles))


def test_only_state_visit_contradicts_itself_and_the_report_says_so():
    table = _table()
    state = next(a for a in table.articles if "state-visit" in a.path)
    assert {d.a.article for d in table.inconsistencies} == {state.id}
    assert all(d.a.article == d.b.article for d in table.inconsistencies)
    document = render_report(table, [])
    section = document.split("Articles that contradict themselves", 1)[1].split("<h2", 1)[0]
    assert "three-day" in section and "January 8" in section
    assert section.count("<section class='card") == len(table.inconsistencies)


def test_article_text_in_the_section_is_escaped():
    table = _table()
    d = table.inconsistencies[0]
    hostile = replace(d, explanation="<script>alert(1)</script>")
    document = render_report(replace(table, inconsistencies=(hostile,)), [])
    assert "<script>alert" not in document and "&lt;script&gt;alert(1)" in document
