"""The rules engine: one employee, one district, one business, one date → a CheckResult.

Pure Python over the profile dataclasses and the policy data; no I/O, no Qt. Each rule reads its
figures and its source from the district's policy file, so the code holds the *shape* of the rules
(how a period is counted, what a missing month means) and the data holds the numbers and citations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from . import retirement
from .dates import add_months, add_years, months_before, years_before
from .idnumber import IdNumber, IdNumberError, parse_id_number
from .policy import BUSINESSES, Policy, PolicySet, WageFigure
from .profile import Child, Material, Profile
from .results import CheckResult, Deadline, Finding, MaterialResult
from .workdays import WorkCalendar

ID_SOURCE = "GB 11643-1999"
RETIREMENT_SOURCE = "全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024)"
CALENDAR_SOURCE = "国务院办公厅节假日安排; 全国年节及纪念日放假办法 第二条"
DEGREE_RANK = {"none": 0, "bachelor": 1, "master": 2, "doctor": 3}
MINOR_AGE = 18

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


class Messages:
    """Finding, deadline and reason texts from `messages.toml`, Chinese by default."""

    def __init__(self, catalogue: dict[str, dict[str, str]], lang: str) -> None:
        self.catalogue = catalogue
        self.lang = "en" if lang == "en" else "zh"

    def __call__(self, key: str, **params: Any) -> str:
        entry = self.catalogue.get(key)
        if entry is None:
            return key
        template = entry.get(self.lang) or entry.get("zh", key)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template


@dataclass
class _Context:
    profile: Profile
    business: str
    on: date
    policy: Policy
    policies: PolicySet
    wage: WageFigure
    calendar: WorkCalendar
    text: Messages
    findings: list[Finding] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    identity: IdNumber | None = None
    accompanying: list[Child] | None = None  # the children who accompany and may, computed once

    def add(self, code: str, severity: str, source: str, key: str | None = None, **params: Any) -> None:
        """Record a finding; `key` picks a message variant when one code has several causes."""
        self.findings.append(Finding(code, severity, self.text(key or code, **params), source))

    def deadline(self, code: str, when: date, material: str | None = None, **params: Any) -> None:
        kept = {k: v for k, v in params.items() if k != "name"}
        params.setdefault("date", when.isoformat())
        self.deadlines.append(Deadline(code, when, self.text(f"deadline.{code}", **params), material, kept))

    @property
    def lang(self) -> str:
        return self.text.lang


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
    ctx = _Context(
        profile,
        business,
        on,
        policy,
        policies,
        policies.wage_figure(policy, on),
        calendar,
        Messages(policies.messages, lang),
    )
    _identity(ctx)
    _applicant_general(ctx)
    _residence(ctx)
    _children(ctx)
    _employer(ctx)
    categories, route = _categories(ctx)
    if business == "new":
        _new_application(ctx, categories)
    _permit_and_timing(ctx)
    if business == "renewal" and "renewal_unit_history_years" in policy.timing:
        _permit_unit_history(ctx)
    materials = _materials(ctx, route)
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


# --- the applicant ---------------------------------------------------------------------------------


def _identity(ctx: _Context) -> None:
    employee = ctx.profile.employee
    try:
        ctx.identity = parse_id_number(employee.id_number)
    except IdNumberError as exc:
        ctx.add("ID_NUMBER_INVALID", "blocker", ID_SOURCE, reason=ctx.text(f"id.{exc}"))


def _applicant_general(ctx: _Context) -> None:
    """Conditions that hold for every business: who may hold a permit at all."""
    employee = ctx.profile.employee
    rules = ctx.policy.applicant
    if employee.hukou in rules["hukou_excluded"]:
        ctx.add(
            "HUKOU_INELIGIBLE", "blocker", rules["hukou_source"], hukou=ctx.text(f"hukou.{employee.hukou}")
        )
    if employee.retired:
        ctx.add("RETIRED", "blocker", rules["retired_source"])
    if ctx.identity is not None:
        category = employee.retirement_category or retirement.default_category(ctx.identity.sex)
        retires_on = retirement.retirement_date(ctx.identity.birth_date, category)
        if ctx.on >= retires_on:
            ctx.add(
                "OVER_RETIREMENT_AGE",
                "blocker",
                f"{rules['retirement_source']}; {RETIREMENT_SOURCE}",
                date=retires_on.isoformat(),
            )
    if rules.get("criminal_record_checked") and employee.criminal_record:
        ctx.add(
            "CRIMINAL_RECORD",
            "blocker",
            rules["criminal_record_source"],
            key=rules.get("criminal_record_key"),
        )
    if employee.dispatched:
        ctx.add("DISPATCHED_WORKER", "blocker", rules["dispatched_source"])
    differing = [k for k, same in employee.same_employer.items() if not same]
    if differing:
        ctx.add(
            "EMPLOYER_MISMATCH",
            "blocker",
            rules["same_employer_source"],
            parts="、".join(ctx.text(f"same_employer.{k}") for k in differing),
        )
    if employee.hired_on and employee.hired_on > ctx.on:
        ctx.add("HIRE_DATE_IN_FUTURE", "blocker", rules["tenure_source"], date=employee.hired_on.isoformat())


def _residence(ctx: _Context) -> None:
    """合法稳定住所: the kinds each district accepts and how long a lease or permit must still run."""
    employee = ctx.profile.employee
    housing = employee.housing
    validity = ctx.policy.validity
    source = ctx.policy.applicant["residence_source"]
    if housing is None:
        ctx.add("NO_STABLE_RESIDENCE", "blocker", source, reason=ctx.text("residence.none"))
        return
    kind_name = ctx.text(f"housing.{housing.kind}")
    if housing.kind not in validity["residence_kinds"]:
        ctx.add(
            "NO_STABLE_RESIDENCE",
            "blocker",
            validity["residence_kinds_source"],
            reason=ctx.text("residence.kind-not-accepted", kind=kind_name),
        )
        return
    if validity.get("residential_required") and not housing.residential:
        ctx.add(
            "NO_STABLE_RESIDENCE",
            "blocker",
            validity["residential_source"],
            reason=ctx.text("residence.not-residential"),
        )
    if housing.kind == "spouse-owned" and employee.marital_status != "married":
        ctx.add("NO_STABLE_RESIDENCE", "blocker", source, reason=ctx.text("residence.spouse-not-married"))
    if housing.kind == "rented":
        # Changping only: "出租人须为房屋产权人" (四(二)1(8)④); Yanqing's 三(二)1(4)B asks no such thing.
        if validity.get("lessor_must_be_owner") and not housing.lessor_is_owner:
            ctx.add(
                "NO_STABLE_RESIDENCE",
                "blocker",
                validity["rented_source"],
                reason=ctx.text("residence.lessor-not-owner"),
            )
        _residence_term(
            ctx, "lease-contract", validity["rented_min_months"], validity["rented_source"], kind_name
        )
    elif housing.kind == "residence-permit":
        _residence_term(
            ctx,
            "residence-permit",
            validity["residence_permit_min_months"],
            validity["residence_permit_source"],
            kind_name,
        )
    elif housing.kind == "public-rental":
        # The same months the material check asks of the contract (三(四) in Changping): one rule, one answer.
        months = min_months_left("public-rental-contract", "contract", validity)
        _residence_term(
            ctx, "public-rental-contract", months, validity.get("public_rental_source", source), kind_name
        )


def _residence_term(ctx: _Context, material_kind: str, months: int, source: str, kind_name: str) -> None:
    """The residence must still run `months` months. Its end: the housing record's, else the latest
    end date among the provided materials that prove it (the lease itself)."""
    valid_until = ctx.profile.employee.housing.valid_until
    if valid_until is None:
        dated = [m.valid_until for m in ctx.profile.materials if m.kind == material_kind and m.valid_until]
        valid_until = max(dated, default=None)
    if valid_until is None:
        ctx.add("RESIDENCE_END_UNKNOWN", "warning", source, kind=kind_name)
        return
    needed = add_months(ctx.on, months)
    if valid_until < needed:
        reason = ctx.text(
            "residence.term-short",
            kind=kind_name,
            until=valid_until.isoformat(),
            months=months,
            needed=needed.isoformat(),
        )
        ctx.add("NO_STABLE_RESIDENCE", "blocker", source, reason=reason)


# --- the employer ----------------------------------------------------------------------------------


def _employer(ctx: _Context) -> None:
    employer = ctx.profile.employer
    rules = ctx.policy.employer
    business = ctx.business
    if not employer.good_standing:
        ctx.add("EMPLOYER_NOT_IN_GOOD_STANDING", "blocker", rules["good_standing_source"])
    if not employer.permission_granted:
        ctx.add("EMPLOYER_NO_PERMISSION", "blocker", rules["permission_source"])
    if rules.get("restricted_industry_checked") and employer.restricted_industry:
        ctx.add("EMPLOYER_RESTRICTED_INDUSTRY", "blocker", rules["restricted_industry_source"])

    if "registered_years" in rules:
        if employer.registered_on is None:
            ctx.add(
                "EMPLOYER_REGISTRATION_UNKNOWN",
                "warning",
                rules["registered_source"],
                years=rules["registered_years"],
            )
        elif add_years(employer.registered_on, rules["registered_years"]) > ctx.on:
            ctx.add(
                "EMPLOYER_TOO_NEW",
                "blocker",
                rules["registered_source"],
                date=employer.registered_on.isoformat(),
                years=rules["registered_years"],
            )
    if "capital_minimum_cny" in rules and employer.entity_type in rules["capital_entity_types"]:
        capital = employer.registered_capital_cny
        if capital is None or capital < rules["capital_minimum_cny"]:
            ctx.add(
                "EMPLOYER_CAPITAL_BELOW_MINIMUM",
                "blocker",
                rules["capital_source"],
                capital=_money(capital),
                minimum=_money(rules["capital_minimum_cny"]),
            )

    # Changping: a flat tax minimum (last or current calendar year): a condition for new applications
    # and employer changes, "原则上" (a warning) for the businesses the guide does not repeat it for.
    warn_only = business in rules.get("tax_minimum_warning_businesses", [])
    if "tax_minimum_cny" in rules and (business in rules["tax_minimum_businesses"] or warn_only):
        years = [str(ctx.on.year - 1), str(ctx.on.year)]
        best = max((employer.tax_paid_cny.get(y, 0) for y in years), default=0)
        if best < rules["tax_minimum_cny"]:
            source = rules["tax_minimum_source"]
            if business == "employer-change":
                source = rules.get("tax_minimum_employer_change_source", source)
            ctx.add(
                "EMPLOYER_TAX_BELOW_MINIMUM",
                "warning" if warn_only else "blocker",
                source,
                key="EMPLOYER_TAX_BELOW_MINIMUM.in-principle" if warn_only else None,
                paid=_money(best),
                minimum=_money(rules["tax_minimum_cny"]),
                years="/".join(years),
            )

    # Yanqing: 365 days of tax in the district and an unpublished tax standard; a shortfall only
    # bars new applications.
    if "tax_days" in rules:
        blocks = business in rules["tax_shortfall_blocks"]
        since = employer.tax_registered_on
        if since is None or (ctx.on - since).days < rules["tax_days"]:
            if blocks:
                # Same code as a too-recent registration: both are "not long enough in the district".
                ctx.add(
                    "EMPLOYER_TOO_NEW",
                    "blocker",
                    rules["tax_days_source"],
                    key="EMPLOYER_TOO_NEW.tax",
                    days=rules["tax_days"],
                    since=since.isoformat() if since else "—",
                )
            else:
                ctx.add("EMPLOYER_LIMITED_TO_EXISTING_PERMITS", "info", rules["tax_shortfall_source"])
        if blocks:
            _tax_standard(ctx)


def _tax_standard(ctx: _Context) -> None:
    rules = ctx.policy.employer
    employer = ctx.profile.employer
    annual = rules.get("tax_standard_annual_cny")
    three_years = rules.get("tax_standard_3y_cny")
    if annual is None and three_years is None:
        ctx.add("EMPLOYER_TAX_STANDARD_UNVERIFIED", "warning", rules["tax_standard_source"])
        return
    last = employer.tax_paid_cny.get(str(ctx.on.year - 1), 0)
    total = sum(employer.tax_paid_cny.get(y, 0) for y in years_before(ctx.on, 3))
    met = (annual is not None and last >= annual) or (three_years is not None and total >= three_years)
    if not met:
        minimum = _money(annual if annual is not None else three_years)
        ctx.add(
            "EMPLOYER_TAX_BELOW_MINIMUM",
            "blocker",
            rules["tax_standard_source"],
            paid=_money(last if annual is not None else total),
            minimum=minimum,
            years=str(ctx.on.year - 1),
        )


# --- qualifying categories -------------------------------------------------------------------------


def _experience_ok(ctx: _Context) -> bool:
    employee = ctx.profile.employee
    start = employee.career_started_on or employee.hired_on
    years = ctx.policy.applicant["experience_years"]
    return start is not None and add_years(start, years) <= ctx.on


def _categories(ctx: _Context) -> tuple[list[str], str | None]:
    """The categories met, in policy order, and the route whose materials are asked for."""
    met = []
    for rule in ctx.policy.categories:
        if _CATEGORY_TESTS[rule["code"]](ctx, rule):
            met.append(rule["code"])
    return met, (met[0] if met else None)


def _degree_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    education = ctx.profile.employee.education
    if DEGREE_RANK[education.degree] < DEGREE_RANK[rule.get("min_degree", "bachelor")]:
        return False
    if ctx.policy.applicant["experience_scope"] == "degree-route" and not _experience_ok(ctx):
        return False
    return not _foreign_degree_routed(ctx, rule)


def _foreign_degree_routed(ctx: _Context, rule: dict[str, Any]) -> bool:
    education = ctx.profile.employee.education
    years = rule.get("foreign_recent_years")
    if not years or not education.foreign or DEGREE_RANK[education.degree] == 0:
        return False
    # Without a graduation date the district cannot confirm the three years have passed.
    return education.graduated_on is None or add_years(education.graduated_on, years) > ctx.on


def _title_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    return ctx.profile.employee.title in ("intermediate", "senior")


def _award_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    return bool(ctx.profile.employee.awards)


def _income_years_ok(ctx: _Context, rule: dict[str, Any], entity: str | None) -> bool:
    if entity not in rule["entities"]:
        return False
    threshold = ctx.wage.multiple(rule["multiple"]) * 12
    compare = _COMPARE[rule["compare"]]
    income = ctx.profile.employee.annual_income_cny
    years = years_before(ctx.on, rule["years"])
    return all(y in income and compare(income[y], threshold) for y in years)


def _innovation_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    return _income_years_ok(ctx, rule, ctx.profile.employer.innovation_entity)


def _service_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    return _income_years_ok(ctx, rule, ctx.profile.employer.service_entity)


def _ip_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    ip = ctx.profile.employee.ip
    if ip.author_rank is None or ip.author_rank > rule["max_author_rank"] or not ip.commercialized_in_beijing:
        return False
    return (
        ip.invention_patents >= rule["invention_patents"]
        or ip.other_patents >= rule["other_patents"]
        or ip.software_copyrights >= rule["software_copyrights"]
    )


def _founder_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    founder = ctx.profile.employee.founder
    if founder is None:
        return False
    if founder.shareholding_pct < rule["min_shareholding_pct"]:
        return False
    if founder.shareholder_rank is None or founder.shareholder_rank > rule["max_shareholder_rank"]:
        return False
    return (
        _COMPARE[rule["self_investment_compare"]](founder.self_investment_3y_cny, rule["self_investment_cny"])
        or _COMPARE[rule["equity_financing_compare"]](
            founder.equity_financing_cny, rule["equity_financing_cny"]
        )
        or _COMPARE[rule["team_tax_compare"]](founder.team_avg_annual_tax_3y_cny, rule["team_tax_cny"])
    )


def _freelancer_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    freelancer = ctx.profile.employee.freelancer
    if freelancer is None or not freelancer.notable_contribution:
        return False
    compare = _COMPARE[rule["compare"]]
    years = years_before(ctx.on, rule["years"])
    return all(
        y in freelancer.annual_tax_cny and compare(freelancer.annual_tax_cny[y], rule["annual_tax_cny"])
        for y in years
    )


def _talent_ok(ctx: _Context, rule: dict[str, Any]) -> bool:
    return bool(ctx.profile.employee.talent_programs)


_CATEGORY_TESTS: dict[str, Callable[[_Context, dict[str, Any]], bool]] = {
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


# --- new applications ------------------------------------------------------------------------------


def _new_application(ctx: _Context, categories: list[str]) -> None:
    employee = ctx.profile.employee
    employer = ctx.profile.employer
    rules = ctx.policy.applicant
    # Tenure: continuously employed by the applying unit for the required months.
    if employee.hired_on is None or add_months(employee.hired_on, rules["tenure_months"]) > ctx.on:
        ctx.add(
            "TENURE_UNDER_6_MONTHS",
            "blocker",
            rules["tenure_source"],
            hired=employee.hired_on.isoformat() if employee.hired_on else "—",
            months=rules["tenure_months"],
        )
    # Work experience: every route (Changping) or only the degree route (Yanqing).
    degree_rule = next((r for r in ctx.policy.categories if r["code"] == "degree"), None)
    if not _experience_ok(ctx):
        scope = rules["experience_scope"]
        degree_only = (
            scope == "degree-route"
            and degree_rule is not None
            and DEGREE_RANK[employee.education.degree] >= 1
            and not categories
        )
        if scope == "all-routes" or degree_only:
            start = employee.career_started_on or employee.hired_on
            ctx.add(
                "WORK_EXPERIENCE_UNDER_2_YEARS",
                "blocker",
                rules["experience_source"],
                since=start.isoformat() if start else "—",
                years=rules["experience_years"],
            )
    # Income: the average over the complete tax months before the application month.
    months = months_before(ctx.on, rules["income_months"])
    income = employee.monthly_income_cny
    present = [income[m] for m in months if m in income]
    missing = [m for m in months if m not in income]
    threshold = ctx.wage.multiple(rules["income_multiple"])
    if missing:
        ctx.add(
            "INCOME_RECORD_INCOMPLETE",
            "blocker",
            rules["income_source"],
            months="、".join(missing),
            first=months[0],
            last=months[-1],
        )
    if present:
        average = sum(present) / len(present)
        if average < threshold:
            ctx.add(
                "INCOME_BELOW_THRESHOLD",
                "blocker",
                rules["income_source"],
                average=_money(average),
                threshold=_money(threshold),
                year=ctx.wage.year,
                first=months[0],
                last=months[-1],
                count=len(present),
            )
    # Yanqing: a recent foreign degree goes to 北京海外学人中心.
    if degree_rule is not None and _foreign_degree_routed(ctx, degree_rule):
        ctx.add(
            "OVERSEAS_DEGREE_ROUTED",
            "info" if categories else "blocker",
            degree_rule["foreign_source"],
            years=degree_rule["foreign_recent_years"],
        )
    if not categories:
        ctx.add("NO_QUALIFYING_CATEGORY", "blocker", rules["categories_source"])
    # Changping: new applications are counted against the unit's quota (指标).
    rules_employer = ctx.policy.employer
    if ctx.business in rules_employer.get("quota_businesses", []):
        if employer.new_quota_remaining is None:
            ctx.add("EMPLOYER_QUOTA_UNKNOWN", "warning", rules_employer["quota_source"])
        elif employer.new_quota_remaining < 1:
            ctx.add("EMPLOYER_NO_QUOTA", "blocker", rules_employer["quota_source"])
    permit = employee.permit
    if (
        permit is not None
        and permit.status == "active"
        and (permit.expires_on is None or permit.expires_on >= ctx.on)
    ):
        ctx.add("PERMIT_ALREADY_HELD", "info", ctx.policy.timing["permit_source"])
    if ctx.policy.timing.get("permit_limited_by_contract") and employee.contract_ends_on is not None:
        full_term = add_years(ctx.on, ctx.policy.timing["permit_years"])
        if employee.contract_ends_on < full_term:
            ctx.add(
                "PERMIT_TERM_LIMITED_BY_CONTRACT",
                "info",
                ctx.policy.timing["permit_source"],
                date=employee.contract_ends_on.isoformat(),
            )


# --- permits and timing ----------------------------------------------------------------------------


def submit_by(calendar: WorkCalendar, expires_on: date, working_days: int) -> date:
    """Last safe submission day: the `working_days`-th working day counted back from expiry, the expiry
    day not counted."""
    return calendar.add_working_days(expires_on, -working_days)


def window_opens(expires_on: date, timing: dict[str, Any]) -> date:
    """Renewals open `renewal_window_days` calendar days before expiry (到期前 60 日内)."""
    return expires_on - timedelta(days=timing["renewal_window_days"])


def unlink_due(calendar: WorkCalendar, departed_on: date, count: int, unit: str) -> date:
    if unit == "working-days":
        return calendar.add_working_days(departed_on, count)
    return calendar.period_end(departed_on, count)


def _permit_and_timing(ctx: _Context) -> None:
    business = ctx.business
    if business == "new":
        return
    employee = ctx.profile.employee
    timing = ctx.policy.timing
    permit = employee.permit
    if permit is None:
        ctx.add("NO_PERMIT", "blocker", timing["permit_source"])
        return
    expires = permit.expires_on
    if permit.status == "expired" or (expires is not None and expires < ctx.on):
        ctx.add(
            "PERMIT_EXPIRED", "blocker", timing["permit_source"], date=expires.isoformat() if expires else "—"
        )
        return
    if expires is None:
        ctx.add("PERMIT_EXPIRY_UNKNOWN", "warning", timing["permit_source"])
    else:
        ctx.deadline("PERMIT_EXPIRES", expires)
    if permit.status == "suspended" and business != "employer-change":
        ctx.add("PERMIT_SUSPENDED", "blocker", timing["unlink_source"])

    if business == "renewal":
        if expires is not None:
            opens = window_opens(expires, timing)
            last_day = submit_by(ctx.calendar, expires, timing["review_working_days"])
            ctx.deadline("RENEWAL_WINDOW_OPENS", opens, days=timing["renewal_window_days"])
            ctx.deadline("RENEWAL_SUBMIT_BY", last_day, days=timing["review_working_days"])
            if ctx.on < opens:
                ctx.add(
                    "RENEWAL_WINDOW_NOT_OPEN",
                    "blocker",
                    timing["renewal_window_source"],
                    opens=opens.isoformat(),
                    days=timing["renewal_window_days"],
                )
            elif ctx.on > last_day:
                ctx.add(
                    "RENEWAL_TOO_LATE",
                    "warning",
                    timing["review_source"],
                    last=last_day.isoformat(),
                    expires=expires.isoformat(),
                    days=timing["review_working_days"],
                )
        if "renewal_record_months" in timing:
            _renewal_record(ctx)
    elif business == "employer-change":
        departed = employee.left_previous_employer_on
        if departed is not None:
            due = unlink_due(ctx.calendar, departed, timing["unlink_count"], timing["unlink_unit"])
            ctx.deadline("UNLINK_DUE", due, departed=departed.isoformat())
            if permit.status == "active" and ctx.on > due:
                ctx.add(
                    "UNLINK_OVERDUE",
                    "warning",
                    timing["unlink_source"],
                    departed=departed.isoformat(),
                    due=due.isoformat(),
                )
        if expires is not None:
            last_day = submit_by(ctx.calendar, expires, timing["review_working_days"])
            ctx.deadline("EMPLOYER_CHANGE_SUBMIT_BY", last_day, days=timing["review_working_days"])
            if ctx.on > last_day:
                ctx.add(
                    "EMPLOYER_CHANGE_TOO_LATE",
                    "warning",
                    timing["employer_change_source"],
                    last=last_day.isoformat(),
                    expires=expires.isoformat(),
                    days=timing["review_working_days"],
                )


def _renewal_record(ctx: _Context) -> None:
    """Changping: 36 months of tax records, each month's declared income at least the IIT threshold."""
    timing = ctx.policy.timing
    months = months_before(ctx.on, timing["renewal_record_months"])
    income = ctx.profile.employee.monthly_income_cny
    missing = [m for m in months if m not in income]
    low = [m for m in months if m in income and income[m] < timing["renewal_min_monthly_income_cny"]]
    if missing:
        ctx.add(
            "RENEWAL_RECORD_INCOMPLETE",
            "blocker",
            timing["renewal_record_source"],
            months=_month_list(missing),
            count=len(missing),
            first=months[0],
            last=months[-1],
        )
    if low:
        ctx.add(
            "RENEWAL_INCOME_MONTH_BELOW_IIT_THRESHOLD",
            "blocker",
            timing["renewal_record_source"],
            months=_month_list(low),
            minimum=_money(timing["renewal_min_monthly_income_cny"]),
        )


def _permit_unit_history(ctx: _Context) -> None:
    """Changping renewals: "申请人近 3 年的持证单位，应与实际工作单位…须保持一致" (四(二)4 注意②). hrdesk
    knows the actual employer only from `hired_on` on (the applying unit); before that it can only say
    which unit held the permit, and asks HR to confirm. Periods not recorded are said too."""
    timing = ctx.policy.timing
    source = timing["renewal_unit_history_source"]
    employee = ctx.profile.employee
    permit = employee.permit
    if permit is None or permit.status == "expired" or (permit.expires_on and permit.expires_on < ctx.on):
        return
    years = timing["renewal_unit_history_years"]
    start = add_years(ctx.on, -years)
    if permit.issued_on is not None and permit.issued_on > start:
        start = permit.issued_on
    if not permit.unit_history:
        ctx.add(
            "PERMIT_UNIT_HISTORY_UNKNOWN",
            "warning",
            source,
            key="PERMIT_UNIT_HISTORY_UNKNOWN.none",
            since=start.isoformat(),
            years=years,
        )
        return
    hired = employee.hired_on
    day = timedelta(days=1)
    mismatched: list[str] = []
    unconfirmed: list[str] = []
    gaps: list[str] = []
    cursor = start
    for unit in permit.unit_history:
        end = unit.held_until or ctx.on
        if end < unit.held_from:  # a reversed period says nothing reliable
            gaps.append(_period(unit.held_from, end))
            continue
        lo, hi = max(unit.held_from, start), min(end, ctx.on)
        if lo > hi:
            continue
        if lo > cursor:
            gaps.append(_period(cursor, lo - day))
        cursor = max(cursor, hi + day)
        if unit.suspended:  # 挂起 between two units: no holder, nothing to compare
            continue
        label = unit.name or unit.credit_code
        here = _is_applying_unit(ctx, unit.credit_code, unit.name)
        if hired is None:
            if not here:
                unconfirmed.append(f"{_period(lo, hi)} {label}")
            continue
        if not here and hi >= hired:
            mismatched.append(f"{_period(max(lo, hired), hi)} {label}")
        if lo < hired:
            if here:  # held by the applying unit before the applicant worked there
                mismatched.append(f"{_period(lo, min(hi, hired - day))} {label}")
            else:
                unconfirmed.append(f"{_period(lo, min(hi, hired - day))} {label}")
    if cursor <= ctx.on:
        gaps.append(_period(cursor, ctx.on))
    if mismatched:
        ctx.add(
            "PERMIT_UNIT_MISMATCH",
            "blocker",
            source,
            periods="；".join(mismatched),
            hired=hired.isoformat() if hired else "—",
            years=years,
        )
    if gaps:
        ctx.add(
            "PERMIT_UNIT_HISTORY_UNKNOWN",
            "warning",
            source,
            key="PERMIT_UNIT_HISTORY_UNKNOWN.gaps",
            periods="、".join(gaps),
            years=years,
        )
    if unconfirmed:
        ctx.add(
            "PERMIT_UNIT_HISTORY_UNKNOWN",
            "warning",
            source,
            key="PERMIT_UNIT_HISTORY_UNKNOWN.confirm",
            periods="；".join(unconfirmed),
            years=years,
        )


def _is_applying_unit(ctx: _Context, credit_code: str, name: str) -> bool:
    employer = ctx.profile.employer
    if credit_code and employer.credit_code:
        return credit_code.strip().upper() == employer.credit_code.strip().upper()
    return bool(name) and name.strip() == employer.name.strip()


def _period(first: date, last: date) -> str:
    return f"{first.isoformat()}至{last.isoformat()}"


def _month_list(months: list[str]) -> str:
    return "、".join(months) if len(months) <= 6 else "、".join(months[:6]) + f" … ({len(months)})"


def _money(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}"


# --- materials -------------------------------------------------------------------------------------


def _has_accompanying_minor(ctx: _Context) -> list[Child]:
    """The children who accompany and may: minors, and in Changping not of Beijing hukou."""
    if ctx.accompanying is None:
        ctx.accompanying = [
            c for c in ctx.profile.employee.children if c.accompany and not _child_bars(ctx, c)
        ]
    return ctx.accompanying


def _is_minor(child: Child, on: date, age: int = MINOR_AGE) -> bool:
    return child.birth_date is None or add_years(child.birth_date, age) > on


def _child_bars(ctx: _Context, child: Child) -> list[str]:
    """Why `child` cannot accompany the applicant (message keys), empty when it can."""
    rules = ctx.policy.applicant
    reasons = []
    if not _is_minor(child, ctx.on, rules.get("child_max_age", MINOR_AGE)):
        reasons.append("child.adult")
    if rules.get("child_beijing_hukou_excluded") and child.hukou in rules["hukou_excluded"]:
        reasons.append("child.beijing-hukou")
    return reasons


def _children(ctx: _Context) -> None:
    """A child listed to accompany who cannot (aged 18 or more; Changping: Beijing hukou) is said, not
    dropped in silence: a blocker where the business declares the children, else a warning."""
    rules = ctx.policy.applicant
    if "child_source" not in rules:
        return
    blocks = ctx.business in rules.get("child_accompany_blocks", [])
    for child in ctx.profile.employee.children:
        if not child.accompany:
            continue
        if child.birth_date is None:
            ctx.add(
                "CHILD_BIRTH_DATE_UNKNOWN",
                "warning",
                rules["child_source"],
                name=child.name or "—",
                age=rules.get("child_max_age", MINOR_AGE),
            )
        reasons = _child_bars(ctx, child)
        if reasons:
            ctx.add(
                "CHILD_CANNOT_ACCOMPANY",
                "blocker" if blocks else "warning",
                rules["child_source"],
                key="CHILD_CANNOT_ACCOMPANY" if blocks else "CHILD_CANNOT_ACCOMPANY.warning",
                name=child.name or "—",
                reasons="、".join(ctx.text(r, age=rules.get("child_max_age", MINOR_AGE)) for r in reasons),
            )


def _condition_holds(ctx: _Context, when: dict[str, Any], route: str | None) -> bool:
    employee = ctx.profile.employee
    for key, wanted in when.items():
        if key == "business":
            ok = ctx.business in wanted
        elif key == "route":
            ok = route in wanted
        elif key == "housing":
            ok = employee.housing is not None and employee.housing.kind in wanted
        elif key == "children":
            ok = bool(_has_accompanying_minor(ctx)) == wanted
        elif key == "parents":
            ok = any(c.parents in wanted for c in _has_accompanying_minor(ctx))
        elif key == "marital":
            ok = employee.marital_status in wanted
        elif key == "degree":
            ok = (DEGREE_RANK[employee.education.degree] >= 1) == wanted
        elif key == "foreign_degree":
            ok = employee.education.foreign == wanted
        elif key == "rural_homestead":
            ok = employee.housing is not None and employee.housing.rural_homestead == wanted
        elif key == "title":
            ok = employee.title in wanted
        elif key == "founder_investment":
            f = employee.founder
            ok = (f is not None and (f.self_investment_3y_cny > 0 or f.equity_financing_cny > 0)) == wanted
        elif key == "innovation_entity":
            ok = ctx.profile.employer.innovation_entity in wanted
        else:
            raise ValueError(f"{ctx.policy.id}: unknown material condition '{key}'")
        if not ok:
            return False
    return True


@dataclass
class _Requirement:
    kind: str
    required: bool
    sources: list[str]
    alternatives: list[str]


def required_materials(ctx: _Context, route: str | None) -> list[_Requirement]:
    merged: dict[str, _Requirement] = {}
    for entry in ctx.policy.materials:
        if not _condition_holds(ctx, entry.get("when", {}), route):
            continue
        kind = entry["kind"]
        required = entry.get("required", True)
        req = merged.get(kind)
        if req is None:
            merged[kind] = _Requirement(
                kind, required, [entry["source"]], list(entry.get("alternatives", []))
            )
        else:
            req.required = req.required or required
            if entry["source"] not in req.sources:
                req.sources.append(entry["source"])
            for alt in entry.get("alternatives", []):
                if alt not in req.alternatives:
                    req.alternatives.append(alt)
    return list(merged.values())


def _materials(ctx: _Context, route: str | None) -> list[MaterialResult]:
    provided: dict[str, list[Material]] = {}
    for m in ctx.profile.materials:
        provided.setdefault(m.kind, []).append(m)
    results = []
    listed = set()
    for req in required_materials(ctx, route):
        listed.add(req.kind)
        candidates = [(req.kind, m) for m in provided.get(req.kind, [])]
        for alt in req.alternatives:
            candidates += [(alt, m) for m in provided.get(alt, [])]
            listed.add(alt)
        results.append(_material_result(ctx, req.kind, req.required, "; ".join(req.sources), candidates))
    for kind, items in provided.items():
        if kind not in listed:
            results.append(_material_result(ctx, kind, False, "", [(kind, m) for m in items]))
    return results


def _material_result(
    ctx: _Context,
    kind: str,
    required: bool,
    source: str,
    candidates: list[tuple[str, Material]],
) -> MaterialResult:
    info = ctx.policies.materials[kind]
    name = info.name(ctx.lang)
    base = MaterialResult(kind, required, "missing", "", name, info.group, source)
    if not candidates:
        base.reason = ctx.text("material.missing" if required else "material.optional-missing", name=name)
        return base
    # Several current files of one kind all go into the one upload slot (pages added to it): a kind
    # is as good as its worst file, so one defective scan makes it defective. Between alternative
    # kinds (a lease or a certificate) the best one counts.
    order = {"ok": 0, "expires-too-soon": 1, "too-old": 2, "expired": 3, "missing": 4, "defective": 5}
    worst: dict[str, tuple[tuple[str, str, date | None], str]] = {}
    for k, m in candidates:
        verdict = _judge(ctx, k, m)
        if k not in worst or order[verdict[0]] > order[worst[k][0][0]]:
            worst[k] = (verdict, k)
    (status, reason, last_day), provided_kind = min(worst.values(), key=lambda j: order[j[0][0]])
    base.status, base.reason = status, reason
    base.provided_kind = provided_kind if provided_kind != kind else None
    if last_day is not None and status != "defective":
        ctx.deadline("MATERIAL_SUBMIT_BY", last_day, material=kind, name=name)
    return base


def _judge(ctx: _Context, kind: str, material: Material) -> tuple[str, str, date | None]:
    """(status, reason, last submission day on which the material still meets §3.6)."""
    info = ctx.policies.materials[kind]
    name = info.name(ctx.lang)
    on = ctx.on
    if material.defects:
        return (
            "defective",
            ctx.text(
                "material.defective",
                name=name,
                defects="；".join(str(d).rstrip("。.") for d in material.defects),
            ),
            None,
        )
    validity = ctx.policy.validity
    rule = info.validity
    if rule in ("contract", "identity"):
        months = min_months_left(kind, rule, validity)
        until = material.valid_until or fallback_date(ctx.profile.employee, info.fallback)
        if until is None and info.needs_end_date:
            # A lease's months left decide the residence: with no end date it cannot count as ready.
            return "missing", ctx.text("material.end-date-unknown", name=name, months=months), None
        if until is None:
            return "ok", ctx.text("material.ok-undated", name=name), None
        last_day = _last_day_meeting(until, months)
        if until < on:
            return "expired", ctx.text("material.expired", name=name, until=until.isoformat()), None
        if on > last_day:
            return (
                "expires-too-soon",
                ctx.text(
                    "material.expires-too-soon",
                    name=name,
                    until=until.isoformat(),
                    months=months,
                    needed=add_months(on, months).isoformat(),
                ),
                last_day,
            )
        return (
            "ok",
            ctx.text("material.ok-until", name=name, until=until.isoformat(), last=last_day.isoformat()),
            last_day,
        )
    if rule in ("online", "unit-signed"):
        max_age = validity[f"{rule.replace('-', '_')}_max_age_days"]
        last_day = material_last_day(kind, material, info, validity, ctx.profile.employee)
        if last_day is not None:
            if on > last_day:
                return (
                    "too-old",
                    ctx.text(
                        "material.too-old", name=name, issued=material.issued_on.isoformat(), days=max_age
                    ),
                    None,
                )
            return (
                "ok",
                ctx.text(
                    "material.ok-fresh",
                    name=name,
                    issued=material.issued_on.isoformat(),
                    last=last_day.isoformat(),
                ),
                last_day,
            )
        if max_age and material.issued_on is None:
            return "ok", ctx.text("material.ok-no-issue-date", name=name, days=max_age), None
    if material.valid_until is not None and material.valid_until < on:
        return (
            "expired",
            ctx.text("material.expired", name=name, until=material.valid_until.isoformat()),
            None,
        )
    return "ok", ctx.text("material.ok", name=name), None


@lru_cache(maxsize=65536)
def _last_day_meeting(until: date, months: int) -> date:
    """Last day d with add_months(d, months) <= until (month-end clamping makes this not a plain
    subtraction)."""
    d = add_months(until, -months)
    while add_months(d + timedelta(days=1), months) <= until:
        d += timedelta(days=1)
    return d


def min_months_left(kind: str, rule: str, validity: dict[str, Any]) -> int:
    """Months a dated material must still run at submission (§3.6), the specific rules first."""
    if kind == "residence-permit":
        return validity["residence_permit_min_months"]
    if kind == "lease-contract":
        return validity["rented_min_months"]
    return validity[f"{rule}_min_months"]


def material_last_day(
    kind: str, material: Material, info: Any, validity: dict[str, Any], employee: Any
) -> date | None:
    """The last submission day on which `material` still meets the district's validity rule, or None
    when the rule sets no limit. The same arithmetic as the check, for the deadline calendar."""
    rule = info.validity
    if rule in ("contract", "identity"):
        until = material.valid_until or fallback_date(employee, info.fallback)
        return None if until is None else _last_day_meeting(until, min_months_left(kind, rule, validity))
    if rule in ("online", "unit-signed"):
        max_age = validity[f"{rule.replace('-', '_')}_max_age_days"]
        if max_age and material.issued_on is not None:
            return material.issued_on + timedelta(days=max_age)
    return None


def fallback_date(employee: Any, fallback: str | None) -> date | None:
    if fallback == "contract_ends_on":
        return employee.contract_ends_on
    if fallback == "housing_valid_until" and employee.housing is not None:
        return employee.housing.valid_until
    return None
