"""The window never freezes on large but realistic work: a folder of 50 long articles
with 2,000 stored annotations, exports and imports of all of them, long comparisons.

A 10 ms heartbeat timer records the longest time the event loop went without running
it: that is how long the window would ignore clicks, keys and repaints. The limit is
generous for a slow shared machine; before the work moved to workers the same stalls
were well over a second.
"""

from __future__ import annotations

import gc
import json
import random
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.annotations.anchoring import quote_sentence
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.placement import folders_of, place_all
from corroborate.core.annotations.store import Store
from corroborate.core.ingest.loading import LoadResult, load_paths
from corroborate.core.ingest.readers import content_id
from corroborate.core.model import (
    Anchoring,
    Article,
    Discrepancy,
    DiscrepancySide,
    Fact,
    FactTable,
    Mention,
    Sentence,
    Status,
)
from corroborate.ui.common.actions import ActionId
from corroborate.ui.compare.compare_tab import CompareTab
from corroborate.ui.facts.facts_model import (
    ALL,
    DIFFERING,
    EXCLUSIVE,
    FACT_ROLE,
    FactsModel,
    wording,
)
from corroborate.ui.facts.facts_tab import FactsTab
from corroborate.ui.state import workspace as loading
from corroborate.ui.transfer.export_dialog import ExportChoice
from tests.conftest import SEEDS
from tests.ui.conftest import wait_loaded

MAX_STALL_MS = 250  # a click answered within a quarter second still feels immediate
ARTICLES, SENTENCES, ANNOTATIONS = 50, 200, 2_000


class Heartbeat:
    """The longest gap between two runs of a 10 ms timer while it runs."""

    def __init__(self) -> None:
        self.longest = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.longest = max(self.longest, self._clock.restart())

    def __enter__(self) -> Heartbeat:
        # Garbage left by earlier tests of the session is not this test's stall: collect it
        # first, or a full collection may land inside the measurement.
        gc.collect()
        self._clock.start()
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._beat()
        self._timer.stop()


# --- a large, realistic folder ---------------------------------------------------------------


def seed_sentences() -> list[str]:
    return [s.text for a in load_paths([SEEDS]).articles for s in a.sentences if len(s.text) > 40]


def make_article(folder: Path, number: int, texts: list[str]) -> Article:
    """An article of sentences in paragraphs of five, built without the slow reader."""
    parts, sentences, position = [], [], 0
    for index, text in enumerate(texts):
        if index and index % 5 == 0:
            parts.append("\n\n")
            position += 2
        elif index:
            parts.append(" ")
            position += 1
        sentences.append(Sentence(index, position, position + len(text), text, index // 5))
        parts.append(text)
        position += len(text)
    body = "".join(parts)
    return Article(
        id=content_id(body),
        path=str(folder / f"article{number:02d}.txt"),
        title=texts[0][:60],
        source=f"Source {number}",
        format="txt",
        text=body,
        sentences=tuple(sentences),
    )


def make_folder(folder: Path, seed: int = 1) -> list[Article]:
    rnd, pool = random.Random(seed), seed_sentences()
    articles = []
    for n in range(ARTICLES):
        texts = [f"{rnd.choice(pool)[:-1]}, says report {n}-{k}." for k in range(SENTENCES)]
        articles.append(make_article(folder, n, texts))
    return articles


def edited(article: Article) -> Article:
    """The same file after someone fixed a few words: a new id, quotes found fuzzily."""
    texts = [s.text.replace(" the ", " THE ", 1) for s in article.sentences]
    folder, number = Path(article.path).parent, int(Path(article.path).stem[-2:])
    return replace(make_article(folder, number, texts), source=article.source)


def elsewhere(target, k: int, n: int):
    """A quote of an article in another folder, about something else."""
    words = " ".join(reversed(target.exact.split()))
    return replace(target, article=f"elsewhere{k}-{n}", path=f"/other/folder{k % 7}/x{k}-{n}.txt",
                   source=f"Other {k}-{n}", exact=words)  # fmt: skip


def make_annotations(articles: list[Article], seed: int = 2) -> list:
    """Half on the loaded folder, half quoting files of other folders."""
    rnd, made = random.Random(seed), []
    for k in range(ANNOTATIONS):
        a, b = rnd.sample(articles, 2)
        ta = quote_sentence(a, rnd.choice(a.sentences), a.source)
        tb = quote_sentence(b, rnd.choice(b.sentences), b.source)
        if k % 2:
            ta, tb = elsewhere(ta, k, 0), elsewhere(tb, k, 1)
        made.append(new_annotation(rnd.choice(list(Status)), [ta, tb], similarity=50.0))
    return made


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large") / "articles"
    articles = make_folder(folder)
    annotations = make_annotations(articles)
    # A tenth of the files were edited since they were annotated.
    loaded = [edited(a) if n % 10 == 0 else a for n, a in enumerate(articles)]
    return folder, loaded, annotations


@pytest.fixture
def window_with_store(window, large, monkeypatch):
    """A window whose store holds the 2,000 annotations, loading the large folder.

    Word statistics and facts of the folder, built on their own workers after a load, are
    left out: what is measured here is the annotations' share of a load.
    """
    folder, loaded, annotations = large
    window.annotator.session.store.merge(annotations)
    monkeypatch.setattr(
        loading, "load_paths", lambda _paths, _progress, _open: LoadResult(tuple(loaded), ())
    )
    monkeypatch.setattr(window.comparisons, "rebuild_corpus", lambda: None)
    # Building the fixtures made hundreds of thousands of objects: without this, the full
    # garbage collection they left due would land in whatever is measured next.
    gc.collect()
    return window


def open_large_folder(qtbot, window, folder: Path) -> int:
    """Open the folder; the longest stall until the annotations are placed."""
    session = window.annotator.session
    with Heartbeat() as heart, qtbot.waitSignal(session.placing_finished, timeout=60_000) as placed:
        window.open_folder(str(folder))
    assert placed.args == [""]
    return heart.longest


# --- the tests ---------------------------------------------------------------------------------


def test_loading_a_folder_with_2000_stored_annotations_keeps_the_window_responsive(
    qtbot, window_with_store, large
):
    folder, loaded, annotations = large
    session = window_with_store.annotator.session
    stall = open_large_folder(qtbot, window_with_store, folder)
    assert stall < MAX_STALL_MS, f"the window froze for {stall} ms while placing annotations"

    # The annotations appear once the worker is done, exactly as placing them at once would.
    expected = place_all(session.store.annotations(), loaded, folders_of(loaded))
    assert {p.annotation.id: p for p in expected} == {p.annotation.id: p for p in session.listed()}
    assert len(session.listed()) == ANNOTATIONS // 2
    assert window_with_store.annotator.list_panel.model.rowCount() == ANNOTATIONS // 2
    hows = {a.how for p in session.listed() for a in p.anchors}
    assert Anchoring.FUZZY in hows and Anchoring.EXACT in hows  # edited files re-anchored
    placed = session.listed()[0]
    assert session.find(placed.annotation.targets) == placed.annotation


def test_an_annotation_made_while_placing_runs_is_kept(qtbot, window_with_store, large):
    folder, loaded, _ = large
    session = window_with_store.annotator.session
    with qtbot.waitSignal(session.placing_finished, timeout=60_000):
        wait_loaded(qtbot, window_with_store, lambda: window_with_store.open_folder(str(folder)))
        assert session.is_placing
        article = loaded[1]
        targets = session.targets(article, [3], article.source)
        session.set_status(targets, Status.DISPUTED)  # marked before the worker answers
    kept = session.find(targets)
    assert kept is not None and kept.status == Status.DISPUTED
    assert len(session.listed()) == ANNOTATIONS // 2 + 1


def test_a_newer_load_drops_the_older_placing(qtbot, window_with_store, large):
    folder, _, _ = large
    session = window_with_store.annotator.session
    window_with_store.open_folder(str(folder))
    qtbot.waitUntil(lambda: session.is_placing, timeout=10_000)
    window_with_store.close_all()  # the user opens something else before it is done
    assert not session.is_placing and session.listed() == []
    qtbot.wait(50)
    assert session.listed() == [], "a stale placing showed annotations of a closed folder"


def test_export_and_import_of_2000_annotations_keep_the_window_responsive(
    qtbot, window_with_store, large, tmp_path
):
    folder, _, _ = large
    open_large_folder(qtbot, window_with_store, folder)
    transfers = window_with_store.annotation_files.transfers
    out = tmp_path / "all.json"
    with Heartbeat() as heart, qtbot.waitSignal(transfers.finished, timeout=60_000) as done:
        transfers.export(ExportChoice(str(out), "json", folder_only=False))
    assert heart.longest < MAX_STALL_MS, f"exporting froze the window for {heart.longest} ms"
    assert done.args[0].startswith(f"{ANNOTATIONS} annotation(s) exported")
    assert len(json.loads(out.read_text(encoding="utf-8"))["first"]["items"]) == ANNOTATIONS

    # A colleague with a store of their own imports the file over the same folder.
    session = window_with_store.annotator.session
    session.store.close()
    session.store = Store(tmp_path / "colleague.sqlite3")
    session.reload()
    assert session.listed() == []
    both = [session.placing_finished, transfers.finished]
    with Heartbeat() as heart, qtbot.waitSignals(both, timeout=60_000):
        transfers.import_file(str(out))
    assert heart.longest < MAX_STALL_MS, f"importing froze the window for {heart.longest} ms"
    assert len(session.store.annotations()) == ANNOTATIONS
    assert len(session.listed()) == ANNOTATIONS // 2
    assert window_with_store.annotator.list_panel.model.rowCount() == ANNOTATIONS // 2

    # The import is one undo step, taken back and made again in one transaction each (about
    # 120 ms on this thread for 2,000 annotations); they are placed again on a worker, as
    # after a load.
    for action, stored in ((ActionId.UNDO, 0), (ActionId.REDO, ANNOTATIONS)):
        with Heartbeat() as heart:
            window_with_store.actions_[action].trigger()
            qtbot.waitUntil(lambda: not session.is_placing, timeout=60_000)
        assert heart.longest < MAX_STALL_MS, f"{action.name} froze for {heart.longest} ms"
        assert len(session.store.annotations()) == stored
        assert len(session.listed()) == stored // 2


def test_placing_at_once_is_what_froze_the_window(large, tmp_path):
    """The measure above means something: the same work on one thread takes far longer."""
    _, loaded, annotations = large
    with Store(tmp_path / "store.sqlite3") as store:
        store.merge(annotations)
        started = time.perf_counter()
        placed = place_all(store.annotations(), loaded, folders_of(loaded))
    assert (time.perf_counter() - started) * 1000 > MAX_STALL_MS
    assert len(placed) == ANNOTATIONS // 2


def test_word_statistics_and_facts_of_a_large_folder_keep_the_window_responsive(
    qtbot, window, large, monkeypatch
):
    """Opening 50 long articles: the tabs open a few at a time, and the word statistics and
    facts are worked out on workers while the window repaints. The window used to wait for
    the workers' turns with the interpreter lock (5 ms each, hundreds per repaint) and for
    full garbage collections: stalls of one to four seconds."""
    folder, loaded, _ = large
    monkeypatch.setattr(
        loading, "load_paths", lambda _paths, _progress, _open: LoadResult(tuple(loaded), ())
    )
    gc.collect()
    with Heartbeat() as heart:
        with qtbot.waitSignal(window.corroboration.table_ready, timeout=120_000):
            window.open_folder(str(folder))
        qtbot.wait(100)  # the heat map of the tab on show
    assert heart.longest < MAX_STALL_MS, f"the window froze for {heart.longest} ms"
    assert len(window.article_tabs()) == ARTICLES
    tab = window.tabs.currentWidget()
    assert tab.reader._corroboration, "the heat map of the article on show is missing"


def test_a_comparison_of_two_300_sentence_articles_shows_without_freezing(qtbot, tmp_path):
    """Row heights are measured a few rows per turn of the event loop, and the dates the
    row discrepancies need are read on the aligning worker, not in the first paint."""
    folder = tmp_path / "long"
    rnd, pool = random.Random(5), seed_sentences()
    a, b = (
        make_article(folder, n, [f"{rnd.choice(pool)[:-1]}, item {n}-{k}." for k in range(300)])
        for n in range(2)
    )
    corpus = Corpus((a, b))
    tab = CompareTab(a, b, "A", "B", None)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    with Heartbeat() as heart:
        with qtbot.waitSignal(tab.alignment_applied, timeout=30_000):
            tab.set_corpus(corpus)
        assert tab.view.measuring, "every row was measured at once"
        qtbot.waitUntil(lambda: not tab.view.measuring, timeout=10_000)
        tab.view.viewport().repaint()  # the first rows, their changed words and discrepancies
    assert heart.longest < MAX_STALL_MS, f"the comparison froze the window for {heart.longest} ms"
    rows = [tab.model.row(r) for r in range(tab.model.rowCount())]
    assert {i for r in rows for i in r.a} == set(range(300))  # every sentence listed
    heights = [tab.view.rowHeight(r) for r in range(len(rows))]
    tab.view.resizeRowsToContents()
    assert heights == [tab.view.rowHeight(r) for r in range(len(rows))], "rows cut off"


def test_marking_every_row_of_a_long_comparison_keeps_the_window_responsive(
    qtbot, window, tmp_path
):
    """One key press on ~280 selected rows is one store transaction and one refresh of the
    views, and so is its undo; row by row it froze the window for about half a second."""
    folder = tmp_path / "long"
    folder.mkdir()
    rnd, pool = random.Random(5), seed_sentences()
    for n in range(2):
        texts = [f"{rnd.choice(pool)[:-1]}, item {n}-{k}." for k in range(300)]
        (folder / f"long{n}.txt").write_text("Title\n\n" + " ".join(texts), encoding="utf-8")
    with qtbot.waitSignal(window.comparisons.corpus_ready, timeout=30_000):
        wait_loaded(qtbot, window, lambda: window.open_folder(str(folder)))
    a, b = window.sources.articles
    tab = window.comparisons.open(a, b)
    qtbot.waitUntil(lambda: tab.is_aligned and not tab.is_aligning, timeout=10_000)
    tab.view.setFocus()
    tab.view.selectAll()
    rows = len(tab.view.selectionModel().selectedRows())
    session = window.annotator.session
    QTest.keyClick(tab.view, Qt.Key.Key_U)  # the first press also reads the rows' numbers
    for key, status in ((Qt.Key.Key_A, Status.AGREED), (Qt.Key.Key_D, Status.DISPUTED)):
        with Heartbeat() as heart:
            QTest.keyClick(tab.view, key)
            qtbot.wait(50)
        assert heart.longest < MAX_STALL_MS, f"marking {rows} rows froze for {heart.longest} ms"
        assert [p.annotation.status for p in session.listed()] == [status] * rows
    with Heartbeat() as heart:
        window.actions_[ActionId.UNDO].trigger()
        qtbot.wait(50)
    assert heart.longest < MAX_STALL_MS, f"undoing {rows} marks froze for {heart.longest} ms"
    with Store(session.store.path) as other:  # what another window reads: all undone
        assert {a.status for a in other.annotations()} == {Status.AGREED}


# --- the Facts tab of a large folder ------------------------------------------------------------

FACTS, FACT_SOURCES = 2_000, 5
SORT_STALL_MS = 150  # sorting used to ask the model for a cell in Python on every comparison


def large_fact_table(folder: Path, seed: int = 3) -> FactTable:
    """2,000 facts over five sources: every coverage, some differing values, some exclusive."""
    rnd, pool = random.Random(seed), seed_sentences()
    articles = [
        make_article(folder, n, [f"{rnd.choice(pool)[:-1]} ({n}-{k})." for k in range(FACTS)])
        for n in range(FACT_SOURCES)
    ]
    facts = []
    for k in range(FACTS):
        reporting = sorted(rnd.sample(articles, rnd.randint(1, FACT_SOURCES)), key=lambda a: a.id)
        mentions = tuple(Mention(a.id, (rnd.randrange(FACTS),)) for a in reporting)
        differing = ()
        if len(mentions) > 1 and k % 4 == 0:
            a, b = mentions[0], mentions[1]
            differing = (
                Discrepancy(
                    "number", f"Number differs in fact {k}",
                    DiscrepancySide(a.article, a.sentences[0], 0, 1, str(k)),
                    DiscrepancySide(b.article, b.sentences[0], 0, 1, str(k + 1)),
                ),
            )  # fmt: skip
        facts.append(Fact(f"fact{k}", mentions, (mentions[0].article, mentions[0].sentences[0]),
                          differing))  # fmt: skip
    return FactTable(tuple(articles), tuple(facts), threshold=50.0)


def shown_facts(tab: FactsTab) -> list[Fact]:
    return [tab.proxy.index(r, 0).data(FACT_ROLE) for r in range(tab.proxy.rowCount())]


def test_sorting_and_filtering_2000_facts_keeps_the_window_responsive(qtbot, tmp_path):
    """A click on a column header or a filter button of a large folder's facts answers at once,
    and the rows come out in the order the header shows."""
    table = large_fact_table(tmp_path)
    tab = FactsTab()
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_table(table, {a.id: a.source for a in table.articles})
    source = table.articles[2]
    column = tab.model.column_of(source.id)
    gc.collect()

    def wording_of(fact: Fact) -> str:
        return wording(source, fact.sentences_of(source.id))

    def click(action) -> list[Fact]:
        """One click, then the event loop runs (and repaints) as between two clicks."""
        action()
        qtbot.wait(30)
        return shown_facts(tab)

    picked = table.facts[7]
    tab.select_fact(picked.id, source.id)
    with Heartbeat() as heart:
        by_wording = click(lambda: tab.view.sortByColumn(column, Qt.SortOrder.AscendingOrder))
        assert tab.current_fact() == picked, "the current cell moved to another fact"
        descending = Qt.SortOrder.DescendingOrder
        by_coverage = click(lambda: tab.view.sortByColumn(FactsModel.COVERAGE, descending))
        differing = click(lambda: tab.set_filter(DIFFERING))
        exclusive = click(lambda: tab.set_filter(EXCLUSIVE))
        click(lambda: tab.set_filter(ALL))
        by_marker = click(lambda: tab.view.sortByColumn(FactsModel.MARKER, descending))
    assert heart.longest < SORT_STALL_MS, f"sorting facts froze the window for {heart.longest} ms"

    # Sorting is stable: ties keep the table's order, as they did when the view sorted them.
    order = {f.id: n for n, f in enumerate(table.facts)}
    assert by_wording == sorted(table.facts, key=lambda f: (wording_of(f), order[f.id]))
    assert by_coverage == sorted(table.facts, key=lambda f: (-f.coverage, order[f.id]))
    assert differing == [f for f in by_coverage if f.discrepancies] and differing
    assert exclusive == [f for f in by_coverage if f.exclusive] and exclusive
    marks = sorted(table.facts, key=lambda f: (-len(f.discrepancies), -f.exclusive, order[f.id]))
    assert by_marker == marks
    assert tab.view.horizontalHeader().sortIndicatorSection() == FactsModel.MARKER
