"""The HTML fact report: what a reader who never runs the program gets."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.annotations import export
from corroborate.core.annotations.anchoring import annotations_on, quote_sentence
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.store import Store
from corroborate.core.facts.find import find_facts
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import Fact, FactTable, Status
from corroborate.core.report.html import (
    file_name,
    render_report,
    write_report,
    write_store_report,
)
from tests.conftest import SEEDS

WHEN = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def table() -> FactTable:
    return find_facts(Corpus(load_paths([SEEDS]).articles))


def articles_by_id(table: FactTable):
    return {a.id: a for a in table.articles}


def fact_targets(table: FactTable, fact: Fact):
    by_id = articles_by_id(table)
    return [
        quote_sentence(by_id[m.article], by_id[m.article].sentences[i])
        for m in fact.mentions
        for i in m.sentences
    ]


def section(document: str, anchor: str) -> str:
    """The HTML from the <h2> with this id up to the next <h2> (or the end)."""
    start = document.index(f"<h2 id='{anchor}'>")
    end = document.find("<h2 ", start + 1)
    return document[start : end if end != -1 else len(document)]


def matrix_rows(document: str) -> list[str]:
    body = section(document, "matrix")
    return re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1], flags=re.S)


def duration_fact(table: FactTable) -> Fact:
    return next(f for f in table.facts if any(d.kind == "duration" for d in f.discrepancies))


def test_header_names_every_source_by_label_headline_and_file_name_only(table):
    # Broken: readers cannot tell which outlets were compared, or the report leaks the
    # folders of the machine that made it.
    document = render_report(table, [], generated=WHEN)
    sources = section(document, "sources")
    for article in table.articles:
        assert html.escape(article.source) in sources
        assert html.escape(article.title) in sources
        assert Path(article.path).name in sources
    assert str(SEEDS) not in document and str(SEEDS.resolve()) not in document
    assert "5 January 2026, 09:30 UTC" in document
    counts = document.split("<ul class='counts'>", 1)[1].split("</ul>", 1)[0]
    assert f"<b>{len(table.facts)}</b><span>facts</span>" in counts
    assert f"<b>{len(table.shared)}</b><span>shared by 2+ sources</span>" in counts
    assert f"<b>{len(table.exclusive)}</b><span>in one source only</span>" in counts


def test_labels_a_person_gave_replace_the_file_sources(table):
    # Broken: a renamed source shows under its old name in the report.
    first = table.articles[0]
    document = render_report(table, [], {first.id: "Wire <Desk>"}, generated=WHEN)
    assert "Wire &lt;Desk&gt;" in section(document, "sources")
    assert "Wire &lt;Desk&gt;" in section(document, "matrix")
    assert "Wire &lt;Desk&gt;" in section(document, "exclusive")


def test_matrix_marks_who_reports_each_shared_fact_widest_first(table):
    # Broken: the at-a-glance picture of which outlet reports what is wrong or unordered.
    document = render_report(table, [], generated=WHEN)
    rows = matrix_rows(document)
    assert len(rows) == len(table.shared)
    coverages = []
    for row, fact in zip(rows, table.shared, strict=True):
        marks = re.findall(r"class='cell (yes|no)'", row)
        expected = ["yes" if fact.sentences_of(a.id) else "no" for a in table.articles]
        assert marks == expected
        # Never colour alone: a filled and an empty symbol, and words for screen readers.
        assert row.count("●") == fact.coverage
        assert row.count("○") == len(table.articles) - fact.coverage
        coverages.append(int(re.search(r"<td class='num'>(\d+)/\d+</td>", row).group(1)))
    assert coverages == sorted(coverages, reverse=True)


def test_differing_durations_are_marked_in_every_wording(table):
    # Broken: the reader cannot see that one outlet says four days and another three.
    fact = duration_fact(table)
    document = render_report(table, [], generated=WHEN)
    disputed = section(document, "disputed")
    card = disputed.split(f"id='fact-{table.facts.index(fact) + 1}'", 1)[1].split("</section>")[0]
    assert re.search(r"<mark title='Duration differs'>four-day</mark>", card)
    assert re.search(r"<mark title='Duration differs'>three-day</mark>", card)
    assert "a pivotal <mark title='Duration differs'>three-day</mark> state visit" in card
    assert "Duration differs:</b> <mark>three-day</mark>" in card
    for article in table.articles:
        if fact.sentences_of(article.id):
            assert html.escape(article.source) in card


def test_every_source_has_an_exclusive_facts_part_listing_its_own_sentences(table):
    # Broken: what only one outlet reports is lost from the report.
    document = render_report(table, [], generated=WHEN)
    exclusive = section(document, "exclusive")
    parts = exclusive.split("<section class='exclusive-source'>")[1:]
    assert len(parts) == len(table.articles)
    by_id = articles_by_id(table)
    for article, part in zip(table.articles, parts, strict=True):
        assert part.startswith(f"<h3>{html.escape(article.source)} ")
        own = [f for f in table.exclusive if f.articles == (article.id,)]
        assert f"({len(own)} of " in part
        for fact in own:
            text = by_id[article.id].sentences[fact.mentions[0].sentences[0]].text
            assert html.escape(text) in part


def test_fact_annotations_show_their_status_note_and_section(table):
    # Broken: the reader never learns what the fact-checker concluded about a fact.
    disputed, agreed = table.shared[0], next(f for f in table.shared[1:] if not f.discrepancies)
    stale = replace(agreed, id="f-0000000000000000")  # computed before: another id
    notes = [
        new_annotation(Status.DISPUTED, fact_targets(table, disputed), "Ministry: 3 days",
                       fact_id=disputed.id),
        new_annotation(Status.AGREED, fact_targets(table, stale), "Confirmed by two agencies",
                       fact_id=stale.id),
    ]  # fmt: skip
    document = render_report(table, notes, generated=WHEN)
    number = {f.id: n for n, f in enumerate(table.facts, 1)}
    rows = matrix_rows(document)
    assert "✗ Disputed" in rows[number[disputed.id] - 1]
    assert "✓ Agreed" in rows[number[agreed.id] - 1]
    assert "Ministry: 3 days" in section(document, "disputed")
    assert f"id='fact-{number[agreed.id]}'" in section(document, "agreed")
    assert "Confirmed by two agencies" in section(document, "agreed")
    assert "<b>2</b><span>facts annotated</span>" in document


def test_pair_annotations_show_both_quotes_status_and_note(table):
    # Broken: judgements made while comparing two sources are missing from the report.
    a, b = table.articles[0], table.articles[1]
    pair = new_annotation(
        Status.DISPUTED,
        [quote_sentence(a, a.sentences[3]), quote_sentence(b, b.sentences[4])],
        "Different speakers",
        similarity=58.0,
        discrepancy="Speaker differs",
    )
    elsewhere = replace(
        pair, id="other", targets=tuple(replace(t, article="gone") for t in pair.targets)
    )
    document = render_report(table, [pair, elsewhere], generated=WHEN)
    pairs = section(document, "pairs")
    assert pairs.count("<section class='card disputed'>") == 1  # not the other folder's
    assert html.escape(a.sentences[3].text) in pairs and html.escape(b.sentences[4].text) in pairs
    assert "Different speakers" in pairs and "Speaker differs" in pairs and "✗ Disputed" in pairs
    assert file_name(a.path) in pairs


def test_markup_in_articles_and_notes_appears_literally(tmp_path):
    # Broken: an article or note containing HTML runs scripts or changes the page.
    evil = "The minister said <script>alert(1)</script> the <b>talks</b> would resume on Monday."
    tail = " Officials in Seoul confirmed the schedule for the trade talks on Friday.\n"
    (tmp_path / "one.txt").write_text("Wire One\n\n" + evil + tail, encoding="utf-8")
    (tmp_path / "two.txt").write_text(
        "Wire Two\n\n" + evil.replace("Monday", "Tuesday") + tail, encoding="utf-8"
    )
    table = find_facts(Corpus(load_paths([tmp_path]).articles))
    fact = table.shared[0]
    markup = 'Check <script>alert("x")</script> & <b>bold</b>'
    note = new_annotation(Status.DISPUTED, fact_targets(table, fact), markup, fact_id=fact.id)
    document = render_report(table, [note], title="<i>Title</i>", generated=WHEN)
    assert "<script" not in document.lower()
    assert "<b>talks</b>" not in document and "<b>bold</b>" not in document
    assert "<i>Title</i>" not in document and "&lt;i&gt;Title&lt;/i&gt;" in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert (
        "Check &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
        in document
    )


def test_report_is_self_contained_and_printable(table):
    # Broken: the file needs the internet or a script to show, or prints rows cut in half.
    document = render_report(table, fact_annotations(table), generated=WHEN)
    lowered = document.lower()
    for forbidden in ("http://", "https://", "src=", "<script", "<link", "@import", "url("):
        assert forbidden not in lowered
    assert document.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in document
    assert "@media print" in document and "break-inside: avoid" in document


def fact_annotations(table: FactTable):
    return [
        new_annotation(status, fact_targets(table, fact), "note", fact_id=fact.id)
        for status, fact in zip(Status, table.shared, strict=False)
    ]


def test_write_report_replaces_the_file_and_leaves_it_intact_on_failure(
    table, tmp_path, monkeypatch
):
    # Broken: a full disk or crash while saving destroys the previous report.
    target = tmp_path / "report.html"
    write_report(target, table, [], generated=WHEN)
    first = target.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>") and first.rstrip().endswith("</html>")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_report(target, table, fact_annotations(table), title="Second", generated=WHEN)
    assert target.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_a_cancelled_fact_table_is_refused(table):
    # Broken: a report of a stopped computation claims the sources share nothing.
    with pytest.raises(ValueError, match="cancelled"):
        render_report(FactTable(table.articles, (), table.threshold, cancelled=True), [])


def test_file_names_never_carry_folders():
    assert file_name("C:\\Users\\ana\\news\\a.txt") == "a.txt"
    assert file_name("news/b.md") == "b.md"
    assert file_name("") == ""


def test_store_report_uses_the_stores_labels_and_finds_moved_quotes(table, tmp_path):
    # Broken: a report from the command line loses names given in the window, or drops
    # annotations whose file was edited after annotating.
    a, b = table.articles[0], table.articles[1]
    pair = new_annotation(
        Status.AGREED, [quote_sentence(a, a.sentences[2]), quote_sentence(b, b.sentences[2])], "ok"
    )
    edited = replace(pair, id="edited", targets=tuple(
        replace(t, article="old-hash", start=t.start + 7, end=t.end + 7) for t in pair.targets
    ))  # fmt: skip
    foreign = replace(pair, id="foreign", targets=tuple(
        replace(t, article="other", source="Other", path="elsewhere/x.txt", exact="Nothing like it")
        for t in pair.targets
    ))  # fmt: skip
    placed = annotations_on(table.articles, [edited, foreign])
    assert [p.id for p in placed] == ["edited"]
    assert [(t.article, t.start) for t in placed[0].targets] == [
        (t.article, t.start) for t in pair.targets
    ]
    with Store(tmp_path / "store.sqlite3") as store:
        store.add(edited)
        store.set_label(a.id, "Morning Wire")
        assert write_store_report(tmp_path / "r.html", table, store) == 1
    document = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Morning Wire" in section(document, "sources")
    assert html.escape(a.sentences[2].text) in section(document, "pairs")


def test_each_fact_is_headed_by_its_claim_and_no_two_read_the_same(table):
    # Broken: the reader meets several facts under the same wording and cannot tell
    # which one a row or a card is about.
    document = render_report(table, [], generated=WHEN)
    firsts = [
        re.findall(r"<td title='(.*?)'>", row, flags=re.S)[0] for row in matrix_rows(document)
    ]
    assert firsts == [html.escape(f.claim) for f in table.shared]
    assert len(set(firsts)) == len(firsts)
    fact = duration_fact(table)
    card = section(document, "disputed").split(f"id='fact-{table.facts.index(fact) + 1}'", 1)[1]
    heading = card.split("</h3>", 1)[0]
    assert f"<span class='claim'>{html.escape(fact.claim)}</span>" in heading
