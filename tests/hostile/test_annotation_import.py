"""Hostile annotation files: imported, or refused with a reason; the store stays usable."""

import pytest

from .case import failures
from .cases_annotations import ANNOTATION_CASES


@pytest.mark.parametrize("case", ANNOTATION_CASES, ids=lambda case: case.name)
def test_hostile_annotation_file_imports_or_is_refused_and_the_store_survives(hostile, case):
    """A bad file that crashes the import, hangs it, loses the good annotations beside a
    bad one or leaves the store unable to export costs the user their notes."""
    problems = failures(case, hostile.outcome(case))
    if problems:
        pytest.fail(f"{case.why}: {'; '.join(problems)}", pytrace=False)
