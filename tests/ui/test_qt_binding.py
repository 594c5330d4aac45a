import sys

from PySide6.QtWidgets import QApplication


def test_qt_binding_keeps_python_alive_through_many_repaints(qapp: QApplication):
    # Broken (PySide6 6.12.0 on Python 3.11): every Qt call returning nothing drops a
    # reference to None, and the app aborts with "none_dealloc" after some scrolling.
    before = sys.getrefcount(None)
    for _ in range(500):
        qapp.processEvents()
    assert sys.getrefcount(None) >= before - 50
