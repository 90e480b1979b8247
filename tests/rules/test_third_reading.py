"""Rules, third reading: one test per item of the issue, each citing the guide passage it reads.
(Item 1, the CLI's data folder, is in test_third_reading_cli.py; item 14 in test_code_registry.py.)"""

from __future__ import annotations

from datetime import date

import pytest

from hrdesk.rules.idnumber import IdNumberError, parse_id_number

from .helpers import ON, baseline, codes, make_id, material, run


def kinds(result, required: bool | None = True) -> set[str]:
    return {m.kind for m in result.materials if required is None or m.required == required}


def permit(status: str = "active", **extra) -> dict:
    return {"number": "X", "issued_on": "2024-03-01", "expires_on": "2027-01-20", "status": status, **extra}


# --- 2. yanqing-2024 三(二)1(4)D: "双方身份证原件1份" -------------------------------------------------------


def test_yanqing_borrowed_housing_asks_both_id_cards_and_the_lenders_papers():
    data = baseline("yanqing")
    data["employee"]["housing"] = {"kind": "borrowed", "valid_until": None}
    result = run(data)
    # D item by item: 房产证, 借住声明, 双方身份证 (the lender's and the applicant's own).
    assert {"property-certificate", "housing-borrowing-declaration", "owner-id-card", "id-card"} <= kinds(
        result
    )
    assert "yanqing-2024 三(二)1(4)D" in material(result, "id-card").source
    # Changping 四(二)1(8)③ names 房产证、房主身份证、借住声明 only: the applicant's ID stays optional there.
    data = baseline("changping")
    data["employee"]["housing"] = {"kind": "borrowed", "valid_until": None}
    assert "id-card" not in kinds(run(data))


# --- 3. print date after the last required period (changping-2026 四(二)1(5); yanqing-2024 三(二)1(5)注意) --


@pytest.mark.parametrize("district", ["changping", "yanqing"])
def test_tax_record_printed_before_the_last_required_month_ended_is_too_old(district):
    data = baseline(district)
    for m in data["materials"]:
        if m["kind"] == "iit-tax-record":
            m["issued_on"] = "2026-10-31"  # October not over: cannot show October, the last month needed
    result = run(data)  # on 2026-11-23: the 6 months are 2026-05 … 2026-10
    record = material(result, "iit-tax-record")
    assert record.status == "too-old" and "2026-10" in record.reason
    assert not result.ready
    for m in data["materials"]:
        if m["kind"] == "iit-tax-record":
            m["issued_on"] = "2026-11-01"
    result = run(data)
    assert material(result, "iit-tax-record").status == "ok"
    # Printed in November it serves until November ends (December needs November shown).
    due = {d.material: d.date for d in result.deadlines if d.code == "MATERIAL_SUBMIT_BY"}
    assert due["iit-tax-record"] == date(2026, 11, 30)


# --- 4. employer change while the old unit still holds the permit ----------------------------------------


@pytest.mark.parametrize(
    "district,source", [("changping", "changping-2026 四(二)5 注意①"), ("yanqing", "yanqing-2024 三(二)(二)")]
)
def test_employer_change_needs_the_old_unit_to_unlink_first(district, source):
    data = baseline(district)
    data["employee"]["permit"] = permit("active")
    data["employee"]["left_previous_employer_on"] = "2026-11-18"
    result = run(data, "employer-change")
    assert "PERMIT_NOT_SUSPENDED" in codes(result, "blocker")
    assert any(f.code == "PERMIT_NOT_SUSPENDED" and source in f.source for f in result.findings)
    assert "departure-certificate" in kinds(result)  # 离职证明 with the change
    data["employee"]["permit"] = permit("suspended")
    assert "PERMIT_NOT_SUSPENDED" not in codes(run(data, "employer-change"))


# --- 5. founder evidence follows the basis (changping-2026 四(二)1(11)④; yanqing-2024 三(二)2(7), 2(8)) ------


def founder(data, **values):
    data["employee"]["education"]["degree"] = "none"
    data["employee"]["founder"] = {
        "shareholding_pct": 10,
        "shareholder_rank": 1,
        "self_investment_3y_cny": 0,
        "equity_financing_cny": 0,
        "team_avg_annual_tax_3y_cny": 0,
        **values,
    }
    return data


def test_founder_on_team_tax_is_not_asked_for_investment_evidence():
    # Some investment, below the thresholds: the route rests on the team's tax.
    for district in ("changping", "yanqing"):
        data = founder(baseline(district), self_investment_3y_cny=100000, team_avg_annual_tax_3y_cny=6000000)
        result = run(data)
        assert result.route == "founder"
        assert "investment-evidence" not in kinds(result, None)
        assert "articles-of-association" in kinds(result)
    # Yanqing (8)B: the unit's tax notice; Changping's team-tax line names the 章程 only.
    yq = run(founder(baseline("yanqing"), team_avg_annual_tax_3y_cny=6000000))
    assert "unit-tax-notice" in kinds(yq)


def test_founder_on_financing_brings_the_financing_evidence():
    data = founder(baseline("changping"), equity_financing_cny=20000000)
    result = run(data)
    assert "investment-evidence" in kinds(result)
    # "满足股权类现金融资大于 1000 万元的提供：投资协议书、银行转账记录": no 章程 on this line in Changping.
    assert "articles-of-association" not in kinds(result, None)
    yq = run(founder(baseline("yanqing"), self_investment_3y_cny=6000000))
    assert {"articles-of-association", "investment-evidence", "unit-tax-notice"} <= kinds(yq)


# --- 6. GB 11643: a birth date in the future or before 1900 -----------------------------------------------


def test_id_number_with_a_future_or_pre_1900_birth_date_is_refused():
    future = make_id("20300101")
    with pytest.raises(IdNumberError, match="birth-date-future"):
        parse_id_number(future, on=ON)
    with pytest.raises(IdNumberError, match="birth-date-before-1900"):
        parse_id_number(make_id("18991231"), on=ON)
    data = baseline()
    data["employee"]["id_number"] = future
    result = run(data)
    finding = next(f for f in result.findings if f.code == "ID_NUMBER_INVALID")
    assert finding.severity == "blocker" and "晚于今天" in finding.message


def test_roster_refuses_a_future_birth_date_with_the_reason():
    from hrdesk.rosters.values import CellProblem, id_from_cell

    with pytest.raises(CellProblem) as caught:
        id_from_cell(make_id("20990101"))
    assert caught.value.params["reason_key"] == "id.birth-date-future"


# --- 7. 社保 months (changping-2026 二(二)2, 四(二)4 注意③; yanqing-2024 二(二), 三(二)1(7)) ----------------


def months(first: str, count: int) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    for _ in range(count):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def test_new_application_needs_6_continuous_months_of_social_insurance():
    data = baseline("changping")
    data["employee"]["social_insurance_months"] = dict.fromkeys(months("2026-05", 6), "paid")
    assert "SOCIAL_INSURANCE_INCOMPLETE" not in codes(run(data))
    del data["employee"]["social_insurance_months"]["2026-08"]  # a gap: not continuous
    result = run(data)
    finding = next(f for f in result.findings if f.code == "SOCIAL_INSURANCE_INCOMPLETE")
    assert finding.severity == "blocker" and "2026-08" in finding.message
    assert finding.source == "changping-2026 二(二)2"


def test_changping_renewal_needs_36_months():
    data = baseline("changping")
    data["employee"]["permit"] = permit("active", expires_on="2027-01-10")
    data["employee"]["monthly_income_cny"] = dict.fromkeys(months("2023-11", 36), 20000)
    data["employee"]["social_insurance_months"] = dict.fromkeys(months("2024-11", 24), "paid")
    result = run(data, "renewal")
    finding = next(f for f in result.findings if f.code == "SOCIAL_INSURANCE_INCOMPLETE")
    assert "36" in finding.message and finding.source == "changping-2026 四(二)4 注意③"


def test_yanqing_deferred_month_needs_the_units_explanation():
    data = baseline("yanqing")
    si = dict.fromkeys(months("2026-05", 6), "paid")
    si["2026-07"] = "deferred"
    data["employee"]["social_insurance_months"] = si
    result = run(data)
    assert "SOCIAL_INSURANCE_INCOMPLETE" not in codes(result)
    assert "SOCIAL_INSURANCE_IRREGULAR" in codes(result, "info")
    explanation = material(result, "social-insurance-explanation")
    assert explanation.required and explanation.status == "missing"
    assert "yanqing-2024 三(二)1(7)" in explanation.source


def test_profiles_without_social_insurance_months_are_not_checked():
    assert not {"SOCIAL_INSURANCE_INCOMPLETE", "SOCIAL_INSURANCE_IRREGULAR"} & codes(run(baseline()))


# --- 8. leases: changping-2026 四(二)1(8)④ 注意; yanqing-2024 三(二)1(4)C ------------------------------------


def test_changping_lessee_must_be_the_applicant():
    data = baseline("changping")
    data["employee"]["housing"]["lessee_is_applicant"] = False
    result = run(data)
    finding = next(f for f in result.findings if f.code == "NO_STABLE_RESIDENCE")
    assert "承租人" in finding.message and finding.source == "changping-2026 四(二)1(8)④ 注意"
    yq = baseline("yanqing")
    yq["employee"]["housing"]["lessee_is_applicant"] = False
    assert "NO_STABLE_RESIDENCE" not in codes(run(yq))


def test_yanqing_unit_housing_needs_title_or_lease_and_the_units_residence_certificate():
    data = baseline("yanqing")
    data["employee"]["housing"] = {
        "kind": "employer-housing",
        "valid_until": None,
        "unit_owns_property": True,
    }
    result = run(data)
    assert {"unit-housing-title", "unit-residence-certificate"} <= kinds(result)
    assert "lease-contract" not in kinds(result) and "unit-housing-lease" not in kinds(result, None)
    data["employee"]["housing"]["unit_owns_property"] = False
    result = run(data)
    assert {"unit-housing-lease", "unit-residence-certificate"} <= kinds(result)
    assert "yanqing-2024 三(二)1(4)C" in material(result, "unit-residence-certificate").source


# --- 9. diplomas and degrees (yanqing-2024 三(二)2(1); changping-2026 四(二)1(1)(2)) ---------------------------


def test_yanqing_degree_route_materials_item_by_item():
    data = baseline("yanqing")
    result = run(data)
    # A 学历证书, B 学信网备案表 (或学历认证报告), C 学位证书, D 学位网认证报告.
    assert {"diploma", "diploma-verification", "degree-certificate", "degree-verification"} <= kinds(result)
    data["materials"] = [m for m in data["materials"] if m["kind"] != "diploma-verification"]
    data["materials"].append({"kind": "diploma-certification-report", "issued_on": "2026-11-01"})
    assert material(run(data), "diploma-verification").status == "ok"  # the 认证报告 stands in
    # Foreign degree, graduated over 3 years ago: the foreign originals and the 留服 certificate instead.
    data["employee"]["education"] = {"degree": "master", "foreign": True, "graduated_on": "2019-07-01"}
    result = run(data)
    assert {"diploma", "degree-certificate", "foreign-degree-verification"} <= kinds(result)
    assert not {"diploma-verification", "degree-verification"} & kinds(result)


def test_changping_degree_materials_item_by_item():
    result = run(baseline("changping"))
    # (1) 学历证书, (2) 学位证书 (学位认证 only when the system shows the degree invalid); no 学信网 report.
    assert {"diploma", "degree-certificate"} <= kinds(result)
    assert "degree-verification" in kinds(result, False)
    assert "diploma-verification" not in kinds(result, None)


# --- 10. changping-2026 四(二)1(6): "内容如有变更, 需补充户籍变更页" --------------------------------------------


def test_changed_household_register_needs_its_change_pages():
    data = baseline("changping")
    assert "hukou-change-pages" not in kinds(run(data), None)
    data["employee"]["hukou_changed"] = True
    result = run(data)
    pages = material(result, "hukou-change-pages")
    assert pages.required and pages.status == "missing" and "changping-2026 四(二)1(6)" in pages.source


# --- 11. yanqing-2024 三(一)第二步: filing within 20 working days of the centre's call ----------------------


def test_yanqing_unit_filing_deadline_and_overdue():
    data = baseline("yanqing")
    data["employer"]["permission_granted"] = False
    data["employer"]["filing_notice_on"] = "2026-09-24"
    result = run(data)
    due = next(d for d in result.deadlines if d.code == "UNIT_FILING_DUE")
    # 20 working days after Thu 2026-09-24, the National Day week (10-01 … 10-07 off, 09-27 and 10-10 make-up
    # workdays in the 2026 schedule) counted as the calendar says.
    from hrdesk.rules.workdays import WorkCalendar

    assert due.date == WorkCalendar().add_working_days(date(2026, 9, 24), 20)
    assert "UNIT_FILING_OVERDUE" in codes(result, "warning")
    # The reminders and calendar take it as a duty (status and views read the engine's deadlines).
    from hrdesk.deadlines.items import ACTION_CODES
    from hrdesk.employees.status import DUTY_CODES

    assert "UNIT_FILING_DUE" in DUTY_CODES and "UNIT_FILING_DUE" in ACTION_CODES
    data["employer"]["permission_granted"] = True
    assert "UNIT_FILING_DUE" not in {d.code for d in run(data).deadlines}


# --- 12. one permit, one unit (changping-2026 四(二)2 注意; yanqing-2024 三(二)(一), (二)) --------------------


OTHER_UNIT = {"held_from": "2024-03-01", "credit_code": "91110000OTHER0000X", "name": "另一家公司"}


def test_person_linked_to_another_unit_cannot_be_filed_as_new():
    data = baseline("changping")
    data["employee"]["permit"] = permit("active", unit_history=[OTHER_UNIT])
    result = run(data)
    assert "PERMIT_LINKED_TO_OTHER_UNIT" in codes(result, "blocker")
    assert "PERMIT_ALREADY_HELD" not in codes(result)


@pytest.mark.parametrize("business", ["basic-change", "business-change"])
def test_information_change_cannot_change_the_unit(business):
    data = baseline("yanqing")
    data["employee"]["permit"] = permit("active", unit_history=[OTHER_UNIT])
    assert "PERMIT_LINKED_TO_OTHER_UNIT" in codes(run(data, business), "blocker")
    own = dict(OTHER_UNIT, credit_code=data["employer"]["credit_code"], name=data["employer"]["name"])
    data["employee"]["permit"] = permit("active", unit_history=[own])
    assert "PERMIT_LINKED_TO_OTHER_UNIT" not in codes(run(data, business))


# --- 13. agents (changping-2026 三(六); yanqing-2024 三(一)注意) -------------------------------------------------


def test_changping_agent_with_the_unit_in_principle():
    data = baseline("changping")
    data["employer"]["agents"] = [{"name": "李四", "id_number": make_id("19850101"), "tax": False}]
    finding = next(f for f in run(data).findings if f.code == "AGENT_NOT_WITH_UNIT")
    assert finding.severity == "warning" and finding.source == "changping-2026 三(六)"


def test_yanqing_agent_must_be_insured_and_cannot_handle_own_application():
    data = baseline("yanqing")
    data["employer"]["agents"] = [
        {"name": "李四", "id_number": make_id("19850101"), "social_insurance": False}
    ]
    assert "AGENT_NOT_WITH_UNIT" in codes(run(data), "blocker")
    # The applicant is the only agent: a second agent is needed.
    data["employer"]["agents"] = [{"name": "张三", "id_number": data["employee"]["id_number"]}]
    result = run(data)
    assert "AGENT_OWN_APPLICATION" in codes(result, "blocker")
    data["employer"]["agents"].append({"name": "王五", "id_number": make_id("19800101")})
    assert "AGENT_OWN_APPLICATION" not in codes(run(data))
    # Changping does not say so: no finding there.
    cp = baseline("changping")
    cp["employer"]["agents"] = [{"name": "张三", "id_number": cp["employee"]["id_number"]}]
    assert "AGENT_OWN_APPLICATION" not in codes(run(cp))
