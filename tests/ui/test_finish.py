"""The finish of the desktop app as a user meets it: the first window's size and panels,
sharp icons, light and dark, progress with Cancel, drop hints, menu tooltips, working
without a mouse, and two windows on one annotation store."""

import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QSlider

from corroborate.core.annotations.store import Store
from corroborate.core.model import Status
from corroborate.ui.common import theme as theme_module
from corroborate.ui.common.actions import ActionId
from corroborate.ui.common.icons import app_icon_for, window_icon
from corroborate.ui.common.settings import Settings
from corroborate.ui.common.theme import SCHEME_ENV, ColorScheme, is_dark, requested_scheme, tint
from corroborate.ui.common.widgets import default_geometry
from corroborate.ui.compare import comparisons as comparisons_module
from corroborate.ui.compare.compare_tab import CompareTab
from corroborate.ui.compare.delegates import ADDED_TINT, REMOVED_TINT, WORD_TINT_ALPHA
from corroborate.ui.main_window import MainWindow
from corroborate.ui.reading.article_tab import ArticleTab
from corroborate.ui.transfer import report_export as report_module
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")


@pytest.fixture
def seeded(qtbot, window, seeds_dir):
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    qtbot.waitUntil(lambda: window.comparisons.corpus is not None, timeout=30_000)
    return window


def plain(text: str) -> str:
    return text.replace("&", "").rstrip("…").rstrip(".").strip()


def contrast(a, b) -> float:
    """WCAG contrast ratio of two QColors."""

    def luminance(c):
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# --- 1. first start -------------------------------------------------------------------------
def test_first_window_is_centred_and_fits_the_screen(window):
    available = window.screen().availableGeometry()
    frame = window.geometry()
    assert frame.width() <= min(1280, available.width() * 0.86)
    assert frame.height() <= min(800, available.height() * 0.86)
    assert abs(frame.center().x() - available.center().x()) <= 2
    assert abs(frame.center().y() - available.center().y()) <= 2
    big = default_geometry(available.adjusted(0, 0, 2000, 2000))
    assert big.size() == QSize(1280, 800), "a large screen did not get the 1280×800 window"


@pytest.mark.parametrize("size", [QSize(1400, 900), QSize(700, 520)])
def test_reading_area_dominates_the_first_window(qtbot, window, seeds_dir, size):
    window.resize(size)
    window.default_dock_sizes()  # as on a first start at this size
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    qtbot.wait(50)
    bottom = window.sources_dock.height()
    assert bottom <= 260, f"the bottom panels take {bottom} px of {size.height()}"
    assert window.centralWidget().height() > 1.5 * bottom
    panel = window.annotator.panel_dock.width()
    assert 150 <= panel <= 400, f"the Annotation panel is {panel} px wide"
    assert window.centralWidget().width() > 1.5 * panel
    # Sources, Problems and Annotations share one tabbed area at the bottom.
    tabbed = window.tabifiedDockWidgets(window.sources_dock)
    assert {window.problems_dock, window.annotator.list_dock} <= set(tabbed)
    # The title tells articles apart: it gets the room, not the file name.
    view = window.sources_view
    title = view.columnWidth(window.sources.TITLE)
    assert title > view.columnWidth(window.sources.FILE)
    assert title > view.columnWidth(window.sources.SOURCE)


# --- 2. icons -------------------------------------------------------------------------------
def test_icons_are_sharp_on_high_dpi_screens():
    sizes = {s.width() for s in window_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes, f"the window icon lacks drawn sizes: {sorted(sizes)}"
    icon = app_icon_for("compare")
    assert icon is not None
    pixmap = icon.pixmap(QSize(24, 24), 3.0)
    # An SVG renders at the screen's pixel density; a bitmap would be upscaled and blur.
    assert pixmap.size() == QSize(72, 72)
    assert icon.pixmap(QSize(256, 256)).size() == QSize(256, 256)


# --- 3. light and dark ------------------------------------------------------------------------
@pytest.fixture
def scheme(qapp):
    made = []

    def make(name: str) -> ColorScheme:
        made.append(ColorScheme(qapp, name))
        return made[-1]

    yield make
    for s in made:
        s.set_scheme("light")  # back to the platform's own light palette for other tests
    assert not is_dark(qapp.palette())


def test_environment_chooses_the_colour_scheme(monkeypatch):
    monkeypatch.setenv(SCHEME_ENV, "Dark")
    assert requested_scheme("light") == "dark"
    monkeypatch.setenv(SCHEME_ENV, "purple")  # nonsense is ignored, the preference counts
    assert requested_scheme("light") == "light"
    monkeypatch.delenv(SCHEME_ENV)
    assert requested_scheme(None) == "system"


def test_dark_scheme_darkens_the_window_and_tints_stay_readable(qtbot, qapp, scheme, seeded):
    scheme("dark")
    palette = qapp.palette()
    assert is_dark(palette)
    qtbot.waitUntil(lambda: is_dark(seeded.palette()), timeout=2000)  # the window follows
    text = palette.color(QPalette.ColorRole.Text)
    assert contrast(text, palette.color(QPalette.ColorRole.Base)) >= 7
    for colour in (REMOVED_TINT, ADDED_TINT):
        background = tint(palette, colour, WORD_TINT_ALPHA)
        assert is_dark_colour(background), "a changed word turned into a light patch"
        assert contrast(text, background) >= 4.5, "changed words are hard to read on dark"
    scheme_light = ColorScheme(qapp, "light")
    try:
        assert not is_dark(qapp.palette())
        light = qapp.palette()
        for colour in (REMOVED_TINT, ADDED_TINT):
            background = tint(light, colour, WORD_TINT_ALPHA)
            assert contrast(light.color(QPalette.ColorRole.Text), background) >= 4.5
    finally:
        scheme_light.deleteLater()


def is_dark_colour(colour) -> bool:
    return colour.lightness() < 128


def test_open_views_turn_dark_when_the_desktop_does(qtbot, qapp, scheme, seeded, monkeypatch):
    a, b = seeded.sources.articles[:2]
    compare = seeded.comparisons.open(a, b)
    qtbot.waitUntil(lambda: seeded.corroboration.table is not None, timeout=30_000)
    reader = seeded.article_tabs()[0].reader
    assert reader.extraSelections(), "no heat map to recolour"
    following = scheme("system")
    assert not is_dark(qapp.palette())
    monkeypatch.setattr(theme_module, "system_prefers_dark", lambda: True)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switched
    assert following.wants_dark and is_dark(qapp.palette())
    highlight = compare.view.palette().color(QPalette.ColorRole.Highlight)
    qtbot.waitUntil(
        lambda: is_dark_colour(compare.view.palette().color(QPalette.ColorRole.Highlight))
    )
    assert highlight != compare.view.palette().color(QPalette.ColorRole.Highlight)
    tints = [s.format.background().color() for s in reader.extraSelections()]
    heat = [c for c in tints if c.alpha() == 255]  # hover and selection are translucent
    assert heat and all(is_dark_colour(c) for c in heat), "the heat map stayed light"


# --- 4. progress with Cancel ---------------------------------------------------------------------
def test_slow_word_statistics_show_progress_that_cancel_stops(
    qtbot, window, seeds_dir, monkeypatch
):
    release = threading.Event()
    real_corpus = comparisons_module.Corpus

    def slow_corpus(articles):
        release.wait(10)
        return real_corpus(articles)

    monkeypatch.setattr(comparisons_module, "Corpus", slow_corpus)
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    comparisons = window.comparisons
    assert comparisons.is_preparing
    qtbot.waitUntil(comparisons.progress.isVisible, timeout=2000)
    qtbot.mouseClick(comparisons.progress.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    assert not comparisons.progress.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    qtbot.wait(200)
    assert comparisons.corpus is None, "a cancelled result was used after all"


def test_report_export_shows_progress_that_cancel_stops(
    qtbot, window, seeds_dir, monkeypatch, tmp_path
):
    wait_loaded(qtbot, window, lambda: window.open_folder(str(seeds_dir)))
    release = threading.Event()
    real_find = report_module.find_facts

    def slow_find(corpus, progress):
        release.wait(10)
        return real_find(corpus, progress)

    monkeypatch.setattr(report_module, "find_facts", slow_find)
    window.workspace.facts = None  # the facts are not known yet
    out = tmp_path / "report.html"
    export = window.report_export
    with qtbot.assertNotEmitted(export.written, wait=300):
        export.export_to(str(out))
        qtbot.waitUntil(export.progress.isVisible, timeout=2000)
        qtbot.mouseClick(export.progress.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert not export.is_busy and not export.progress.isVisible()
    assert window.statusBar().currentMessage() == "Report cancelled"
    assert not out.exists()


# --- 5. drop hints -----------------------------------------------------------------------------
def drag_enter(window, paths) -> QDragEnterEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDragEnterEvent(
        QPoint(window.width() // 2, window.height() // 2),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event


def test_status_bar_says_what_a_drop_will_do(qtbot, window, seeds_dir):
    status = window.statusBar()
    drag_enter(window, [seeds_dir])
    assert status.currentMessage() == "Drop to open the folder “seeds”"
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert status.currentMessage() == ""
    assert not window.drop_overlay.isVisible()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seeds_dir))])
    drop = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    drag_enter(window, [seeds_dir])  # a drop always follows an enter
    wait_loaded(qtbot, window, lambda: QApplication.sendEvent(window, drop))
    assert status.currentMessage() == "5 articles loaded, 1 skipped (see Problems)"  # read-me
    assert window.current_folder == str(seeds_dir.resolve())
    assert "seeds" in window.windowTitle()

    files = sorted(seeds_dir.glob("*.txt"))[:3]
    drag_enter(window, files)
    assert status.currentMessage() == "Drop to add 3 files"
    QApplication.sendEvent(window, QDragLeaveEvent())
    drag_enter(window, [files[0], seeds_dir])
    assert status.currentMessage() == "Drop to add 1 file and 1 folder"
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert status.currentMessage() == ""


# --- 6. menus ----------------------------------------------------------------------------------
def all_menus(window) -> list[QMenu]:
    found, todo = [], [a.menu() for a in window.menuBar().actions() if a.menu()]
    while todo:
        menu = todo.pop()
        menu.aboutToShow.emit()  # menus filled on demand (Recent Folders)
        found.append(menu)
        todo.extend(a.menu() for a in menu.actions() if a.menu())
    return found


def test_every_menu_item_explains_itself(seeded):
    seeded.settings.add_recent_folder(seeded.current_folder)
    menus = all_menus(seeded)
    assert len(menus) >= 6
    checked = 0
    for menu in menus:
        assert menu.toolTipsVisible(), f"menu {menu.title()} hides its tooltips"
        for action in menu.actions():
            if action.isSeparator():
                continue
            text, tip = plain(action.text()), action.toolTip()
            assert tip and plain(tip) != text, f"“{text}” has no tooltip of its own"
            if action.isEnabled():
                assert action.statusTip(), f"“{text}” says nothing in the status bar"
            checked += 1
    assert checked >= 25


# --- 7. keyboard only -------------------------------------------------------------------------
def activate(qtbot, window) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def test_keyboard_alone_opens_a_comparison_and_reaches_its_threshold(qtbot, seeded):
    activate(qtbot, seeded)
    reader = seeded.tabs.currentWidget()
    assert isinstance(reader, ArticleTab)
    assert QApplication.focusWidget() is reader.reader, "focus did not land in the reader"

    start = seeded.tabs.currentIndex()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert seeded.tabs.currentIndex() == start + 1, "Ctrl+Tab did not switch tabs"
    QTest.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert seeded.tabs.currentIndex() == start + 2, "Ctrl+PgDown did not switch tabs"

    def accept_dialog():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "Ctrl+K opened no dialog"
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(100, accept_dialog)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    tab = seeded.tabs.currentWidget()
    assert isinstance(tab, CompareTab), "Ctrl+K, Enter opened no comparison"
    qtbot.waitUntil(lambda: tab.is_aligned, timeout=30_000)
    qtbot.waitUntil(lambda: seeded.focusWidget() is tab.view, timeout=2000)
    activate(qtbot, seeded)  # the window is active again once the dialog has gone

    QTest.keyClick(tab.view, Qt.Key.Key_Down)  # the first key picks a row if none is
    first = tab.view.currentIndex().row()
    for _ in range(3):
        QTest.keyClick(tab.view, Qt.Key.Key_Down)
    assert tab.view.currentIndex().row() == first + 3, "arrow keys did not move between rows"
    QTest.keyClick(tab.view, Qt.Key.Key_Up)
    assert tab.view.currentIndex().row() == first + 2
    assert tab.view.selectionModel().isRowSelected(first + 2)

    path = []
    for _ in range(80):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        path.append(QApplication.focusWidget())
        if QApplication.focusWidget() is tab.slider:
            break
    assert isinstance(QApplication.focusWidget(), QSlider), f"Tab never reached it: {path[:30]}"
    before = tab.threshold
    QTest.keyClick(tab.slider, Qt.Key.Key_Right)
    assert tab.threshold == min(t for t in tab.slider.steps if t > before)


def test_f6_moves_between_the_reading_area_and_every_panel(qtbot, seeded):
    activate(qtbot, seeded)
    reader = seeded.tabs.currentWidget().reader
    visited = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(QApplication.focusWidget())
    assert seeded.sources_view in visited, "F6 never reached the Sources list"
    panel = seeded.annotator.panel
    assert any(panel.isAncestorOf(w) for w in visited), "F6 never reached the Annotation panel"
    assert reader in visited, "F6 did not come back to the reader"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is visited[-2], "Shift+F6 did not go back"
    # Raising another panel of the bottom area makes F6 go there instead.
    seeded.annotator.list_dock.raise_()
    qtbot.wait(20)
    visited = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(QApplication.focusWidget())
    assert any(seeded.annotator.list_panel.isAncestorOf(w) for w in visited)


# --- 8. a second window ------------------------------------------------------------------------
def test_two_windows_on_one_data_folder_both_annotate(qtbot, make_window, seeds_dir):
    first, second = make_window(), make_window()
    for window in (first, second):
        wait_loaded(qtbot, window, lambda w=window: w.open_folder(str(seeds_dir)))
        qtbot.waitUntil(lambda w=window: w.comparisons.corpus is not None, timeout=30_000)
    marked = []
    for window, status, row in ((first, Status.AGREED, 2), (second, Status.DISPUTED, 3)):
        a, b = window.sources.articles[:2]
        tab = window.comparisons.open(a, b)
        qtbot.waitUntil(lambda t=tab: t.is_aligned, timeout=30_000)
        tab.view.setCurrentIndex(tab.proxy.index(row, 0))
        window.annotator.mark(status)
        marked.append(status)
    assert first.annotator.session.store.path == second.annotator.session.store.path
    with Store(first.annotator.session.store.path) as store:
        statuses = sorted(a.status.value for a in store.annotations())
    assert statuses == sorted(s.value for s in marked), "one window's annotation was lost"
    second.annotator.session.reload()
    assert len(second.annotator.session.listed()) == 2, "the second window cannot see the first's"


def test_menus_list_f6_for_panels(window):
    view_actions = window.view_menu.actions()
    assert window.actions_[ActionId.NEXT_PANE] in view_actions
    assert window.actions_[ActionId.NEXT_PANE].shortcut().toString() == "F6"


def test_settings_remember_the_colour_scheme():
    settings = Settings()
    assert settings.color_scheme == "system"
    settings.color_scheme = "dark"
    assert Settings().color_scheme == "dark"


def test_main_window_is_the_app_window(window):
    assert isinstance(window, MainWindow)
    assert not window.windowIcon().isNull()
