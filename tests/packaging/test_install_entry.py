"""packaging/install-desktop-entry.sh and uninstall-desktop-entry.sh, in a throwaway data home.

If this breaks, the menu entry starts the wrong program (or none), installing twice piles up
files, uninstalling leaves litter in the user's home, or Corroborate takes over file types.
"""

from __future__ import annotations

import configparser
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import make_icons
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("bash") is None, reason="Linux desktop entries"
)
INSTALL = ROOT / "packaging" / "install-desktop-entry.sh"
UNINSTALL = ROOT / "packaging" / "uninstall-desktop-entry.sh"


def fake_program(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "corroborate"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    return program


def run(script: Path, data_home: Path, *args: str, path: str | None = None):
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    if path is not None:
        env["PATH"] = path
    return subprocess.run(["bash", str(script), *args], env=env, capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def installed_entry(data_home: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(data_home / "applications" / "corroborate.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def exec_argv(exec_value: str) -> list[str]:
    """Exec split as the desktop entry spec says: string escapes first, then quoting."""
    return shlex.split(exec_value.replace("\\\\", "\\"))


def test_install_twice_then_uninstall_leaves_nothing(tmp_path):
    data_home = tmp_path / "data"
    program = fake_program(tmp_path / "my venv" / "bin")  # a space needs quoting in Exec
    first = run(INSTALL, data_home, str(program))
    assert first.returncode == 0, first.stderr
    installed = snapshot(data_home)
    assert "applications/corroborate.desktop" in installed
    assert "icons/hicolor/scalable/apps/corroborate.svg" in installed
    for size in make_icons.APP_ICON_SIZES:
        assert f"icons/hicolor/{size}x{size}/apps/corroborate.png" in installed

    keys = installed_entry(data_home)
    assert exec_argv(keys["Exec"]) == [str(program), "%F"]
    assert keys["TryExec"] == str(program)
    assert keys["Icon"] == "corroborate"
    assert not list(tmp_path.rglob("mimeapps.list")), "must not change default applications"
    if shutil.which("desktop-file-validate"):
        validate = subprocess.run(
            ["desktop-file-validate", str(data_home / "applications" / "corroborate.desktop")],
            capture_output=True,
            text=True,
        )
        assert validate.returncode == 0, validate.stdout

    again = run(INSTALL, data_home, str(program))
    assert again.returncode == 0, again.stderr
    assert snapshot(data_home) == installed

    removed = run(UNINSTALL, data_home)
    assert removed.returncode == 0, removed.stderr
    assert not data_home.exists() or not any(data_home.iterdir())
    assert run(UNINSTALL, data_home).returncode == 0, "uninstalling twice is harmless"


def test_uninstall_keeps_other_programs_entries(tmp_path):
    data_home = tmp_path / "data"
    other = data_home / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    assert run(INSTALL, data_home, str(fake_program(tmp_path / "bin"))).returncode == 0
    assert run(UNINSTALL, data_home).returncode == 0
    assert other.is_file()
    leftovers = [p for p in data_home.rglob("*") if p.is_file() and "corroborate" in p.read_text()]
    assert not leftovers


def test_default_program_is_the_corroborate_on_path(tmp_path):
    program = fake_program(tmp_path / "bin")
    result = run(INSTALL, tmp_path / "data", path=f"{program.parent}:{os.environ['PATH']}")
    assert result.returncode == 0, result.stderr
    assert exec_argv(installed_entry(tmp_path / "data")["Exec"])[0] == str(program)


def test_refuses_a_program_that_does_not_exist(tmp_path):
    result = run(INSTALL, tmp_path / "data", str(tmp_path / "nowhere" / "corroborate"))
    assert result.returncode != 0
    assert "not an executable" in result.stderr
    assert not (tmp_path / "data").exists()
