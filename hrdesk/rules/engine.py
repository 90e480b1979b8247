"""The rules engine: one employee, one district, one business, one date → a CheckResult.

Pure Python over the profile dataclasses and the policy data; no I/O, no Qt. Each rule reads its
figures and its source from the district's policy file, so the code holds the *shape* of the rules
(how a period is counted, what a missing month means) and the data holds the numbers and citations.

This module runs the rule families in order; each family is its own module:
`conditions` (applicant, residence, employer, new applications), `children`, `routes` (qualifying
categories), `timing` (permits, windows, deadlines) and `materials` (lists and validity).
"""

from __future__ import annotations

from datetime import date

from .agents import check_agents
from .children import check_children
from .conditions import (
    check_applicant,
    check_employer,
    check_identity,
    check_new_application,
    check_residence,
)
from .context import CALENDAR_SOURCE, ID_SOURCE, MINOR_AGE, RETIREMENT_SOURCE, Context, Messages
from .materials import fallback_date, material_last_day, material_results, min_months_left, required_materials
from .policy import BUSINESSES, PolicySet
from .profile import Profile
from .results import CheckResult
from .routes import DEGREE_RANK, categories_met
from .social_insurance import check_social_insurance
from .timing import (
    check_filing_deadline,
    check_permit_and_timing,
    check_permit_unit_history,
    submit_by,
    unlink_due,
    window_opens,
)
from .workdays import WorkCalendar

__all__ = [
    "CALENDAR_SOURCE",
    "DEGREE_RANK",
    "ID_SOURCE",
    "MINOR_AGE",
    "RETIREMENT_SOURCE",
    "Messages",
    "check",
    "fallback_date",
    "material_last_day",
    "min_months_left",
    "required_materials",
    "submit_by",
    "unlink_due",
    "window_opens",
]


def check(
    profile: Profile,
    business: str,
    on: date,
    policies: PolicySet,
    calendar: WorkCalendar | None = None,
    lang: str = "zh",
) -> CheckResult:
    if business not in BUSINESSES:
        raise ValueError(f"unknown business '{business}'")
    policy = policies.for_district(profile.employer.district)
    calendar = calendar if calendar is not None else WorkCalendar()
    calendar.unknown_years.clear()
    ctx = Context(
        profile,
        business,
        on,
        policy,
        policies,
        policies.wage_figure(policy, on),
        calendar,
        Messages(policies.messages, lang),
    )
    check_identity(ctx)
    check_applicant(ctx)
    check_residence(ctx)
    check_children(ctx)
    check_employer(ctx)
    check_agents(ctx)
    check_social_insurance(ctx)
    categories, route = categories_met(ctx)
    if business == "new":
        check_new_application(ctx, categories)
    check_permit_and_timing(ctx)
    check_filing_deadline(ctx)
    if business == "renewal" and "renewal_unit_history_years" in policy.timing:
        check_permit_unit_history(ctx)
    materials = material_results(ctx, route)
    if calendar.unknown_years:
        years = "、".join(str(y) for y in sorted(calendar.unknown_years))
        ctx.add(
            "CALENDAR_YEAR_UNKNOWN",
            "warning",
            CALENDAR_SOURCE,
            key="CALENDAR_YEAR_UNKNOWN.estimated",
            years=years,
        )
    ctx.deadlines.sort(key=lambda d: (d.date, d.code))
    wage = ctx.wage
    return CheckResult(
        district=policy.district,
        business=business,
        on=on,
        qualifying_categories=categories,
        thresholds={
            "reference_year": wage.year,
            "monthly_average_wage": wage.monthly,
            "x1_2": wage.x1_2,
            "x3": wage.x3,
            "x6": wage.x6,
        },
        findings=ctx.findings,
        materials=materials,
        deadlines=ctx.deadlines,
        route=route,
    )
