import pytest
from PySide6.QtCore import QThreadPool

from corroborate.ui.main_window import MainWindow
from corroborate.ui.settings import Settings


@pytest.fixture(autouse=True)
def _no_leftover_threads(qapp):
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(10_000), "a background task was still running after the test"


@pytest.fixture
def make_window(qtbot):
    """A main window over isolated settings (the tmp config dir from tests/conftest.py)."""

    def make() -> MainWindow:
        window = MainWindow(Settings())
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


def wait_loaded(qtbot, window, action):
    with qtbot.waitSignal(window.loading_finished, timeout=30_000) as blocker:
        action()
    return blocker.args[0]
