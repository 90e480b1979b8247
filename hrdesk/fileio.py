"""Writing a file so that a crash or a kill never leaves half of it: write beside, fsync, rename."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None and os.name == "posix":
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_of(path: Path) -> str:
    """A file's content digest, read a megabyte at a time (scans of tens of megabytes)."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


OWNER_FILE = 0o600
OWNER_FOLDER = 0o700


def owner_only(path: Path) -> Path:
    """Make a file 0600 or a folder 0700 (POSIX only; on Windows the user profile's ACLs apply)."""
    if os.name == "posix":
        path.chmod(OWNER_FOLDER if path.is_dir() else OWNER_FILE)
    return path


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) and make the folder itself owner-only: logs/, vault/, backups/."""
    path.mkdir(parents=True, exist_ok=True)
    return owner_only(path)


def write_failure_reason(exc: OSError) -> str:
    """Why a file could not be written, as a catalogue key (`file.write.*`, said in the person's
    language): the OS's own text is English whatever the user reads, and a full disk or a folder they may
    not write to each asks them for something different (free space, another folder)."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "file.write.disk-full"
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return "file.write.not-writable"
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return "file.write.no-folder"
    return "file.write.failed"
