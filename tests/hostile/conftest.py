import pytest

from .suite import Suite


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> Suite:
    """One suite per test run: inputs are built once, each family probed by one child."""
    return Suite(tmp_path_factory.mktemp("hostile"))
