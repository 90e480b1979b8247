"""Every deadline of the stored employees, for the calendar, the tray and `hrdesk deadlines`.

Built from the rules engine's own date functions (`submit_by`, `unlink_due`, `window_opens`,
`material_last_day`) without running a full check per employee, so 10,000 employees take well under
a second. A deadline's `key` is stable across runs (employee, code, material): calendar exports
update events instead of duplicating them, and reminder state survives restarts.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from ..rules.engine import Messages, material_last_day, submit_by, unlink_due, window_opens
from ..rules.policy import PolicySet
from ..rules.profile import Profile
from ..rules.workdays import WorkCalendar

# Codes whose date is the last day to act (reminders count down to these).
ACTION_CODES = (
    "RENEWAL_SUBMIT_BY",
    "EMPLOYER_CHANGE_SUBMIT_BY",
    "UNLINK_DUE",
    "MATERIAL_SUBMIT_BY",
    "PERMIT_EXPIRES",
    "UNIT_REVIEW_DUE",
)
KINDS = {  # code → filter group in the calendar
    "PERMIT_EXPIRES": "permit",
    "RENEWAL_WINDOW_OPENS": "renewal",
    "RENEWAL_SUBMIT_BY": "renewal",
    "EMPLOYER_CHANGE_SUBMIT_BY": "employer-change",
    "UNLINK_DUE": "employer-change",
    "MATERIAL_SUBMIT_BY": "material",
    "UNIT_REVIEW_DUE": "review",
}


@dataclass(slots=True)  # created by the ten thousand: slots, no frozen-dataclass setattr overhead
class DeadlineItem:
    employee_id: int
    employee_name: str
    employer_name: str
    district: str
    code: str
    date: date
    text: str | Messages = field(compare=False, repr=False)  # the message, or the catalogue to make it
    material: str | None = None
    params: tuple[tuple[str, object], ...] = field(default=(), compare=False, repr=False)

    @property
    def message(self) -> str:
        """Formatted on demand: the calendar shows a month at a time, not 45,000 texts."""
        if isinstance(self.text, str):
            return self.text
        return self.text(f"deadline.{self.code}", date=self.date.isoformat(), **dict(self.params))

    @property
    def key(self) -> str:
        return f"{self.employee_id}:{self.code}:{self.material or ''}"

    @property
    def kind(self) -> str:
        return KINDS.get(self.code, "other")


def employee_deadlines(
    employee_id: int,
    profile: Profile,
    policies: PolicySet,
    calendar: WorkCalendar,
    lang: str = "zh",
    unit_review_started: date | None = None,
) -> list[DeadlineItem]:
    policy = policies.for_district(profile.employer.district)
    timing = policy.timing
    text = _messages(policies, lang)
    e = profile.employee
    out: list[DeadlineItem] = []
    dated = _dated_kinds(policies, policy)

    def add(code: str, when: date, material: str | None = None, **params: object) -> None:
        out.append(
            DeadlineItem(
                employee_id,
                e.name,
                profile.employer.name,
                policy.district,
                code,
                when,
                text,
                material,
                tuple(params.items()),
            )
        )

    permit = e.permit
    live = permit is not None and permit.status != "expired" and permit.expires_on is not None
    if live:
        expires = permit.expires_on
        add("PERMIT_EXPIRES", expires)
        if permit.status == "active":
            add("RENEWAL_WINDOW_OPENS", window_opens(expires, timing), days=timing["renewal_window_days"])
            add(
                "RENEWAL_SUBMIT_BY",
                submit_by(calendar, expires, timing["review_working_days"]),
                days=timing["review_working_days"],
            )
        else:  # suspended: the new unit must file the employer change in time
            add(
                "EMPLOYER_CHANGE_SUBMIT_BY",
                submit_by(calendar, expires, timing["review_working_days"]),
                days=timing["review_working_days"],
            )
        if e.left_previous_employer_on is not None and permit.status == "active":
            add(
                "UNLINK_DUE",
                unlink_due(
                    calendar, e.left_previous_employer_on, timing["unlink_count"], timing["unlink_unit"]
                ),
                departed=e.left_previous_employer_on.isoformat(),
            )
    if unit_review_started is not None and "unit_review_days" in timing:
        add(
            "UNIT_REVIEW_DUE",
            calendar.period_end(unit_review_started, timing["unit_review_days"]),
            days=timing["unit_review_days"],
        )
    for m in profile.materials:
        info = dated.get(m.kind)
        if info is None or m.defects:  # no date rule for this kind in this district
            continue
        last = material_last_day(m.kind, m, info, policy.validity, e)
        if last is not None:
            add("MATERIAL_SUBMIT_BY", last, material=m.kind, name=info.name(lang))
    return out


@contextmanager
def gc_paused() -> Iterator[None]:
    """Tens of thousands of small objects: pause the cyclic GC, which would otherwise walk the whole heap
    of loaded profiles several times for objects that cannot form cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_MESSAGES: dict[tuple[int, str], Messages] = {}
_DATED: dict[tuple[int, str], dict[str, Any]] = {}


def _messages(policies: PolicySet, lang: str) -> Messages:
    key = (id(policies.messages), lang)
    if key not in _MESSAGES:
        _MESSAGES[key] = Messages(policies.messages, lang)
    return _MESSAGES[key]


def _dated_kinds(policies: PolicySet, policy: Any) -> dict[str, Any]:
    """Material kinds that can have a last submission day in this district (others are skipped fast)."""
    key = (id(policies.materials), policy.id)
    if key not in _DATED:
        validity = policy.validity
        _DATED[key] = {
            kind: info
            for kind, info in policies.materials.items()
            if info.validity in ("contract", "identity")
            or (
                info.validity in ("online", "unit-signed")
                and validity[f"{info.validity.replace('-', '_')}_max_age_days"]
            )
        }
    return _DATED[key]


def all_deadlines(
    profiles: Iterable[tuple[int, Profile]],
    policies: PolicySet,
    calendar: WorkCalendar,
    lang: str = "zh",
    unit_reviews: dict[int, date] | None = None,
) -> list[DeadlineItem]:
    unit_reviews = unit_reviews or {}
    with gc_paused():
        items = [
            d
            for employee_id, p in profiles
            for d in employee_deadlines(
                employee_id, p, policies, calendar, lang, unit_reviews.get(employee_id)
            )
        ]
    items.sort(key=attrgetter("date", "employee_name", "code"))
    return items


def stored_deadlines(records: object, lang: str = "zh") -> list[DeadlineItem]:
    """Deadlines of every stored employee (with Yanqing's 7-day unit review for applications waiting
    in unit review)."""
    from .check import policies, work_calendar

    profiles = records.profiles()
    reviews: dict[int, date] = {}
    for employee_id in profiles:
        for app in records.applications(employee_id):
            if app.status == "unit-review":
                events = [e for e in records.application_events(app.id) if e.status == "unit-review"]
                if events:
                    reviews[employee_id] = events[-1].on
    return all_deadlines(
        profiles.items(), policies(records.data_dir), work_calendar(records.data_dir), lang, reviews
    )


def upcoming_rows(
    records: object, days: int = 90, today: date | None = None
) -> list[tuple[int, str, date, str]]:
    """(employee id, code, date, text) for the next `days` days, for the roster export."""
    today = today or date.today()
    return [
        (d.employee_id, d.code, d.date, d.message)
        for d in stored_deadlines(records)
        if 0 <= (d.date - today).days <= days
    ]
