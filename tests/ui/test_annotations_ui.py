"""Annotating comparisons as a user does: keys on the table, a note typed in the panel,
undo and redo from the Edit menu, the Annotations list, export and import, orphans."""

import csv
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.export import CSV_COLUMNS, write_json
from corroborate.core.model import LinkKind, Status
from corroborate.ui.annotate.annotations_model import (
    ORPHAN_TEXT,
    AnnotationsFilter,
    AnnotationsModel,
)
from corroborate.ui.common import tab_opening
from corroborate.ui.common.actions import ACTION_SPECS, ActionId
from corroborate.ui.compare.compare_model import (
    ANNOTATION_ROLE,
    MANUAL_ROLE,
    MATCHED,
    ONLY_A,
    ONLY_B,
    ComparisonModel,
)
from corroborate.ui.compare.compare_tab import CompareTab
from corroborate.ui.transfer.export_dialog import ExportChoice, ExportDialog, import_annotations
from tests.ui.conftest import open_and_wait

LEFT, RIGHT = "economic-ties-regional-tensions.txt", "ssbcrackexams.txt"


def load(qtbot, shell, folder) -> None:
    open_and_wait(qtbot, shell, folder, shell.comparisons.corpus_ready)


def load_copy(qtbot, shell, seeds_dir, tmp_path) -> Path:
    """Open a copy of the seeds, which the test may edit."""
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    load(qtbot, shell, folder)
    return folder


def compare(qtbot, shell, left=LEFT, right=RIGHT) -> CompareTab:
    articles = {Path(a.path).name: a for a in shell.sources.articles}
    tab = shell.comparisons.open(articles[left], articles[right])
    qtbot.waitUntil(lambda: tab.is_aligned and not tab.is_aligning, timeout=10_000)
    tab.view.setFocus()
    return tab


@pytest.fixture
def seeded(qtbot, bench, seeds_dir):
    """The parts over a workspace with the seeds loaded."""
    load(qtbot, bench, seeds_dir)
    return bench


@pytest.fixture
def seeded_window(qtbot, window, seeds_dir):
    """The main window with the seeds loaded."""
    load(qtbot, window, seeds_dir)
    return window


def proxy_row(tab: CompareTab, kind: str, nth: int = 0) -> int:
    rows = [r for r in range(tab.proxy.rowCount()) if tab.model.row(r).kind == kind]
    return rows[nth]


def go_to(tab: CompareTab, row: int, extend: bool = False) -> None:
    flags = QItemSelectionModel.SelectionFlag.Rows | (
        QItemSelectionModel.SelectionFlag.Select
        if extend
        else QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    tab.view.selectionModel().setCurrentIndex(tab.proxy.index(row, ComparisonModel.A), flags)


def type_text(widget, text: str) -> None:
    """Key events carrying text, as a keyboard sends them (works for any character)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def status_of(tab: CompareTab, row: int):
    annotation = tab.proxy.index(row, ComparisonModel.STATUS).data(ANNOTATION_ROLE)
    return (annotation.status, annotation.note) if annotation else None


def undo(shell) -> None:
    shell.actions_[ActionId.UNDO].trigger()


def redo(shell) -> None:
    shell.actions_[ActionId.REDO].trigger()


# --- keyboard flow and persistence ------------------------------------------------------


def test_three_pairs_annotated_by_keyboard_are_there_after_reopening(qtbot, make_window, seeds_dir):
    window = make_window()
    load(qtbot, window, seeds_dir)
    tab = compare(qtbot, window)
    view = tab.view
    go_to(tab, 0)
    QTest.keyClick(view, Qt.Key.Key_A)
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_D)
    QTest.keyClick(view, Qt.Key.Key_N)
    note = window.annotator.panel.note
    assert QApplication.focusWidget() is note
    type_text(note, "Zahl: 12 ≠ 15, “Quelle” — überprüfen")
    # Letters typed into the note never act as the table's single-key shortcuts.
    assert status_of(tab, 1)[0] == Status.DISPUTED
    QTest.keyClick(note, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_U)
    expected = {
        0: (Status.AGREED, ""),
        1: (Status.DISPUTED, "Zahl: 12 ≠ 15, “Quelle” — überprüfen"),
        2: (Status.UNVERIFIED, ""),
    }
    assert {r: status_of(tab, r) for r in range(3)} == expected
    rows = [tab.model.row(r) for r in range(3)]
    window.close()

    reopened = make_window()
    load(qtbot, reopened, seeds_dir)
    tab = compare(qtbot, reopened)
    assert [tab.model.row(r) for r in range(3)] == rows
    assert {r: status_of(tab, r) for r in range(3)} == expected
    assert reopened.annotator.list_panel.model.rowCount() == 3


def test_single_letter_keys_only_act_in_the_comparison_table(qtbot, seeded):
    tab = compare(qtbot, seeded)
    go_to(tab, 0)
    seeded.annotator.list_panel.search.setFocus()
    QTest.keyClick(seeded.annotator.list_panel.search, Qt.Key.Key_D)
    assert seeded.annotator.list_panel.search.text() == "d"
    assert status_of(tab, 0) is None
    for action_id in (ActionId.MARK_AGREED, ActionId.EDIT_NOTE, ActionId.LINK_SENTENCES):
        action = seeded.actions_[action_id]
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
        assert action in tab.view.actions()
    # The toolbar offers every row action with icon and text.
    toolbar = tab.annotate_toolbar
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert all(not a.icon().isNull() for a in toolbar.actions() if not a.isSeparator())


def test_a_sentence_found_in_one_source_can_be_annotated_alone(qtbot, seeded):
    tab = compare(qtbot, seeded)
    row = proxy_row(tab, ONLY_A)
    go_to(tab, row)
    QTest.keyClick(tab.view, Qt.Key.Key_D)
    (listed,) = seeded.annotator.session.listed()
    assert len(listed.annotation.targets) == 1
    assert listed.annotation.targets[0].exact == tab.a.sentences[tab.model.row(row).a[0]].text
    QTest.keyClick(tab.view, Qt.Key.Key_Delete)
    assert status_of(tab, row) is None and not seeded.annotator.session.listed()


# --- undo and redo ----------------------------------------------------------------------


def test_edit_menu_undoes_and_redoes_status_and_note(qtbot, seeded_window):
    seeded = seeded_window
    tab = compare(qtbot, seeded)
    edit_actions = seeded.edit_menu.actions()
    assert seeded.actions_[ActionId.UNDO] in edit_actions
    assert seeded.actions_[ActionId.REDO] in edit_actions
    assert seeded.actions_[ActionId.UNDO].shortcut().toString() == "Ctrl+Z"
    assert seeded.actions_[ActionId.REDO].shortcut().toString() == "Ctrl+Shift+Z"
    go_to(tab, 0)
    QTest.keyClick(tab.view, Qt.Key.Key_A)
    QTest.keyClick(tab.view, Qt.Key.Key_D)
    assert seeded.actions_[ActionId.UNDO].text().replace("&", "") == "Undo Mark as disputed"
    undo(seeded)
    assert status_of(tab, 0) == (Status.AGREED, "")
    redo(seeded)
    assert status_of(tab, 0) == (Status.DISPUTED, "")

    QTest.keyClick(tab.view, Qt.Key.Key_N)
    steps = seeded.annotator.session.undo_stack.count()
    type_text(seeded.annotator.panel.note, "one note, typed")
    # Fifteen keystrokes, one undo step.
    assert seeded.annotator.session.undo_stack.count() == steps + 1
    undo(seeded)
    assert status_of(tab, 0) == (Status.DISPUTED, "")
    assert seeded.annotator.panel.note.toPlainText() == ""
    redo(seeded)
    assert status_of(tab, 0) == (Status.DISPUTED, "one note, typed")
    assert seeded.annotator.panel.note.toPlainText() == "one note, typed"

    undo(seeded)
    undo(seeded)
    undo(seeded)  # the status, then the annotation itself
    assert status_of(tab, 0) is None
    assert seeded.annotator.session.store.annotations() == ()


def test_a_second_bout_of_typing_is_its_own_undo_step(qtbot, seeded):
    tab = compare(qtbot, seeded)
    go_to(tab, 0)
    QTest.keyClick(tab.view, Qt.Key.Key_N)
    note = seeded.annotator.panel.note
    type_text(note, "first")
    QTest.keyClick(note, Qt.Key.Key_Escape)
    QTest.keyClick(tab.view, Qt.Key.Key_N)
    type_text(note, " second")
    # Ctrl+Z while typing takes back the typing as one step, not one letter.
    QTest.keyClick(note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status_of(tab, 0) == (Status.UNVERIFIED, "first")
    assert note.toPlainText() == "first"
    assert seeded.annotator.session.undo_stack.canRedo()  # the window's Undo, not the editor's


def paired(tab: CompareTab, i: int, j: int) -> bool:
    """Sentence i of A and sentence j of B share a matched row."""
    rows = (tab.model.row(r) for r in range(tab.model.rowCount()))
    return any(r.kind == MATCHED and i in r.a and j in r.b for r in rows)


def test_link_and_reject_are_shown_stored_and_undoable(qtbot, seeded):
    tab = compare(qtbot, seeded)
    store = seeded.annotator.session.store
    a_row, b_row = proxy_row(tab, ONLY_A), proxy_row(tab, ONLY_B)
    i, j = tab.model.row(a_row).a[0], tab.model.row(b_row).b[0]
    matched_before = tab.model.counts()[MATCHED]
    go_to(tab, a_row)
    go_to(tab, b_row, extend=True)
    QTest.keyClick(tab.view, Qt.Key.Key_L)
    assert tab.model.counts()[MATCHED] == matched_before + 1
    linked = tab.model.row_of_sentence("a", i)
    assert tab.model.row(linked).b == (j,)
    assert tab.model.index(linked, ComparisonModel.SCORE).data(MANUAL_ROLE)
    assert [link.kind for link in store.links()] == [LinkKind.LINKED]
    undo(seeded)
    assert tab.model.row(tab.model.row_of_sentence("a", i)).kind == ONLY_A
    assert store.links() == ()
    redo(seeded)
    assert tab.model.row(tab.model.row_of_sentence("a", i)).b == (j,)

    # Reject a one-to-one match the aligner made.
    single = next(
        r
        for r in range(tab.proxy.rowCount())
        if tab.model.row(r).kind == MATCHED
        and len(tab.model.row(r).a) == len(tab.model.row(r).b) == 1
        and not tab.model.is_manual(r)
    )
    (ra,), (rb,) = tab.model.row(single).a, tab.model.row(single).b
    go_to(tab, single)
    QTest.keyClick(tab.view, Qt.Key.Key_R)
    assert not paired(tab, ra, rb)
    assert {link.kind for link in store.links()} == {LinkKind.LINKED, LinkKind.REJECTED}
    # A new threshold re-aligns; the corrections stay.
    with qtbot.waitSignal(tab.alignment_applied, timeout=10_000):
        tab.set_threshold(tab.threshold - 1)
    assert not paired(tab, ra, rb) and paired(tab, i, j)
    undo(seeded)
    assert paired(tab, ra, rb)
    redo(seeded)
    assert not paired(tab, ra, rb)


def test_a_link_stays_after_its_file_was_edited_and_can_still_be_undone(
    qtbot, seeded, tmp_path, seeds_dir
):
    folder = load_copy(qtbot, seeded, seeds_dir, tmp_path)
    tab = compare(qtbot, seeded)
    a_row, b_row = proxy_row(tab, ONLY_A, 1), proxy_row(tab, ONLY_B, 1)
    i, j = tab.model.row(a_row).a[0], tab.model.row(b_row).b[0]
    sentence_a, sentence_b = tab.a.sentences[i].text, tab.b.sentences[j].text
    go_to(tab, a_row)
    go_to(tab, b_row, extend=True)
    QTest.keyClick(tab.view, Qt.Key.Key_L)
    store = seeded.annotator.session.store
    (made,) = store.links()
    # The user adds an editor's note at the top of one file and opens the folder again.
    path = folder / LEFT
    path.write_text("Editor's note: updated.\n\n" + path.read_text(encoding="utf-8"), "utf-8")
    load(qtbot, seeded, folder)
    tab = compare(qtbot, seeded)
    moved = next(s.index for s in tab.a.sentences if s.text == sentence_a)
    assert moved != i, "the edit did not move the sentence"
    row = tab.model.row(tab.model.row_of_sentence("a", moved))
    assert [tab.b.sentences[k].text for k in row.b] == [sentence_b], "the link was lost"
    assert tab.model.is_manual(tab.model.row_of_sentence("a", moved))

    # Rejecting the hand-made link forgets the one stored; undo brings it back.
    linked = tab.model.row_of_sentence("a", moved)
    go_to(tab, tab.proxy.mapFromSource(tab.model.index(linked, 0)).row())
    QTest.keyClick(tab.view, Qt.Key.Key_R)
    assert store.links() == ()
    assert not tab.model.is_manual(tab.model.row_of_sentence("a", moved))
    undo(seeded)
    assert [(link.kind, link.key) for link in store.links()] == [(made.kind, made.key)]
    assert tab.model.is_manual(tab.model.row_of_sentence("a", moved))


def test_a_comparison_opened_while_tabs_still_open_shows_the_stored_links(
    qtbot, seeded, seeds_dir, monkeypatch
):
    tab = compare(qtbot, seeded)
    go_to(tab, proxy_row(tab, ONLY_A))
    go_to(tab, proxy_row(tab, ONLY_B), extend=True)
    QTest.keyClick(tab.view, Qt.Key.Key_L)
    monkeypatch.setattr(tab_opening, "TABS_PER_TURN", 1)
    opened = []

    def compare_at_once(_tab) -> None:  # the user is quicker than the loading
        if not opened:
            articles = {Path(a.path).name: a for a in seeded.sources.articles}
            opened.append(seeded.comparisons.open(articles[LEFT], articles[RIGHT]))

    seeded.article_tab_opened.connect(compare_at_once)
    load(qtbot, seeded, seeds_dir)
    (early,) = opened
    qtbot.waitUntil(lambda: early.is_aligned and not early.is_aligning, timeout=10_000)
    manual = [r for r in range(early.model.rowCount()) if early.model.is_manual(r)]
    assert len(manual) == 1, "the stored link is not shown"


def test_renamed_source_is_stored_restored_and_undoable(qtbot, make_window, seeds_dir):
    window = make_window()
    load(qtbot, window, seeds_dir)
    sources = window.sources
    article = sources.article_at(0)
    sources.setData(sources.index(0, sources.SOURCE), "Renamed Outlet")
    assert window.annotator.session.store.labels() == {article.id: "Renamed Outlet"}
    undo(window)
    assert sources.label(article) == article.source
    assert window.annotator.session.store.labels() == {}
    redo(window)
    assert sources.label(article) == "Renamed Outlet"
    window.close()

    reopened = make_window()
    load(qtbot, reopened, seeds_dir)
    assert reopened.sources.label(article) == "Renamed Outlet"
    assert reopened.annotator.session.undo_stack.count() == 0  # restoring is no change


# --- the Annotations list ------------------------------------------------------------------


def annotate_three(qtbot, shell) -> CompareTab:
    tab = compare(qtbot, shell)
    for nth, (key, note) in enumerate(
        ((Qt.Key.Key_A, "solid"), (Qt.Key.Key_D, "numbers differ"), (Qt.Key.Key_U, ""))
    ):
        go_to(tab, proxy_row(tab, MATCHED, nth))  # three pairs, whatever rows lie between
        QTest.keyClick(tab.view, key)
        if note:
            QTest.keyClick(tab.view, Qt.Key.Key_N)
            type_text(shell.annotator.panel.note, note)
            QTest.keyClick(shell.annotator.panel.note, Qt.Key.Key_Escape)
    return tab


def test_annotations_list_filters_by_status_searches_notes_and_jumps(qtbot, seeded):
    tab = annotate_three(qtbot, seeded)
    panel = seeded.annotator.list_panel
    assert panel.proxy.rowCount() == 3
    panel.set_status_filter(Status.DISPUTED)
    assert panel.proxy.rowCount() == 1 and panel.count.text() == "1 of 3"
    assert panel.proxy.index(0, AnnotationsModel.NOTE).data() == "numbers differ"
    panel.set_status_filter(None)
    panel.search.setText("SOLID")
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, AnnotationsModel.STATUS).data() == "Agreed"
    panel.search.clear()

    # Double-click in the list goes to the pair in its comparison.
    go_to(tab, 5)
    seeded.annotator.list_dock.raise_()
    qtbot.waitUntil(panel.view.isVisible)
    target_id = panel.annotation_ids()[1]
    index = panel.proxy.index(1, AnnotationsModel.NOTE)
    rect = panel.view.visualRect(index)
    # A real double-click presses first; QTest.mouseDClick alone does not.
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seeded.tabs.currentWidget() is tab
    assert tab.view.currentIndex().row() == proxy_row(tab, MATCHED, 1)
    assert seeded.annotator.session.get(target_id).annotation.note == "numbers differ"


def test_annotations_model_passes_the_model_tester(qtbot, qtmodeltester, seeded):
    annotate_three(qtbot, seeded)
    panel = seeded.annotator.list_panel
    qtmodeltester.check(panel.model)
    panel.proxy.set_status(Status.AGREED)
    qtmodeltester.check(panel.proxy)


def test_orphan_is_listed_with_its_quote_after_its_sentence_left_the_file(
    qtbot, seeded, tmp_path, seeds_dir
):
    folder = load_copy(qtbot, seeded, seeds_dir, tmp_path)
    tab = compare(qtbot, seeded)
    row = proxy_row(tab, ONLY_A, 1)
    sentence = tab.a.sentences[tab.model.row(row).a[0]].text
    go_to(tab, row)
    QTest.keyClick(tab.view, Qt.Key.Key_D)
    path = folder / LEFT
    path.write_text(path.read_text(encoding="utf-8").replace(sentence, ""), encoding="utf-8")

    load(qtbot, seeded, folder)
    panel = seeded.annotator.list_panel
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, AnnotationsModel.FOUND).data() == ORPHAN_TEXT
    assert sentence in panel.model.index(0, AnnotationsModel.QUOTES).data()
    panel.set_status_filter(AnnotationsFilter.ORPHANS)
    assert panel.proxy.rowCount() == 1


# --- export and import ---------------------------------------------------------------------


def test_export_writes_csv_and_json_and_import_twice_adds_nothing(qtbot, seeded, tmp_path):
    annotate_three(qtbot, seeded)
    annotator, files = seeded.annotator, seeded.annotation_files
    out = tmp_path / "notes.csv"
    assert files.export(ExportChoice(str(out), "csv", status="all", bom=True)) == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_status = {row[1]: row for row in rows[1:]}
    assert set(by_status) == {"agreed", "disputed", "unverified"}
    assert by_status["disputed"][2] == "numbers differ"
    assert all(row[3] and row[9] for row in rows[1:])  # pairs: sources a and b filled

    disputed = tmp_path / "disputed.json"
    assert files.export(ExportChoice(str(disputed), "json", status="disputed")) == 1
    everything = tmp_path / "all.json"
    assert files.export(ExportChoice(str(everything), "json")) == 3
    items = json.loads(everything.read_text(encoding="utf-8"))["first"]["items"]
    assert len(items) == 3

    session = annotator.session
    for placed in session.listed():
        session.store.remove(placed.annotation.id)
    session.reload()
    assert annotator.list_panel.model.rowCount() == 0
    first = import_annotations(session, str(everything))
    second = import_annotations(session, str(everything))
    assert (first.added, second.added, second.unchanged) == (3, 0, 3)
    assert annotator.list_panel.model.rowCount() == 3


def test_an_import_is_one_step_that_undo_takes_back(qtbot, seeded, tmp_path):
    annotate_three(qtbot, seeded)
    session, files = seeded.annotator.session, seeded.annotation_files
    colleague = tmp_path / "colleague.json"
    files.export(ExportChoice(str(colleague), "json"))
    # The colleague rewrote the note of the "solid" pair later; here the unverified one
    # was cleared meanwhile, so the import brings it back.
    data = json.loads(colleague.read_text(encoding="utf-8"))
    items = data["first"]["items"]
    solid = next(i for i in items if any(b.get("value") == "solid" for b in i["body"]))
    next(b for b in solid["body"] if b.get("value") == "solid")["value"] = "seen by two of us"
    solid["modified"] = "2099-01-01T00:00:00Z"
    colleague.write_text(json.dumps(data), encoding="utf-8")
    notes = lambda: sorted(p.annotation.note for p in session.listed())  # noqa: E731
    tab = seeded.comparisons.current()
    go_to(tab, proxy_row(tab, MATCHED, 2))
    QTest.keyClick(tab.view, Qt.Key.Key_Delete)
    assert notes() == ["numbers differ", "solid"]

    with qtbot.waitSignal(files.transfers.finished, timeout=10_000):
        files.transfers.import_file(str(colleague))
    qtbot.waitUntil(lambda: len(session.listed()) == 3, timeout=10_000)
    assert notes() == ["", "numbers differ", "seen by two of us"]
    undo_action = seeded.actions_[ActionId.UNDO]
    assert undo_action.text() == "&Undo Import colleague.json"
    undo(seeded)
    assert notes() == ["numbers differ", "solid"], "undo did not take the import back"
    assert seeded.annotator.list_panel.model.rowCount() == 2
    redo(seeded)
    assert notes() == ["", "numbers differ", "seen by two of us"]
    undo(seeded)
    undo(seeded)  # and the Delete before it
    assert notes() == ["", "numbers differ", "solid"]


def test_an_import_with_bad_items_brings_in_the_rest_says_why_and_undoes_exactly_them(
    qtbot, seeded, tmp_path
):
    """A colleague's file with 3 good annotations and 4 damaged items: the 3 arrive, the
    window lists the 4 by position in plain text, and undo takes back just the 3."""
    session = seeded.annotator.session
    article = seeded.sources.articles[0]
    label = seeded.sources.label(article)
    session.set_status(session.targets(article, [0], label), Status.DISPUTED)  # the user's own
    before = session.store.annotations()
    good = [
        new_annotation(Status.AGREED, session.targets(article, [n], label), note=f"good {n}")
        for n in (1, 2, 3)
    ]
    colleague = tmp_path / "colleague.json"
    write_json(colleague, good)
    data = json.loads(colleague.read_text(encoding="utf-8"))
    good_items = data["first"]["items"]
    huge, boolean, html_date = (json.loads(json.dumps(good_items[0])) for _ in range(3))
    huge["id"], boolean["id"], html_date["id"] = "urn:uuid:huge", "urn:uuid:bool", "urn:uuid:html"
    huge["target"][0]["selector"][1]["start"] = 10**30
    boolean["target"][0]["selector"][1]["end"] = True
    html_date["modified"] = "<b>tomorrow</b>"
    data["first"]["items"] = [huge, *good_items[:2], "junk", boolean, good_items[2], html_date]
    colleague.write_text(json.dumps(data), encoding="utf-8")

    with qtbot.waitSignal(seeded.annotation_files.transfers.finished, timeout=10_000) as done:
        seeded.annotation_files.transfers.import_file(str(colleague))
    qtbot.waitUntil(lambda: len(session.listed()) == 4, timeout=10_000)
    assert done.args[0] == "Imported: 3 new, 0 updated, 0 already known; 4 items could not be read"
    [box] = seeded.findChildren(QMessageBox, "importProblems")
    assert box.textFormat() == Qt.TextFormat.PlainText, "file content must never render as HTML"
    lines = box.text().splitlines()
    assert lines[0] == "Imported 3 annotations; 4 items could not be read:"
    assert [line.split(":")[0] for line in lines[1:]] == [
        "item 1 (urn", "item 4", "item 5 (urn", "item 7 (urn",
    ]  # fmt: skip
    assert lines[4] == (
        "item 7 (urn:uuid:html): its modified date '<b>tomorrow</b>' is not an ISO 8601 date."
    )
    box.accept()

    undo(seeded)
    qtbot.waitUntil(lambda: len(session.listed()) == 1, timeout=10_000)
    assert session.store.annotations() == before, "undo removed more or less than the import"


def import_sixty(qtbot, shell, tmp_path) -> list:
    """The user's own 25 marks, then a colleague's 60 imported: a store large enough to be
    placed on a worker."""
    session = shell.annotator.session
    articles = list(shell.sources.articles)
    made = [
        new_annotation(Status.AGREED, session.targets(a, [s.index], shell.sources.label(a)))
        for a in articles
        for s in a.sentences[:15]
    ][:60]
    for a in articles:
        for s in a.sentences[16:21]:
            session.set_status(session.targets(a, [s.index], "x"), Status.DISPUTED)
    colleague = tmp_path / "colleague.json"
    write_json(colleague, made)
    with qtbot.waitSignal(shell.annotation_files.transfers.finished, timeout=10_000):
        shell.annotation_files.transfers.import_file(str(colleague))
    qtbot.waitUntil(lambda: len(session.listed()) == 85 and not session.is_placing, timeout=10_000)
    return made


def marks_on(session, targets) -> list:
    return [(a.id, a.status) for a in session.store.annotations() if a.targets == tuple(targets)]


def test_a_large_import_undone_leaves_the_views_at_once_and_redone_makes_no_twins(
    qtbot, seeded, tmp_path
):
    """Over 50 annotations are placed again on a worker: until it answers, a removed one
    must not stay on show (marking it failed), nor a restored one be marked twice."""
    session = seeded.annotator.session
    made = import_sixty(qtbot, seeded, tmp_path)
    undo(seeded)
    assert session.is_placing, "a store this size is placed on a worker"
    assert len(session.listed()) == len(session.store.annotations()) == 25
    qtbot.waitUntil(lambda: not session.is_placing, timeout=10_000)
    redo(seeded)
    session.set_status(made[0].targets, Status.DISPUTED)  # before the worker answers
    qtbot.waitUntil(lambda: not session.is_placing, timeout=10_000)
    assert marks_on(session, made[0].targets) == [(made[0].id, Status.DISPUTED)]
    assert len(session.listed()) == 85


def test_marking_after_placing_was_cancelled_changes_the_stored_annotation(qtbot, seeded, tmp_path):
    session = seeded.annotator.session
    made = import_sixty(qtbot, seeded, tmp_path)
    undo(seeded)
    qtbot.waitUntil(lambda: not session.is_placing, timeout=10_000)
    redo(seeded)
    session.cancel_placing()  # Cancel on "Placing annotations"
    session.set_status(made[0].targets, Status.DISPUTED)
    assert marks_on(session, made[0].targets) == [(made[0].id, Status.DISPUTED)]


def test_marking_in_a_comparison_opened_while_tabs_still_open_makes_no_twin(
    qtbot, seeded, seeds_dir, monkeypatch
):
    session = seeded.annotator.session
    a, b = seeded.sources.articles[:2]
    targets = session.targets(a, [3], "x") + session.targets(b, [4], "y")
    session.set_status(targets, Status.AGREED)
    monkeypatch.setattr(tab_opening, "TABS_PER_TURN", 1)

    def mark_at_once(_tab) -> None:  # the user is quicker than the loading
        if not marks_on(session, targets) or marks_on(session, targets)[0][1] != "disputed":
            session.set_status(targets, Status.DISPUTED)

    seeded.article_tab_opened.connect(mark_at_once)
    load(qtbot, seeded, seeds_dir)  # the folder opened again
    qtbot.waitUntil(lambda: not session.is_placing, timeout=10_000)
    assert [status for _, status in marks_on(session, targets)] == [Status.DISPUTED]


def test_export_dialog_offers_bom_for_csv_only_and_needs_a_file(qtbot, tmp_path):
    dialog = ExportDialog(str(tmp_path), has_folder=True)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert not save.isEnabled()
    dialog.path.setText(str(tmp_path / "out.csv"))
    assert save.isEnabled() and dialog.bom.isEnabled()
    dialog.bom.setChecked(True)
    dialog.status.setCurrentIndex(dialog.status.findData("disputed"))
    assert dialog.choice() == ExportChoice(str(tmp_path / "out.csv"), "csv", "disputed", True)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert not dialog.bom.isEnabled()
    assert dialog.path.text().endswith("out.json")
    choice = dialog.choice()
    assert (choice.format, choice.bom, choice.folder_only) == ("json", False, True)
    # Every label reads as a word with its key underlined, never with a literal "&".
    labels = [w for w in dialog.findChildren(QLabel) if w.text().endswith(":")]
    assert labels and all(label.buddy() is not None for label in labels)
    assert {label.text() for label in labels} >= {"&File:", "F&ormat:", "&Status:"}


def test_every_annotation_action_is_registered_with_a_shortcut(seeded_window):
    seeded = seeded_window
    for action_id in (
        ActionId.MARK_AGREED,
        ActionId.MARK_DISPUTED,
        ActionId.MARK_UNVERIFIED,
        ActionId.CLEAR_ANNOTATION,
        ActionId.EDIT_NOTE,
        ActionId.LINK_SENTENCES,
        ActionId.REJECT_MATCH,
        ActionId.EXPORT_ANNOTATIONS,
        ActionId.UNDO,
        ActionId.REDO,
    ):
        spec = ACTION_SPECS[action_id]
        assert spec.shortcut and spec.tooltip
        assert seeded.actions_[action_id].shortcut().matches(spec.key_sequence())
    assert seeded.actions_[ActionId.EXPORT_ANNOTATIONS] in seeded.file_menu.actions()
    assert seeded.actions_[ActionId.IMPORT_ANNOTATIONS] in seeded.file_menu.actions()
    assert seeded.actions_[ActionId.REJECT_MATCH] in seeded.compare_menu.actions()
