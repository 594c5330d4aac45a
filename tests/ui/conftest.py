import pytest

from corroborate.ui.common.settings import Settings
from corroborate.ui.common.tasks import wait_for_workers
from corroborate.ui.main_window import MainWindow
from tests.ui.bench import Bench


@pytest.fixture(autouse=True)
def _no_leftover_threads(qapp):
    yield
    assert wait_for_workers(10.0), "a background task was still running after the test"


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


def open_and_wait(qtbot, window, folder, ready=None) -> None:
    """Open a folder in a roomy window and wait for `ready` (a signal of the window's
    background work, e.g. comparisons.corpus_ready); loading alone when None."""
    window.resize(1400, 900)
    if ready is None:
        wait_loaded(qtbot, window, lambda: window.open_folder(str(folder)))
        return
    with qtbot.waitSignal(ready, timeout=30_000):
        wait_loaded(qtbot, window, lambda: window.open_folder(str(folder)))


@pytest.fixture
def bench(qtbot):
    """The parts over one Workspace, without the main window (tests/ui/bench.py)."""
    built = Bench(Settings())
    qtbot.addWidget(built)
    built.show()
    return built
