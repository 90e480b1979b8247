"""The pure parts of inspection without OCR: reading facts out of text, seals and ink out of colour."""

from __future__ import annotations

from datetime import date

import numpy as np
import pymupdf

from hrdesk.materials.inspection import text as t
from hrdesk.materials.inspection.ink import find_ink
from hrdesk.materials.inspection.seal import find_seals

from . import scans

OWN_ID = "130102199001011237"


def test_id_numbers_need_a_valid_check_digit_and_survive_ocr_slips():
    assert t.id_numbers(f"身份证号码：{OWN_ID}") == [OWN_ID]
    assert t.id_numbers("身份证号码：１３０１０２１９９００１０１１２３７") == [OWN_ID]  # full width
    assert t.id_numbers("130102199001011238") == []  # wrong check digit: not an ID number
    assert t.id_numbers(f"电话 13800138000 编号 9{OWN_ID}") == []  # part of a longer number


def test_names_after_labels():
    assert t.names("乙方（劳动者）：张三") == ["张三"]
    assert t.names("出租方（甲方）：王五    身份证号：110114") == ["王五"]
    assert t.names("纳税人姓名：欧阳娜娜") == ["欧阳娜娜"]
    assert t.names("甲方（盖章）：          乙方（签字）：") == []


def test_dates_and_the_end_of_a_term():
    assert t.dates("签订日期：2024年3月1日，2026-11-05") == [date(2024, 3, 1), date(2026, 11, 5)]
    assert t.end_date("合同期限：自2024年3月1日起至2028年12月31日止") == date(2028, 12, 31)
    assert t.end_date("签订日期：2024年3月1日") is None
    assert t.open_ended("合同期限：无固定期限")


def test_tax_periods_from_rows_and_ranges_not_from_issue_dates():
    rows = "2026-05 工资薪金所得 1,235.00 2026-06-15\n2026-06 工资薪金所得 1,235.00 2026-07-15"
    assert t.tax_periods(rows) == ["2026-05", "2026-06"]
    assert t.tax_periods("税款所属期：2026年01月至2026年03月") == ["2026-01", "2026-02", "2026-03"]
    assert t.tax_periods("开具日期：2026-11") == []
    assert t.describe_months(["2026-01", "2026-02", "2026-03"]) == "2026-01–2026-03"


def test_printed_page_numbers():
    assert t.page_number(["正文", "第 2 页 共 3 页"]) == t.PageNumber(2, 3, "第 2 页 共 3 页")
    assert t.page_number(["正文", "3/5"]).number == 3
    assert t.page_number(["- 4 -"]).number == 4
    assert t.page_number(["2026/11", "正文"]) is None  # a date, not a page number (11 > … fails N ≤ M)


def test_lease_particulars():
    full = (
        "出租方（甲方）：王五 身份证号：110114197001010031\n联系电话：13912345678\n"
        f"承租方（乙方）：张三 身份证号：{OWN_ID}\n房屋地址：北京市昌平区\n租赁期限：自2025年7月1日起至2027年6月30日止"
    )
    particulars = t.lease_particulars(full)
    assert (
        particulars["parties"] and particulars["contact"] and particulars["address"] and particulars["term"]
    )
    bare = t.lease_particulars("房屋租赁合同\n承租方：张三\n月租金：伍仟元")
    assert not any(bare[k] for k in ("id_numbers", "contact", "address", "term"))


def test_handwritten_phrase_tolerates_a_misread_character():
    assert t.contains_phrase("已核实确认真实有效", "已核实确认真实有效")
    assert t.contains_phrase("己核实确认真买有效", "已核实确认真实有效")
    assert not t.contains_phrase("扣缴义务人：北京示例科技有限公司", "已核实确认真实有效")


def _raster(page: scans.Page, dpi: int = 100) -> np.ndarray:
    doc = pymupdf.open()
    drawn = scans._draw_page(doc, page)
    pix = drawn.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)


def test_a_red_seal_is_found_and_red_print_is_not():
    plain = scans.Page(title="个人所得税纳税记录", lines=["2026-05 工资薪金所得"])
    assert find_seals(_raster(plain), 100) == []
    sealed = scans.Page(title="个人所得税纳税记录", lines=["2026-05 工资薪金所得"], seal=True)
    seals = find_seals(_raster(sealed), 100)
    assert seals and all(0 <= v <= 1 for v in seals[0])
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_line((40, 100), (555, 100), color=scans.RED, width=2)  # a red rule across the page
    page.insert_text((60, 140), "红色标题文字", fontname="china-s", fontsize=14, color=scans.RED)
    pix = page.get_pixmap(dpi=100, colorspace=pymupdf.csRGB, alpha=False)
    red_print = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
    assert find_seals(red_print, 100) == []


def test_blue_pen_ink_is_found():
    assert find_ink(_raster(scans.Page(lines=["打印的黑色文字"])), 100) == []
    assert find_ink(_raster(scans.Page(lines=["打印的黑色文字"], annotation="已核实确认真实有效")), 100)


def test_starting_the_cli_imports_no_ocr():
    import subprocess
    import sys

    code = (
        "import sys; from hrdesk.cli import build_parser; build_parser(); "
        "import hrdesk.materials.inspection.inspect; "
        "bad = [m for m in ('rapidocr_onnxruntime', 'onnxruntime', 'cv2') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
