"""The bundle's `corroborate` program: a package's __main__ cannot be frozen directly."""

import multiprocessing
import sys

from corroborate.ui.app import main

if __name__ == "__main__":
    # Loading a large folder reads files in worker processes: in the bundle each worker
    # is this program started again, and must run its task, not open a window.
    multiprocessing.freeze_support()
    sys.exit(main())
