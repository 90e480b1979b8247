"""Reading a roster file as the office saved it: which sheets there are, which one is active, which
columns are hidden, which cells still hold formulas, and where the header row is.

.xlsx and .xls through python-calamine (fast, little memory, reads WPS files too); the active sheet, the
hidden columns and the formula cells of an .xlsx come from its XML, which calamine does not expose.
CSV in UTF-8 (with or without BOM), UTF-16 or GB18030, with the delimiter sniffed.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
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
    date1904: bool = False  # the workbook counts serial dates from 1904 (Mac Excel): serial 0 = 1904-01-01
    suspect_cells: frozenset[tuple[int, int]] = frozenset()  # text that decoded but may be mojibake


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
        return RosterFile(path.name, [_read_csv(path)])
    raise RosterReadError(CellProblem("roster.file-type", file=path.name))


# Bounds checked before calamine reads a byte: calamine holds each part inflated and allocates a
# sheet's whole used rectangle (rows × columns × 32 bytes), so one stray cell at XFD1048576 asks for
# 512 GiB and a zip bomb for gigabytes — and the window reads rosters in its own process. A 50,000-row
# roster is ~50 MB of sheet XML and under a million cells; these leave room for four times that.
MAX_FILE_BYTES = 256 << 20  # the file on disk (any roster)
MAX_CSV_BYTES = 64 << 20  # a CSV is held as Python strings: ~6× its size
MAX_PART_BYTES = 256 << 20  # one XML part of an .xlsx, inflated
MAX_STRINGS_BYTES = 64 << 20  # the shared strings (every distinct text of the workbook)
MAX_XML_BYTES = 512 << 20  # all XML parts together
MAX_CELLS = 5_000_000  # the used rectangle of a sheet (first cell A1 to the farthest row and column)


def _check_size(path: Path, limit: int) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        raise RosterReadError(CellProblem("roster.file-unreadable", file=path.name)) from None
    if size > limit:
        raise RosterReadError(CellProblem("roster.file-too-large", file=path.name, mb=limit >> 20))


def _read_spreadsheet(path: Path) -> RosterFile:
    from python_calamine import CalamineWorkbook

    _check_size(path, MAX_FILE_BYTES)
    extras = _xlsx_extras(path) if path.suffix.lower() != ".xls" else _Extras()
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        visible = {m.name for m in book.sheets_metadata if str(m.visible).endswith(".Visible")}
        raw = {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in names}
        book.close()
    except Exception:
        raise RosterReadError(CellProblem("roster.file-unreadable", file=path.name)) from None
    sheets = []
    for name in names:
        if name not in visible and name != extras.active:
            continue
        scan = extras.sheets.get(name, _SheetScan())
        sheets.append(Sheet(name, raw[name], scan.hidden, frozenset(scan.formulas), extras.date1904))
    if not sheets:
        raise RosterReadError(CellProblem("roster.file-empty", file=path.name))
    active = next((i for i, s in enumerate(sheets) if s.name == extras.active), 0)
    return RosterFile(path.name, sheets, active)


_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_COL = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
_FORMULA_CELL = re.compile(rb"""<(?:\w+:)?c\b[^>]*\br\s*=\s*["']([A-Z]+)(\d+)["'][^>]*>\s*<(?:\w+:)?f\b""")
_DATE1904 = re.compile(rb'<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"')


@dataclass
class _SheetScan:
    """What one worksheet part says that calamine does not: hidden columns, formula cells, and the
    used rectangle (the farthest row and column holding a value, and the cells that reach them)."""

    hidden: frozenset[int] = frozenset()
    formulas: set[tuple[int, int]] = field(default_factory=set)
    rows: int = 0  # 1 + the last row index holding a value
    columns: int = 0
    far_row_cell: str = ""  # a cell on that last row
    far_column_cell: str = ""  # a cell in that last column


@dataclass
class _Extras:
    sheets: dict[str, _SheetScan] = field(default_factory=dict)  # by sheet name
    active: str | None = None
    date1904: bool = False


def _xlsx_extras(path: Path) -> _Extras:
    """Every XML part measured as it inflates (declared sizes are not trusted) and every worksheet
    scanned, before calamine sees the file: a bomb or a far cell is refused here."""
    out = _Extras()
    try:
        with zipfile.ZipFile(path) as z, open(path, "rb") as fh:
            parts = [i for i in z.infolist() if not i.filename.lower().endswith(_NOT_XML)]
            declared = 0
            for info in parts:
                declared += info.file_size
                limit = _part_limit(info.filename)
                if info.file_size > limit or declared > MAX_XML_BYTES:
                    mb = (limit if info.file_size > limit else MAX_XML_BYTES) >> 20
                    raise RosterReadError(CellProblem("roster.file-too-large", file=path.name, mb=mb))
            scans: dict[str, _SheetScan] = {}
            total = 0
            for info in parts:
                scan = _SheetScan()
                inflated = _scan_part(_inflated(fh, info, _part_limit(info.filename), path.name), scan)
                total += inflated
                if total > MAX_XML_BYTES:
                    raise RosterReadError(
                        CellProblem("roster.file-too-large", file=path.name, mb=MAX_XML_BYTES >> 20)
                    )
                if scan.rows * scan.columns > MAX_CELLS:
                    far = list(dict.fromkeys([scan.far_column_cell, scan.far_row_cell]))
                    raise RosterReadError(
                        CellProblem(
                            "roster.used-range",
                            file=path.name,
                            cells="、".join(far),
                            rows=scan.rows,
                            columns=scan.columns,
                        )
                    )
                scans[info.filename] = scan
            _name_sheets(z, scans, out)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError, OSError, zlib.error):
        raise RosterReadError(CellProblem("roster.file-unreadable", file=path.name)) from None
    return out


# Parts calamine never parses (pictures, embedded objects); every other part is measured, whatever its
# name: a workbook may point its sheet at a part not called .xml.
_NOT_XML = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin", "/")


def _part_limit(name: str) -> int:
    return MAX_STRINGS_BYTES if name.lower().endswith("sharedstrings.xml") else MAX_PART_BYTES


def _name_sheets(z: zipfile.ZipFile, scans: dict[str, _SheetScan], out: _Extras) -> None:
    """Which part is which sheet, the active sheet and the date system, from workbook.xml."""
    raw = z.read("xl/workbook.xml")
    out.date1904 = bool(_DATE1904.search(raw))
    book = ElementTree.fromstring(raw)
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", _NS)}
    sheets = book.findall("m:sheets/m:sheet", _NS)
    view = book.find("m:bookViews/m:workbookView", _NS)
    active = int(view.get("activeTab", "0")) if view is not None else 0
    if 0 <= active < len(sheets):
        out.active = sheets[active].get("name")
    for sheet in sheets:
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if member in scans:
            out.sheets[sheet.get("name", "")] = scans[member]


_STEP = 1 << 20  # inflated bytes handled at a time


def _inflated(fh: Any, info: zipfile.ZipInfo, limit: int, file: str) -> Iterator[bytes]:
    """A part's bytes as they inflate from the file itself, a megabyte at a time, refused past
    `limit`: the sizes a zip declares can lie, the deflate stream cannot."""
    fh.seek(info.header_offset)
    head = fh.read(30)
    if len(head) != 30 or head[:4] != b"PK\x03\x04" or info.flag_bits & 1:
        raise zipfile.BadZipFile(info.filename)
    name_len, extra_len = struct.unpack("<HH", head[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    if info.compress_type == zipfile.ZIP_STORED:
        inflater = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
    else:
        raise zipfile.BadZipFile(info.filename)
    left, produced = info.compress_size, 0
    while left > 0:
        data = fh.read(min(left, 1 << 16))
        if not data:
            break
        left -= len(data)
        while data:
            out = data if inflater is None else inflater.decompress(data, _STEP)
            data = b"" if inflater is None else inflater.unconsumed_tail
            produced += len(out)
            if produced > limit:
                raise RosterReadError(CellProblem("roster.file-too-large", file=file, mb=limit >> 20))
            if out:
                yield out


_C_OPEN = re.compile(rb"<(?:\w+:)?c[\s/>]")
_C_REF = re.compile(rb"""<(?:\w+:)?c\s[^>]*?\br\s*=\s*["']([A-Z]{1,3})(\d{1,7})["'][^>]*?(/?)>""")
_ROW_OPEN = re.compile(rb"<(?:\w+:)?row[\s/>]")
_ROW_REF = re.compile(rb"""<(?:\w+:)?row\s[^>]*?\br\s*=\s*["'](\d{1,7})["']""")
_TAG = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*?)(/?)>")
_R_ATTR = re.compile(rb"""\br\s*=\s*["']([A-Z]{0,3})(\d{1,7})["']""")
_FORMULA_NEXT = re.compile(rb"\s*<(?:\w+:)?f\b")
_CARRY_LIMIT = 16 << 20


class _Cursor:
    """Where calamine puts a cell without a reference: after the previous one (rows likewise)."""

    row = -1
    column = -1
    mid_row = False  # the last text scanned ended inside a row (a row longer than the carry limit)


def _scan_part(chunks: Iterator[bytes], scan: _SheetScan) -> int:
    """Hidden columns (from <cols>, before the data), formula cells and the used rectangle, reading
    the part a megabyte at a time (a 50,000-row sheet is ~50 MB of XML). Returns the inflated size
    read, stopping early once the rectangle is over MAX_CELLS. A part without <sheetData> (shared
    strings, styles…) is only measured."""
    hidden: set[int] = set()
    carry = b""
    head_done = False
    cursor = _Cursor()
    size = 0
    for chunk in chunks:
        size += len(chunk)
        buffer = carry + chunk
        if not head_done:
            start = buffer.find(b"sheetData")
            if start < 0:  # keep only what may hold the start of <sheetData
                for tag in _COL.findall(buffer[: max(0, buffer.rfind(b">") + 1)]):
                    _hidden(tag, hidden)
                carry = buffer[-64:]
                continue
            for tag in _COL.findall(buffer[:start]):
                _hidden(tag, hidden)
            head_done = True
            buffer = buffer[start:]
        # Whole rows at a time: cut after the last </row> (or after any closing tag in a giant row).
        cut = buffer.rfind(b"</row>")
        if cut < 0 and len(buffer) < _CARRY_LIMIT:
            carry = buffer
            continue
        whole_rows = cut >= 0 and not cursor.mid_row
        cut = cut + 6 if cut >= 0 else (_after_closing_tag(buffer) or len(buffer))
        _scan_cells(buffer[:cut], scan, cursor, whole_rows)
        cursor.mid_row = buffer.rfind(b"</row>", 0, cut) + 6 != cut
        carry = buffer[cut:]
        if scan.rows * scan.columns > MAX_CELLS:
            break
    else:
        if head_done and carry:
            _scan_cells(carry, scan, cursor, False)
    scan.hidden = frozenset(hidden)
    return size


def _after_closing_tag(buffer: bytes) -> int:
    cut = buffer.rfind(b"</")
    return buffer.find(b">", cut) + 1 if cut >= 0 else 0


def _hidden(tag: bytes, hidden: set[int]) -> None:
    attrs = dict(_ATTR.findall(tag))
    if attrs.get(b"hidden") in (b"1", b"true"):
        low, high = int(attrs.get(b"min", b"1")), int(attrs.get(b"max", b"1"))
        hidden.update(range(max(0, low - 1), min(high, 16384)))


def _scan_cells(text: bytes, scan: _SheetScan, cursor: _Cursor, whole_rows: bool) -> None:
    """The cells of `text` (whole rows when `whole_rows`, else the tail of a row cut in two)."""
    cells = _C_REF.findall(text)
    row_refs = _ROW_REF.findall(text)
    if len(cells) == len(_C_OPEN.findall(text)) and len(row_refs) == len(_ROW_OPEN.findall(text)):
        # Every cell and row has its reference (what Excel, WPS and openpyxl write): no cursor needed.
        valued = [(letters, digits) for letters, digits, closed in cells if not closed]
        if valued:
            last_row = max(int(d) for _, d in valued)
            if last_row > scan.rows:
                scan.rows = last_row
                scan.far_row_cell = next((c + d).decode() for c, d in valued if int(d) == last_row)
            widest = max({c for c, _ in valued}, key=lambda c: (len(c), c))
            _reach(
                scan, None, _column_index(widest), next((c + d).decode() for c, d in valued if c == widest)
            )
        if b"<f" in text or b":f" in text:
            scan.formulas.update(
                (int(row) - 1, _column_index(col)) for col, row in _FORMULA_CELL.findall(text)
            )
        if cells:
            letters, digits, _ = cells[-1]
            cursor.row, cursor.column = int(digits) - 1, _column_index(letters)
        if row_refs:
            cursor.row = max(cursor.row, int(row_refs[-1]) - 1)
        return
    if whole_rows and not cells and not row_refs and b"<f" not in text and b":f" not in text:
        # Rows and cells that all count on from the previous one (some generators write no references):
        # counted in C, row by row; an empty formatted cell counts too (the bound errs on the safe side).
        widths = list(map(bytes.count, text.split(b"</row>"), itertools.repeat(b"<c")))
        rows = text.count(b"<row")
        widest = max(widths, default=0)
        if widest:
            at = cursor.row + 1 + widths.index(widest)
            _reach(scan, None, widest - 1, _cell_name(at, widest - 1))
        if rows:
            cursor.row += rows
            _reach(
                scan,
                cursor.row,
                -1,
                _cell_name(cursor.row, max(0, widths[-2 if len(widths) > 1 else -1] - 1)),
            )
        cursor.column = -1
        return
    for match in _TAG.finditer(text):  # a mix: cell by cell, as calamine places them
        name, attrs, closed = match.groups()
        ref = _R_ATTR.search(attrs)
        if name == b"row":
            cursor.row = int(ref.group(2)) - 1 if ref else cursor.row + 1
            cursor.column = -1
            continue
        if ref and ref.group(1):
            cursor.row, cursor.column = int(ref.group(2)) - 1, _column_index(ref.group(1))
        else:
            cursor.column += 1
        if closed:
            continue
        _reach(scan, cursor.row, cursor.column, _cell_name(cursor.row, cursor.column))
        if _FORMULA_NEXT.match(text, match.end()):
            scan.formulas.add((cursor.row, cursor.column))
        if scan.rows * scan.columns > MAX_CELLS:
            return


def _reach(scan: _SheetScan, row: int | None, column: int, where: str) -> None:
    if row is not None and row + 1 > scan.rows:
        scan.rows, scan.far_row_cell = row + 1, where
    if column + 1 > scan.columns:
        scan.columns, scan.far_column_cell = column + 1, where


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as Excel names it."""
    letters = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell_name(row: int, column: int) -> str:
    return f"{column_letters(column)}{row + 1}"


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was read with."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return raw.decode("utf-32"), "utf-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    head = raw[:400]
    if len(head) >= 8 and head.count(b"\x00\x00\x00") * 4 >= len(head) // 2:  # UTF-32 without a BOM
        return raw.decode("utf-32-le" if raw[1:4] == b"\x00\x00\x00" else "utf-32-be"), "utf-32"
    if head.count(b"\x00") > 20:  # UTF-16 without a BOM (every other byte of ASCII is 0)
        encoding = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        return raw.decode(encoding, errors="strict"), encoding
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding), encoding
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


def _read_csv(path: Path) -> Sheet:
    _check_size(path, MAX_CSV_BYTES)
    try:
        raw = path.read_bytes()
    except OSError:
        raise RosterReadError(CellProblem("roster.file-unreadable", file=path.name)) from None
    try:
        text, encoding = _decode(raw, path.name)
    except UnicodeDecodeError:
        raise RosterReadError(CellProblem("roster.file-encoding", file=path.name)) from None
    text = text.lstrip("\ufeff")
    if "\x00" in text:  # a binary file, or an encoding read wrongly: csv would stop on the NUL
        raise RosterReadError(CellProblem("roster.file-encoding", file=path.name))
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=_delimiter(text))]
    except csv.Error:  # a field longer than 128 KB, a line break csv cannot place
        raise RosterReadError(CellProblem("roster.file-unreadable", file=path.name)) from None
    suspects = mojibake_cells(rows) if encoding == "gb18030" else frozenset()
    return Sheet(path.stem, rows, suspect_cells=suspects)


# --- text that decoded but is not what was written -----------------------------------------------
# GB18030 decodes any byte pair, so a name pasted in from a Big5 (Traditional Chinese) file or a
# UTF-8 one comes out as other characters without an error: 陳大文 in Big5 reads 朝ゅ…. Such text is
# almost never made of common characters only: it mixes in kana, Cyrillic, bopomofo, rare or private-use
# characters. A cell with such characters whose bytes also decode cleanly as Big5 or UTF-8 is refused
# (saving the file as UTF-8 settles it either way); rare characters in real names (喆, 堃) are GBK
# byte pairs that Big5 and UTF-8 do not decode, so they pass.

_PLAIN = re.compile(r"^[\x20-\x7e\u00b7\u2000-\u206f\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]*$")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def mojibake_cells(rows: list[list[Any]]) -> frozenset[tuple[int, int]]:
    """(row, column) of the cells of a GB18030-decoded CSV that are likely another encoding's bytes."""
    found = set()
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            if isinstance(cell, str) and not cell.isascii() and _looks_misdecoded(cell):
                found.add((r, c))
    return frozenset(found)


@lru_cache(maxsize=8192)
def _looks_misdecoded(text: str) -> bool:
    if _PRIVATE_USE.search(text):
        return True
    if _PLAIN.match(text):
        try:
            text.encode("gb2312")
            return False
        except UnicodeEncodeError:
            pass
    raw = text.encode("gb18030")
    for other in ("big5", "utf-8"):
        try:
            raw.decode(other)
            return True
        except UnicodeDecodeError:
            continue
    return False


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
