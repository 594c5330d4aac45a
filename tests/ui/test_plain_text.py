"""Titles, outlets, file names, notes and source names that look like markup are shown
exactly as written in every tooltip, label, tab and dialog, never as bold text or a
broken picture."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QMessageBox

from corroborate.core.model import Status
from corroborate.ui.annotate.annotations_model import AnnotationsModel
from corroborate.ui.common.plain import (
    no_mnemonic,
    plain_tooltip,
    set_plain,
    show_message,
    window_title,
)
from corroborate.ui.compare.compare_dialog import NewComparisonDialog
from corroborate.ui.facts.facts_model import FactsModel
from corroborate.ui.state.sources_model import ProblemsModel, SourcesModel
from tests.ui.conftest import open_and_wait

# "<", ">" and "*" cannot be part of a file name on Windows.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="file names with markup")

MARKUP = "<b>bold</b><img src=x>"
FILE_STEM = "<i>x<b>"  # "/" cannot be part of a file name
NOTE = "<script>&amp;<b>n</b>"
LABEL = "<u>lab</u>"

STORY = (
    "The president visited the capital on Sunday for talks on trade and security. "
    "The visit lasted four days and ended with a joint statement on Thursday. "
    "Officials said the talks went well and more meetings would follow this year."
)


def shown(tip: str | None) -> str:
    """What Qt displays for a tooltip or rich label: the text, after any markup."""
    return QTextDocumentFragment.fromHtml(tip or "").toPlainText()


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    escaped = "&lt;b&gt;bold&lt;/b&gt;&lt;img src=x&gt;"
    (folder / "marked.html").write_text(
        f"<!DOCTYPE html><html><head><title>{escaped}</title>"
        f'<meta property="og:site_name" content="{escaped}"></head>'
        f"<body><article><h1>{escaped}</h1><p>{STORY}</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / f"{FILE_STEM}.txt").write_text(f"Talks in the capital\n\n{STORY}\n")
    (folder / "plain.txt").write_text(
        "Trade talks\n\nThe president visited the capital on Sunday for talks on trade. "
        "The visit lasted three days and ended with a joint statement on Thursday.\n"
    )
    (folder / f"{FILE_STEM}.docx").write_bytes(b"PK\x03\x04 not really a document")
    return folder


@pytest.fixture
def hostile(qtbot, bench, hostile_folder):
    """The parts over a workspace with the hostile folder loaded."""
    open_and_wait(qtbot, bench, hostile_folder)
    return bench


def row_of_file(shell, name: str) -> int:
    return next(r for r, a in enumerate(shell.sources.articles) if a.path.endswith(f"/{name}"))


def test_titles_outlets_and_file_names_show_as_written_in_sources_and_tabs(hostile):
    # Broken: a headline "<b>bold</b><img src=x>" shows bold with a broken picture.
    marked = row_of_file(hostile, "marked.html")
    article = hostile.sources.article_at(marked)
    assert article.title == MARKUP
    tip = hostile.sources.index(marked, SourcesModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tip) == MARKUP
    source_tip = hostile.sources.index(marked, SourcesModel.SOURCE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert shown(source_tip).startswith(hostile.sources.label(article) + "\n")
    named = row_of_file(hostile, f"{FILE_STEM}.txt")
    file_tip = hostile.sources.index(named, SourcesModel.FILE).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(file_tip).endswith(f"/{FILE_STEM}.txt")

    tab = hostile.tab_for(article.id)
    index = hostile.tabs.indexOf(tab)
    assert shown(hostile.tabs.tabToolTip(index)).startswith(f"{MARKUP}\n")
    assert tab.title.textFormat() == Qt.TextFormat.PlainText and tab.title.text() == MARKUP
    assert shown(tab.meta.toolTip()) == article.path
    other = hostile.tab_for(hostile.sources.article_at(named).id)
    assert f"{FILE_STEM}.txt" in other.meta.text()
    assert other.meta.textFormat() == Qt.TextFormat.PlainText


def test_a_file_that_cannot_be_read_is_named_as_written_in_problems(hostile):
    # Broken: the Problems tooltip shows the broken file's name in italics.
    assert hostile.problems.rowCount() == 1
    index = hostile.problems.index(0, ProblemsModel.FILE)
    assert index.data() == f"{FILE_STEM}.docx"
    assert shown(index.data(Qt.ItemDataRole.ToolTipRole)).startswith(
        str(Path(hostile.current_folder) / f"{FILE_STEM}.docx")
    )


def test_notes_quotes_and_source_names_show_as_written_in_annotations(qtbot, hostile):
    # Broken: a note "<script>&amp;<b>n</b>" shows "&" and a bold "n" in the list's tooltip.
    hostile.sources.setData(hostile.sources.index(0, SourcesModel.SOURCE), LABEL)
    assert hostile.sources.label(hostile.sources.article_at(0)) == LABEL
    session = hostile.annotator.session
    first, second = hostile.sources.articles[:2]
    targets = [
        *session.targets(first, [0], LABEL),
        *session.targets(second, [0], hostile.sources.label(second)),
    ]
    session.set_status(targets, Status.DISPUTED)
    session.set_note(targets, NOTE)
    model = hostile.annotator.list_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    note_tip = model.index(0, AnnotationsModel.NOTE).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(note_tip) == NOTE
    quotes_tip = model.index(0, AnnotationsModel.QUOTES).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(quotes_tip).startswith(f"{LABEL}: {first.sentences[0].text}")

    panel = hostile.annotator.panel
    panel.show_row(targets, session.find(targets))
    assert shown(panel.quotes.text()).startswith(LABEL)
    assert panel.note.toPlainText() == NOTE

    dialog = NewComparisonDialog(hostile.sources.articles, [LABEL, "Two", "Three"])
    qtbot.addWidget(dialog)
    item_tip = dialog.first.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert shown(item_tip) == f"{LABEL}\n{first.title}"


def test_source_names_show_as_written_in_the_facts_tab(qtbot, hostile):
    # Broken: a source renamed "<u>lab</u>" is underlined in the Facts tab's tooltips.
    marked = row_of_file(hostile, "marked.html")
    hostile.sources.setData(hostile.sources.index(marked, SourcesModel.SOURCE), LABEL)
    corroboration = hostile.corroboration
    if corroboration.table is None:
        with qtbot.waitSignal(corroboration.table_ready, timeout=60_000):
            corroboration.open_tab()
    tab = corroboration.open_tab()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10_000)
    article = hostile.sources.article_at(marked)
    column = tab.model.column_of(article.id)
    header = tab.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert shown(header) == f"{LABEL}: {MARKUP}"
    assert tab.model.headerData(column, Qt.Orientation.Horizontal) == LABEL
    coverage = [
        shown(tab.model.index(r, FactsModel.COVERAGE).data(Qt.ItemDataRole.ToolTipRole))
        for r in range(tab.model.rowCount())
    ]
    assert any(LABEL in tip for tip in coverage)


def test_the_window_title_and_the_recent_menu_show_folder_names_as_written(
    qtbot, window, tmp_path, hostile_folder
):
    # Broken: a folder "Q&A [*]" is shown as "QA" with a shortcut underline, or as "Q&A ".
    folder = hostile_folder.rename(tmp_path / "Q&A [*]")
    open_and_wait(qtbot, window, folder)
    assert window.windowHandle().title() == "Q&A [*] — Corroborate"
    window.recent_menu.aboutToShow.emit()
    action = window.recent_menu.actions()[0]
    assert action.text() == no_mnemonic(str(folder))
    assert action.iconText() == str(folder)  # what the menu shows, shortcut markers removed
    assert shown(action.toolTip()) == f"Open the articles of {folder}"
    assert action.statusTip() == f"Open the articles of {folder}"


def test_the_helpers_keep_text_as_written(qtbot, monkeypatch):
    # Broken: a helper lets markup through, loses line breaks, or a message box guesses.
    text = f"{MARKUP}\n  two spaces & {NOTE}"
    assert shown(plain_tooltip(text)) == text
    assert plain_tooltip("") == "" and plain_tooltip(None) is None
    label = QLabel()
    qtbot.addWidget(label)
    set_plain(label, MARKUP)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == MARKUP
    assert window_title("a [*]") == "a [*][*]"
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box))
    box = show_message(None, QMessageBox.Icon.Warning, "Title", f"Could not read {MARKUP}")
    assert boxes == [box] and box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"Could not read {MARKUP}"
