"""Roster import in two steps: `preview` reads the file and says, before anything is written, which
rows are new people, which change a known person (field by field), which change nothing, and which are
wrong and how to fix them; `apply` writes what the user confirmed.

One person, one record: rows are matched to stored employees by ID number. All-or-nothing stays the
default; `keep_good_rows=True` is the explicit choice to write the good rows and leave the bad ones (which
`write_bad_rows` saves as a workbook with an error column, ready to fix and import again). Writes go in
batches of a few hundred rows per transaction, so a save elsewhere never waits long; re-importing the
same file after a cancel completes it (known people come out unchanged).
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from ..rules.idnumber import mask
from ..rules.names import NameRejected, check_name
from ..rules.profile import Employer, Profile, ProfileError, parse_profile
from .batch_store import (
    StoredUnit,
    duplicate_id_numbers,
    employee_heads,
    employees_by_id_number,
    ensure_unique_index,
    insert_profiles,
    stored_units,
)
from .plan import (
    ROSTER_FIELDS,
    FieldChange,
    ImportPreview,
    ImportRejected,
    ImportResult,
    Notice,
    PreviewRow,
    RowIssue,
    _apply_values,
    message_text,
    roster_values,
    shown,
)
from .read import RosterFile, RosterReadError, Sheet, Table, column_letters, find_table, read_file
from .values import (
    CellProblem,
    clean_text,
    field_value,
    header_key,
    id_from_cell,
    id_text,
    is_footer_text,
    money_from_cell,
    month_from_cell,
    rounded_column,
    vocabulary,
)

if TYPE_CHECKING:
    from ..desks.desk import Desk

COMPARE_CHUNK = 2000  # stored profiles loaded at a time to compare with the file
BATCH_ROWS = 500  # rows per transaction: a user's save elsewhere waits at most for one batch
STATUS_INLINE_LIMIT = 2000  # more new employees than this: statuses are computed by the app's refresh
Progress = Callable[[int, int], Any]  # (done, total); may raise to cancel
log = logging.getLogger(__name__)


# --- preview ------------------------------------------------------------------------------------


def preview(
    desk: Desk,
    path: Path,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read and check the whole file against the stored employees; writes nothing."""
    out = ImportPreview(path)
    if path.suffix.lower() == ".json":
        return _preview_json(desk, path, out)
    try:
        book = read_file(path)
    except RosterReadError as exc:
        out.file_errors.append(RowIssue("", 0, "", exc.problem.code, exc.problem.params))
        return out
    except Exception:  # whatever a hostile file does to a reader, the user gets a line, not a traceback
        log.exception("roster read failed: %s", path.suffix)
        out.file_errors.append(RowIssue("", 0, "", "roster.file-unreadable", {"file": path.name}))
        return out
    table = _choose_table(book, sheet, out)
    if table is None:
        return out
    out._sheets = {s.name: s for s in book.sheets}
    _read_roster(desk, table, out, book, progress)
    return out


def _is_income(table: Table) -> bool:
    return bool(table.month_columns) or _income_columns(table) is not None


def _income_columns(table: Table) -> tuple[int, int] | None:
    """(period column, amount column) of a one-row-per-month income sheet."""
    inc = vocabulary().income
    periods = {header_key(h) for h in (inc["period_header"], *inc["period_synonyms"])}
    amounts = {header_key(h) for h in (inc["amount_header"], *inc["amount_synonyms"])}
    row = table.sheet.rows[table.header_row]
    period = next((i for i, c in enumerate(row) if header_key(c) in periods), None)
    amount = next((i for i, c in enumerate(row) if header_key(c) in amounts), None)
    return None if period is None or amount is None else (period, amount)


def _is_roster(table: Table) -> bool:
    extra = set(table.columns) - {"name", "id_number"}
    return table.is_roster() and (bool(extra) or not _is_income(table))


def _choose_table(book: RosterFile, wanted: str | None, out: ImportPreview) -> Table | None:
    tables = [t for t in (find_table(s) for s in book.sheets) if t is not None]
    rosters = [t for t in tables if _is_roster(t)]
    out.roster_sheets = [t.sheet.name for t in rosters]
    names = "、".join(out.roster_sheets)
    if not rosters:
        out.file_errors.append(RowIssue("", 0, "", "roster.no-table"))
        return None
    if wanted is not None:
        chosen = next((t for t in rosters if t.sheet.name == wanted), None)
        if chosen is None:
            out.file_errors.append(
                RowIssue("", 0, "", "roster.sheet-unknown", {"sheet": wanted, "sheets": names})
            )
            return None
    else:
        active = book.sheets[book.active].name
        chosen = next((t for t in rosters if t.sheet.name == active), None)
        if chosen is None and len(rosters) == 1:
            chosen = rosters[0]
        if chosen is None:
            out.file_errors.append(RowIssue("", 0, "", "roster.several-sheets", {"sheets": names}))
            return None
        others = [t.sheet.name for t in rosters if t is not chosen]
        if others:
            out.notices.append(Notice("roster.notice.other-sheets", {"sheets": "、".join(others)}))
    out.sheet = chosen.sheet.name
    out.notices.append(
        Notice("roster.notice.sheet", {"sheet": chosen.sheet.name, "row": chosen.header_row + 1})
    )
    if chosen.ignored:
        out.notices.append(Notice("roster.notice.ignored-columns", {"columns": "、".join(chosen.ignored)}))
    for hidden, visible in chosen.hidden_replaced:
        out.notices.append(Notice("roster.notice.hidden-column", {"hidden": hidden, "visible": visible}))
    out._header_rows[chosen.sheet.name] = chosen.header_row
    return chosen


def _cell(row: list[Any], col: int) -> Any:
    return row[col] if col < len(row) else None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def _skipped(row: list[Any], id_col: int, columns: list[int]) -> str | None:
    """ "footer" for a 合计 / 制表人 row, "blank" for a row with nothing in the roster's columns (a
    序号 alone counts as nothing); None for a row to read. A row with an ID number is always read."""
    if not _blank(_cell(row, id_col)):
        return None
    if any(isinstance(c, str) and is_footer_text(c) for c in row):
        return "footer"
    if all(_blank(_cell(row, c)) for c in columns):
        return "blank"
    return None


def _read_roster(
    desk: Desk, table: Table, out: ImportPreview, book: RosterFile, progress: Progress | None
) -> None:
    vocab = vocabulary()
    sheet = table.sheet
    data = sheet.rows[table.header_row + 1 :]
    first = table.header_row + 2  # spreadsheet row number of data[0]
    id_col = table.columns["id_number"]
    rounded = rounded_column([id_text(_cell(r, id_col)) for r in data])
    rounded_count = sum(1 for r in data if id_text(_cell(r, id_col)).endswith("000"))
    parsed: list[tuple[int, dict[str, Any], list[RowIssue]]] = []
    total = len(data)
    read_columns = [*table.columns.values(), *table.month_columns]
    blanks = 0  # blank rows since the last row read: counted once a row follows them
    for index, row in enumerate(data):
        if progress and index % 1000 == 0:
            progress(index, total)
        skipped = _skipped(row, id_col, read_columns)
        if skipped == "blank":
            blanks += 1
            continue
        out.skipped_blank += blanks
        blanks = 0
        if skipped == "footer":
            out.skipped_footer += 1
            continue
        number = first + index
        values: dict[str, Any] = {}
        issues: list[RowIssue] = []
        for spec in vocab.columns:
            col = table.columns.get(spec.field)
            if col is None:
                continue
            column = table.headers[col]
            raw = _cell(row, col)
            problem = _cell_problem(sheet, table.header_row + 1 + index, col)
            if problem:  # a formula, or text in another encoding: what the cell shows is not a fact
                issues.append(RowIssue(sheet.name, number, column, problem, cell=_cell_name(number, col)))
                continue
            try:
                values[spec.field] = field_value(spec.kind, raw, sheet.date1904)
            except CellProblem as problem:
                issues.append(
                    RowIssue(
                        sheet.name, number, column, problem.code, problem.params, cell=_cell_name(number, col)
                    )
                )
                continue
            if spec.field == "id_number" and rounded and values[spec.field] is not None:
                issues.append(
                    RowIssue(sheet.name, number, column, "roster.id-rounded", {"count": rounded_count})
                )
            if spec.required and spec.field in ("name", "id_number") and values[spec.field] is None:
                issues.append(RowIssue(sheet.name, number, column, "roster.required"))
            if spec.field in NAME_FIELDS and values[spec.field]:
                kind = NAME_FIELDS[spec.field]
                try:
                    check_name(values[spec.field], kind)
                except NameRejected:  # too long, a line break, a bidi or invisible character
                    reasons = {lang: _name_reason(values[spec.field], kind, lang) for lang in ("zh", "en")}
                    issues.append(
                        RowIssue(
                            sheet.name,
                            number,
                            column,
                            "roster.name-rejected",
                            {"reason_zh": reasons["zh"], "reason_en": reasons["en"]},
                        )
                    )
        for col, month in table.month_columns.items():
            raw = _cell(row, col)
            if raw is None or (isinstance(raw, str) and not clean_text(raw)):
                continue
            where = _cell_name(number, col)
            problem = _cell_problem(sheet, table.header_row + 1 + index, col)
            if problem:
                issues.append(RowIssue(sheet.name, number, table.headers[col], problem, cell=where))
                continue
            try:
                values.setdefault("income", {})[month] = money_from_cell(raw)
            except CellProblem as problem:
                issues.append(
                    RowIssue(sheet.name, number, table.headers[col], problem.code, problem.params, cell=where)
                )
        parsed.append((number, values, issues))
    if out.skipped_footer or out.skipped_blank:
        out.notices.append(
            Notice("roster.notice.skipped-rows", {"footer": out.skipped_footer, "blank": out.skipped_blank})
        )
    incomes, income_issues = _read_income_sheets(book, table)
    out.file_errors.extend(income_issues)
    _classify(desk, table, parsed, incomes, out)
    # Keep only what the bad-rows workbook needs (the header and the refused rows): the cells of
    # 50,000 good rows are tens of megabytes.
    keep = {e.row - 1 for e in out.errors if e.sheet == sheet.name}
    for i in range(table.header_row + 1, len(sheet.rows)):
        if i not in keep:
            sheet.rows[i] = []
    if progress:
        progress(total, total)


def _cell_problem(sheet: Sheet, row_index: int, col: int) -> str | None:
    """A cell whose value cannot be taken as it is read: a formula (Excel's cached result, perhaps
    from a linked file) or text that decoded in one encoding but was written in another."""
    if (row_index, col) in sheet.formula_cells:
        return "roster.formula"
    if (row_index, col) in sheet.suspect_cells:
        return "roster.cell-encoding"
    return None


def _cell_name(row_number: int, col: int) -> str:
    return f"{column_letters(col)}{row_number}"


def _read_income_sheets(
    book: RosterFile, roster: Table
) -> tuple[dict[str, dict[str, float]], list[RowIssue]]:
    """{ID number: {YYYY-MM: amount}} from the other sheets: the template's 申报收入 sheet (one row per
    person and month) or a sheet of ID × month."""
    incomes: dict[str, dict[str, float]] = {}
    issues: list[RowIssue] = []
    for sheet in book.sheets:
        if sheet is roster.sheet:
            continue
        table = find_table(sheet)
        if table is None or "id_number" not in table.columns or not _is_income(table):
            continue
        long = _income_columns(table)
        id_col = table.columns["id_number"]
        for index, row in enumerate(sheet.rows[table.header_row + 1 :]):
            number = table.header_row + 2 + index
            raw_id = _cell(row, id_col)
            if raw_id is None or (isinstance(raw_id, str) and not clean_text(raw_id)):
                continue
            problem = _cell_problem(sheet, number - 1, id_col)
            if problem:
                issues.append(
                    RowIssue(
                        sheet.name, number, table.headers[id_col], problem, cell=_cell_name(number, id_col)
                    )
                )
                continue
            try:
                id_number = id_from_cell(raw_id)
            except CellProblem as problem:
                issues.append(
                    RowIssue(sheet.name, number, table.headers[id_col], problem.code, problem.params)
                )
                continue
            cells: list[tuple[str | None, Any, str, int]] = []
            if long is not None:
                period_raw = _cell(row, long[0])
                month = month_from_cell(period_raw)
                if month is None:
                    issues.append(
                        RowIssue(
                            sheet.name,
                            number,
                            str(sheet.rows[table.header_row][long[0]]),
                            "roster.income-period",
                            {"text": clean_text(period_raw)},
                        )
                    )
                    continue
                cells.append(
                    (month, _cell(row, long[1]), str(sheet.rows[table.header_row][long[1]]), long[1])
                )
            cells += [(m, _cell(row, c), table.headers[c], c) for c, m in table.month_columns.items()]
            for month, raw, column, col in cells:
                if raw is None or (isinstance(raw, str) and not clean_text(raw)):
                    continue
                where = _cell_name(number, col)
                problem = _cell_problem(sheet, number - 1, col)
                if problem:
                    issues.append(RowIssue(sheet.name, number, column, problem, cell=where))
                    continue
                try:
                    incomes.setdefault(id_number, {})[month] = money_from_cell(raw)
                except CellProblem as problem:
                    issues.append(
                        RowIssue(sheet.name, number, column, problem.code, problem.params, cell=where)
                    )
                    continue
                incomes.setdefault("\0rows", {})[f"{id_number}|{month}"] = number
    return incomes, issues


def _unit_of(values: dict[str, Any], units: list[StoredUnit]) -> StoredUnit | None:
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


def _classify(
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
        unit = _unit_of(values, units)
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
            same_unit = _row_unit_id(values, units) == unit_id
            blank_seen = _changed_row(row, profile, values, employee_id, same_unit) or blank_seen
    if blank_seen:
        out.notices.append(Notice("roster.notice.blank-kept"))
    if out.income_rows:
        out.notices.append(
            Notice(
                "roster.notice.income-sheet",
                {"sheet": "、".join(_income_sheets(out)), "count": out.income_rows},
            )
        )


def _fingerprint(values: dict[str, Any]) -> int:
    """Two rows for one person with the same content (a row pasted twice) are one row."""
    return hash(tuple(sorted((k, repr(v)) for k, v in values.items())))


def _income_sheets(out: ImportPreview) -> list[str]:
    return [name for name in out._sheets if name != out.sheet and _sheet_has_income(out._sheets[name])]


def _sheet_has_income(sheet: Sheet) -> bool:
    table = find_table(sheet)
    return table is not None and "id_number" in table.columns and _is_income(table)


def _income_sheet_of(out: ImportPreview, _id_number: str) -> str:
    sheets = _income_sheets(out)
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


def _row_unit_id(values: dict[str, Any], units: list[StoredUnit]) -> int | None:
    unit = _unit_of(values, units) if values.get("credit_code") or values.get("employer_name") else None
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


def _material_file_problems(base_dir: Path, name: str) -> list[tuple[str, dict[str, Any]]]:
    """Why the vault would refuse a profile's material file (a `(code, params)` each), checked before
    anything is written: outside the profile's folder, or what the vault itself refuses (`source_problem`).
    A file that does not exist is no refusal: the material is recorded without its scan, as before."""
    from ..materials.paths import MaterialPathError, material_file_in
    from ..store.vault import source_problem

    try:
        file = material_file_in(base_dir, name)
    except MaterialPathError:
        absolute = Path(name).is_absolute() or name.startswith(("/", "\\"))
        return [("material.path-absolute" if absolute else "material.path-outside", {"name": name})]
    if not file.exists():
        return []  # recorded without a file, as the JSON's materials list may name scans to come
    problem = source_problem(file)
    if problem is None:
        return []
    key, params = problem
    if key.startswith("store.source-"):  # the import's own words: the JSON's folder, the name as written
        key, params = key.replace("store.source-", "material.file-"), {**params, "name": name}
    return [(key, params)]


def _preview_json(desk: Desk, path: Path, out: ImportPreview) -> ImportPreview:
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
                RowIssue(path.name, i, "profile", "roster.profile-invalid", {"reason": str(exc)})
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
            same_unit = _row_unit_id(unit, units) == unit_id
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


# --- apply --------------------------------------------------------------------------------------


def apply(
    desk: Desk,
    plan: ImportPreview,
    keep_good_rows: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the new and changed rows of a preview, against the preview: a person anyone saved (or
    deleted) since the preview read them, or a new person someone else added meanwhile, is a conflict
    (skipped and listed in `result.conflicts`), never overwritten. Unchanged rows are not written.
    Refuses (ImportRejected, nothing written) when the preview has errors, unless `keep_good_rows`;
    file-level errors always refuse. A database lost part-way raises ImportInterrupted with the count
    of rows stored: each batch is its own transaction, and the same file imported again finishes it."""
    errors = plan.errors
    if plan.file_errors or (errors and not keep_good_rows):
        raise ImportRejected(errors)
    if not plan.rows:
        raise ImportRejected([RowIssue("", 0, "", "roster.file-empty", {"file": plan.file.name})])
    ensure_unique_index(desk.uow.engine)
    result = ImportResult(
        unchanged=plan.count("unchanged") + plan.count("repeat"), skipped_rows=plan.count("error")
    )
    new_rows = [r for r in plan.rows if r.kind == "new"]
    changed_rows = [r for r in plan.rows if r.kind == "changed"]
    total = len(new_rows) + len(changed_rows)
    try:
        _apply_rows(desk, plan, result, new_rows, changed_rows, total, progress)
    except _Cancel:
        result.cancelled = True
    except DBAPIError as exc:
        # The server stopped or the connection dropped: what is committed stays (batch by batch), and
        # the same file imported again skips it as unchanged. Only the kind of fault is logged: the
        # driver's text quotes the statement, and with it people's names.
        log.warning(
            "roster import interrupted: %s", type(exc.orig).__name__ if exc.orig else type(exc).__name__
        )
        raise ImportInterrupted(len(result.new_ids) + len(result.updated_ids), total) from None
    if result.new_ids:
        if len(result.new_ids) <= STATUS_INLINE_LIMIT:
            desk.employees.refresh_statuses(on=today, ids=result.new_ids)
        else:
            result.statuses_pending = len(result.new_ids)
    if progress and not result.cancelled:
        progress(total, total)
    ensure_unique_index(desk.uow.engine)
    return result


def _apply_rows(
    desk: Desk,
    plan: ImportPreview,
    result: ImportResult,
    new_rows: list[PreviewRow],
    changed_rows: list[PreviewRow],
    total: int,
    progress: Progress | None,
) -> None:
    from ..store.versions import StaleVersion

    done = 0
    units = stored_units(desk.uow.engine)
    from_json = plan.base_dir is not None  # profile JSON carries the unit's facts and material files
    for start in range(0, len(new_rows), BATCH_ROWS):
        batch = new_rows[start : start + BATCH_ROWS]
        if progress:
            progress(done, total)
        # Someone else may have added one of these people since the preview: theirs stays.
        built = [(r, r.new_profile()) for r in batch]
        taken = employees_by_id_number(desk.uow.engine, [p.employee.id_number for _, p in built])
        result.conflicts += [r for r, p in built if p.employee.id_number in taken]
        profiles = [p for _, p in built if p.employee.id_number not in taken]
        unit_ids = [_unit_id(desk, units, p.employer, full=from_json) for p in profiles]
        with desk.uow.session() as s:
            ids = insert_profiles(desk, s, profiles, unit_ids, plan.base_dir)
        result.new_ids += ids
        done += len(batch)
    for r in changed_rows:
        if progress and done % 50 == 0:
            progress(done, total)
        assert r.profile is not None and r.employee_id is not None
        unit_id = _unit_id(desk, units, r.profile.employer, full=from_json)
        try:
            # The version the preview read: a save by anyone since then refuses this row.
            desk.employees.update_profile(
                r.employee_id, r.profile, employer_id=unit_id, expected_version=r.version
            )
        except (StaleVersion, KeyError):
            result.conflicts.append(r)
        else:
            result.updated_ids.append(r.employee_id)
        done += 1


class ImportInterrupted(RuntimeError):
    """The database went away part-way through an import: `stored` of `total` rows were written."""

    def __init__(self, stored: int, total: int) -> None:
        super().__init__(f"import interrupted after {stored} of {total} rows")
        self.stored, self.total = stored, total


class _Cancel(Exception):
    """Raised by a progress callback to stop after the current batch (see `Cancelled`)."""


Cancelled = _Cancel


def _unit_id(desk: Desk, units: list[StoredUnit], employer: Employer, full: bool = False) -> int:
    """The stored unit for a row (by credit code, then name), created on first use. `full`: a profile
    from JSON brings the unit's own facts for a new unit (a roster row only its name, code and district)."""
    values = {"credit_code": employer.credit_code, "employer_name": employer.name}
    unit = _unit_of(values, units)
    if unit is None:
        # A new unit gets only what the file says of it, never another unit's facts.
        fresh = (
            employer
            if full
            else Employer(name=employer.name, credit_code=employer.credit_code, district=employer.district)
        )
        new_id = desk.units.save_employer(fresh)
        unit = StoredUnit(new_id, employer.name, employer.credit_code, employer.district)
        units.append(unit)
    return unit.id


def import_file(
    desk: Desk,
    path: Path,
    keep_good_rows: bool = False,
    sheet: str | None = None,
    today: date | None = None,
) -> ImportResult:
    """Preview and apply in one go (the CLI without --dry-run, and scripts)."""
    return apply(desk, preview(desk, path, sheet), keep_good_rows, today)


__all__ = [
    "BATCH_ROWS",
    "Cancelled",
    "FieldChange",
    "ImportInterrupted",
    "ImportPreview",
    "ImportRejected",
    "ImportResult",
    "Notice",
    "PreviewRow",
    "RowIssue",
    "apply",
    "import_file",
    "message_text",
    "shown",
    "preview",
    "roster_values",
]


# The unit's own columns: a person's row that names their unit by its code does not change the unit.
UNIT_FIELDS = ("employer_name", "credit_code", "district")

# Name columns and the kind of name they hold (rules/names.py: limits for people and units).
NAME_FIELDS = {"name": "person", "employer_name": "unit"}


def _name_reason(value: str, kind: str, lang: str) -> str:
    try:
        check_name(value, kind, lang)
    except NameRejected as exc:
        return str(exc)
    return ""
