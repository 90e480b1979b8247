"""Applicant, residence, children, employer and new-application conditions (eligibility findings)."""

from __future__ import annotations

from . import retirement
from .context import (
    ID_SOURCE,
    RETIREMENT_SOURCE,
    Context,
    money,
)
from .dates import add_months, add_years, months_before, years_before
from .idnumber import IdNumberError, parse_id_number
from .materials import min_months_left
from .routes import DEGREE_RANK, experience_ok, foreign_degree_routed
from .timing import check_one_unit

# --- the applicant ---------------------------------------------------------------------------------


def check_identity(ctx: Context) -> None:
    employee = ctx.profile.employee
    try:
        ctx.identity = parse_id_number(employee.id_number, ctx.on)
    except IdNumberError as exc:
        ctx.add("ID_NUMBER_INVALID", "blocker", ID_SOURCE, reason=ctx.text(f"id.{exc}"))


def check_applicant(ctx: Context) -> None:
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


def check_residence(ctx: Context) -> None:
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
        # Changping only: "承租人须为申请人" (四(二)1(8)④ 注意); Yanqing's 三(二)1(4)B names both parties
        # but does not require the applicant to be the lessee.
        if validity.get("lessee_must_be_applicant") and not housing.lessee_is_applicant:
            ctx.add(
                "NO_STABLE_RESIDENCE",
                "blocker",
                validity.get("lessee_source", validity["rented_source"]),
                reason=ctx.text("residence.lessee-not-applicant"),
            )
        residence_term(
            ctx, "lease-contract", validity["rented_min_months"], validity["rented_source"], kind_name
        )
    elif housing.kind == "residence-permit":
        residence_term(
            ctx,
            "residence-permit",
            validity["residence_permit_min_months"],
            validity["residence_permit_source"],
            kind_name,
        )
    elif housing.kind == "public-rental":
        # The same months the material check asks of the contract (三(四) in Changping): one rule, one answer.
        months = min_months_left("public-rental-contract", "contract", validity)
        residence_term(
            ctx, "public-rental-contract", months, validity.get("public_rental_source", source), kind_name
        )


def residence_term(ctx: Context, material_kind: str, months: int, source: str, kind_name: str) -> None:
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


def check_employer(ctx: Context) -> None:
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
                capital=money(capital),
                minimum=money(rules["capital_minimum_cny"]),
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
                paid=money(best),
                minimum=money(rules["tax_minimum_cny"]),
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
            check_tax_standard(ctx)


def check_tax_standard(ctx: Context) -> None:
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
        minimum = money(annual if annual is not None else three_years)
        ctx.add(
            "EMPLOYER_TAX_BELOW_MINIMUM",
            "blocker",
            rules["tax_standard_source"],
            paid=money(last if annual is not None else total),
            minimum=minimum,
            years=str(ctx.on.year - 1),
        )


# --- new applications ------------------------------------------------------------------------------


def check_new_application(ctx: Context, categories: list[str]) -> None:
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
    if not experience_ok(ctx):
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
                average=money(average),
                threshold=money(threshold),
                year=ctx.wage.year,
                first=months[0],
                last=months[-1],
                count=len(present),
            )
    # Yanqing: a recent foreign degree goes to 北京海外学人中心.
    if degree_rule is not None and foreign_degree_routed(ctx, degree_rule):
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
        not check_one_unit(ctx)
        and permit is not None
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
