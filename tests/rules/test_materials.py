"""Required materials by district × business × route × housing × children × marriage, and §3.6 validity."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import baseline, material, run


def required(result) -> set[str]:
    return {m.kind for m in result.materials if m.required}


def test_missing_material_makes_not_ready_but_eligible():
    data = baseline("changping")
    data["materials"] = [m for m in data["materials"] if m["kind"] != "hukou-pages"]
    result = run(data)
    assert result.eligible and not result.ready
    assert material(result, "hukou-pages").status == "missing"


@pytest.mark.parametrize(
    "kind,expected",
    [
        ("residence-permit", {"residence-permit"}),
        ("owned", {"property-certificate"}),
        ("spouse-owned", {"property-certificate", "marriage-certificate"}),
        ("borrowed", {"property-certificate", "owner-id-card", "housing-borrowing-declaration"}),
        ("rented", {"property-certificate", "lease-contract"}),
        ("public-rental", {"public-rental-contract"}),
    ],
)
def test_changping_housing_materials(kind, expected):
    data = baseline("changping")
    data["employee"]["children"] = []
    data["employee"]["housing"] = {"kind": kind, "valid_until": "2028-01-01"}
    housing_kinds = {
        "residence-permit",
        "property-certificate",
        "owner-id-card",
        "housing-borrowing-declaration",
        "lease-contract",
        "public-rental-contract",
        "employer-housing-proof",
        "marriage-certificate",
        "purchase-contract",
    }
    assert required(run(data)) & housing_kinds == expected


def test_yanqing_purchase_contract_stands_in_for_a_certificate():
    data = baseline("yanqing")
    data["employee"]["housing"] = {"kind": "owned"}
    data["materials"] = [
        m for m in data["materials"] if m["kind"] not in ("property-certificate", "lease-contract")
    ]
    assert material(run(data), "property-certificate").status == "missing"
    data["materials"].append({"kind": "purchase-contract"})
    result = run(data)
    assert material(result, "property-certificate").status == "ok"
    assert result.ready


@pytest.mark.parametrize(
    "parents,extra",
    [
        ("married", "marriage-certificate"),
        ("unmarried", "kinship-proof"),
        ("divorced-custody", "divorce-papers"),
    ],
)
def test_yanqing_children_materials_by_parents(parents, extra):
    data = baseline("yanqing")
    data["employee"]["children"][0]["parents"] = parents
    req = required(run(data))
    assert {"child-birth-certificate", "child-hukou-pages", extra} <= req


def test_adult_or_staying_children_need_nothing():
    data = baseline("changping")
    data["employee"]["children"][0]["accompany"] = False
    assert "child-birth-certificate" not in required(run(data))
    data["employee"]["children"][0].update(accompany=True, birth_date="2008-01-01")
    assert "child-birth-certificate" not in required(run(data))


def test_changping_lists_education_for_every_business_yanqing_only_for_new():
    cp = baseline("changping")
    cp["employee"]["permit"] = {
        "number": "X",
        "issued_on": "2023-12-20",
        "expires_on": "2026-12-20",
        "status": "active",
    }
    yq = baseline("yanqing")
    yq["employee"]["permit"] = dict(cp["employee"]["permit"])
    assert "diploma" in required(run(cp, "basic-change"))
    assert "diploma" not in required(run(yq, "basic-change"))
    assert "departure-certificate" in required(run(yq, "employer-change"))


def test_changping_contract_needs_three_months():
    data = baseline("changping")
    contract = next(m for m in data["materials"] if m["kind"] == "labour-contract")
    contract["valid_until"] = "2027-02-22"
    m = material(run(data), "labour-contract")
    assert m.status == "expires-too-soon" and "2027-02-22" in m.reason
    contract["valid_until"] = "2027-02-23"
    assert material(run(data), "labour-contract").status == "ok"
    contract["valid_until"] = "2026-11-22"
    assert material(run(data), "labour-contract").status == "expired"


def test_open_ended_contract_falls_back_to_the_employee_record():
    data = baseline("changping")
    contract = next(m for m in data["materials"] if m["kind"] == "labour-contract")
    del contract["valid_until"]
    data["employee"]["contract_ends_on"] = None
    assert material(run(data), "labour-contract").status == "ok"
    data["employee"]["contract_ends_on"] = "2027-01-01"
    assert material(run(data), "labour-contract").status == "expires-too-soon"


def test_yanqing_online_and_unit_signed_materials_are_at_most_30_days_old():
    data = baseline("yanqing")
    for m in data["materials"]:
        if m["kind"] == "diploma-verification":
            m["issued_on"] = "2026-10-24"  # 30 days before 11-23: still fine
        if m["kind"] == "integrity-declaration-individual":
            m["issued_on"] = "2026-10-23"  # 31 days: too old
    # (A tax record printed on 10-24 could not show October, the last required month: the third
    # reading's item 3, tests/rules/test_third_reading.py.)
    data["employee"]["education"]["foreign"] = False
    result = run(data)
    assert material(result, "diploma-verification").status == "ok"
    assert material(result, "integrity-declaration-individual").status == "too-old"
    assert not result.ready


def test_changping_has_no_age_limit_on_online_material():
    data = baseline("changping")
    # A 学位 verification report printed ten months ago still serves; tax records are bound by the
    # periods they must show instead (third reading item 3).
    data["materials"].append({"kind": "degree-verification", "issued_on": "2026-01-01"})
    assert material(run(data), "degree-verification").status == "ok"


def test_yanqing_id_card_valid_on_the_day():
    data = baseline("yanqing")
    data["materials"].append({"kind": "id-card", "valid_until": "2026-11-23"})
    assert material(run(data), "id-card").status == "ok"
    data["materials"][-1]["valid_until"] = "2026-11-22"
    assert material(run(data), "id-card").status == "expired"


def test_defects_make_a_material_defective():
    data = baseline("changping")
    data["materials"][0]["defects"] = ["第1页为灰度扫描"]
    result = run(data)
    assert material(result, data["materials"][0]["kind"]).status == "defective"
    assert not result.ready


def test_material_submit_by_deadlines():
    data = baseline("changping")
    result = run(data)
    by_material = {d.material: d.date for d in result.deadlines if d.code == "MATERIAL_SUBMIT_BY"}
    assert by_material["lease-contract"] == date(2027, 3, 31)  # 2027-06-30 − 3 months, month-end aware
    assert by_material["labour-contract"] == date(2028, 9, 30)
    late = run(data, on=date(2027, 4, 1))
    assert material(late, "lease-contract").status == "expires-too-soon"


def test_unit_materials_are_listed_but_optional():
    result = run(baseline("yanqing"))
    unit = [m for m in result.materials if m.group == "unit"]
    assert {m.kind for m in unit} >= {"business-licence", "filing-form", "permission-report"}
    assert not any(m.required for m in unit)
