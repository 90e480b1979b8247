"""The submission checklist / cover sheet: one employee, one business, every material with its status
and page count, and the district's reminders about hand annotations, signatures and seals."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date

from reportlab.lib.units import mm

from ..labels import label
from ..rules.idnumber import mask
from ..rules.profile import Profile
from ..rules.results import CheckResult
from .fonts import FontSet, font_set
from .forms import new_canvas, template
from .layout import MARGIN_X, Page, Span


def render_checklist(
    result: CheckResult,
    profile: Profile,
    pages: Mapping[str, int] | None = None,
    overridden: list[str] | None = None,
    fonts: FontSet | None = None,
    district_name: str | None = None,
    *,
    printed_on: date,
) -> bytes:
    """`pages`: page count per material kind (from the files in the pack; without a pack, the stored
    files' own page counts); `overridden`: the problems the user chose to pack anyway — printed so
    nobody mistakes the pack for a complete one. `printed_on`: the desk's day (its clock), which the
    footer gives as the day the sheet was made — not the check's day, which may be a planned one."""
    tpl = template("checklist")
    fonts = fonts or font_set()
    pages = stored_pages(profile) if pages is None else pages
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, tpl["title"], fonts)
    page = Page(canvas, fonts)
    page.space(6)
    page.centred(tpl["title"], 17, bold_gap=4)
    business = label("business", result.business)  # the one list of business names (labels.toml)
    e = profile.employee
    info = (
        f"申请人：{e.name}　身份证号：{mask(e.id_number)}　单位：{profile.employer.name}\n"
        f"业务：{business}　区：{district_name or result.district}　核对日期：{result.on.isoformat()}　"
        f"条件：{'符合' if result.eligible else '不符合'}　材料：{'齐全' if result.ready else '未齐全'}"
    )
    page.paragraph([Span(info)], size=10.5, indent_chars=0)
    page.space(6)
    if overridden:
        page.paragraph([Span(tpl["override_notice"] + "；".join(overridden))], size=10.5, indent_chars=0)
        page.space(4)
    rows = []
    for i, m in enumerate((m for m in result.materials if m.required or m.status != "missing"), start=1):
        rows.append(
            [
                str(i),
                m.name,
                "是" if m.required else "否",
                tpl["status"].get(m.status, m.status),
                str(pages.get(m.kind) or pages.get(m.provided_kind or m.kind) or ""),
                m.reason,
            ]
        )
    page.table(tpl["headers"], rows, [w * mm for w in tpl["widths_mm"]])
    page.space(8)
    blockers = [f for f in result.findings if f.severity in ("blocker", "warning")]
    if blockers:
        page.paragraph([Span("需要注意：")], size=11, indent_chars=0)
        for f in blockers:
            page.paragraph([Span(f"• {f.message}（{f.source}）")], size=10, indent_chars=0)
        page.space(4)
    page.paragraph([Span("手写标注、签字和盖章提示：")], size=11, indent_chars=0)
    for line in tpl["reminders"].get(result.district, []):
        page.paragraph([Span(f"• {line}")], size=10, indent_chars=0)
    page.signature_line(tpl["signed_by"], size=11, x_offset=page.width * 0.4, blank_mm=45)
    page.draw_text(MARGIN_X, 12 * mm, f"由 hrdesk 生成于 {printed_on.isoformat()}，不作为申报材料提交。", 7.5)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def stored_pages(profile: Profile) -> dict[str, int]:
    """Pages per material kind across the employee's stored files (a slot of three one-page scans
    is 3); a file whose page count is unknown adds nothing."""
    counts: dict[str, int] = {}
    for material in profile.materials:
        if material.pages:
            counts[material.kind] = counts.get(material.kind, 0) + material.pages
    return counts
