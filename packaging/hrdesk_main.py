"""Entry point for the frozen app (PyInstaller): the same CLI as `hrdesk`."""

import sys

from hrdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
