"""Safe names and all-or-nothing output for files hrdesk writes where the user can see them.

Everything written here is personal data (ID scans, incomes, names): files are owner-only (0600) and
folders 0700 where the platform has POSIX permissions; on Windows the user's profile ACLs apply.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..fileio import OWNER_FILE, owner_only, private_dir  # noqa: F401  (re-exported for output code)
from ..fileio import atomic_write_bytes as _atomic_write_bytes

# Longest file name in UTF-8 bytes. File systems allow 255 bytes (ext4, APFS) or 255 UTF-16 units
# (NTFS); the rest is room for the temporary prefixes and suffixes used while writing
# (".NAME.partial", mkstemp's ".NAME.xxxxxxxx").
MAX_NAME_BYTES = 200


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = OWNER_FILE) -> None:
    """All-or-nothing write of an output file, owner-only by default (packs, forms, exports, .ics)."""
    _atomic_write_bytes(path, data, mode)


_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def _cut(text: str, max_chars: int, max_bytes: int) -> str:
    """The longest prefix of `text` within both limits that never splits a character's UTF-8 bytes nor
    a base character from the combining marks after it."""
    cut = text[:max_chars]
    if len(cut.encode("utf-8")) > max_bytes:
        cut = cut.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")
    while cut and len(cut) < len(text) and unicodedata.combining(text[len(cut)]):
        cut = cut[:-1]
    return cut


def safe_filename(name: str, max_chars: int = 100, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name that works on Windows, macOS and Linux: no separators or reserved characters, no
    reserved device names, no trailing dots or spaces, bounded length in characters and in UTF-8 bytes
    (a CJK character is 3 bytes: 100 of them would pass a character cap and fail with 'File name too
    long'). Never empty; the extension is kept."""
    name = unicodedata.normalize("NFC", name)
    name = _BAD.sub("_", name).strip().rstrip(". ")
    name = re.sub(r"\s+", " ", name)
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    ext_chars, ext_bytes = (len(ext) + 1, len(ext.encode("utf-8")) + 1) if ext else (0, 0)
    stem = _cut(stem, max_chars - ext_chars, max_bytes - ext_bytes).rstrip(". ")
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
        for path in work.rglob("*"):  # whatever wrote them (pypdf, ReportLab), pack files are owner-only
            owner_only(path)
        owner_only(work)
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
