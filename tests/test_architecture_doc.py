"""docs/ARCHITECTURE.md names every module, so a newcomer finds each one on the map.

If this fails, a module was added, moved or renamed without the page that explains the
layout saying so.
"""

import re

from tests.conftest import ROOT

PACKAGE = ROOT / "desktop" / "corroborate"


def test_every_module_is_on_the_architecture_page():
    page = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = []
    for top in ("core", "ui", "cli"):
        for path in sorted((PACKAGE / top).rglob("*.py")):
            if path.name == "__init__.py" or "__pycache__" in path.parts:
                continue
            inside = path.relative_to(PACKAGE / top).as_posix()
            if f"`{inside}`" not in page:
                missing.append(f"{top}/{inside}")
    assert not missing, f"not described in docs/ARCHITECTURE.md: {missing}"


def test_the_architecture_page_names_no_module_that_is_gone():
    page = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\| `((?:[a-z_]+/)?[a-z_]+\.py)` \|", page))
    existing = {
        p.relative_to(PACKAGE / top).as_posix()
        for top in ("core", "ui", "cli")
        for p in (PACKAGE / top).rglob("*.py")
    }
    assert named <= existing, f"described but gone: {sorted(named - existing)}"
