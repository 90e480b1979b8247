"""Safe names and all-or-nothing output for files hrdesk writes where the user can see them."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..fileio import atomic_write_bytes  # noqa: F401  (re-exported: packs and forms write through it)

_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def safe_filename(name: str, max_chars: int = 100) -> str:
    """A file name that works on Windows, macOS and Linux: no separators or reserved characters, no
    reserved device names, no trailing dots or spaces, bounded length. Never empty."""
    name = unicodedata.normalize("NFC", name)
    name = _BAD.sub("_", name).strip().rstrip(". ")
    name = re.sub(r"\s+", " ", name)
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    if len(stem) + len(ext) + 1 > max_chars:
        stem = stem[: max_chars - len(ext) - 1].rstrip(". ")
    result = f"{stem}.{ext}" if ext else stem
    return result if result.strip("._ ") else "_"


MARKER = ".hrdesk-pack"


class OutputError(RuntimeError):
    pass


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Build a folder beside `target` and move it into place only when the block succeeds.

    A cancelled or failed build leaves nothing behind. An existing target is replaced only if hrdesk
    made it (it holds the marker file): a folder of the user's own is never emptied.
    """
    target = target.resolve()
    if target.exists() and (
        not target.is_dir() or (any(target.iterdir()) and not (target / MARKER).exists())
    ):
        raise OutputError(
            f"{target} already exists and is not an hrdesk pack folder; choose an empty or new folder"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        yield work
        (work / MARKER).write_text("hrdesk pack\n", encoding="utf-8")
        old = None
        if target.exists():
            old = target.parent / f".{target.name}.old-{os.getpid()}"
            os.replace(target, old)
        os.replace(work, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
