import subprocess
import sys

from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtTest import QTest

from corroborate.core.ingest.readers import read_article
from corroborate.ui.reading.article_tab import ArticleTab
from tests.conftest import ROOT


def _point_of(reader, offset):
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader._positions.to_utf16(offset))
    return reader.cursorRect(cursor).center()


def highlighted_texts(reader):
    selections = reader.extraSelections()  # keep the list alive while reading its cursors
    return [QTextCursor(s.cursor).selectedText() for s in selections]


def test_sentence_under_the_mouse_is_highlighted(qtbot, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "First sentence here. Second one 😀 with an emoji.\n\nA third, in paragraph two."
    )
    article = read_article(path)
    tab = ArticleTab(article, "Outlet")
    qtbot.addWidget(tab)
    tab.resize(700, 400)
    tab.show()
    qtbot.waitExposed(tab)
    reader = tab.reader
    for sentence in article.sentences:
        point = _point_of(reader, sentence.start + 2)
        QTest.mouseMove(reader.viewport(), point)
        assert reader.hovered_sentence == sentence.index
        assert highlighted_texts(reader) == [sentence.text]
    reader.leaveEvent(QEvent(QEvent.Type.Leave))
    assert reader.hovered_sentence == -1 and reader.extraSelections() == []


def test_article_text_is_never_rendered_as_markup(qtbot, tmp_path):
    path = tmp_path / "x.txt"
    text = "<b>Not bold</b> & <script>alert(1)</script> <img src=x>. Done."
    path.write_text(text)
    tab = ArticleTab(read_article(path), "<i>label</i>")
    qtbot.addWidget(tab)
    assert tab.reader.toPlainText() == text
    assert "<i>label</i>" in tab.meta.text()


def test_show_sentence_selects_and_scrolls(qtbot, seeds_dir):
    article = read_article(seeds_dir / "reset-strained-relations.txt")
    tab = ArticleTab(article, "Outlet")
    qtbot.addWidget(tab)
    tab.resize(600, 300)
    tab.show()
    last = len(article.sentences) - 1
    tab.reader.show_sentence(last)
    assert tab.reader.selected_sentence == last
    assert tab.reader.verticalScrollBar().value() > 0
    assert highlighted_texts(tab.reader) == [article.sentences[last].text]


def test_screenshot_flag_writes_a_real_picture(tmp_path):
    out = tmp_path / "shot.png"
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "CORROBORATE_CONFIG_DIR": str(tmp_path / "cfg"),
        "CORROBORATE_DATA_DIR": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "corroborate", "--screenshot", str(out), str(ROOT / "seeds")],
        cwd=ROOT / "desktop",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 20_000
    image = QImage(str(out))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)
    }
    assert len(colours) > 10, "the screenshot is (nearly) one flat colour"
