"""The status of an employee for the list, the dashboard, the calendar and the tray, from one rules check.

Which business to check follows the permit: none → a new application; suspended → employer change;
otherwise renewal. The check's deadlines are the employee's deadlines (one implementation: the rules
engine); the status holds until the first day any input changes meaning (`rules.horizon`).

Urgency: 已逾期 `overdue` when a last safe day to act (renewal, employer change, unlink, unit
review) has passed while the permit still lives and nothing was filed for it; 本周到期 `this-week` when one
falls within the next 7 days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..rules.dates import unit_review_due
from ..rules.engine import Messages, check, window_opens
from ..rules.horizon import holds_until
from ..rules.policy import PolicySet
from ..rules.profile import Profile
from ..rules.results import Deadline
from ..rules.workdays import WorkCalendar

STATUSES = ("ready", "missing-materials", "not-eligible", "renewal-due", "valid", "expired", "suspended")
URGENCIES = ("overdue", "this-week")
# Last safe days to act: missing one can lapse the permit (changping-2026 四(二)4 注意①).
DUTY_CODES = (
    "RENEWAL_SUBMIT_BY",
    "EMPLOYER_CHANGE_SUBMIT_BY",
    "UNLINK_DUE",
    "UNIT_REVIEW_DUE",
    "UNIT_FILING_DUE",
)
# Which application business fulfils which duty once filed.
DUTY_BUSINESS = {
    "RENEWAL_SUBMIT_BY": "renewal",
    "EMPLOYER_CHANGE_SUBMIT_BY": "employer-change",
    "UNLINK_DUE": "employer-change",
}
WEEK = 7


@dataclass(frozen=True)
class Status:
    status: str
    business: str
    next_deadline: date | None
    next_deadline_code: str | None
    urgency: str | None = None
    holds_until: date | None = None
    deadlines: tuple[Deadline, ...] = field(default=(), compare=False)


def business_for(profile: Profile, on: date) -> str:
    permit = profile.employee.permit
    if permit is None or permit.status == "expired" or (permit.expires_on and permit.expires_on < on):
        return "new"
    if permit.status == "suspended":
        return "employer-change"
    return "renewal"


def unit_review_deadline(
    started: date, policies: PolicySet, district: str, calendar: WorkCalendar, lang: str = "zh"
) -> Deadline | None:
    """Yanqing: the unit must review within 7 days or the system returns the application."""
    timing = policies.for_district(district).timing
    if "unit_review_days" not in timing:
        return None
    due = unit_review_due(started, timing["unit_review_days"])  # calendar days: a system timer
    params = {"days": timing["unit_review_days"]}
    text = Messages(policies.messages, lang)("deadline.UNIT_REVIEW_DUE", date=due.isoformat(), **params)
    return Deadline("UNIT_REVIEW_DUE", due, text, None, params)


def compute_status(
    profile: Profile,
    on: date,
    policies: PolicySet,
    calendar: WorkCalendar,
    unit_review_started: date | None = None,
    filed: Iterable[str] = (),
) -> Status:
    """`filed`: businesses with an application submitted (or further) — their duties are done."""
    permit = profile.employee.permit
    business = business_for(profile, on)
    result = check(profile, business, on, policies, calendar)
    deadlines = list(result.deadlines)
    if unit_review_started is not None:
        review = unit_review_deadline(unit_review_started, policies, profile.employer.district, calendar)
        if review is not None:
            deadlines.append(review)
    deadlines.sort(key=lambda d: (d.date, d.code))
    expired = permit is not None and (
        permit.status == "expired" or (permit.expires_on is not None and permit.expires_on < on)
    )
    if expired:
        status = "expired"
    elif permit is not None and permit.status == "suspended":
        status = "suspended"
    elif business == "renewal":
        timing = policies.for_district(profile.employer.district).timing
        opens = window_opens(permit.expires_on, timing) if permit.expires_on else None
        status = "renewal-due" if opens is None or on >= opens else "valid"
    elif not result.eligible:
        status = "not-eligible"
    elif not result.ready:
        status = "missing-materials"
    else:
        status = "ready"
    filed = set(filed)
    duties = [
        d
        for d in deadlines
        if d.code in DUTY_CODES and DUTY_BUSINESS.get(d.code) not in filed and not expired
    ]
    overdue = [d for d in duties if d.date < on]
    soon = [d for d in duties if 0 <= (d.date - on).days <= WEEK]
    urgency = "overdue" if overdue else "this-week" if soon else None
    upcoming = [d for d in deadlines if d.date >= on]
    nxt = overdue[0] if overdue else min(upcoming, key=lambda d: d.date, default=None)
    # The day a newer wage figure takes effect also changes the answer.
    wage_days = _wage_days(policies, profile.employer.district)
    until = holds_until(profile, on, [d.date for d in deadlines], wage_days)
    return Status(
        status,
        business,
        nxt.date if nxt else None,
        nxt.code if nxt else None,
        urgency,
        until,
        tuple(deadlines),
    )


def _wage_days(policies: PolicySet, district: str) -> list[date]:
    policy = policies.for_district(district)
    period = policy.data.get("wage_period", "calendar-year")
    return [policies.effective_on(f, period) for f in policies.wages]
