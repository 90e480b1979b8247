"""Qualifying categories (business routes): which routes the applicant meets, and the route asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .context import Context
from .dates import add_years, years_before

DEGREE_RANK = {"none": 0, "bachelor": 1, "master": 2, "doctor": 3}

COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


# --- qualifying categories -------------------------------------------------------------------------


def experience_ok(ctx: Context) -> bool:
    employee = ctx.profile.employee
    start = employee.career_started_on or employee.hired_on
    years = ctx.policy.applicant["experience_years"]
    return start is not None and add_years(start, years) <= ctx.on


def categories_met(ctx: Context) -> tuple[list[str], str | None]:
    """The categories met, in policy order, and the route whose materials are asked for."""
    met = []
    for rule in ctx.policy.categories:
        if _CATEGORY_TESTS[rule["code"]](ctx, rule):
            met.append(rule["code"])
    return met, (met[0] if met else None)


def _degree_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    education = ctx.profile.employee.education
    if DEGREE_RANK[education.degree] < DEGREE_RANK[rule.get("min_degree", "bachelor")]:
        return False
    if ctx.policy.applicant["experience_scope"] == "degree-route" and not experience_ok(ctx):
        return False
    return not foreign_degree_routed(ctx, rule)


def foreign_degree_routed(ctx: Context, rule: dict[str, Any]) -> bool:
    education = ctx.profile.employee.education
    years = rule.get("foreign_recent_years")
    if not years or not education.foreign or DEGREE_RANK[education.degree] == 0:
        return False
    # Without a graduation date the district cannot confirm the three years have passed.
    return education.graduated_on is None or add_years(education.graduated_on, years) > ctx.on


def _title_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    return ctx.profile.employee.title in ("intermediate", "senior")


def _award_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    return bool(ctx.profile.employee.awards)


def _income_years_ok(ctx: Context, rule: dict[str, Any], entity: str | None) -> bool:
    if entity not in rule["entities"]:
        return False
    threshold = ctx.wage.multiple(rule["multiple"]) * 12
    compare = COMPARE[rule["compare"]]
    income = ctx.profile.employee.annual_income_cny
    years = years_before(ctx.on, rule["years"])
    return all(y in income and compare(income[y], threshold) for y in years)


def _innovation_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    return _income_years_ok(ctx, rule, ctx.profile.employer.innovation_entity)


def _service_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    return _income_years_ok(ctx, rule, ctx.profile.employer.service_entity)


def _ip_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    ip = ctx.profile.employee.ip
    if ip.author_rank is None or ip.author_rank > rule["max_author_rank"] or not ip.commercialized_in_beijing:
        return False
    return (
        ip.invention_patents >= rule["invention_patents"]
        or ip.other_patents >= rule["other_patents"]
        or ip.software_copyrights >= rule["software_copyrights"]
    )


FOUNDER_BASES = ("self-investment", "equity-financing", "team-tax")


def founder_bases(ctx: Context, rule: dict[str, Any]) -> list[str]:
    """The founder route's bases the applicant meets, in the guides' order: 3-year self-investment,
    equity financing, the team's 3-year average tax (changping-2026 二(二)6(6); yanqing-2024 二(二)7, 8).
    Each basis has its own evidence (changping-2026 四(二)1(11)④; yanqing-2024 三(二)2(7), 2(8))."""
    founder = ctx.profile.employee.founder
    if founder is None:
        return []
    if founder.shareholding_pct < rule["min_shareholding_pct"]:
        return []
    if founder.shareholder_rank is None or founder.shareholder_rank > rule["max_shareholder_rank"]:
        return []
    met = {
        "self-investment": COMPARE[rule["self_investment_compare"]](
            founder.self_investment_3y_cny, rule["self_investment_cny"]
        ),
        "equity-financing": COMPARE[rule["equity_financing_compare"]](
            founder.equity_financing_cny, rule["equity_financing_cny"]
        ),
        "team-tax": COMPARE[rule["team_tax_compare"]](
            founder.team_avg_annual_tax_3y_cny, rule["team_tax_cny"]
        ),
    }
    return [b for b in FOUNDER_BASES if met[b]]


def founder_basis(ctx: Context) -> str | None:
    """The one basis the founder route's materials follow: the first met in the guides' order."""
    rule = next((r for r in ctx.policy.categories if r["code"] == "founder"), None)
    if rule is None:
        return None
    bases = founder_bases(ctx, rule)
    return bases[0] if bases else None


def _founder_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    return bool(founder_bases(ctx, rule))


def _freelancer_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    freelancer = ctx.profile.employee.freelancer
    if freelancer is None or not freelancer.notable_contribution:
        return False
    compare = COMPARE[rule["compare"]]
    years = years_before(ctx.on, rule["years"])
    return all(
        y in freelancer.annual_tax_cny and compare(freelancer.annual_tax_cny[y], rule["annual_tax_cny"])
        for y in years
    )


def _talent_ok(ctx: Context, rule: dict[str, Any]) -> bool:
    return bool(ctx.profile.employee.talent_programs)


_CATEGORY_TESTS: dict[str, Callable[[Context, dict[str, Any]], bool]] = {
    "degree": _degree_ok,
    "title": _title_ok,
    "award": _award_ok,
    "innovation-income": _innovation_ok,
    "service-income": _service_ok,
    "ip": _ip_ok,
    "founder": _founder_ok,
    "freelancer": _freelancer_ok,
    "talent-program": _talent_ok,
}
