import sys

from tests.conftest import ROOT

# The scripts in packaging/ are run as programs, not installed: import them from there.
sys.path.insert(0, str(ROOT / "packaging"))
