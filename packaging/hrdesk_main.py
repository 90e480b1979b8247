"""Entry point for the frozen app (PyInstaller): the same CLI as `hrdesk`."""

import multiprocessing
import sys

from hrdesk.cli import main

if __name__ == "__main__":
    # The scan checks run in a child process (hrdesk/pdf/limits.py); a frozen app must let that child
    # start as the worker instead of as a second copy of the app.
    multiprocessing.freeze_support()
    sys.exit(main())
