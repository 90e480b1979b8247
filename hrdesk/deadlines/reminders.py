"""Which reminders are due: a pure function of (deadlines, reminder state, now).

Each action deadline (a last safe day) has reminders at the configured lead times (default 30, 14, 7,
3, 1 days before, and on the day) and, while it is overdue, one every day. Only the latest lead already
reached is due, so a computer that was off for a week shows one reminder per deadline on start, not
six. A reminder shown is remembered by its key, so nothing nags twice a day and nothing is lost
across restarts. Snoozing (1 day, 1 week) and dismissing apply to the deadline, whatever its lead: a
snoozed deadline stays quiet until its time, a dismissed one for good. The tray's timer only calls
this function.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..store.bulk_reads import gc_paused
from .items import ACTION_CODES, DeadlineItem

DEFAULT_LEADS = (30, 14, 7, 3, 1, 0)
OVERDUE = -1


@dataclass(frozen=True)
class ReminderState:
    state: str  # shown | dismissed | snoozed
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class Reminder:
    deadline: DeadlineItem
    lead: int  # days before the deadline; OVERDUE after it
    on: date | None = None  # the day of an overdue reminder (one each day while overdue)

    @property
    def key(self) -> str:
        day = f"@{self.on.isoformat()}" if self.lead == OVERDUE and self.on is not None else ""
        return f"{self.deadline.key}@{self.deadline.date.isoformat()}#{self.lead}{day}"

    @property
    def deadline_key(self) -> str:
        """Snooze and dismiss are stored under this key: they hold for every lead of the deadline."""
        return deadline_key(self.deadline)


def deadline_key(d: DeadlineItem) -> str:
    return f"{d.key}@{d.date.isoformat()}#all"

    def days_left(self, today: date) -> int:
        return (self.deadline.date - today).days


def current_lead(deadline_day: date, today: date, leads: Iterable[int] = DEFAULT_LEADS) -> int | None:
    """The smallest lead whose reminder day has come, or OVERDUE; None if no reminder is due yet."""
    days_left = (deadline_day - today).days
    if days_left < 0:
        return OVERDUE
    reached = [lead for lead in leads if days_left <= lead]
    return min(reached) if reached else None


def due_reminders(
    deadlines: Iterable[DeadlineItem],
    states: Mapping[str, ReminderState],
    now: datetime,
    leads: Iterable[int] = DEFAULT_LEADS,
    overdue_days: int = 30,
) -> list[Reminder]:
    """Reminders to show now, most urgent first. Overdue deadlines older than `overdue_days` are
    left to the calendar (they are history, not reminders)."""
    leads = tuple(sorted(set(leads), reverse=True))
    today = now.date()
    due = []
    with gc_paused():
        _collect(deadlines, states, now, today, leads, overdue_days, due)
    due.sort(key=lambda r: (r.deadline.date, r.deadline.employee_name))
    return due


def _collect(
    deadlines: Iterable[DeadlineItem],
    states: Mapping[str, ReminderState],
    now: datetime,
    today: date,
    leads: tuple[int, ...],
    overdue_days: int,
    due: list[Reminder],
) -> None:
    for d in deadlines:
        if d.code not in ACTION_CODES:
            continue
        lead = current_lead(d.date, today, leads)
        if lead is None or (lead == OVERDUE and (today - d.date).days > overdue_days):
            continue
        reminder = Reminder(d, lead, today if lead == OVERDUE else None)
        if quiet(states, deadline_key(d), now):
            continue
        state = states.get(reminder.key)
        if state is not None:
            if state.state in ("shown", "dismissed"):
                continue
            if state.state == "snoozed" and state.until is not None and state.until > now:
                continue
        due.append(reminder)


def quiet(states: Mapping[str, ReminderState], key: str, now: datetime) -> bool:
    """Dismissed, or snoozed until a time still ahead."""
    state = states.get(key)
    if state is None:
        return False
    if state.state == "dismissed":
        return True
    return state.state == "snoozed" and state.until is not None and state.until > now


def pending_count(deadlines: Iterable[DeadlineItem], today: date, within_days: int = 7) -> int:
    """How many action deadlines fall within the next `within_days` days (the tray tooltip)."""
    return sum(1 for d in deadlines if d.code in ACTION_CODES and 0 <= (d.date - today).days <= within_days)


def states_from_rows(rows: Mapping[str, object]) -> dict[str, ReminderState]:
    """Stored reminder rows (UTC) as states in local naive time, which `due_reminders` compares with."""
    out = {}
    for key, row in rows.items():
        until = getattr(row, "until", None)
        if until is not None:
            until = (until if until.tzinfo else until.replace(tzinfo=UTC)).astimezone().replace(tzinfo=None)
        out[key] = ReminderState(row.state, until)
    return out
