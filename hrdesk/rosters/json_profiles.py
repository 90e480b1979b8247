"""Profile JSON (`hrdesk-profile/1`: one profile, a list, or {"profiles": [...]}) previewed like a
roster: new, changed (field by field) or unchanged, and the material files the vault would refuse named
before anything is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..rules.idnumber import mask
from ..rules.profile import Profile, ProfileError, parse_profile
from .batch_store import employee_heads, employees_by_id_number, stored_units
from .matching import COMPARE_CHUNK, UNIT_FIELDS, row_unit_id
from .plan import ROSTER_FIELDS, FieldChange, ImportPreview, PreviewRow, RowIssue, roster_values, shown
from .values import vocabulary

if TYPE_CHECKING:
    from ..desks.desk import Desk


def _material_file_problems(base_dir: Path, name: str) -> list[tuple[str, dict[str, Any]]]:
    """Why the vault would refuse a profile's material file (a `(code, params)` each), checked before
    anything is written. A file that does not exist is no refusal: the material is recorded without its
    scan, as the JSON's materials list may name scans to come."""
    from ..materials.profile_files import vault_refusal

    refused = vault_refusal(base_dir, name)
    return [refused] if refused is not None else []


def preview_json(desk: Desk, path: Path, out: ImportPreview) -> ImportPreview:
    """Profile JSON (one, a list, or {"profiles": [...]}): the same new / changed / unchanged view."""
    from ..checks.check import policies

    out.base_dir = path.parent
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        out.file_errors.append(RowIssue("", 0, "", "roster.file-unreadable", {"file": path.name}))
        return out
    items = data.get("profiles") if isinstance(data, dict) and "profiles" in data else data
    items = items if isinstance(items, list) else [items]
    ps = policies()
    parsed: list[Profile] = []
    for i, item in enumerate(items, start=1):
        try:
            parsed.append(parse_profile(item, ps.districts, tuple(ps.materials)))
        except ProfileError as exc:
            out.file_errors.append(
                RowIssue(
                    path.name,
                    i,
                    "profile",
                    "roster.profile-invalid",
                    {"reason_said": {lang: exc.message(lang) for lang in ("zh", "en")}},
                )
            )
    # A material file that cannot be stored refuses its profile here, in the preview (and `--dry-run`),
    # instead of failing half-way through the write.
    usable: list[Profile] = []
    for i, profile in enumerate(parsed, start=1):
        problems = [
            p for m in profile.materials if m.file for p in _material_file_problems(path.parent, m.file)
        ]
        out.file_errors.extend(RowIssue(path.name, i, "materials", code, params) for code, params in problems)
        if not problems:
            usable.append(profile)
    parsed = usable
    stored = employees_by_id_number(desk.uow.engine, [p.employee.id_number for p in parsed])
    units = stored_units(desk.uow.engine)
    heads: dict[int, tuple[int, int]] = {}
    profiles: dict[int, Profile] = {}
    for i, profile in enumerate(parsed, start=1):
        if (i - 1) % COMPARE_CHUNK == 0:
            # Stored profiles a few thousand at a time, as for a roster: all at once held hundreds
            # of megabytes for a comparison that keeps only the differences.
            part = parsed[i - 1 : i - 1 + COMPARE_CHUNK]
            known = [stored[p.employee.id_number][0] for p in part if p.employee.id_number in stored]
            heads = employee_heads(desk.uow.engine, known)  # versions first: a later save shows as newer
            profiles = desk.employees.profiles(known) if known else {}
        number = profile.employee.id_number
        row = PreviewRow(path.name, i, "new", profile.employee.name, mask(number), profile=profile)
        if number in stored:
            employee_id = stored[number][0]
            old = profiles[employee_id]
            row.employee_id = employee_id
            unit_id, row.version = heads[employee_id]
            unit = {"credit_code": profile.employer.credit_code, "employer_name": profile.employer.name}
            same_unit = row_unit_id(unit, units) == unit_id
            before, after = roster_values(old), roster_values(profile)
            row.changes = [
                FieldChange(vocabulary().column(k).header, shown(k, before[k]), shown(k, after[k]))
                for k in ROSTER_FIELDS
                if before[k] != after[k] and not (same_unit and k in UNIT_FIELDS)
            ]
            # The unit's own facts are the unit's: an employee's import does not change them, and a
            # unit found by its credit code is the same unit whatever name the file gives it.
            same = old.employee == profile.employee and same_unit
            if not same and not row.changes:
                row.changes = [FieldChange("档案", "", "")]
            row.kind = "unchanged" if same else "changed"
            row.profile = None if same else profile
        out.rows.append(row)
    return out
