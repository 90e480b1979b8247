"""Temporary folders the window makes for a person to look at (a form made for the preview): each is
removed when what shows it closes, and whatever is left (a form handed to the system's PDF viewer, a form
finished after its dialog was closed) when the app exits. Without this every preview left a folder with
a person's form in /tmp."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from pathlib import Path

_lock = threading.Lock()
_folders: set[Path] = set()


def scratch_dir(prefix: str) -> Path:
    """A new private folder (made on a worker), kept until `discard` or the app's exit."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    with _lock:
        _folders.add(folder)
    return folder


def discard(folder: Path) -> None:
    """Remove one folder now (a worker or the UI thread: a form is a few hundred kilobytes)."""
    with _lock:
        _folders.discard(folder)
    shutil.rmtree(folder, ignore_errors=True)


def kept() -> list[Path]:
    with _lock:
        return sorted(_folders)


@atexit.register
def discard_all() -> None:
    for folder in kept():
        discard(folder)
