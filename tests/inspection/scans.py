"""Generated scans for the inspection tests and benchmark: Chinese text drawn with the project's CJK font
(PyMuPDF's Droid Sans Fallback, as the printed forms use), rasterised at 200 dpi in colour with a paper
tint and wrapped as a JPEG-image PDF, as a scanner makes them. A red seal (ring, star, unit name) and a
blue handwritten-style annotation can be drawn on a page before it is rasterised.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

SCAN_DPI = 200
A4 = pymupdf.paper_rect("a4")
RED = (0.85, 0.08, 0.1)
BLUE = (0.1, 0.2, 0.65)


@dataclass
class Page:
    lines: list[str]
    title: str | None = None
    seal: bool = False
    annotation: str | None = None  # handwritten text in blue pen (e.g. 已核实确认真实有效)
    footer: str | None = None  # printed page number (第 1 页 共 3 页)
    upside_down: bool = False


@dataclass
class Document:
    pages: list[Page] = field(default_factory=list)


def _font() -> pymupdf.Font:
    return pymupdf.Font("cjk")


def _draw_page(doc: pymupdf.Document, spec: Page) -> pymupdf.Page:
    page = doc.new_page(width=A4.width, height=A4.height)
    page.insert_font(fontname="hcjk", fontbuffer=_font().buffer)
    page.draw_rect(page.rect, color=None, fill=(0.985, 0.975, 0.95))  # paper tint
    y = 80.0
    if spec.title:
        width = _font().text_length(spec.title, fontsize=20)
        page.insert_text(((A4.width - width) / 2, y), spec.title, fontsize=20, fontname="hcjk")
        y += 44
    for line in spec.lines:
        page.insert_text((64, y), line, fontsize=11.5, fontname="hcjk", color=(0.08, 0.08, 0.08))
        y += 24
    if spec.footer:
        width = _font().text_length(spec.footer, fontsize=10)
        page.insert_text(((A4.width - width) / 2, A4.height - 40), spec.footer, fontsize=10, fontname="hcjk")
    if spec.seal:
        _draw_seal(page, pymupdf.Point(420, min(y + 40, A4.height - 140)))
    if spec.annotation:
        # A hand slightly larger than print, tilted a little, in blue ink.
        at = pymupdf.Point(90, min(y + 60, A4.height - 90))
        page.insert_text(
            at,
            spec.annotation,
            fontsize=17,
            fontname="hcjk",
            color=BLUE,
            morph=(at, pymupdf.Matrix(1, 0, -0.12, 1, 0, 0) * pymupdf.Matrix(-3)),
        )
    return page


def _draw_seal(page: pymupdf.Page, centre: pymupdf.Point, radius: float = 59.0) -> None:
    """A round unit seal (42 mm): ring, five-pointed star, the unit's name inside."""
    page.draw_circle(centre, radius, color=RED, width=3.2)
    points = []
    for i in range(10):
        r = 17 if i % 2 == 0 else 7
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(pymupdf.Point(centre.x + r * math.cos(angle), centre.y + r * math.sin(angle)))
    page.draw_polyline(points + [points[0]], color=RED, fill=RED, width=0.5)
    name = "北京示例科技有限公司"
    for i, char in enumerate(name):  # characters along the upper arc
        angle = math.pi * (1.15 + 0.7 * i / (len(name) - 1))
        at = pymupdf.Point(centre.x + 44 * math.cos(angle) - 5, centre.y + 44 * math.sin(angle) + 5)
        page.insert_text(at, char, fontsize=10, fontname="hcjk", color=RED)
    page.insert_text((centre.x - 20, centre.y + 34), "财务专用章", fontsize=8, fontname="hcjk", color=RED)


def scan_pdf(document: Document, dpi: int = SCAN_DPI) -> bytes:
    """Draw each page, rasterise it (colour, `dpi`), and wrap the JPEGs as a PDF of A4 image pages."""
    drawn = pymupdf.open()
    out = pymupdf.open()
    for spec in document.pages:
        page = _draw_page(drawn, spec)
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
        target = out.new_page(width=A4.width, height=A4.height)
        target.insert_image(
            target.rect, stream=pix.tobytes("jpg", jpg_quality=88), rotate=180 if spec.upside_down else 0
        )
    data = out.tobytes(garbage=3, deflate=True)
    out.close()
    drawn.close()
    return data


def write(path: Path, document: Document) -> Path:
    path.write_bytes(scan_pdf(document))
    return path


# --- the documents ---------------------------------------------------------------------------------


def labour_contract(
    name: str, id_number: str, start: str, end: str, pages: int = 1, seal: bool = False, clauses: int = 2
) -> Document:
    """`clauses` lines of contract text per page: few for fast tests, many for a realistic benchmark."""
    clause = "双方应当遵守国家法律法规，按照本合同约定全面履行各自的义务。"
    first = Page(
        title="劳动合同书",
        lines=[
            "甲方（用人单位）：北京示例科技有限公司",
            "统一社会信用代码：91110114MA01ABCD1X",
            f"乙方（劳动者）：{name}",
            f"身份证号码：{id_number}",
            f"合同期限：自{start}起至{end}止",
            *[f"第{i}条 {clause}" for i in range(1, clauses + 1)],
        ],
    )
    rest = [
        Page(lines=[f"第{clauses * p + i}条 {clause}" for i in range(1, clauses + 1)])
        for p in range(1, pages)
    ]
    doc = Document([first, *rest])
    doc.pages[-1].lines.append("甲方（盖章）：          乙方（签字）：")
    for i, page in enumerate(doc.pages, start=1):
        page.footer = f"第 {i} 页 共 {pages} 页"
    doc.pages[-1].seal = seal
    return doc


def tax_record(name: str, id_number: str, months: list[str], seal: bool, annotation: bool) -> Document:
    rows = [f"{m}    工资薪金所得    1,235.00    2026-{int(m[5:]) % 12 + 1:02d}-15" for m in months]
    return Document(
        [
            Page(
                title="个人所得税纳税记录",
                lines=[
                    f"纳税人姓名：{name}",
                    f"纳税人身份证照类型：居民身份证    证照号码：{id_number}",
                    "税款所属期    品目名称    实缴（退）金额    入库日期",
                    *rows,
                    "扣缴义务人：北京示例科技有限公司",
                ],
                seal=seal,
                annotation="已核实确认真实有效" if annotation else None,
            )
        ]
    )


def declared_income(name: str, id_number: str, months: list[str], seal: bool, annotation: bool) -> Document:
    rows = [f"{m}    工资薪金    20,000.00    北京示例科技有限公司" for m in months]
    return Document(
        [
            Page(
                title="申报收入查询",
                lines=[
                    f"姓名：{name}",
                    f"身份证号：{id_number}",
                    "所得期间    所得项目    收入额    扣缴义务人",
                    *rows,
                ],
                seal=seal,
                annotation="已核实确认真实有效" if annotation else None,
            )
        ]
    )


def diploma(name: str) -> Document:
    return Document(
        [
            Page(
                title="普通高等学校毕业证书",
                lines=[
                    f"学生 {name}，性别男，一九九〇年一月一日生，",
                    "于二〇一二年九月至二〇一六年七月在本校计算机科学与技术专业",
                    "四年制本科学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
                    "校名：北京示例大学        校长：王某某",
                    "证书编号：100011201605001234",
                ],
            )
        ]
    )


def lease(lessee: str, lessee_id: str, lessor: str, lessor_id: str, end: str) -> Document:
    return Document(
        [
            Page(
                title="房屋租赁合同",
                lines=[
                    f"出租方（甲方）：{lessor}    身份证号：{lessor_id}",
                    "联系电话：13912345678",
                    f"承租方（乙方）：{lessee}    身份证号：{lessee_id}",
                    "联系电话：13887654321",
                    "房屋地址：北京市昌平区回龙观示例小区3号楼1201",
                    f"租赁期限：自2025年7月1日起至{end}止",
                    "月租金：人民币伍仟元整",
                ],
            )
        ]
    )


def bare_lease(lessee: str) -> Document:
    """A lease that names the tenant and the rent, nothing else the guides ask for."""
    return Document([Page(title="房屋租赁合同", lines=[f"承租方：{lessee}", "月租金：人民币伍仟元整"])])


def business_licence_copy() -> Document:
    return Document(
        [
            Page(
                title="营业执照（副本）",
                lines=[
                    "统一社会信用代码：91110114MA01ABCD1X",
                    "名称：北京示例科技有限公司",
                    "法定代表人：赵六",
                ],
            )
        ]
    )
