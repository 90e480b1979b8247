"""Rows matched to the stored employees by ID number: a new person, a known person changed field by
field (the old and new value of each), unchanged, a row given twice, or a row that cannot be taken. Known
people are compared a few thousand at a time, so 50,000 stored profiles are never held at once."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from ..rules.idnumber import mask
from ..rules.profile import Profile
from .batch_store import (
    StoredUnit,
    duplicate_id_numbers,
    employee_heads,
    employees_by_id_number,
    stored_units,
)
from .plan import (
    ROSTER_FIELDS,
    FieldChange,
    ImportPreview,
    Notice,
    PreviewRow,
    RowIssue,
    _apply_values,
    roster_values,
    shown,
)
from .read import Table
from .sheet_rows import income_sheets
from .values import vocabulary

if TYPE_CHECKING:
    from ..desks.desk import Desk

COMPARE_CHUNK = 2000  # stored profiles loaded at a time to compare with the file

# The unit's own columns: a person's row that names their unit by its code does not change the unit.
UNIT_FIELDS = ("employer_name", "credit_code", "district")


def unit_of(values: dict[str, Any], units: list[StoredUnit]) -> StoredUnit | None:
    """The stored unit a row names: by credit code first (the unit's identity, whatever its name is
    now); by name only where one side has no credit code. A unit of the same name with another credit
    code is another unit: matching it by name would move its people to the row's code on every
    re-import and back."""
    code, name = values.get("credit_code"), values.get("employer_name")
    if code:
        hit = next((u for u in units if u.credit_code == code), None)
        if hit:
            return hit
    return next((u for u in units if name and u.name == name and not (code and u.credit_code)), None)


def classify(
    desk: Desk,
    table: Table,
    parsed: list[tuple[int, dict[str, Any], list[RowIssue]]],
    incomes: dict[str, dict[str, float]],
    out: ImportPreview,
) -> None:
    income_rows = incomes.pop("\0rows", {})
    out.income_rows = sum(len(v) for v in incomes.values())
    sheet_name = table.sheet.name
    numbers = {v["id_number"] for _, v, _ in parsed if v.get("id_number")} | set(incomes)
    stored = employees_by_id_number(desk.uow.engine, numbers)
    dupes_in_db = {n for n, ids in stored.items() if len(ids) > 1}
    all_dupes = duplicate_id_numbers(desk.uow.engine)
    if all_dupes:
        out.notices.append(Notice("roster.notice.duplicates-in-database", {"count": len(all_dupes)}))
    pending: list[tuple[PreviewRow, dict[str, Any], int]] = []  # known people, compared below
    units = stored_units(desk.uow.engine)
    seen: dict[str, tuple[int, int]] = {}  # ID → (first row, fingerprint of its values)
    id_column = table.headers[table.columns["id_number"]]
    blank_seen = False
    for number, values, issues in parsed:
        id_number = values.get("id_number")
        name = values.get("name") or ""
        preview_row = PreviewRow(sheet_name, number, "error", name, mask(id_number) if id_number else "")
        preview_row.errors = issues
        if id_number and not issues:
            fingerprint = _fingerprint(values)
            if id_number in seen:
                first, first_fingerprint = seen[id_number]
                if first_fingerprint == fingerprint:
                    preview_row.kind = "repeat"
                    out.notices.append(
                        Notice("roster.notice.same-row-twice", {"row": number, "first": first})
                    )
                else:
                    issues.append(
                        RowIssue(sheet_name, number, id_column, "roster.duplicate-conflict", {"first": first})
                    )
                out.rows.append(preview_row)
                continue
            seen[id_number] = (number, fingerprint)
            if id_number in dupes_in_db:
                issues.append(RowIssue(sheet_name, number, id_column, "roster.duplicate-in-database"))
        if issues:
            out.rows.append(preview_row)
            continue
        values["income"] = {**values.get("income", {}), **incomes.pop(id_number, {})}
        unit = unit_of(values, units)
        if id_number in stored:
            pending.append((preview_row, values, stored[id_number][0]))
        else:
            _new_row(preview_row, values, unit, table, issues)
        out.rows.append(preview_row)
    # Income for people the roster does not list: stored employees are updated, strangers refused.
    roster_ids = {v["id_number"] for _, v, _ in parsed if v.get("id_number")}
    for id_number, months in incomes.items():
        if id_number in roster_ids:  # its roster row is refused: the row's error says what to fix
            continue
        if id_number in stored and id_number not in dupes_in_db:
            row = PreviewRow("", 0, "error", "", mask(id_number))
            pending.append((row, {"income": months}, stored[id_number][0]))
            out.rows.append(row)
        else:
            first_month = sorted(months)[0]
            where = income_rows.get(f"{id_number}|{first_month}", 0)
            out.file_errors.append(
                RowIssue(
                    _income_sheet_of(out, id_number),
                    where,
                    vocabulary().income["id_header"],
                    "roster.income-unknown-person",
                )
            )
    # Known people, a few thousand profiles at a time: 50,000 stored profiles at once would hold
    # hundreds of megabytes for a comparison that keeps only the differences.
    for start in range(0, len(pending), COMPARE_CHUNK):
        chunk = pending[start : start + COMPARE_CHUNK]
        wanted = sorted({employee_id for _, _, employee_id in chunk})
        heads = employee_heads(desk.uow.engine, wanted)  # versions first: a later save shows as newer
        profiles = desk.employees.profiles(wanted)
        for row, values, employee_id in chunk:
            profile = profiles[employee_id]
            row.name = row.name or profile.employee.name
            unit_id, row.version = heads[employee_id]
            same_unit = row_unit_id(values, units) == unit_id
            blank_seen = _changed_row(row, profile, values, employee_id, same_unit) or blank_seen
    if blank_seen:
        out.notices.append(Notice("roster.notice.blank-kept"))
    if out.income_rows:
        out.notices.append(
            Notice(
                "roster.notice.income-sheet",
                {"sheet": "、".join(income_sheets(out)), "count": out.income_rows},
            )
        )


def _fingerprint(values: dict[str, Any]) -> int:
    """Two rows for one person with the same content (a row pasted twice) are one row."""
    return hash(tuple(sorted((k, repr(v)) for k, v in values.items())))


def _income_sheet_of(out: ImportPreview, _id_number: str) -> str:
    sheets = income_sheets(out)
    return sheets[0] if sheets else ""


def _new_row(
    row: PreviewRow, values: dict[str, Any], unit: StoredUnit | None, table: Table, issues: list[RowIssue]
) -> None:
    vocab = vocabulary()
    if unit is not None:
        values["district"] = values.get("district") or unit.district
        values["employer_name"] = values.get("employer_name") or unit.name
    for spec in vocab.columns:
        if spec.required and values.get(spec.field) is None:
            col = table.columns.get(spec.field)
            if col is None:
                issues.append(
                    RowIssue(
                        row.sheet, row.row, spec.header, "roster.missing-column", {"column": spec.header}
                    )
                )
            else:
                issues.append(RowIssue(row.sheet, row.row, table.headers[col], "roster.required"))
    if issues:
        row.errors = issues
        return
    row.kind = "new"
    row.values = values


def row_unit_id(values: dict[str, Any], units: list[StoredUnit]) -> int | None:
    unit = unit_of(values, units) if values.get("credit_code") or values.get("employer_name") else None
    return unit.id if unit is not None else None


def _changed_row(
    row: PreviewRow, stored: Profile, values: dict[str, Any], employee_id: int, same_unit: bool = False
) -> bool:
    """Mark a known person's row changed (with each field's old and new value) or unchanged; returns
    whether a blank cell met a stored value (which is kept). `same_unit`: the row names the unit the
    person is in (by credit code): the unit's own name and district are the unit's facts, not a change
    of this person."""
    vocab = vocabulary()
    if same_unit:
        values = {k: v for k, v in values.items() if k not in UNIT_FIELDS}
    before = roster_values(stored)
    old_income = stored.employee.monthly_income_cny
    income = values.get("income", {})
    row.employee_id = employee_id
    row.kind = "unchanged"
    blank_kept = any(v is None and before.get(k) is not None for k, v in values.items() if k in ROSTER_FIELDS)
    differs = any(v is not None and before[k] != v for k, v in values.items() if k in ROSTER_FIELDS)
    if not differs and all(old_income.get(month) == amount for month, amount in income.items()):
        return blank_kept
    merged = copy.deepcopy(stored)
    _apply_values(merged, values)
    after = roster_values(merged)
    for name in ROSTER_FIELDS:
        if before[name] != after[name]:
            row.changes.append(
                FieldChange(vocab.column(name).header, shown(name, before[name]), shown(name, after[name]))
            )
    income_header = vocab.income["amount_header"]
    for month, amount in sorted(income.items()):
        if old_income.get(month) != amount:
            old = old_income.get(month)
            row.changes.append(
                FieldChange(
                    f"{income_header} {month}", "" if old is None else f"{old:,.2f}", f"{amount:,.2f}"
                )
            )
    merged.employee.monthly_income_cny = {**old_income, **income}
    if row.changes:
        row.kind = "changed"
        row.profile = merged
    return blank_kept
