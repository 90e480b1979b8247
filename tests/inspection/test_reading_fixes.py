"""What the text on real scans says, read the way real OCR returns it: a tax table's heading range does not
hide a missing month, footers in their common forms, an ID card's validity, a name in the cell after its
label, the tax bureau's e-seal told apart from the unit's seal, a misread page number ignored."""

from __future__ import annotations

from datetime import date

from hrdesk.materials.inspection import text as t
from hrdesk.materials.inspection.assess import Subject, assess
from hrdesk.materials.inspection.catalogue import scan_catalogue
from hrdesk.materials.inspection.pages import PageReading, TextLine

ON = date(2026, 12, 1)
MONTHS = tuple(f"2026-{m:02d}" for m in range(6, 12))


def test_the_heading_range_does_not_hide_a_missing_month():
    table = "税款所属期：2026年06月至2026年11月\n2026-06\n2026-07\n2026-09\n2026-10\n2026-11"
    assert t.tax_periods(table) == ["2026-06", "2026-07", "2026-09", "2026-10", "2026-11"]
    assert t.tax_periods("税款所属期：2026-06至2026-11") == list(MONTHS)  # no rows: the range is all there is
    assert t.tax_periods("2026-06-01至2026-06-30\n2026-07-01至2026-07-31") == ["2026-06", "2026-07"]
    assert t.tax_periods("2026-08.2026-09,2026-10") == ["2026-08", "2026-09", "2026-10"]  # OCR's dot
    assert t.tax_periods("入库日期 2026.08.20") == []


def test_page_footers_in_their_common_forms():
    assert t.page_number(["Page 2 of 6"]) == t.PageNumber(2, 6, "Page 2 of 6")
    assert t.page_number(["– 3 –"]).number == 3
    assert t.page_number(["- 4 -"]).number == 4
    assert t.page_number(["第 5 页，共 6 页"]) == t.PageNumber(5, 6, "第 5 页，共 6 页")


def test_id_card_validity():
    assert t.validity_term("有效期限 2016.05.10-2026.05.10") == (date(2016, 5, 10), date(2026, 5, 10))
    assert t.validity_term("有效期限 2010.01.02-长期") == (date(2010, 1, 2), None)
    assert t.validity_term("合同期限：自2024年3月1日起至2028年12月31日止") is None


def test_a_name_in_the_cell_after_its_label():
    assert t.names("姓名\n王小明\n性别 男") == ["王小明"]
    assert t.names("姓名：张三") == ["张三"]


def _line(text: str, box=(0.1, 0.1, 0.5, 0.12)) -> TextLine:
    return TextLine(text, box, 0.99)


def _subject(district: str = "changping") -> Subject:
    return Subject("张三", "130102199001011237", district, required_months=MONTHS, on=ON)


def _tax_page(seals: list, seal_words: list[tuple[str, tuple]]) -> PageReading:
    lines = [_line("个人所得税纳税记录"), _line("张三 130102199001011237")]
    lines += [_line(m, (0.1, 0.3 + i * 0.02, 0.3, 0.31 + i * 0.02)) for i, m in enumerate(MONTHS)]
    lines += [_line(text, box) for text, box in seal_words]
    lines.append(_line("已核实确认真实有效", (0.1, 0.8, 0.5, 0.83)))
    return PageReading(page=1, lines=lines, seals=seals)


def test_the_tax_bureaus_e_seal_is_not_the_units_seal():
    bureau = (0.64, 0.42, 0.81, 0.55)
    unit = (0.22, 0.45, 0.42, 0.58)
    names = {"iit-tax-record": ("个人所得税纳税记录", "IIT record")}
    only_bureau = _tax_page([bureau], [("征税专用章", (0.67, 0.51, 0.78, 0.53))])
    found = assess("iit-tax-record", [only_bureau], _subject(), scan_catalogue(), names)
    assert [f.code for f in found.findings] == ["SCAN_SEAL_MISSING"]
    assert found.findings[0].severity == "blocker" and found.findings[0].fix
    both = _tax_page(
        [bureau, unit], [("征税专用章", (0.67, 0.51, 0.78, 0.53)), ("财务专用章", (0.25, 0.52, 0.38, 0.56))]
    )
    assert assess("iit-tax-record", [both], _subject(), scan_catalogue(), names).findings == []


def test_a_page_number_beyond_the_file_is_a_misreading():
    pages = [
        PageReading(page=n, lines=[_line("劳动合同书"), _line(footer, (0.4, 0.95, 0.6, 0.97))])
        for n, footer in ((1, "第1页"), (2, "第55页"), (3, "第3页"))
    ]
    found = assess("labour-contract", pages, Subject("张三", "", "changping"), scan_catalogue(), {})
    assert "SCAN_PAGE_ORDER" not in [f.code for f in found.findings]
