"""Material use cases beyond attach/remove: re-checking every stored scan after the scan settings
change (minimum dpi, upload limit), with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..pdf.scan import ScanSettings, check_file


def recheck_all(records: Any, settings: ScanSettings, progress: Callable[[int, int], object] | None = None) -> int:
    """Scan every live material file again; returns how many changed verdict. Each file is checked
    once even when several materials share it (the vault deduplicates)."""
    rows = [m for eid in records.employee_ids() for m in records.materials(eid) if m.sha256]
    by_hash: dict[str, list[Any]] = {}
    for m in rows:
        by_hash.setdefault(m.sha256, []).append(m)
    changed = 0
    for i, (digest, materials) in enumerate(by_hash.items()):
        if progress is not None:
            progress(i, len(by_hash))
        defects = check_file(records.vault.path(digest), settings).messages() or None
        for m in materials:
            if (m.defects or None) != defects:
                records.update_material(m.id, defects=defects)
                changed += 1
    if progress is not None:
        progress(len(by_hash), len(by_hash))
    return changed


def scan_settings_from(values: dict[str, object]) -> ScanSettings:
    base = ScanSettings()
    return ScanSettings(min_dpi=int(values.get("min_dpi", base.min_dpi)),
                        max_file_mb=float(values.get("max_file_mb", base.max_file_mb)))
