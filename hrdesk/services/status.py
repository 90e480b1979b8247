"""The status badge of an employee for the list and dashboard, from one rules check.

Which business to check follows the permit: none → a new application; suspended → employer change;
within the renewal window or past it → renewal; otherwise the permit is simply valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..rules.engine import check, window_opens
from ..rules.policy import PolicySet
from ..rules.profile import Profile
from ..rules.workdays import WorkCalendar

STATUSES = ("ready", "missing-materials", "not-eligible", "renewal-due", "valid", "expired", "suspended")


@dataclass(frozen=True)
class Status:
    status: str
    business: str
    next_deadline: date | None
    next_deadline_code: str | None


def business_for(profile: Profile, on: date, window_days: int = 60) -> str:
    permit = profile.employee.permit
    if permit is None or permit.status == "expired" or (permit.expires_on and permit.expires_on < on):
        return "new"
    if permit.status == "suspended":
        return "employer-change"
    return "renewal"


def compute_status(profile: Profile, on: date, policies: PolicySet, calendar: WorkCalendar) -> Status:
    permit = profile.employee.permit
    business = business_for(profile, on)
    result = check(profile, business, on, policies, calendar)
    upcoming = [d for d in result.deadlines if d.date >= on]
    nxt = min(upcoming, key=lambda d: d.date, default=None)
    if permit is not None and (permit.status == "expired" or (permit.expires_on and permit.expires_on < on)):
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
    return Status(status, business, nxt.date if nxt else None, nxt.code if nxt else None)
