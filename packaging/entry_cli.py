"""The bundle's `corroborate-cli` program, sharing the GUI's libraries in the same folder."""

import sys

from corroborate.cli import main

if __name__ == "__main__":
    sys.exit(main())
