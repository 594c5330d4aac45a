"""Hostile article files: each becomes an Article or a LoadProblem with a reason, in time."""

import pytest

from .case import failures
from .cases_files import FILE_CASES


@pytest.mark.parametrize("case", FILE_CASES, ids=lambda case: case.name)
def test_hostile_file_reads_as_an_article_or_a_problem_within_its_bounds(hostile, case):
    """Broken, a pipe, a bomb or a slow file freezes the app, fills memory or crashes the
    load; the user sees a frozen window instead of a list of what could not be read."""
    problems = failures(case, hostile.outcome(case))
    if problems:
        pytest.fail(f"{case.why}: {'; '.join(problems)}", pytrace=False)
