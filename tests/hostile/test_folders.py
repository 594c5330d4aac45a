"""Folders as the app opens them: odd names, notes beside the articles, everything at once."""

import os

import pytest

from .case import failures
from .cases_folders import FOLDER_CASES, seeds_load
from .harness import PEAK_LIMIT_MIB

MIXED_LIMIT_SECONDS = 30.0
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")


@pytest.mark.parametrize("case", FOLDER_CASES, ids=lambda case: case.name)
def test_folder_with_an_odd_name_lists_every_file_once(hostile, case):
    """A README that vanishes, an article with a newline in its name that never shows,
    or a saved report listed as an outlet would each leave the user puzzled."""
    problems = failures(case, hostile.outcome(case))
    if problems:
        pytest.fail(f"{case.why}: {'; '.join(problems)}", pytrace=False)


def test_all_light_hostile_files_together_still_let_the_seeds_load(hostile):
    """One hostile file among real articles must not cost the user the real ones, and
    every file named like an article is either loaded or listed with a reason."""
    got = hostile.mixed_outcome()
    assert got.outcome == "loaded", got.summary()
    assert seeds_load()(got) is None, seeds_load()(got)
    assert got.seconds < MIXED_LIMIT_SECONDS, got.summary()
    assert got.peak_mib < PEAK_LIMIT_MIB, got.summary()
    folder = hostile.mixed_folder()
    listed = {item["name"] for kind in ("articles", "problems") for item in got.details[kind]}
    files = {
        name
        for name in os.listdir(folder)
        if name.lower().endswith(ARTICLE_SUFFIXES) and not os.path.isdir(folder / name)
    }
    assert not files - listed, f"neither loaded nor listed as a problem: {sorted(files - listed)}"
