"""Rosters in and out — the door the CLI and the GUI use.

- import: `roster_import.preview` (new / changed field by field / unchanged / errors, nothing written)
  then `roster_import.apply`; reading files is `roster_read`, cell values `roster_values`, batch writes
  `roster_store`.
- template and .xlsx export: `roster_export` (the template's columns, so an export imports back).
- profile JSON export: `export_json` below.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from .export import STATUS_ZH, export_xlsx, write_bad_rows, write_template
from .importing import (
    ImportPreview,
    ImportRejected,
    ImportResult,
    RowIssue,
    apply,
    import_file,
    preview,
)
from .values import vocabulary

if TYPE_CHECKING:
    from ..desks.desk import Desk

__all__ = [
    "STATUS_ZH",
    "ImportPreview",
    "ImportRejected",
    "ImportResult",
    "RowIssue",
    "apply",
    "export_json",
    "export_xlsx",
    "import_file",
    "preview",
    "template_headers",
    "write_bad_rows",
    "write_template",
]


def template_headers() -> list[str]:
    """The template's column headers, in order."""
    return [c.header for c in vocabulary().columns]


def export_json(desk: Desk, path: Path, ids: list[int] | None = None) -> int:
    """All (or some) employees as `{"profiles": [...]}`; material files are copied beside the JSON."""
    from ..fileio import private_dir
    from ..pdf.files import atomic_write_bytes
    from ..store.convert import profile_to_json

    profiles = desk.employees.profiles(ids)
    files_dir = path.parent / (path.stem + "-files")
    out = []
    for _employee_id, profile in sorted(profiles.items()):
        data = profile_to_json(profile)
        for item in data["materials"]:
            digest = item.get("file")
            if digest:
                source = desk.uow.vault.path(digest)
                if source.exists():
                    private_dir(files_dir)  # scans of ID cards and household registers: owner-only
                    target = files_dir / f"{digest[:16]}.pdf"
                    if not target.exists():
                        atomic_write_bytes(target, source.read_bytes())
                    item["file"] = f"{files_dir.name}/{target.name}"
                else:
                    item.pop("file")
        out.append(data)
    payload = out[0] if len(out) == 1 and ids is not None else {"profiles": out}
    atomic_write_bytes(path, json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"))
    return len(out)
