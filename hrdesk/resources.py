"""Where the bundled data lives: `resources/` and `forms/` beside the package in a checkout, or inside
the package (`_resources`, `_forms`) in a wheel or a PyInstaller bundle."""

from __future__ import annotations

import marshal
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    return _find("resources", "_resources")


@cache
def forms_dir() -> Path:
    return _find("forms", "_forms")


def _find(checkout_name: str, bundled_name: str) -> Path:
    candidates = [_PACKAGE / bundled_name, _PACKAGE.parent / checkout_name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / checkout_name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"hrdesk data folder '{checkout_name}' not found beside {_PACKAGE}")


def bundled_toml(name: str) -> dict[str, Any]:
    """`resources/<name>`, parsed (see `parsed_toml`)."""
    return parsed_toml(resources_dir() / name)


def parsed_toml(path: Path, cache_folder: Path | None = None) -> dict[str, Any]:
    """A data file of hrdesk's own, parsed once per version of the file: tomllib is pure Python, and
    the texts' catalogue took 8 ms and the table of name words 37 ms at every start of the window, of
    a command and of each worker process. The parsed tables are kept in the user's cache folder
    (owner-only; Python's marshal format, named by the file's path, size and modification time and the
    Python version), so a changed file is parsed again. Tables holding what marshal cannot keep (TOML
    dates) and a cache folder that cannot be written are simply parsed each time."""
    stat = path.stat()
    where = zlib.crc32(f"{path.resolve()}|{sys.version_info[:2]}".encode())
    folder = cache_folder or _cache_folder()
    kept = folder / f"{path.stem}-{where:08x}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    try:
        data = marshal.loads(kept.read_bytes())
        if isinstance(data, dict):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not kept yet, or damaged: parse the file
    import tomllib  # only when the file is new or changed: its import alone is 5 ms of a start

    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    try:
        raw = marshal.dumps(data)
    except ValueError:  # dates
        return data
    try:
        from .fileio import OWNER_FILE, atomic_write_bytes, private_dir

        private_dir(folder)
        for old in folder.glob(f"{path.stem}-{where:08x}-*.marshal"):  # the file's earlier versions
            old.unlink(missing_ok=True)
        atomic_write_bytes(kept, raw, OWNER_FILE)
    except OSError:
        pass
    return data


def _cache_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("hrdesk", appauthor=False)) / "parsed"
