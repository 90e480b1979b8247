"""PySide6 reads the whole source of every module imported after it, to see whether the module might
use its `from __feature__ import …` switches, and leaves that source in `linecache`. The window imports
the store after Qt (SQLAlchemy, Alembic, Pydantic: about 700 modules): 30 MB kept for the life of the
process and a tenth of a second of reading files on the worker that opens the database.

hrdesk uses no `__feature__` switch. Only the window's own modules and PySide6's are looked at; every
other module is "does not use PySide", which is what PySide6 would have found by reading it."""

from __future__ import annotations

from typing import Any

OWN = ("hrdesk.ui", "PySide6", "shiboken6")


def skip_source_scan() -> None:
    """Idempotent; a PySide6 without this hook (another version) is left as it is."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or getattr(scan, "hrdesk_narrowed", False):
        return

    def uses_pyside(module: Any) -> bool:
        return str(getattr(module, "__name__", "")).startswith(OWN) and scan(module)

    uses_pyside.hrdesk_narrowed = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
