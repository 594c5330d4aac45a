"""corroborate.core must run without Qt: the command line and tests use it headless."""

import subprocess
import sys

from tests.conftest import ROOT

_SCRIPT = r"""
import importlib, importlib.abc, pkgutil, sys

class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}:
            raise ImportError(f"Qt import blocked: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import corroborate.core as core

names = [m.name for m in pkgutil.walk_packages(core.__path__, "corroborate.core.")]
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6"})
assert not leaked, leaked
print(len(names))
"""


def test_every_core_module_imports_without_qt():
    # Broken: `corroborate-cli` and headless use fail on machines without a display or Qt.
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT / "desktop",
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 5  # the walk really found the modules
