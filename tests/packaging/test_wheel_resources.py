"""The wheel carries the icons, demo articles and every module, and one helper finds them.

If this breaks, an installed Corroborate shows actions without icons, opens empty on its first
start instead of showing the demo articles, or fails to import a module left out of the wheel.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from corroborate import resources
from corroborate.resources import resource_path, seeds_path
from tests.conftest import ROOT

SOURCE_FILES = ("pyproject.toml", "README.md", "LICENSE")
SOURCE_FOLDERS = ("desktop", "resources", "seeds")


def files_under(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """A copy of the checkout: the build leaves no build/ behind in it, and files that appear
    in the checkout meanwhile cannot make the wheel look incomplete."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCE_FILES:
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in SOURCE_FOLDERS:
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    return source


@pytest.fixture(scope="module")
def wheel(source, tmp_path_factory) -> Path:
    """The wheel, built offline (no build isolation, no index)."""
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    command += ["--no-index", "--verbose", "--wheel-dir", str(out), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("corroborate-*.whl")
    built_log[:] = [result.stdout + result.stderr]
    return built


built_log: list[str] = []


def test_the_build_is_not_deprecated(wheel):
    """setuptools stops building projects that declare metadata in deprecated ways (the licence
    as a TOML table ends in 2027): the build says nothing of the kind."""
    log = built_log[0]
    assert "SetuptoolsDeprecationWarning" not in log and "is deprecated" not in log, log[-3000:]


def test_the_wheel_declares_its_licence(wheel):
    metadata = zipfile.ZipFile(wheel).read(
        next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("/METADATA"))
    ).decode()
    assert "License-Expression: GPL-3.0-or-later" in metadata


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_carries_every_icon_and_demo_article(source, wheel_names):
    expected = [f"corroborate/_resources/{n}" for n in files_under(source / "resources")]
    expected += [f"corroborate/_seeds/{n}" for n in files_under(source / "seeds")]
    assert any(n.endswith("icons/open-folder.svg") for n in expected)
    missing = [n for n in expected if n not in wheel_names]
    assert not missing, f"left out of the wheel (see [tool.setuptools.package-data]): {missing}"


def test_wheel_carries_every_module(source, wheel_names):
    package = source / "desktop" / "corroborate"
    modules = [f"corroborate/{n}" for n in files_under(package) if n.endswith(".py")]
    missing = [n for n in modules if n not in wheel_names]
    assert not missing, f"add their packages to [tool.setuptools] packages: {missing}"


def test_installed_wheel_finds_resources_without_a_checkout(source, wheel, tmp_path):
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)  # what pip does with a pure-Python wheel
    icon_names = files_under(source / "resources" / "icons")
    probe = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "from corroborate.resources import resource_path, seeds_path\n"
        f"icons = [str(resource_path('icons/' + n)) for n in {icon_names!r}]\n"
        "print(json.dumps({'icons': icons, 'seeds': str(seeds_path())}))\n"
    )
    # -S: no site-packages, so neither the checkout nor an editable install can answer.
    result = subprocess.run(
        [sys.executable, "-S", "-c", probe], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert all(Path(p).is_file() and Path(p).is_relative_to(site) for p in found["icons"])
    seeds = Path(found["seeds"])
    assert seeds.is_relative_to(site)
    assert sorted(p.name for p in seeds.iterdir()) == files_under(source / "seeds")


def test_checkout_helper_finds_every_icon_and_the_seeds():
    for name in files_under(ROOT / "resources" / "icons"):
        assert resource_path(f"icons/{name}") == ROOT / "resources" / "icons" / name
    assert seeds_path() == ROOT / "seeds"


def test_missing_resource_is_reported_not_returned():
    with pytest.raises(FileNotFoundError):
        resource_path("icons/no-such-icon.svg")


@pytest.fixture
def fresh_lookup():
    resources._folder.cache_clear()
    yield
    resources._folder.cache_clear()


def test_pyinstaller_bundle_folder_comes_first(tmp_path, monkeypatch, fresh_lookup):
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "resources" / "icons" / "open-folder.svg").write_text("<svg/>")
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    icon = resource_path("icons/open-folder.svg")
    assert icon == tmp_path / "resources" / "icons" / "open-folder.svg"
    assert seeds_path() == tmp_path / "seeds"
