"""The desktop entry is valid and names the app the way the running app names itself.

If this breaks, the menu entry is rejected or hidden by the desktop, the running window is not
grouped under the Corroborate icon in the dock or task bar, or "Open With" misses a format.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys

import pytest

from corroborate.core.ingest.formats import READERS
from tests.conftest import ROOT

ENTRY = ROOT / "packaging" / "corroborate.desktop"
FORMAT_MIME_TYPES = {
    "txt": "text/plain",
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_entry_passes_desktop_file_validate_without_remarks():
    result = subprocess.run(["desktop-file-validate", str(ENTRY)], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout + result.stderr == ""


def test_entry_starts_corroborate_with_files_and_uses_its_icon():
    keys = entry()
    assert keys["Type"] == "Application"
    assert keys["Exec"] == "corroborate %F"
    assert keys["Terminal"] == "false"
    assert keys["Icon"] == "corroborate"
    assert (ROOT / "resources" / "icons" / f"{keys['Icon']}.svg").is_file()


def test_entry_offers_every_readable_format_and_nothing_else():
    formats = {fmt for fmt, _reader in READERS.values()}
    assert formats <= FORMAT_MIME_TYPES.keys(), "a new format: add its MIME type to the entry"
    listed = set(filter(None, entry()["MimeType"].split(";")))
    assert listed == {FORMAT_MIME_TYPES[f] for f in formats}


def test_entry_matches_the_names_the_running_app_gives_itself(tmp_path):
    probe = (
        "import json, os, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'desktop')!r})\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.exec = lambda self=None: 0  # set up the app, skip the event loop\n"
        "from corroborate.ui import app\n"
        f"app.main([{str(tmp_path)!r}])\n"
        "a = QApplication.instance()\n"
        "print(json.dumps([a.applicationName(), a.desktopFileName()]), flush=True)\n"
        "os._exit(0)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    application_name, desktop_file_name = json.loads(result.stdout.splitlines()[-1])
    # X11 window managers match StartupWMClass against WM_CLASS, which Qt takes from the
    # application name; Wayland compositors match the desktop file name (the app id).
    assert entry()["StartupWMClass"] == application_name
    assert ENTRY.stem == desktop_file_name
