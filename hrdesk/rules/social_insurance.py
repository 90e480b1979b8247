"""Social insurance (社保) months: how many continuous months a business needs, and what a deferred
(缓缴) or late (补缴) month asks for. Months are recorded per month like the incomes; a profile that
records none is not checked (older profiles), a recorded history is checked for length and gaps."""

from __future__ import annotations

from .context import Context, month_list
from .dates import months_before


def social_insurance_irregular(ctx: Context) -> bool:
    """A month in the window the business looks at was deferred or paid late."""
    window = _window(ctx)
    months = ctx.profile.employee.social_insurance_months
    return any(months.get(m) in ("deferred", "back-paid") for m in window)


def _window(ctx: Context) -> list[str]:
    rules = ctx.policy.applicant.get("social_insurance_months", {})
    count = rules.get(ctx.business)
    return months_before(ctx.on, count) if count else []


def check_social_insurance(ctx: Context) -> None:
    """ "连续缴纳…社会保险" over the months each business names: Changping 6 for a new application
    (changping-2026 二(二)2), 36 for a renewal (四(二)4 注意③); Yanqing 6 (yanqing-2024 二(二)). A deferred
    or late month is continuous payment only with the unit's explanation in Yanqing (三(二)1(7)); in
    Changping the unit pays "按时足额" (三(三)), so such a month is a warning to explain."""
    months = ctx.profile.employee.social_insurance_months
    window = _window(ctx)
    if not months or not window:
        return
    rules = ctx.policy.applicant["social_insurance_months"]
    source = rules[f"{ctx.business}_source"]
    missing = [m for m in window if m not in months]
    if missing:
        ctx.add(
            "SOCIAL_INSURANCE_INCOMPLETE",
            "blocker",
            source,
            months=month_list(missing),
            count=len(window),
            first=window[0],
            last=window[-1],
        )
    irregular = [m for m in window if months.get(m) in ("deferred", "back-paid")]
    if irregular:
        ctx.add(
            "SOCIAL_INSURANCE_IRREGULAR",
            rules.get("irregular_severity", "warning"),
            rules["irregular_source"],
            months=month_list(irregular),
        )
