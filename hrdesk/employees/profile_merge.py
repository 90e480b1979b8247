"""Three-way merge of an employee's facts, for desks that share a database.

`base` is the profile as this desk loaded it, `mine` as the user edited it, `theirs` as it is stored now
(another desk saved in between). A field only one side changed takes that side's value; a field both
changed to different values is a conflict, listed for the window (reload / overwrite / merge fields) and
resolved in favour of `mine` or `theirs` as the caller says. Income is merged per tax period, so one
desk's new month and another desk's change of name both survive; social-insurance months the same way. Children and the permit are one field
each (a child has no identity beyond its values).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from ..rules.profile import Employee, Profile
from ..store.versions import StaleVersion  # noqa: F401  (the window catches it from here)

# Merged month by month (one desk's new month and another's survive together).
PER_PERIOD = ("monthly_income_cny", "annual_income_cny", "social_insurance_months")


@dataclass(frozen=True)
class MergeResult:
    profile: Profile
    changed: tuple[
        str, ...
    ]  # fields `mine` changed relative to `base` (incomes as "monthly_income_cny:2026-05")
    conflicts: tuple[str, ...]  # changed on both sides to different values


def changed_fields(base: Employee, mine: Employee) -> list[str]:
    out = []
    for f in fields(Employee):
        if f.name in PER_PERIOD:
            a, b = getattr(base, f.name), getattr(mine, f.name)
            out += [f"{f.name}:{p}" for p in sorted(set(a) | set(b)) if a.get(p) != b.get(p)]
        elif getattr(base, f.name) != getattr(mine, f.name):
            out.append(f.name)
    return out


def merge_profiles(base: Profile, mine: Profile, theirs: Profile, prefer: str = "mine") -> MergeResult:
    """Apply what `mine` changed relative to `base` onto `theirs`. Conflicting fields take `prefer`'s
    value ("mine" or "theirs"). The unit and the materials are `theirs` (they are saved elsewhere)."""
    mine_changes = set(changed_fields(base.employee, mine.employee))
    their_changes = set(changed_fields(base.employee, theirs.employee))
    values: dict[str, Any] = {}
    conflicts = []
    for f in fields(Employee):
        name = f.name
        if name in PER_PERIOD:
            merged = dict(getattr(theirs.employee, name))
            for period in sorted(set(getattr(base.employee, name)) | set(getattr(mine.employee, name))):
                key = f"{name}:{period}"
                if key not in mine_changes:
                    continue
                mine_value = getattr(mine.employee, name).get(period)
                if key in their_changes and getattr(theirs.employee, name).get(period) != mine_value:
                    conflicts.append(key)
                    if prefer != "mine":
                        continue
                if mine_value is None:
                    merged.pop(period, None)
                else:
                    merged[period] = mine_value
            values[name] = merged
            continue
        value = getattr(theirs.employee, name)
        if name in mine_changes:
            mine_value = getattr(mine.employee, name)
            if name in their_changes and value != mine_value:
                conflicts.append(name)
                if prefer == "mine":
                    value = mine_value
            else:
                value = mine_value
        values[name] = value
    merged_profile = replace(theirs, employee=replace(theirs.employee, **values))
    return MergeResult(merged_profile, tuple(sorted(mine_changes)), tuple(conflicts))


@dataclass(frozen=True)
class SaveConflict:
    """What the window shows when a save was refused (StaleVersion): the other desk's profile beside
    this desk's edit, and the field-by-field merge of the two. The user then chooses:
      reload     → show `theirs` (this desk's edit is dropped)
      overwrite  → desk.employees.update_profile(id, mine, expected_version=theirs_version)
      merge      → desk.employees.update_profile(id, merge.profile, expected_version=theirs_version, base=theirs)
    Each of these can itself be refused if a third save lands meanwhile; then ask again."""

    employee_id: int
    theirs: Profile
    theirs_version: int
    merge: MergeResult


def save_conflict(desk: Any, employee_id: int, base: Profile, mine: Profile) -> SaveConflict:
    """Load the other desk's version (KeyError when it deleted the employee)."""
    theirs_version = desk.employees.employee(employee_id).version
    theirs = desk.employees.profile(employee_id)
    return SaveConflict(employee_id, theirs, theirs_version, merge_profiles(base, mine, theirs))
