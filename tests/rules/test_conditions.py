"""One rule at a time: change one field of the clean baseline, expect one finding (or none)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from .helpers import baseline, codes, make_id, run

Mutation = Callable[[dict[str, Any]], None]


def emp(**changes: Any) -> Mutation:
    return lambda d: d["employee"].update(changes)


def unit(**changes: Any) -> Mutation:
    return lambda d: d["employer"].update(changes)


def housing(**changes: Any) -> Mutation:
    return lambda d: d["employee"]["housing"].update(changes)


def both(*mutations: Mutation) -> Mutation:
    def apply(d: dict[str, Any]) -> None:
        for m in mutations:
            m(d)

    return apply


def income(
    value: float, months: tuple[str, ...] = ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10")
) -> Mutation:
    return emp(monthly_income_cny=dict.fromkeys(months, value))


# (id, district, mutation, expected blocker codes)
BLOCKERS = [
    ("bad-check-digit", "changping", emp(id_number="130102199001011238"), {"ID_NUMBER_INVALID"}),
    ("id-too-short", "yanqing", emp(id_number="13010219900101"), {"ID_NUMBER_INVALID"}),
    ("beijing-hukou", "changping", emp(hukou="beijing"), {"HUKOU_INELIGIBLE"}),
    ("collective-hukou", "yanqing", emp(hukou="beijing-collective"), {"HUKOU_INELIGIBLE"}),
    ("school-hukou", "changping", emp(hukou="school-temporary"), {"HUKOU_INELIGIBLE"}),
    ("temporary-hukou", "yanqing", emp(hukou="beijing-temporary"), {"HUKOU_INELIGIBLE"}),
    ("retired", "changping", emp(retired=True), {"RETIRED"}),
    ("dispatched", "yanqing", emp(dispatched=True), {"DISPATCHED_WORKER"}),
    ("payroll-elsewhere", "changping", emp(same_employer={"payroll": False}), {"EMPLOYER_MISMATCH"}),
    ("criminal-yanqing", "yanqing", emp(criminal_record=True), {"CRIMINAL_RECORD"}),
    # changping-2026 附件2: "本人遵纪守法,无刑事犯罪记录…以上如不真实本人愿意永久放弃申报资格"
    ("criminal-changping-declaration", "changping", emp(criminal_record=True), {"CRIMINAL_RECORD"}),
    ("tenure-5-months", "changping", emp(hired_on="2026-06-24"), {"TENURE_UNDER_6_MONTHS"}),
    ("income-below", "changping", income(14323), {"INCOME_BELOW_THRESHOLD"}),
    ("income-below-yanqing", "yanqing", income(14000), {"INCOME_BELOW_THRESHOLD"}),
    (
        "income-month-missing",
        "changping",
        income(20000, ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09")),
        {"INCOME_RECORD_INCOMPLETE"},
    ),
    (
        "experience-changping",
        "changping",
        emp(career_started_on="2025-01-01", hired_on="2025-01-01"),
        {"WORK_EXPERIENCE_UNDER_2_YEARS"},
    ),
    ("no-housing", "changping", emp(housing=None), {"NO_STABLE_RESIDENCE"}),
    ("lease-2-months-left", "changping", housing(valid_until="2027-01-31"), {"NO_STABLE_RESIDENCE"}),
    ("lease-5-months-yanqing", "yanqing", housing(valid_until="2027-04-30"), {"NO_STABLE_RESIDENCE"}),
    ("lessor-not-owner", "changping", housing(lessor_is_owner=False), {"NO_STABLE_RESIDENCE"}),
    ("office-yanqing", "yanqing", housing(residential=False), {"NO_STABLE_RESIDENCE"}),
    ("public-rental-yanqing", "yanqing", housing(kind="public-rental"), {"NO_STABLE_RESIDENCE"}),
    ("employer-housing-changping", "changping", housing(kind="employer-housing"), {"NO_STABLE_RESIDENCE"}),
    (
        "residence-permit-3-weeks",
        "changping",
        housing(kind="residence-permit", valid_until="2026-12-14"),
        {"NO_STABLE_RESIDENCE"},
    ),
    (
        "spouse-owned-unmarried",
        "changping",
        both(housing(kind="spouse-owned"), emp(marital_status="unmarried", children=[])),
        {"NO_STABLE_RESIDENCE"},
    ),
    ("no-category", "changping", emp(education={"degree": "none"}), {"NO_QUALIFYING_CATEGORY"}),
    (
        "tax-below-changping",
        "changping",
        unit(tax_paid_cny={"2025": 199999, "2026": 150000}),
        {"EMPLOYER_TAX_BELOW_MINIMUM"},
    ),
    ("no-quota", "changping", unit(new_quota_remaining=0), {"EMPLOYER_NO_QUOTA"}),
    ("no-permission", "yanqing", unit(permission_granted=False), {"EMPLOYER_NO_PERMISSION"}),
    ("bad-standing", "changping", unit(good_standing=False), {"EMPLOYER_NOT_IN_GOOD_STANDING"}),
    ("restricted-yanqing", "yanqing", unit(restricted_industry=True), {"EMPLOYER_RESTRICTED_INDUSTRY"}),
    ("capital-yanqing", "yanqing", unit(registered_capital_cny=999999), {"EMPLOYER_CAPITAL_BELOW_MINIMUM"}),
    (
        "registered-11-months-yanqing",
        "yanqing",
        unit(registered_on="2026-01-01", tax_registered_on="2026-01-01"),
        {"EMPLOYER_TOO_NEW"},
    ),
    ("tax-300-days-yanqing", "yanqing", unit(tax_registered_on="2026-01-28"), {"EMPLOYER_TOO_NEW"}),
    ("over-retirement-man", "changping", emp(id_number=make_id("19650101")), {"OVER_RETIREMENT_AGE"}),
]


@pytest.mark.parametrize(
    "district,mutation,expected", [b[1:] for b in BLOCKERS], ids=[b[0] for b in BLOCKERS]
)
def test_blockers(district, mutation, expected):
    data = baseline(district)
    mutation(data)
    result = run(data)
    assert codes(result, "blocker") == expected
    assert not result.eligible and not result.ready
    for f in result.findings:
        assert f.source and f.message


# (id, district, mutation) — still eligible: the rule does not apply in this district or case.
STILL_ELIGIBLE = [
    ("restricted-changping-not-checked", "changping", unit(restricted_industry=True)),
    ("capital-changping-not-checked", "changping", unit(registered_capital_cny=10000)),
    ("income-exactly-threshold", "changping", income(14324)),
    ("tenure-exactly-6-months", "changping", emp(hired_on="2026-05-23")),
    ("lease-exactly-3-months", "changping", housing(valid_until="2027-02-23")),
    ("lease-exactly-6-months-yanqing", "yanqing", housing(valid_until="2027-05-23")),
    (
        "residence-permit-1-month",
        "changping",
        both(
            housing(kind="residence-permit", valid_until="2026-12-23"),
            lambda d: d["materials"].append({"kind": "residence-permit"}),
        ),
    ),
    ("tax-current-year-changping", "changping", unit(tax_paid_cny={"2025": 0, "2026": 200000})),
    (
        "yanqing-title-without-experience",
        "yanqing",
        emp(career_started_on="2025-06-01", title="intermediate", education={"degree": "none"}),
    ),
    ("man-born-1966-not-yet-retired", "changping", emp(id_number=make_id("19660901"))),
    (
        "female-worker-1976",
        "changping",
        emp(id_number=make_id("19760601", "female"), retirement_category="female-cadre"),
    ),
]


@pytest.mark.parametrize(
    "district,mutation", [s[1:] for s in STILL_ELIGIBLE], ids=[s[0] for s in STILL_ELIGIBLE]
)
def test_still_eligible(district, mutation):
    data = baseline(district)
    mutation(data)
    result = run(data)
    assert codes(result, "blocker") == set(), [f.message for f in result.findings]


def test_yanqing_degree_needs_two_years_but_title_does_not():
    data = baseline("yanqing")
    emp(career_started_on="2025-06-01", hired_on="2025-06-01")(data)
    result = run(data)
    assert codes(result, "blocker") == {"WORK_EXPERIENCE_UNDER_2_YEARS", "NO_QUALIFYING_CATEGORY"}
    emp(title="intermediate")(data)
    result = run(data)
    assert "title" in result.qualifying_categories and "degree" not in result.qualifying_categories
    assert codes(result, "blocker") == set()


def test_changping_needs_two_years_even_with_a_title():
    data = baseline("changping")
    emp(career_started_on="2025-06-01", hired_on="2025-06-01", title="senior")(data)
    assert "WORK_EXPERIENCE_UNDER_2_YEARS" in codes(run(data), "blocker")


def test_yanqing_recent_foreign_degree_is_routed_elsewhere():
    data = baseline("yanqing")
    emp(education={"degree": "master", "foreign": True, "graduated_on": "2024-06-30"})(data)
    result = run(data)
    assert codes(result, "blocker") == {"OVERSEAS_DEGREE_ROUTED", "NO_QUALIFYING_CATEGORY"}
    emp(education={"degree": "master", "foreign": True, "graduated_on": "2023-06-30"})(data)
    result = run(data)
    assert "degree" in result.qualifying_categories
    assert "foreign-degree-verification" in {m.kind for m in result.materials if m.required}


def test_changping_foreign_degree_is_a_degree():
    data = baseline("changping")
    emp(education={"degree": "master", "foreign": True, "graduated_on": "2025-06-30"})(data)
    assert run(data).qualifying_categories == ["degree"]


def test_missing_month_is_reported_separately_from_a_low_average():
    data = baseline()
    income(10000, ("2026-05", "2026-06", "2026-07"))(data)
    result = run(data)
    assert {"INCOME_RECORD_INCOMPLETE", "INCOME_BELOW_THRESHOLD"} <= codes(result, "blocker")
    incomplete = next(f for f in result.findings if f.code == "INCOME_RECORD_INCOMPLETE")
    assert "2026-08" in incomplete.message and "2026-10" in incomplete.message


def test_income_window_follows_the_application_month():
    data = baseline()
    income(20000, ("2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"))(data)
    assert "INCOME_RECORD_INCOMPLETE" in codes(run(data, on=date(2026, 11, 30)))
    assert "INCOME_RECORD_INCOMPLETE" not in codes(run(data, on=date(2026, 12, 1)))


def test_yanqing_tax_standard_is_a_warning_for_new_only():
    data = baseline("yanqing")
    assert "EMPLOYER_TAX_STANDARD_UNVERIFIED" in codes(run(data), "warning")
    data["employee"]["permit"] = {
        "number": "X",
        "issued_on": "2023-12-20",
        "expires_on": "2026-12-20",
        "status": "active",
    }
    assert "EMPLOYER_TAX_STANDARD_UNVERIFIED" not in codes(run(data, "renewal"))


def test_yanqing_short_tax_history_still_allows_renewal():
    data = baseline("yanqing")
    unit(tax_registered_on="2026-05-01")(data)
    data["employee"]["permit"] = {
        "number": "X",
        "issued_on": "2023-12-20",
        "expires_on": "2026-12-20",
        "status": "active",
    }
    assert "EMPLOYER_TOO_NEW" in codes(run(data, "new"), "blocker")
    renewal = run(data, "renewal")
    assert codes(renewal, "blocker") == set()
    assert "EMPLOYER_LIMITED_TO_EXISTING_PERMITS" in codes(renewal, "info")


def test_yanqing_tax_standard_setting_is_applied(tmp_path):
    from hrdesk.rules.policy import load_policy_set

    settings = tmp_path / "policy-settings.toml"
    settings.write_text("[yanqing-2024.employer]\ntax_standard_annual_cny = 500000\n", encoding="utf-8")
    ps = load_policy_set(overrides=settings)
    result = run(baseline("yanqing"), policy_set=ps)
    assert "EMPLOYER_TAX_STANDARD_UNVERIFIED" not in codes(result)
    assert "EMPLOYER_TAX_BELOW_MINIMUM" in codes(result, "blocker")


def test_changping_quota_not_needed_for_renewal():
    data = baseline("changping")
    unit(new_quota_remaining=0)(data)
    data["employee"]["permit"] = {
        "number": "X",
        "issued_on": "2023-12-20",
        "expires_on": "2026-12-20",
        "status": "active",
    }
    data["employee"]["monthly_income_cny"] = {
        f"{y}-{m:02d}": 20000 for y in (2023, 2024, 2025, 2026) for m in range(1, 13)
    }
    assert codes(run(data, "renewal"), "blocker") == set()
