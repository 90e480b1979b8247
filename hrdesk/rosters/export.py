"""The roster template and the roster export, both in the template's columns so an export imports back
("0 new, N unchanged"). Every text is written as text: a name that begins with = + - @ never becomes a
live formula (=HYPERLINK(…) stays the characters it is).
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .read import find_table
from .values import vocabulary

if TYPE_CHECKING:
    from ..desks.desk import Desk
    from .plan import ImportPreview

ROSTER_SHEET = "员工名单"
NOTES_SHEET = "填写说明"
DEADLINE_SHEET = "近期期限"
_FORMULA_STARTS = ("=", "+", "-", "@")

STATUS_ZH = {
    "ready": "可申报",
    "missing-materials": "缺材料",
    "not-eligible": "不符合条件",
    "renewal-due": "待续签",
    "valid": "持证有效",
    "expired": "已失效",
    "suspended": "挂起",
    "overdue": "已逾期",
    "unknown": "未检查",
}


def set_text(cell: Any, value: str) -> None:
    """Write `value` as a text cell; text a spreadsheet would evaluate is marked as literal text."""
    cell.value = value
    cell.data_type = "s"
    if value.startswith(_FORMULA_STARTS):
        cell.quotePrefix = True


def _row(ws: Any, values: list[Any]) -> None:
    ws.append([None if isinstance(v, str) else v for v in values])
    row = ws.max_row
    for col, value in enumerate(values, start=1):
        if isinstance(value, str) and value:
            set_text(ws.cell(row=row, column=col), value)
        elif isinstance(value, date):
            ws.cell(row=row, column=col).number_format = "yyyy-mm-dd"


def _headers() -> list[str]:
    return [c.header for c in vocabulary().columns]


def _income_headers() -> list[str]:
    inc = vocabulary().income
    return [inc["id_header"], inc["name_header"], inc["period_header"], inc["amount_header"]]


def write_template(path: Path) -> None:
    """Headers only (no sample row that would import as a person), the income sheet, and a sheet that
    explains each column and its accepted values."""
    from openpyxl import Workbook

    vocab = vocabulary()
    wb = Workbook()
    ws = wb.active
    ws.title = ROSTER_SHEET
    _row(ws, _headers())
    income = wb.create_sheet(vocab.income["sheet"])
    _row(income, _income_headers())
    notes = wb.create_sheet(NOTES_SHEET)
    _row(notes, ["列", "可填写的值"])
    kinds = {
        "date": "日期，如 2024-03-01、2024/3/1、2024年3月1日（年份须写四位）",
        "id": "18位身份证号，请先把该列设置为文本格式再粘贴（数字格式会丢失后三位）",
        "district": "、".join(vocab.district_labels.values()),
        "text": "文字",
    }
    for spec in vocab.columns:
        values = (
            "、".join(vocab.labels[spec.kind].values()) if spec.kind in vocab.labels else kinds[spec.kind]
        )
        _row(notes, [spec.header + ("（必填）" if spec.required else ""), values])
    _row(notes, [vocab.income["sheet"], "每人每月一行：身份证号、姓名、所属期（如 2026-05）、申报收入（元）"])
    for sheet in wb.worksheets:
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 20
    # The ID columns are text, so Excel keeps all 18 digits of a pasted number.
    ws.column_dimensions["B"].number_format = "@"
    income.column_dimensions["A"].number_format = "@"
    _save_workbook(wb, path)


EXPORT_CHUNK = 2000  # stored profiles read at a time: 50,000 at once would hold hundreds of megabytes


def export_xlsx(desk: Desk, path: Path, deadlines: list[tuple[int, str, date, str]] | None = None) -> int:
    """Every employee in the template's columns (full ID numbers: the file is the user's own roster and
    must import back), their status, their declared income, and the upcoming deadlines when given.
    Streamed: profiles are read a few thousand at a time and rows written as they come (a workbook
    that holds 50,000 people's two million income cells in memory needs gigabytes)."""
    from openpyxl import Workbook

    from .plan import roster_values, shown

    vocab = vocabulary()
    summaries = {s.id: s for s in desk.employees.summaries(searchable=False)}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(ROSTER_SHEET)
    status_headers = ["状态", "下一期限", "期限类型"]
    income = wb.create_sheet(vocab.income["sheet"])
    dl = wb.create_sheet(DEADLINE_SHEET) if deadlines is not None else None
    for sheet, headers in ((ws, [*_headers(), *status_headers]), (income, _income_headers())):
        _widths(sheet, len(headers))
        _stream_row(sheet, headers)
    ids = sorted(summaries)
    for start in range(0, len(ids), EXPORT_CHUNK):
        profiles = desk.employees.profiles_present(ids[start : start + EXPORT_CHUNK])
        for employee_id in sorted(profiles):
            profile = profiles[employee_id]
            values = roster_values(profile)
            cells: list[Any] = []
            for spec in vocab.columns:
                value = values[spec.field]
                cells.append(value if isinstance(value, date) else shown(spec.field, value))
            s = summaries[employee_id]
            cells += [
                STATUS_ZH.get(s.status, s.status),
                s.next_deadline if s.next_deadline else "",
                s.next_deadline_code or "",
            ]
            _stream_row(ws, cells)
            for month, amount in sorted(profile.employee.monthly_income_cny.items()):
                _stream_row(income, [profile.employee.id_number, profile.employee.name, month, amount])
    if dl is not None and deadlines is not None:
        names = {i: s.name for i, s in summaries.items()}
        _widths(dl, 4)
        _stream_row(dl, ["日期", "姓名", "期限类型", "说明"])
        for employee_id, code, when, text in sorted(deadlines, key=lambda d: d[2]):
            _stream_row(dl, [when, names.get(employee_id, ""), code, text])
    _save_workbook(wb, path)
    return len(summaries)


def _widths(sheet: Any, columns: int) -> None:
    from openpyxl.utils import get_column_letter

    for col in range(1, columns + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 18


def _stream_row(ws: Any, values: list[Any]) -> None:
    """`_row` for a write-only sheet: text as text cells (formula-like text literal), dates as dates."""
    from openpyxl.cell import WriteOnlyCell

    cells: list[Any] = []
    for value in values:
        if isinstance(value, str):
            if not value:
                cells.append(None)
                continue
            cell = WriteOnlyCell(ws, value=value)
            set_text(cell, value)
            cells.append(cell)
        elif isinstance(value, date):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        else:
            cells.append(value)
    ws.append(cells)


# --- the bad rows, as a workbook to fix and import again ----------------------------------------

ERROR_HEADER = "错误说明"


def write_bad_rows(plan: ImportPreview, target: Path, lang: str = "zh") -> int:
    """The header and the refused rows of each sheet as they were, with an error column at the end;
    cells are written as text (a formula stays text). Returns the number of rows written."""
    from openpyxl import Workbook

    by_sheet: dict[str, dict[int, list[str]]] = {}
    for issue in plan.errors:
        by_sheet.setdefault(issue.sheet, {}).setdefault(issue.row, []).append(issue.text(lang))
    wb = Workbook()
    wb.remove(wb.active)
    written = 0
    for sheet_name, rows in by_sheet.items():
        source = plan._sheets.get(sheet_name)
        ws = wb.create_sheet((sheet_name or "错误")[:31])
        if source is None:
            ws.append([ERROR_HEADER])
            for messages in rows.values():
                ws.append(["；".join(messages)])
            continue
        header_index = plan._header_rows.get(sheet_name)
        if header_index is None:
            table = find_table(source)
            header_index = table.header_row if table else 0
        header = list(source.rows[header_index]) if source.rows else []
        width = max([len(header)] + [len(source.rows[n - 1]) for n in rows if 0 < n <= len(source.rows)])
        _append(ws, [*header, *[None] * (width - len(header)), ERROR_HEADER])
        for number in sorted(rows):
            cells = list(source.rows[number - 1]) if 0 < number <= len(source.rows) else []
            _append(ws, [*cells, *[None] * (width - len(cells)), "；".join(rows[number])])
            written += 1
        ws.column_dimensions["A"].width = 14
    if not wb.worksheets:
        wb.create_sheet("错误")
    _save_workbook(wb, target)
    return written


def _append(ws: Any, values: list[Any]) -> None:
    ws.append([None if v == "" else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            set_text(cell, cell.value)


def _save_workbook(wb: Any, path: Path) -> None:
    """Written whole or not at all (a partial file, then a rename), owner-only: a roster holds ID
    numbers and incomes."""
    from ..fileio import owner_only

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        wb.save(tmp)
        owner_only(tmp)
        tmp.replace(path)
    except BaseException:  # a full disk leaves no half-written partial file behind
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
