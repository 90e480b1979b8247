"""A demo data folder: two units (Changping, Yanqing), about 40 fictional employees in every state HR
meets, and scanned-looking colour PDF materials — a few defective on purpose.

Dates are relative to today so the demo always has renewals due, expiries and missing papers.
"""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..clock import Clock
from ..rules.dates import add_months, months_before, years_before
from ..rules.idnumber import check_char
from ..rules.profile import (
    Child,
    Education,
    Employee,
    Employer,
    Housing,
    Permit,
    Profile,
)
from .desk import Desk

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
    "刚",
    "桂英",
    "子涵",
    "浩然",
    "雨桐",
    "思远",
    "晨曦",
    "嘉怡",
    "宇航",
    "欣然",
    "梓萱",
    "一鸣",
    "佳琪",
]
RARE_NAMES = ["王䶮", "李喆", "张堃"]


def _id_number(rng: random.Random, birth: date, male: bool, region: str) -> str:
    seq = rng.randint(10, 99)
    digit = rng.choice("13579" if male else "02468")
    first17 = f"{region}{birth:%Y%m%d}{seq}{digit}"
    return first17 + check_char(first17)


def _scan_pdf(
    title: str,
    lines: list[str],
    *,
    grey: bool = False,
    rotate: int = 0,
    blank_page: bool = False,
    pages: int = 1,
    seal: str | None = None,
    hand: list[str] | None = None,
) -> bytes:
    """A page that looks like a colour scan: paper tint, a coloured header band, text — rendered to a
    JPEG image, as a scanner would produce."""
    import pymupdf

    out = pymupdf.open()
    for n in range(pages):
        src = pymupdf.open()
        page = src.new_page(width=595, height=842)
        page.draw_rect(page.rect, color=None, fill=(0.98, 0.96, 0.90))
        page.draw_rect(pymupdf.Rect(40, 40, 555, 110), color=None, fill=(0.80, 0.88, 0.97))
        page.insert_text((60, 85), title, fontname="china-s", fontsize=22, color=(0.1, 0.2, 0.5))
        y = 150
        for line in lines:
            page.insert_text((60, y), line, fontname="china-s", fontsize=13, color=(0.15, 0.15, 0.15))
            y += 26
        if seal:
            _draw_seal(page, pymupdf.Point(430, min(y + 90, 640)), seal)
        for i, line in enumerate(hand or []):  # the agent's note by hand, in blue ink
            page.insert_text(
                (70, min(y + 170, 700) + 30 * i),
                line,
                fontname="china-s",
                fontsize=16,
                color=(0.08, 0.2, 0.75),
            )
        page.insert_text(
            (60, 800),
            f"第 {n + 1} 页",
            fontname="china-s",
            fontsize=9,
            color=(0.4, 0.4, 0.4),
        )
        pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY if grey else pymupdf.csRGB)
        img = pix.tobytes("jpeg", jpg_quality=60)
        target = out.new_page(width=595, height=842)
        target.insert_image(target.rect, stream=img)
        if rotate:
            target.set_rotation(rotate)
        src.close()
    if blank_page:
        out.new_page(width=595, height=842)
    data = out.tobytes(garbage=3, deflate=True)
    out.close()
    return data


def _draw_seal(page: Any, centre: Any, text: str) -> None:
    """The unit's red seal: a ring, a star and the unit's name, pressed over the text like a real one."""
    import math

    import pymupdf

    red = (0.85, 0.1, 0.1)
    page.draw_circle(centre, 58, color=red, width=3.5)
    star = [
        pymupdf.Point(
            centre.x + (14 if i % 2 == 0 else 6) * math.sin(i * math.pi / 5),
            centre.y - (14 if i % 2 == 0 else 6) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    page.draw_polyline([*star, star[0]], color=red, fill=red)
    size = 8 if len(text) > 12 else 10
    width = pymupdf.get_text_length(text, fontname="china-s", fontsize=size)
    page.insert_text(
        (centre.x - width / 2, centre.y + 34), text, fontname="china-s", fontsize=size, color=red
    )


def _id_photo_pdf() -> bytes:
    """A 2-inch ID photo (35 × 49 mm): head and shoulders on white (changping-2026 四(二)1), as a JPEG page."""
    import pymupdf

    src = pymupdf.open()
    page = src.new_page(width=99, height=139)
    page.draw_rect(page.rect, color=None, fill=(1, 1, 1))
    page.draw_oval(pymupdf.Rect(-5, 95, 104, 190), color=None, fill=(0.16, 0.18, 0.24))  # jacket
    page.draw_rect(pymupdf.Rect(41, 70, 58, 100), color=None, fill=(0.88, 0.73, 0.63))  # neck
    page.draw_oval(pymupdf.Rect(26, 22, 73, 86), color=None, fill=(0.9, 0.75, 0.65))  # face
    page.draw_oval(pymupdf.Rect(25, 18, 74, 45), color=None, fill=(0.1, 0.08, 0.07))  # hair
    pix = page.get_pixmap(dpi=300, colorspace=pymupdf.csRGB)
    out = pymupdf.open()
    target = out.new_page(width=99, height=139)
    target.insert_image(target.rect, stream=pix.tobytes("jpeg", jpg_quality=85))
    data = out.tobytes(garbage=3, deflate=True)
    out.close()
    src.close()
    return data


def create_demo(
    data_dir: Path,
    today: date | None = None,
    seed: int = 2026,
    progress: Callable[[int, int], object] | None = None,
) -> Path:
    """Fill `data_dir` (new or empty) with the demo; returns the folder. About a minute of work (each
    person's own scans, made and checked): `progress(done, total)` hears of every employee stored, so
    the window can count them while it waits (and stop the build by raising)."""
    today = today or Clock().today()
    rng = random.Random(seed)
    data_dir.mkdir(parents=True, exist_ok=True)
    # The generated scans never change: build them once per machine, not once per demo.
    import platformdirs

    files = Path(platformdirs.user_cache_dir("hrdesk", appauthor=False)) / "demo-files-v1"
    files.mkdir(parents=True, exist_ok=True)
    with Desk.open(data_dir) as desk:
        if desk.employees.employee_ids():
            return data_dir
        _populate(desk, files, today, rng, progress or (lambda _done, _total: None))
        desk.employees.refresh_statuses(today)
    return data_dir


def _units(today: date) -> tuple[Employer, Employer]:
    cp = Employer(
        name="北京昌科智能科技有限公司",
        credit_code="91110114MA0DEMO01X",
        district="changping",
        registered_on=date(2016, 5, 10),
        registered_capital_cny=10_000_000,
        tax_registered_on=date(2016, 6, 1),
        tax_paid_cny={str(today.year - 1): 680_000, str(today.year): 310_000},
        innovation_entity="high-tech",
        new_quota_remaining=3,
    )
    yq = Employer(
        name="北京妫水绿能科技有限公司",
        credit_code="91110229MA0DEMO02Y",
        district="yanqing",
        registered_on=date(2019, 8, 1),
        registered_capital_cny=3_000_000,
        tax_registered_on=date(2019, 9, 1),
        tax_paid_cny={str(today.year - 2): 420_000, str(today.year - 1): 450_000, str(today.year): 200_000},
    )
    return cp, yq


SCENARIOS = [
    # (scenario, count per unit: changping, yanqing)
    ("ready", 4, 3),
    ("missing", 3, 3),
    ("income-low", 2, 2),
    ("renewal-open", 3, 2),
    ("renewal-urgent", 2, 1),
    ("expired", 2, 1),
    ("suspended", 2, 1),
    ("valid", 2, 2),
    ("children", 1, 2),
    ("defective", 2, 1),
    ("hukou", 1, 0),
]


def demo_size() -> int:
    """How many employees the demo holds."""
    return sum(n_cp + n_yq for _scenario, n_cp, n_yq in SCENARIOS)


def _populate(
    desk: Desk, files: Path, today: date, rng: random.Random, progress: Callable[[int, int], object]
) -> None:
    total, done = demo_size(), 0
    progress(done, total)
    cp, yq = _units(today)
    cp_id = desk.units.save_employer(cp)
    yq_id = desk.units.save_employer(yq)
    desk.units.save_agent(cp_id, "刘经办", phone="010-6000 0001")
    desk.units.save_agent(yq_id, "何经办", phone="010-6910 0002")
    good = {kind: files / f"{kind}.pdf" for kind in records_kinds()}
    good["photo"] = files / "id-photo-white.pdf"  # a real ID photo: the scan checks judge its background
    catalogue = _catalogue()
    for kind, path in good.items():
        if not path.exists():
            _write(
                path,
                _id_photo_pdf()
                if kind == "photo"
                else _scan_pdf(
                    catalogue[kind], [f"材料类别：{catalogue[kind]}", "本文件为 hrdesk 演示数据。"]
                ),
            )
    defects = {
        "grey": files / "greyscale-scan.pdf",
        "rotated": files / "rotated-scan.pdf",
        "blank": files / "blank-page.pdf",
    }
    if not defects["grey"].exists():
        _write(
            defects["grey"],
            _scan_pdf("户口本（灰度扫描）", ["此扫描件为灰度，不符合原色扫描要求。"], grey=True),
        )
    if not defects["rotated"].exists():
        scan = _scan_pdf("劳动合同（页面方向不一致）", ["第2页旋转了90度。"], pages=2)
        _write(defects["rotated"], _second_page_rotated(scan))
    if not defects["blank"].exists():
        _write(defects["blank"], _scan_pdf("学历证书（含空白页）", ["最后一页为空白页。"], blank_page=True))
    names = iter(_names(rng))
    import tempfile

    with tempfile.TemporaryDirectory(prefix="hrdesk-demo-") as tmp:
        own = Path(tmp)  # each person's own scans: their name, ID number, dates and the unit's seal
        for unit, district in ((cp, "changping"), (yq, "yanqing")):
            for scenario, n_cp, n_yq in SCENARIOS:
                for _ in range(n_cp if district == "changping" else n_yq):
                    profile = _profile(scenario, unit, next(names), today, rng)
                    employee_id = desk.employees.add_profile(profile)
                    _attach(desk, employee_id, profile, scenario, good, defects, today, rng, own)
                    done += 1
                    progress(done, total)


def records_kinds() -> list[str]:
    return [
        "photo",
        "hukou-pages",
        "diploma",
        "degree-certificate",
        "diploma-verification",
        "degree-verification",
        "labour-contract",
        "iit-tax-record",
        "declared-income-record",
        "integrity-declaration-individual",
        "property-certificate",
        "lease-contract",
        "marriage-certificate",
        "child-birth-certificate",
        "child-hukou-pages",
        "departure-certificate",
        "residence-permit",
    ]


def _catalogue() -> dict[str, str]:
    from ..checks.check import policies

    return {k: v.zh for k, v in policies().materials.items()}


def _write(path: Path, data: bytes) -> Path:
    # Its own partial file: another demo building the shared cache at the same moment (a second test
    # worker) neither sees half a file nor loses its partial file to this one's rename.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def _second_page_rotated(data: bytes) -> bytes:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as doc:
        doc[1].set_rotation(90)
        return doc.tobytes()


def _names(rng: random.Random) -> list[str]:
    seen, out = set(), list(RARE_NAMES)
    while len(out) < 80:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in seen:
            seen.add(name)
            out.append(name)
    rng.shuffle(out)
    return out


def _profile(scenario: str, unit: Employer, name: str, today: date, rng: random.Random) -> Profile:
    male = rng.random() < 0.55
    birth = date(rng.randint(1982, 1998), rng.randint(1, 12), rng.randint(1, 28))
    region = "130102" if rng.random() < 0.5 else "410105"
    hired = add_months(today, -rng.randint(9, 60))
    income = rng.choice([16000, 18500, 22000, 26000, 31000])
    monthly = {m: float(income + rng.randint(-500, 500)) for m in months_before(today, 40)}
    annual = {y: float(income * 12) for y in years_before(today, 3)}
    lease_end = add_months(today, rng.randint(8, 20))
    employee = Employee(
        name=name,
        id_number=_id_number(rng, birth, male, region),
        hukou="other-province",
        hired_on=hired,
        career_started_on=add_months(hired, -rng.randint(24, 96)),
        monthly_income_cny=monthly,
        annual_income_cny=annual,
        education=Education(
            rng.choice(["bachelor", "bachelor", "master", "doctor"]), False, date(birth.year + 22, 7, 1)
        ),
        housing=Housing(
            kind="rented",
            valid_until=lease_end,
            residential=True,
            lessor_is_owner=True,
            address=f"北京市{'昌平区回龙观' if unit.district == 'changping' else '延庆区妫水北街'}示例小区{rng.randint(1, 30)}号楼{rng.randint(101, 1802)}",
        ),
        marital_status=rng.choice(["married", "unmarried"]),
        contract_ends_on=add_months(today, rng.randint(18, 40)),
    )
    permit_issued = add_months(today, -34)
    if scenario == "income-low":
        employee.monthly_income_cny = {m: 11000.0 for m in months_before(today, 12)}
    elif scenario == "renewal-open":
        employee.permit = Permit(
            f"GZ{rng.randint(10**9, 10**10 - 1)}", permit_issued, today + timedelta(days=rng.randint(35, 55))
        )
    elif scenario == "renewal-urgent":
        employee.permit = Permit(
            f"GZ{rng.randint(10**9, 10**10 - 1)}", permit_issued, today + timedelta(days=rng.randint(8, 20))
        )
    elif scenario == "expired":
        employee.permit = Permit(
            f"GZ{rng.randint(10**9, 10**10 - 1)}",
            add_months(today, -38),
            today - timedelta(days=rng.randint(5, 60)),
            "expired",
        )
    elif scenario == "suspended":
        employee.hired_on = today - timedelta(days=rng.randint(10, 40))
        employee.left_previous_employer_on = employee.hired_on - timedelta(days=3)
        employee.permit = Permit(
            f"GZ{rng.randint(10**9, 10**10 - 1)}", add_months(today, -14), add_months(today, 22), "suspended"
        )
    elif scenario == "valid":
        employee.permit = Permit(
            f"GZ{rng.randint(10**9, 10**10 - 1)}", add_months(today, -10), add_months(today, 26)
        )
    elif scenario == "children":
        employee.marital_status = "married"
        employee.children = [
            Child(
                name[0] + "小" + rng.choice("明红宇晨"),
                date(today.year - rng.randint(3, 12), 5, 1),
                "other-province",
                True,
                "married",
            )
        ]
    elif scenario == "hukou":
        employee.hukou = "beijing-collective"
    return Profile(replace(unit), employee, [])


def _attach(
    desk: Desk,
    employee_id: int,
    profile: Profile,
    scenario: str,
    good: dict[str, Path],
    defects: dict[str, Path],
    today: date,
    rng: random.Random,
    own: Path | None = None,
) -> None:
    from ..checks.check import run_check

    business = "new"
    permit = profile.employee.permit
    if permit is not None:
        business = "employer-change" if permit.status == "suspended" else "renewal"
    # Ask the rules which materials this person needs, then attach them (or leave gaps on purpose).
    result = run_check(desk.employees.profile(employee_id), business, today, desk.data_dir)
    needed = [m.kind for m in result.materials if m.required]
    skip = set(rng.sample(needed, k=min(2, len(needed)))) if scenario == "missing" else set()
    for kind in needed:
        if kind in skip or kind not in good:
            continue
        source = good[kind]
        issued, valid = _dates(kind, profile, today, rng)
        fault = {"hukou-pages": "grey", "labour-contract": "rotated", "diploma": "blank"}.get(kind)
        fault = fault if scenario == "defective" else None
        if own is not None and kind != "photo":
            source = own / f"{employee_id}-{kind}.pdf"
            _write(source, person_scan(kind, profile, business, today, issued, valid, fault))
        elif fault is not None:
            source = defects[fault]
        desk.materials.attach(employee_id, kind, source, issued_on=issued, valid_until=valid, refresh=False)


def _cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def person_scan(
    kind: str,
    profile: Profile,
    business: str,
    today: date,
    issued: date | None,
    valid: date | None,
    fault: str | None = None,
) -> bytes:
    """One of a demo person's documents as a reviewer would see it: the title the guides name, their name
    and ID number, the dates the record holds, the unit's seal and the agent's handwritten note where the
    district's guide asks for them (`resources/scan_keywords.toml`), so reading it finds what the record
    says. `fault` seeds one defect the scan checks find (grey, rotated, blank)."""
    from ..materials.inspection.catalogue import scan_catalogue
    from ..materials.inspection.inspect import subject_for

    rule = scan_catalogue().rule(kind)
    district = profile.employer.district
    e = profile.employee
    title = rule.keywords[0] if rule.keywords else _catalogue().get(kind, kind)
    lines = [f"姓名：{e.name}"]
    if rule.subject == "employee":
        lines.append(f"公民身份号码：{e.id_number}")
    elif rule.subject == "other" and e.children and kind.startswith("child"):
        lines = [f"姓名：{e.children[0].name}", f"父亲/母亲：{e.name}"]
    if kind == "labour-contract":
        lines += [f"用人单位：{profile.employer.name}", f"合同期限：自{_cn(issued)}起至{_cn(valid)}止"]
    elif kind == "lease-contract":
        lessor = "11010519700101002"
        lines = [
            "出租人：赵房东",
            f"身份证号：{lessor}{check_char(lessor)}",
            "联系电话：13800138000",
            f"承租人：{e.name}",
            f"身份证号：{e.id_number}",
            "联系电话：13900139000",
            f"房屋地址：{e.housing.address if e.housing else ''}",
            f"租赁期限：自{_cn(issued)}起至{_cn(valid)}止",
        ]
    elif kind in ("iit-tax-record", "declared-income-record"):
        months = list(subject_for(profile, kind, None, today, business).required_months)
        lines.append("税款所属期：")
        lines += ["；".join(months[i : i + 3]) for i in range(0, len(months), 3)]
        if rule.contact.get(district):
            lines.append("财务负责人：钱会计 联系电话：010-69100002")
    seal_rule = rule.seal.get(district)
    seal = None
    if seal_rule is not None:
        seal = profile.employer.name + ("财务专用章" if seal_rule.finance else "")
    hand = [scan_catalogue().annotation_phrase, "经办人签字"] if rule.annotation.get(district) else None
    data = _scan_pdf(
        title,
        lines,
        seal=seal,
        hand=hand,
        grey=fault == "grey",
        pages=2 if fault == "rotated" else 1,
        blank_page=fault == "blank",
    )
    if fault == "rotated":
        import pymupdf

        with pymupdf.open(stream=data, filetype="pdf") as doc:
            doc[1].set_rotation(90)
            data = doc.tobytes()
    return data


def _dates(kind: str, profile: Profile, today: date, rng: random.Random) -> tuple[date | None, date | None]:
    e = profile.employee
    if kind == "labour-contract":
        return e.hired_on, e.contract_ends_on
    if kind == "lease-contract":
        return add_months(today, -6), e.housing.valid_until if e.housing else None
    if kind in (
        "iit-tax-record",
        "declared-income-record",
        "integrity-declaration-individual",
        "diploma-verification",
        "degree-verification",
    ):
        # Printed within the last weeks but never before this month began: a tax record printed before
        # the last tax month ended cannot show that month (changping-2026 二(二)5), and a demo seen
        # early in a month would otherwise have nobody ready to file.
        return max(today.replace(day=1), today - timedelta(days=rng.randint(2, 20))), None
    if kind == "departure-certificate":
        return e.left_previous_employer_on, None
    return None, None
