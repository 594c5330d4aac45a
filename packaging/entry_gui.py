"""The bundle's `corroborate` program: a package's __main__ cannot be frozen directly."""

import sys

from corroborate.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
