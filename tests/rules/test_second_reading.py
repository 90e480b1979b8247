"""Issue 16, "Rules, second reading": where the engine and the guides differed. Each test quotes the guide
text it rests on (shared/policy/)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from hrdesk.checks.check import policies
from hrdesk.rules.dates import unit_review_due
from hrdesk.rules.policy import load_policy_set
from hrdesk.rules.profile import ProfileError, parse_profile

from .helpers import baseline, codes, material, run
from .test_timing import FULL_36, with_permit


def finding(result, code):
    return next(f for f in result.findings if f.code == code)


# --- 2. Changping 公租房 --------------------------------------------------------------------------------
# changping-2026 三(四): "具有有效期限的材料（如劳动合同、租房合同、身份证等），有效期应在截止日期前三个月以上";
# 四(二)1(8)⑤: "公租房：提供公共租赁住房所有权人或者其委托的运营单位与申请人签订的租赁合同".


def public_rental(until: str) -> dict:
    data = baseline("changping")
    data["employee"]["housing"] = {"kind": "public-rental", "valid_until": until}
    data["materials"] = [
        m for m in data["materials"] if m["kind"] not in ("lease-contract", "property-certificate")
    ]
    data["materials"].append({"kind": "public-rental-contract", "file": "gzf.pdf"})
    return data


def test_public_rental_term_agrees_between_eligibility_and_material():
    short = run(public_rental("2027-01-31"))  # two months and a week left on 2026-11-23
    assert "NO_STABLE_RESIDENCE" in codes(short, "blocker")
    assert material(short, "public-rental-contract").status == "expires-too-soon"
    enough = run(public_rental("2027-02-23"))  # exactly three months
    assert "NO_STABLE_RESIDENCE" not in codes(enough)
    assert material(enough, "public-rental-contract").status == "ok"


# --- 3. Changping criminal record ------------------------------------------------------------------------
# changping-2026 附件2: "本人遵纪守法,无刑事犯罪记录…以上如不真实本人愿意永久放弃申报资格"; 三(九): "存在提供虚假
# 材料的，取消其工作居住证申请资格".


@pytest.mark.parametrize("business", ["new", "renewal", "basic-change"])
def test_changping_criminal_record_cannot_sign_the_declaration(business):
    data = with_permit("changping", "2026-12-20", criminal_record=True)
    result = run(data, business)
    f = finding(result, "CRIMINAL_RECORD")
    assert f.severity == "blocker" and "附件2" in f.source and "附件2" in f.message


# --- 4. Children -------------------------------------------------------------------------------------------
# changping-2026 四(二)1(10): "工作居住证可随往合法未成年的非京籍子女"; yanqing-2024 三(二)1(1): "若有 18 周岁
# 以下未成年子女需随往".


def with_child(district: str, **child) -> dict:
    data = baseline(district)
    data["employee"]["children"][0].update(child)
    return data


def test_an_adult_child_is_said_not_dropped():
    # Born 2008-11-22: 18 on 2026-11-22, the day before the check.
    for district in ("changping", "yanqing"):
        result = run(with_child(district, birth_date="2008-11-22"), "new")
        f = finding(result, "CHILD_CANNOT_ACCOMPANY")
        assert f.severity == "blocker" and "张小三" in f.message and "18" in f.message
        # Its materials are not asked for: it does not accompany.
        assert "child-birth-certificate" not in {m.kind for m in result.materials if m.required}
    still_minor = run(with_child("changping", birth_date="2008-11-24"), "new")
    assert "CHILD_CANNOT_ACCOMPANY" not in codes(still_minor)


def test_a_beijing_hukou_child_cannot_accompany_in_changping():
    result = run(with_child("changping", hukou="beijing"), "business-change")
    assert finding(result, "CHILD_CANNOT_ACCOMPANY").severity == "blocker"
    # Yanqing's guide names only the age; a Beijing-hukou child is not barred there.
    assert "CHILD_CANNOT_ACCOMPANY" not in codes(run(with_child("yanqing", hukou="beijing"), "new"))


def test_a_child_ageing_out_warns_on_a_renewal():
    data = with_permit("changping", "2026-12-20")
    data["employee"]["children"][0]["birth_date"] = "2007-01-01"
    result = run(data, "renewal")
    assert finding(result, "CHILD_CANNOT_ACCOMPANY").severity == "warning"


# --- 5. Lessor must be the owner: Changping only ----------------------------------------------------------
# changping-2026 四(二)1(8)④ 注意: "出租人须为房屋产权人，承租人须为申请人"; yanqing-2024 三(二)1(4)B asks for a lease
# "记载有房屋详细地址，出租人和承租人双方姓名、居民身份证号码、联系方式、租赁期限" and no more.


def test_lessor_not_owner_only_matters_in_changping():
    for district, blocked in (("changping", True), ("yanqing", False)):
        data = baseline(district)
        data["employee"]["housing"]["lessor_is_owner"] = False
        assert ("NO_STABLE_RESIDENCE" in codes(run(data), "blocker")) is blocked


# --- 6. Changping unit tax minimum --------------------------------------------------------------------------
# changping-2026 二(一)3: "原则上，上一自然年度或本年度本区纳税额不低于 20 万元人民币"; 四(二)5 注意③: "原则上新
# 聘用单位…符合本指南 2-3 页所要求的单位申请条件". Not repeated for 续签 or 信息变更.


@pytest.mark.parametrize(
    "business,severity",
    [
        ("new", "blocker"),
        ("employer-change", "blocker"),
        ("renewal", "warning"),
        ("basic-change", "warning"),
        ("business-change", "warning"),
    ],
)
def test_changping_tax_minimum_by_business(business, severity):
    data = with_permit("changping", "2026-12-20")
    data["employer"]["tax_paid_cny"] = {"2025": 150000, "2026": 100000}
    f = finding(run(data, business, on=date(2026, 11, 10)), "EMPLOYER_TAX_BELOW_MINIMUM")
    assert f.severity == severity
    if business == "employer-change":
        assert "四(二)5 注意③" in f.source


# --- 7. The Yanqing 7-day unit review is calendar days ------------------------------------------------------
# yanqing-2024 三(二) 第三步: "同时通知单位经办人及时进行审核，如超过7天未审核将自动退回".


def test_unit_review_is_seven_calendar_days_whatever_the_holidays():
    # Submitted Wednesday 2026-09-30: the National Day break (10-01 to 10-07) does not stop the timer.
    assert unit_review_due(date(2026, 9, 30), 7) == date(2026, 10, 7)
    assert unit_review_due(date(2026, 11, 20), 7) == date(2026, 11, 27)  # a Friday; not moved
    assert policies().for_district("yanqing").timing["unit_review_days"] == 7


# --- 8. Materials the lists lacked ---------------------------------------------------------------------------


def income_route(district: str, route: str) -> dict:
    data = baseline(district)
    data["employee"]["education"]["degree"] = "none"
    del data["materials"][2:4]  # no diploma / degree certificate
    years = {str(y): 600000 for y in range(2020, 2026)}
    if route == "innovation-income":
        data["employer"]["innovation_entity"] = "high-tech"
        data["employee"]["annual_income_cny"] = years
    else:
        data["employee"]["freelancer"] = {"annual_tax_cny": years, "notable_contribution": True}
    return data


@pytest.mark.parametrize(
    "district,route,source",
    [
        # changping-2026 四(二)1(11)②: "以条件 3、4 申报需提供单位资质证书及 3 年的应税收入材料"
        ("changping", "innovation-income", "changping-2026 四(二)1(11)②"),
        # changping-2026 四(二)1(11)⑤: "以条件 7 申报需提供业绩贡献材料、近 3 年纳税证明材料"
        ("changping", "freelancer", "changping-2026 四(二)1(11)⑤"),
        # yanqing-2024 三(二)2(4)B: "申请人近 3 个自然年度以及本年纳税月份的《…个人所得税纳税清单》及申报收入记录"
        ("yanqing", "innovation-income", "yanqing-2024 三(二)2(4)B"),
        ("yanqing", "freelancer", "yanqing-2024 三(二)2(9)B"),
    ],
)
def test_three_years_of_income_records_for_the_income_routes(district, route, source):
    result = run(income_route(district, route))
    assert result.route == route
    m = material(result, "income-records-3y")
    assert m.required and m.status == "missing" and source in m.source


def test_yanqing_foreign_degree_asks_for_the_cscse_certificate_instead():
    # yanqing-2024 三(二)2(1)D: "于国外取得学士及以上学历学位且毕业超过 3 年的，须出具外国学历学位原件及教育部留学服务中心
    # 国外学历学位认证书原件"
    data = baseline("yanqing")
    data["employee"]["education"] = {"degree": "master", "foreign": True, "graduated_on": "2020-07-01"}
    required = {m.kind for m in run(data).materials if m.required}
    assert "foreign-degree-verification" in required
    assert not {"diploma-verification", "degree-verification"} & required
    domestic = {m.kind for m in run(baseline("yanqing")).materials if m.required}
    assert {"diploma-verification", "degree-verification"} <= domestic


def test_yanqing_rural_homestead_lease_asks_for_the_owners_household_register():
    # yanqing-2024 三(二)1(4)B: "租住农村宅基地房屋的，还需要提供房屋所有人居民户口簿首页和本人页的原件"
    data = baseline("yanqing")
    data["employee"]["housing"]["rural_homestead"] = True
    required = {m.kind for m in run(data).materials if m.required}
    assert "owner-hukou-pages" in required and "property-certificate" not in required
    plain = {m.kind for m in run(baseline("yanqing")).materials if m.required}
    assert "property-certificate" in plain and "owner-hukou-pages" not in plain


@pytest.mark.parametrize(
    "parents,kind,required",
    [("divorced-custody", "divorce-papers", True), ("unmarried", "kinship-proof", False)],
)
def test_changping_children_of_parents_not_married(parents, kind, required):
    # changping-2026 四(二)1(9): "婚姻证明材料：有效的婚姻凭证，如添加随往子女此项必须上传" — for a divorced parent
    # the 离婚证 is that proof; the guide names none for parents who never married.
    data = with_child("changping", parents=parents)
    data["employee"]["marital_status"] = "divorced" if parents == "divorced-custody" else "unmarried"
    result = run(data)
    kinds = {m.kind: m.required for m in result.materials}
    assert kinds.get(kind) is required
    assert "marriage-certificate" not in {k for k, req in kinds.items() if req}


# --- 9. Wage figures entered without an effective date --------------------------------------------------------
# changping-2026 二(二)5 注: "未公布全口径城镇单位就业人员平均工资前，参照上一年度执行"; yanqing-2024 三(二)1(5) 注意:
# "每年7月中下旬，北京市人力资源和社会保障局官方网站公布上一年度本市全社会职工平均工资".


def test_an_undated_user_figure_never_applies_before_it_can_be_published(tmp_path: Path):
    wages = tmp_path / "wages.toml"
    wages.write_text("[[figure]]\nyear = 2025\nmonthly = 13000\n", encoding="utf-8")
    ps = load_policy_set(user_wages=wages)
    data = baseline("changping")
    for district in ("changping", "yanqing"):
        policy = ps.for_district(district)
        assert ps.wage_figure(policy, date(2026, 3, 1)).year == 2024
        assert ps.wage_figure(policy, date(2026, 7, 31)).year == 2024
        assert ps.wage_figure(policy, date(2026, 8, 1)).year == 2025
    # The verdict for a date before publication does not move: 20000 ≥ 14324 (2024 × 1.2) either way, but
    # 15000 is below 15600 (2025 × 1.2) only once the new figure applies.
    data["employee"]["monthly_income_cny"] = dict.fromkeys(data["employee"]["monthly_income_cny"], 15000)
    data["employee"]["monthly_income_cny"].update({f"2026-0{m}": 15000 for m in range(1, 10)})
    data["employee"]["monthly_income_cny"].update({f"2025-{m:02d}": 15000 for m in range(7, 13)})
    assert "INCOME_BELOW_THRESHOLD" not in codes(run(data, on=date(2026, 3, 10), policy_set=ps))
    assert "INCOME_BELOW_THRESHOLD" in codes(run(data, on=date(2026, 8, 10), policy_set=ps))


def test_a_dated_user_figure_applies_from_its_date(tmp_path: Path):
    wages = tmp_path / "wages.toml"
    wages.write_text(
        "[[figure]]\nyear = 2025\nmonthly = 13000\neffective_on = 2026-07-20\n", encoding="utf-8"
    )
    ps = load_policy_set(user_wages=wages)
    policy = ps.for_district("changping")
    assert ps.wage_figure(policy, date(2026, 7, 19)).year == 2024
    assert ps.wage_figure(policy, date(2026, 7, 20)).year == 2025


def test_the_guide_tables_still_decide_for_bundled_figures():
    # changping-2026 二(二)5 table: "2025 年 ≥ 2024 年 11937"; yanqing-2024: "2023年7月-2024年7月 … 2022年 11297".
    ps = policies()
    assert ps.wage_figure(ps.for_district("changping"), date(2025, 1, 2)).monthly == 11937
    assert ps.wage_figure(ps.for_district("yanqing"), date(2024, 3, 1)).monthly == 11297


# --- 10. Permit unit history (Changping renewals) ----------------------------------------------------------------
# changping-2026 四(二)4 注意②: "申请人近 3 年的持证单位，应与实际工作单位、《劳动合同》签订单位、个税扣缴和社保缴纳
# 单位须保持一致".

UNIT = "91110114MA01ABCD1X"  # the example employer's credit code


def renewal_with_history(history: list[dict] | None, hired_on: str = "2024-03-01") -> dict:
    data = with_permit("changping", "2026-12-20", hired_on=hired_on)
    data["employee"]["monthly_income_cny"] = dict(FULL_36)
    if history is not None:
        data["employee"]["permit"]["unit_history"] = history
    return data


def test_no_history_recorded_is_said():
    result = run(renewal_with_history(None), "renewal")
    f = finding(result, "PERMIT_UNIT_HISTORY_UNKNOWN")
    assert f.severity == "warning" and "四(二)4 注意②" in f.source and "2023-12-01" in f.message
    assert "PERMIT_UNIT_HISTORY_UNKNOWN" not in codes(run(renewal_with_history(None), "basic-change"))
    assert "PERMIT_UNIT_HISTORY_UNKNOWN" not in codes(
        run(with_permit("yanqing", "2026-12-20"), "renewal")
    )  # a Changping rule


def test_a_permit_left_with_the_old_unit_after_the_move_is_a_blocker():
    history = [
        {"held_from": "2023-12-01", "held_until": "2024-08-31", "name": "北京旧单位有限公司"},
        {"held_from": "2024-09-01", "credit_code": UNIT},
    ]
    result = run(renewal_with_history(history), "renewal")
    f = finding(result, "PERMIT_UNIT_MISMATCH")
    assert f.severity == "blocker" and "2024-03-01至2024-08-31" in f.message
    # Before hire the old unit held it: hrdesk cannot know whether that was the actual employer.
    assert "PERMIT_UNIT_HISTORY_UNKNOWN" in codes(result, "warning")


def test_a_clean_history_passes_and_a_gap_is_said():
    clean = [
        {"held_from": "2023-12-01", "held_until": "2024-02-20", "name": "北京旧单位有限公司"},
        {"held_from": "2024-02-21", "held_until": "2024-03-10", "suspended": True},
        {"held_from": "2024-03-11", "credit_code": UNIT},
    ]
    result = run(renewal_with_history(clean), "renewal")
    assert "PERMIT_UNIT_MISMATCH" not in codes(result)
    confirm = [f for f in result.findings if f.code == "PERMIT_UNIT_HISTORY_UNKNOWN"]
    assert len(confirm) == 1 and "北京旧单位有限公司" in confirm[0].message  # confirm the old unit's period
    gap = run(renewal_with_history([{"held_from": "2024-06-01", "credit_code": UNIT}]), "renewal")
    assert "2023-12-01至2024-05-31" in finding(gap, "PERMIT_UNIT_HISTORY_UNKNOWN").message


def test_unit_history_in_the_profile_format():
    ps = policies()
    data = renewal_with_history([{"held_from": "2024-03-01", "unit": "x"}])
    with pytest.raises(ProfileError, match=r"unit_history\[0\]: unknown key 'unit'"):
        parse_profile(data, ps.districts, tuple(ps.materials))
    data = renewal_with_history([{"held_from": "2024-03-01"}])
    with pytest.raises(ProfileError, match="credit_code or name"):
        parse_profile(data, ps.districts, tuple(ps.materials))


# --- 11. A residence whose end date is unknown -------------------------------------------------------------------
# changping-2026 四(二)1(8)④ 注意: "租赁期限在 3 个月以上"; yanqing-2024 三(二)1(4)B: "尚有 6 个月以上租赁期限".


@pytest.mark.parametrize("district", ["changping", "yanqing"])
def test_unknown_lease_end_is_eligible_with_a_warning_but_not_ready(district):
    data = baseline(district)
    data["employee"]["housing"]["valid_until"] = None
    for m in data["materials"]:
        if m["kind"] == "lease-contract":
            m.pop("valid_until")
    result = run(data)
    assert "RESIDENCE_END_UNKNOWN" in codes(result, "warning")
    assert result.eligible and not result.ready
    assert material(result, "lease-contract").status != "ok"


def test_the_lease_material_date_stands_in_for_the_housing_record():
    data = baseline("changping")
    data["employee"]["housing"]["valid_until"] = None
    result = run(data)  # the lease itself runs to 2027-06-30
    assert "RESIDENCE_END_UNKNOWN" not in codes(result)
    assert result.eligible and result.ready
    short = baseline("changping")
    short["employee"]["housing"]["valid_until"] = None
    for m in short["materials"]:
        if m["kind"] == "lease-contract":
            m["valid_until"] = (date(2026, 11, 23) + timedelta(days=40)).isoformat()
    assert "NO_STABLE_RESIDENCE" in codes(run(short), "blocker")


def test_an_accompanying_child_without_a_birth_date_is_said():
    result = run(with_child("changping", birth_date=None))
    f = finding(result, "CHILD_BIRTH_DATE_UNKNOWN")
    assert f.severity == "warning" and "18" in f.message
