"""Compile hrdesk and its dependencies to bytecode before a benchmark times anything.

Machines that set PYTHONDONTWRITEBYTECODE (these do) never write .pyc files: every import compiles from
source, which doubles a cold start and says nothing about what users get (the bundle ships bytecode).

    from compile_first import compile_first
    compile_first()          # at the top of a benchmark, before it imports what it measures

Or from the shell: `uv run python benchmarks/compile_first.py`. The first run takes a minute on two
cores; later runs only stat the files (about two seconds here). Writing is forced even when the environment
forbids it, because compileall writes the files itself.
"""

from __future__ import annotations

import compileall
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_first(quiet: bool = True) -> float:
    """Compile `hrdesk/` and the environment's site-packages; return the seconds it took."""
    started = time.perf_counter()
    folders = [
        ROOT / "hrdesk",
        Path(sysconfig.get_paths()["purelib"]),
        Path(sysconfig.get_paths()["platlib"]),
    ]
    for folder in dict.fromkeys(folders):  # purelib and platlib are usually the same folder
        if folder.is_dir():
            compileall.compile_dir(folder, quiet=2 if quiet else 1, workers=0)
    elapsed = time.perf_counter() - started
    if not quiet:
        print(f"bytecode up to date in {elapsed:.1f} s", file=sys.stderr)
    return elapsed


if __name__ == "__main__":
    compile_first(quiet=False)
