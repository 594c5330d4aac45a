"""`python -m corroborate` starts the GUI."""

import sys

from .ui.app import main

sys.exit(main())
