"""Reading a roster file as the office saved it: which sheets there are, which one is active, which
columns are hidden, which cells still hold formulas, and where the header row is.

.xlsx and .xls through python-calamine (fast, little memory, reads WPS files too); the active sheet, the
hidden columns and the formula cells of an .xlsx come from its XML, which calamine does not expose.
CSV in UTF-8 (with or without BOM), UTF-16 or GB18030, with the delimiter sniffed.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from .values import CellProblem, header_key, month_from_cell, vocabulary

SPREADSHEETS = (".xlsx", ".xlsm", ".xls")
HEADER_SCAN_ROWS = 30  # title rows and group rows above the header: offices rarely have more than 3


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]  # every row from the sheet's first row, cells from its first column
    hidden_columns: frozenset[int] = frozenset()
    formula_cells: frozenset[tuple[int, int]] = frozenset()  # (row index, column index), 0-based


@dataclass
class RosterFile:
    name: str
    sheets: list[Sheet]
    active: int = 0


@dataclass
class Table:
    """A roster found on a sheet: the header row and the columns it maps to fields."""

    sheet: Sheet
    header_row: int  # 0-based index of the header row (data starts below it)
    columns: dict[str, int]  # field → column index (the visible one when two columns mean the same)
    headers: dict[int, str]  # column index → header as written (for messages)
    ignored: list[str] = field(default_factory=list)  # unknown headers, as written
    hidden_replaced: list[tuple[str, str]] = field(default_factory=list)  # (hidden header, visible header)
    month_columns: dict[int, str] = field(default_factory=dict)  # column → YYYY-MM (income by month)

    @property
    def score(self) -> int:
        return len(self.columns)

    def is_roster(self) -> bool:
        return "name" in self.columns and "id_number" in self.columns


class RosterReadError(Exception):
    """The file as a whole cannot be read; `problem` says why and how to fix it."""

    def __init__(self, problem: CellProblem) -> None:
        super().__init__(problem.code)
        self.problem = problem


# --- files --------------------------------------------------------------------------------------


def read_file(path: Path) -> RosterFile:
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        return _read_spreadsheet(path)
    if suffix in (".csv", ".txt"):
        return RosterFile(path.name, [Sheet(path.stem, _read_csv(path))])
    raise RosterReadError(CellProblem("roster.file-type", file=path.name))


def _read_spreadsheet(path: Path) -> RosterFile:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        visible = {m.name for m in book.sheets_metadata if str(m.visible).endswith(".Visible")}
        raw = {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in names}
        book.close()
    except Exception:
        raise RosterReadError(CellProblem("roster.file-unreadable", file=path.name)) from None
    extras = _xlsx_extras(path) if path.suffix.lower() != ".xls" else {}
    active_name = extras.pop("__active__", None)
    sheets = [
        Sheet(name, raw[name], *extras.get(name, (frozenset(), frozenset())))
        for name in names
        if name in visible or name == active_name
    ]
    if not sheets:
        raise RosterReadError(CellProblem("roster.file-empty", file=path.name))
    active = next((i for i, s in enumerate(sheets) if s.name == active_name), 0)
    return RosterFile(path.name, sheets, active)


_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_COL = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
_FORMULA_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*\br="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b')


def _xlsx_extras(path: Path) -> dict[str, Any]:
    """{sheet name: (hidden columns, formula cells)} and "__active__": the active sheet's name."""
    out: dict[str, Any] = {}
    try:
        with zipfile.ZipFile(path) as z:
            book = ElementTree.fromstring(z.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", _NS)}
            sheets = book.findall("m:sheets/m:sheet", _NS)
            view = book.find("m:bookViews/m:workbookView", _NS)
            active = int(view.get("activeTab", "0")) if view is not None else 0
            if 0 <= active < len(sheets):
                out["__active__"] = sheets[active].get("name")
            for sheet in sheets:
                target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
                member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                with z.open(member) as stream:
                    out[sheet.get("name")] = _scan_sheet_xml(stream)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return {}
    return out


_CHUNK = 1 << 20
_OVERLAP = 1024  # longer than any cell's opening tag, so a tag cut by a chunk boundary is seen whole


def _scan_sheet_xml(stream: Any) -> tuple[frozenset[int], frozenset[tuple[int, int]]]:
    """Hidden columns (from <cols>, before the data) and formula cells, reading the sheet's XML a
    megabyte at a time: a 50,000-row sheet is ~50 MB of XML that need not be in memory at once."""
    hidden: set[int] = set()
    formulas: set[tuple[int, int]] = set()
    carry = b""
    head_done = False
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        buffer = carry + chunk
        if not head_done:
            end = buffer.find(b"sheetData")
            for tag in _COL.findall(buffer if end < 0 else buffer[:end]):
                attrs = dict(_ATTR.findall(tag))
                if attrs.get(b"hidden") in (b"1", b"true"):
                    hidden.update(range(int(attrs[b"min"]) - 1, int(attrs[b"max"])))
            head_done = end >= 0
        if b"<f" in buffer or b":f" in buffer:
            formulas.update((int(row) - 1, _column_index(col)) for col, row in _FORMULA_CELL.findall(buffer))
        carry = buffer[-_OVERLAP:]
    return frozenset(hidden), frozenset(formulas)


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if raw[:200].count(b"\x00") > 20:  # UTF-16 without a BOM (every other byte of ASCII is 0)
        return raw.decode("utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be", errors="strict")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterReadError(CellProblem("roster.file-encoding", file=name))


def _delimiter(text: str) -> str:
    """The delimiter that splits the busiest of the first lines into the most cells."""
    lines = [line for line in text.splitlines()[:HEADER_SCAN_ROWS] if line.strip()]
    best, best_count = ",", 0
    for candidate in (",", ";", "\t", "|"):
        count = max((line.count(candidate) for line in lines), default=0)
        if count > best_count:
            best, best_count = candidate, count
    return best


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        raw = path.read_bytes()
    except OSError:
        raise RosterReadError(CellProblem("roster.file-unreadable", file=path.name)) from None
    try:
        text = _decode(raw, path.name)
    except UnicodeDecodeError:
        raise RosterReadError(CellProblem("roster.file-encoding", file=path.name)) from None
    text = text.lstrip("\ufeff")
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=_delimiter(text))]


# --- the table on a sheet -----------------------------------------------------------------------


def _filled_forward(row: list[Any]) -> list[str]:
    """A group row (基本信息 | | | 证件信息 | |): merged cells leave the value in the first cell only."""
    out, last = [], ""
    for cell in row:
        text = "" if cell is None else str(cell).strip()
        last = text or last
        out.append(last)
    return out


def _known(text: str) -> str | None:
    return vocabulary().header_to_field.get(header_key(text)) if text else None


def find_table(sheet: Sheet) -> Table | None:
    """The best header row among the first rows: the one naming the most template columns, reading a
    two-level header as group + sub-header (证件 | 有效期至 → 证件有效期至) and a vertically merged
    cell from the row above."""
    best: Table | None = None
    previous: list[Any] = []
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        table = _table_at(sheet, index, row, previous)
        if table.score >= 2 and (best is None or table.score > best.score):
            best = table
        previous = row
    return best


def _table_at(sheet: Sheet, index: int, row: list[Any], above_row: list[Any]) -> Table:
    vocab = vocabulary()
    candidates: dict[str, list[int]] = {}
    headers: dict[int, str] = {}
    ignored: list[str] = []
    months: dict[int, str] = {}
    groups = _filled_forward(above_row)
    for col, cell in enumerate(row):
        text = "" if cell is None else str(cell).strip()
        if text:  # a sub-header under a group (证件 | 有效期至), or a header on its own
            names = [groups[col] + text, text] if col < len(groups) else [text]
        else:  # a header merged over two rows keeps its text in the upper cell
            above = above_row[col] if col < len(above_row) else None
            names = ["" if above is None else str(above).strip()]
        field_name = None
        for name in names:
            field_name = _known(name)
            if field_name:
                headers[col] = name
                break
        if field_name:
            candidates.setdefault(field_name, []).append(col)
            continue
        month = month_from_cell(cell) if text or cell is not None else None
        if month:
            months[col] = month
            headers[col] = text
        elif text and header_key(text) not in vocab.export_only:
            ignored.append(text)
    columns: dict[str, int] = {}
    replaced: list[tuple[str, str]] = []
    for field_name, cols in candidates.items():
        visible = [c for c in cols if c not in sheet.hidden_columns]
        chosen = visible[0] if visible else cols[0]
        columns[field_name] = chosen
        for other in cols:
            if other != chosen:
                replaced.append((headers[other], headers[chosen]))
    return Table(sheet, index, columns, headers, ignored, replaced, months)


def roster_tables(book: RosterFile, progress: Callable[[int, int], None] | None = None) -> list[Table]:
    """The sheets that hold a roster (a header with 姓名 and 身份证号), in workbook order."""
    tables = []
    for sheet in book.sheets:
        table = find_table(sheet)
        if table is not None and table.is_roster():
            tables.append(table)
    return tables
