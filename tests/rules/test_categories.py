"""Qualifying categories other than the degree, at their thresholds, per district."""

from __future__ import annotations

import pytest

from .helpers import baseline, run

NO_DEGREE = {"degree": "none"}


def without_degree(district: str) -> dict:
    data = baseline(district)
    data["employee"]["education"] = NO_DEGREE
    return data


def categories(data: dict) -> list[str]:
    return run(data).qualifying_categories


@pytest.mark.parametrize("district", ["changping", "yanqing"])
def test_title_and_award(district):
    data = without_degree(district)
    data["employee"]["title"] = "intermediate"
    assert categories(data) == ["title"]
    data["employee"]["title"] = "none"
    data["employee"]["awards"] = ["北京市科学技术奖"]
    assert categories(data) == ["award"]


@pytest.mark.parametrize(
    "district,entity,ok",
    [
        ("changping", "high-tech", True),
        ("changping", "fintech", False),
        ("yanqing", "fintech", True),
        ("yanqing", None, False),
    ],
)
def test_innovation_entity_income(district, entity, ok):
    data = without_degree(district)
    data["employer"]["innovation_entity"] = entity
    data["employee"]["annual_income_cny"] = {"2023": 500000, "2024": 500000, "2025": 500000}
    assert ("innovation-income" in categories(data)) is ok


def test_innovation_income_must_exceed_three_times_every_year():
    data = without_degree("changping")
    data["employer"]["innovation_entity"] = "high-tech"
    exactly = 35811 * 12  # the guide says 超过 (exceeds): equal is not enough
    data["employee"]["annual_income_cny"] = {"2023": exactly + 1, "2024": exactly + 1, "2025": exactly + 1}
    assert categories(data) == ["innovation-income"]
    data["employee"]["annual_income_cny"]["2024"] = exactly
    assert categories(data) == []
    del data["employee"]["annual_income_cny"]["2024"]
    assert categories(data) == []


def test_service_entity_six_times():
    data = without_degree("yanqing")
    data["employer"]["service_entity"] = "law"
    data["employee"]["annual_income_cny"] = {"2023": 71622 * 12 + 1, "2024": 900000, "2025": 900000}
    assert categories(data) == ["service-income"]
    data["employee"]["annual_income_cny"]["2023"] = 800000
    assert categories(data) == []


@pytest.mark.parametrize(
    "ip,ok",
    [
        ({"invention_patents": 1, "author_rank": 2, "commercialized_in_beijing": True}, True),
        ({"invention_patents": 1, "author_rank": 3, "commercialized_in_beijing": True}, False),
        ({"invention_patents": 1, "author_rank": 1, "commercialized_in_beijing": False}, False),
        (
            {
                "other_patents": 2,
                "software_copyrights": 2,
                "author_rank": 1,
                "commercialized_in_beijing": True,
            },
            False,
        ),
        ({"software_copyrights": 3, "author_rank": 1, "commercialized_in_beijing": True}, True),
    ],
)
def test_ip(ip, ok):
    data = without_degree("changping")
    data["employee"]["ip"] = ip
    assert ("ip" in categories(data)) is ok


@pytest.mark.parametrize(
    "district,founder,ok",
    [
        (
            "changping",
            {"shareholding_pct": 5, "shareholder_rank": 5, "self_investment_3y_cny": 5000001},
            True,
        ),
        (
            "changping",
            {"shareholding_pct": 5, "shareholder_rank": 5, "self_investment_3y_cny": 5000000},
            False,
        ),
        (
            "changping",
            {"shareholding_pct": 4.9, "shareholder_rank": 1, "self_investment_3y_cny": 9000000},
            False,
        ),
        (
            "changping",
            {"shareholding_pct": 10, "shareholder_rank": 6, "equity_financing_cny": 20000000},
            False,
        ),
        (
            "changping",
            {"shareholding_pct": 10, "shareholder_rank": 2, "equity_financing_cny": 10000000},
            True,
        ),
        ("yanqing", {"shareholding_pct": 10, "shareholder_rank": 2, "equity_financing_cny": 10000000}, False),
        (
            "yanqing",
            {"shareholding_pct": 10, "shareholder_rank": 2, "team_avg_annual_tax_3y_cny": 5000000},
            True,
        ),
    ],
)
def test_founder(district, founder, ok):
    data = without_degree(district)
    data["employee"]["founder"] = founder
    assert ("founder" in categories(data)) is ok


def test_freelancer_each_year_200k_and_a_contribution():
    data = without_degree("changping")
    data["employee"]["freelancer"] = {
        "annual_tax_cny": {"2023": 200000, "2024": 250000, "2025": 300000},
        "notable_contribution": True,
    }
    assert categories(data) == ["freelancer"]
    data["employee"]["freelancer"]["notable_contribution"] = False
    assert categories(data) == []


def test_talent_programme_only_in_changping():
    for district, expected in (("changping", ["talent-program"]), ("yanqing", [])):
        data = without_degree(district)
        data["employee"]["talent_programs"] = ["昌聚工程"]
        assert categories(data) == expected


def test_route_materials_follow_the_first_category():
    data = without_degree("yanqing")
    data["employee"]["title"] = "senior"
    result = run(data)
    required = {m.kind for m in result.materials if m.required}
    assert {"title-certificate", "title-review-form", "title-appointment"} <= required
    assert "diploma" not in required
