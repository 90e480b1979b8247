"""Where a file dialog opens: the folder the person last chose for the same purpose (packs, exports,
backups, rosters), else their Documents folder — never the program's working folder, which on Windows
is the install folder and elsewhere wherever the app happened to be started from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def start_folder(purpose: str) -> str:
    """The folder a dialog for `purpose` opens in."""
    remembered = str(QSettings().value(f"folders/{purpose}", "") or "")
    if remembered and Path(remembered).is_dir():
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def start_path(purpose: str, file_name: str) -> str:
    """A suggested file name inside the start folder (save dialogs)."""
    return str(Path(start_folder(purpose)) / file_name)


def remember_folder(purpose: str, chosen: str) -> None:
    """Remember the folder of what the person chose (a folder, or a file's folder)."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    QSettings().setValue(f"folders/{purpose}", str(folder))
