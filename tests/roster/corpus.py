"""Roster files as real offices make them, written with openpyxl, xlwt and the csv module: each case
builds one file and says what must come of it (stored values, or a refusal code and nothing stored)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from hrdesk.rules.idnumber import check_char

UNIT = "北京示例科技有限公司"


def make_id(region: str = "110101", birth: str = "19900101", seq: str = "123") -> str:
    first17 = region + birth + seq
    return first17 + check_char(first17)


ID_A = make_id(birth="19900101", seq="123")  # male
ID_B = make_id(birth="19920315", seq="246")  # female
ID_C = make_id(birth="19850720", seq="135")

HEAD = ["姓名", "身份证号", "单位名称", "所在区", "入职日期", "最高学位"]


def row(name: str, number: Any, hired: Any = "2024-03-01", degree: str = "学士") -> list[Any]:
    return [name, number, UNIT, "昌平区", hired, degree]


def xlsx(
    path: Path, sheets: list[tuple[str, list[list[Any]]]], active: int = 0, hidden: dict | None = None
) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        for letter in (hidden or {}).get(title, ()):
            ws.column_dimensions[letter].hidden = True
    wb.active = active
    wb.save(path)
    return path


def text_cells(path: Path, sheet: str, column: str) -> None:
    """Mark a column's cells as text, as an office that formatted the ID column right would."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    for cell in wb[sheet][column]:
        cell.number_format = "@"
    wb.save(path)


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


@dataclass
class Case:
    name: str
    build: Callable[[Path], Path]
    stored: dict[str, dict[str, Any]] = field(default_factory=dict)  # ID → expected roster values
    refused: str | None = None  # a roster. code that must appear; then nothing is stored
    notice: str | None = None  # a notice code that must appear
    sheet: str | None = None


def _hidden_serial(tmp: Path) -> Path:
    return xlsx(
        tmp / "hidden-columns.xlsx",
        [
            (
                "名单",
                [["序号", "工号", *HEAD], [1, "E001", *row("张三", ID_A)], [2, "E002", *row("李四", ID_B)]],
            )
        ],
        hidden={"名单": ("A", "B")},
    )


def _title_row(tmp: Path) -> Path:
    return xlsx(tmp / "title.xlsx", [("Sheet1", [["2024年度员工花名册"], [], HEAD, row("张三", ID_A)])])


def _two_level(tmp: Path) -> Path:
    rows = [
        ["基本信息", None, None, None, "证件", None],
        ["姓名", "身份证号码", "用人单位", "所在区", "签发日期", "有效期至"],
        ["张三", ID_A, UNIT, "昌平区", "2023-12-01", "2026-12-01"],
    ]
    return xlsx(tmp / "two-level.xlsx", [("花名册", rows)])


def _second_sheet(tmp: Path) -> Path:
    return xlsx(
        tmp / "second-sheet.xlsx",
        [("说明", [["请在第二个工作表填写"]]), ("员工", [HEAD, row("张三", ID_A)])],
        active=1,
    )


def _serial_dates(tmp: Path) -> Path:
    return xlsx(tmp / "serial.xlsx", [("名单", [HEAD, row("张三", ID_A, hired=45352)])])


def _chinese_date(tmp: Path) -> Path:
    return write_csv(tmp / "nian-yue-ri.csv", [HEAD, row("张三", ID_A, hired="2024年3月1日")])


def _compact_date(tmp: Path) -> Path:
    return write_csv(tmp / "compact.csv", [HEAD, row("张三", ID_A, hired="20240301")])


def _fullwidth_id(tmp: Path) -> Path:
    wide = ID_A.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    return write_csv(tmp / "fullwidth.csv", [HEAD, row("张三", wide)], encoding="gb18030")


def _two_digit_year(tmp: Path) -> Path:
    return write_csv(tmp / "two-digit.csv", [HEAD, row("张三", ID_A), row("李四", ID_B, hired="24/3/1")])


def _numeric_ids(tmp: Path) -> Path:
    return xlsx(tmp / "numeric-ids.xlsx", [("名单", [HEAD, row("张三", int(ID_A[:15] + "000"))])])


def _rounded_csv(tmp: Path) -> Path:
    # Excel kept 15 digits and saved the number column to CSV: every ID ends in 000; one of eleven
    # such numbers still passes the check digit, so the check digit alone would let it through.
    rows = [HEAD] + [row(f"员工{i}", make_id(seq=f"{i}00")[:15] + "000") for i in range(1, 6)]
    return write_csv(tmp / "rounded.csv", rows)


def _hidden_old_id(tmp: Path) -> Path:
    rows = [
        ["姓名", "身份证号（旧）", "身份证号码", "单位名称", "所在区"],
        ["张三", ID_B, ID_A, UNIT, "昌平区"],
    ]
    return xlsx(tmp / "old-id.xlsx", [("名单", rows)], hidden={"名单": ("B",)})


def _fullwidth_space(tmp: Path) -> Path:
    return write_csv(tmp / "space.csv", [HEAD, row("张\u3000三\u200b", ID_A)])


def _duplicate_same(tmp: Path) -> Path:
    return write_csv(tmp / "dup-same.csv", [HEAD, row("张三", ID_A), row("李四", ID_B), row("张三", ID_A)])


def _duplicate_conflict(tmp: Path) -> Path:
    return write_csv(
        tmp / "dup-conflict.csv", [HEAD, row("张三", ID_A), row("张三", ID_A, hired="2024-04-01")]
    )


def _xls(tmp: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    for r, values in enumerate([HEAD, row("张三", ID_A, hired=45352.0)]):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    path = tmp / "legacy.xls"
    book.save(str(path))
    return path


def _utf16_tab(tmp: Path) -> Path:
    return write_csv(tmp / "unicode.txt.csv", [HEAD, row("张三", ID_A)], encoding="utf-16", delimiter="\t")


def _semicolon(tmp: Path) -> Path:
    return write_csv(tmp / "semicolon.csv", [HEAD, row("张三", ID_A, hired="2024.3.1")], delimiter=";")


def _hyperlink_csv(tmp: Path) -> Path:
    return write_csv(tmp / "hyperlink.csv", [HEAD, row('=HYPERLINK("http://example.com","张三")', ID_A)])


def _hyperlink_xlsx(tmp: Path) -> Path:
    return xlsx(
        tmp / "hyperlink.xlsx", [("名单", [HEAD, row('=HYPERLINK("http://example.com","张三")', ID_A)])]
    )


def _before_1900(tmp: Path) -> Path:
    return write_csv(tmp / "old-date.csv", [HEAD, row("张三", ID_A, hired="1899-12-31")])


def _synonyms(tmp: Path) -> Path:
    rows = [["员工姓名", "证件号码", "用人单位", "区", "户口类型", "学历", "婚否", "住房类型"]]
    rows.append(["张三", ID_A, UNIT, "昌平", "外地", "本科", "已婚", "租房"])
    return write_csv(tmp / "synonyms.csv", rows)


def _income_wide(tmp: Path) -> Path:
    income = [
        ["身份证号", "姓名", "2026-05", "2026年6月", datetime(2026, 7, 1)],
        [ID_A, "张三", 20000, "21,000.50", 22000],
    ]
    return xlsx(tmp / "income.xlsx", [("名单", [HEAD, row("张三", ID_A)]), ("收入", income)])


def _several_sheets(tmp: Path) -> Path:
    return xlsx(
        tmp / "several.xlsx",
        [
            ("说明", [["两个部门"]]),
            ("研发部", [HEAD, row("张三", ID_A)]),
            ("市场部", [HEAD, row("李四", ID_B)]),
        ],
    )


A = {"name": "张三", "hired_on": date(2024, 3, 1), "degree": "bachelor", "employer_name": UNIT}

CASES = [
    Case(
        "hidden 序号/工号 columns",
        _hidden_serial,
        {ID_A: A, ID_B: {"name": "李四"}},
        notice="roster.notice.ignored-columns",
    ),
    Case("title row above the header", _title_row, {ID_A: A}),
    Case(
        "two-level header",
        _two_level,
        {
            ID_A: {
                "name": "张三",
                "permit_issued_on": date(2023, 12, 1),
                "permit_expires_on": date(2026, 12, 1),
            }
        },
    ),
    Case("roster on the active second sheet", _second_sheet, {ID_A: A}),
    Case("Excel serial date", _serial_dates, {ID_A: A}),
    Case("2024年3月1日", _chinese_date, {ID_A: A}),
    Case("20240301", _compact_date, {ID_A: A}),
    Case("full-width digits in the ID (GB18030)", _fullwidth_id, {ID_A: A}),
    Case("24/3/1 refused", _two_digit_year, refused="roster.date-two-digit-year"),
    Case("ID from a numeric cell refused", _numeric_ids, refused="roster.id-numeric"),
    Case("IDs rounded to 000 in a CSV refused", _rounded_csv, refused="roster.id-rounded"),
    Case(
        "hidden older ID column vs visible one",
        _hidden_old_id,
        {ID_A: {"name": "张三"}},
        notice="roster.notice.hidden-column",
    ),
    Case("full-width space in a name", _fullwidth_space, {ID_A: {"name": "张三"}}),
    Case(
        "one person twice, same content",
        _duplicate_same,
        {ID_A: A, ID_B: {"name": "李四"}},
        notice="roster.notice.same-row-twice",
    ),
    Case("one person twice, different content", _duplicate_conflict, refused="roster.duplicate-conflict"),
    Case(".xls", _xls, {ID_A: A}),
    Case("UTF-16 tab-separated", _utf16_tab, {ID_A: A}),
    Case("semicolon CSV, dotted date", _semicolon, {ID_A: A}),
    Case("=HYPERLINK name in a CSV refused", _hyperlink_csv, refused="roster.formula"),
    Case("=HYPERLINK formula cell refused", _hyperlink_xlsx, refused="roster.formula"),
    Case("date before 1900 refused", _before_1900, refused="roster.date-before-1900"),
    Case(
        "header and choice synonyms",
        _synonyms,
        {
            ID_A: {
                "name": "张三",
                "hukou": "other-province",
                "degree": "bachelor",
                "marital_status": "married",
                "housing_kind": "rented",
            }
        },
    ),
    Case(
        "income by ID × month",
        _income_wide,
        {ID_A: {"income": {"2026-05": 20000.0, "2026-06": 21000.5, "2026-07": 22000.0}}},
    ),
    Case("several roster sheets, none active", _several_sheets, refused="roster.several-sheets"),
    Case("several roster sheets, one chosen", _several_sheets, {ID_B: {"name": "李四"}}, sheet="市场部"),
]
