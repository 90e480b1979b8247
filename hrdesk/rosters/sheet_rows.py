"""A roster's rows read off a spreadsheet: which sheet is the roster, each data row's field values and
the problems of its cells (formulas, text in another encoding, values that are not what the column holds,
names the guides' forms cannot take), and the income sheets beside it (one row per person and month, or
ID × month). Nothing here knows the stored employees: `matching.py` compares the rows with them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..rules.names import NameRejected, check_name
from .plan import ImportPreview, Notice, RowIssue
from .read import RosterFile, Sheet, Table, column_letters, find_table
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

Progress = Callable[[int, int], Any]  # (done, total); may raise to cancel

# Name columns and the kind of name they hold (rules/names.py: limits for people and units).
NAME_FIELDS = {"name": "person", "employer_name": "unit"}


def is_income(table: Table) -> bool:
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
    return table.is_roster() and (bool(extra) or not is_income(table))


def choose_table(book: RosterFile, wanted: str | None, out: ImportPreview) -> Table | None:
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


def _could_be_id(value: Any) -> bool:
    """Whether a cell could hold an ID number, even a damaged one (a number cell that lost digits,
    a text with a digit missing): 14 digits or more. A count such as "3人" or 42 cannot."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return abs(value) >= 1e13
    return sum(ch.isdigit() for ch in str(value)) >= 14


def _skipped(row: list[Any], id_col: int, columns: list[int]) -> str | None:
    """ "footer" for a 合计 / 制表人 row, "blank" for a row with nothing in the roster's columns (a
    序号 alone counts as nothing); None for a row to read. A row with an ID number is always read; a
    合计 row whose ID column holds its count ("3人", 3) is still a footer."""
    id_cell = _cell(row, id_col)
    if not _blank(id_cell) and _could_be_id(id_cell):
        return None
    if any(isinstance(c, str) and is_footer_text(c) for c in row):
        return "footer"
    if not _blank(id_cell):
        return None
    if all(_blank(_cell(row, c)) for c in columns):
        return "blank"
    return None


def read_roster(
    table: Table, out: ImportPreview, progress: Progress | None
) -> list[tuple[int, dict[str, Any], list[RowIssue]]]:
    """Each data row of the roster sheet as (row number, field values, the row's cell problems); blank
    and footer rows are counted in `out`, not returned."""
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
    return parsed


def drop_good_rows(table: Table, out: ImportPreview) -> None:
    """Keep only what the bad-rows workbook needs (the header and the refused rows): the cells of
    50,000 good rows are tens of megabytes."""
    sheet = table.sheet
    keep = {e.row - 1 for e in out.errors if e.sheet == sheet.name}
    for i in range(table.header_row + 1, len(sheet.rows)):
        if i not in keep:
            sheet.rows[i] = []


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


def read_income_sheets(book: RosterFile, roster: Table) -> tuple[dict[str, dict[str, float]], list[RowIssue]]:
    """{ID number: {YYYY-MM: amount}} from the other sheets: the template's 申报收入 sheet (one row per
    person and month) or a sheet of ID × month."""
    incomes: dict[str, dict[str, float]] = {}
    issues: list[RowIssue] = []
    for sheet in book.sheets:
        if sheet is roster.sheet:
            continue
        table = find_table(sheet)
        if table is None or "id_number" not in table.columns or not is_income(table):
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


def income_sheets(out: ImportPreview) -> list[str]:
    return [name for name in out._sheets if name != out.sheet and _sheet_has_income(out._sheets[name])]


def _sheet_has_income(sheet: Sheet) -> bool:
    table = find_table(sheet)
    return table is not None and "id_number" in table.columns and is_income(table)


def _name_reason(value: str, kind: str, lang: str) -> str:
    try:
        check_name(value, kind, lang)
    except NameRejected as exc:
        return str(exc)
    return ""
