import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

import pytest  # noqa: E402

SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """Settings and user data always go to tmp paths, never the real user's."""
    monkeypatch.setenv("CORROBORATE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CORROBORATE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("CORROBORATE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
