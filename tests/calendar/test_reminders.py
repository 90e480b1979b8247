"""Deadlines, reminders with a fixed clock, .ics export and start-at-login content."""

from __future__ import annotations

import plistlib
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from hrdesk.deadlines.ics import to_ics
from hrdesk.deadlines.reminders import OVERDUE, ReminderState, current_lead, due_reminders, states_from_rows
from hrdesk.deadlines.stored import DeadlineItem, stored_deadlines
from hrdesk.desks.autostart import launch_agent_path, launch_agent_plist, set_enabled, windows_run_value
from hrdesk.desks.desk import Desk

ROOT = Path(__file__).resolve().parents[2]


def deadline(day: date, code: str = "RENEWAL_SUBMIT_BY", employee_id: int = 1) -> DeadlineItem:
    return DeadlineItem(employee_id, "张三", "单位", "changping", code, day, "续签最晚安全提交日")


def test_leads_over_a_simulated_year():
    d = deadline(date(2026, 9, 1))
    states: dict[str, ReminderState] = {}
    shown: list[tuple[date, int]] = []
    day = date(2026, 1, 1)
    while day <= date(2026, 12, 31):
        for r in due_reminders([d], states, datetime(day.year, day.month, day.day, 9, 0)):
            shown.append((day, r.lead))
            states[r.key] = ReminderState("shown")
        day += timedelta(days=1)
    assert shown == [
        (date(2026, 8, 2), 30),
        (date(2026, 8, 18), 14),
        (date(2026, 8, 25), 7),
        (date(2026, 8, 29), 3),
        (date(2026, 8, 31), 1),
        (date(2026, 9, 1), 0),
    ] + [(date(2026, 9, 2) + timedelta(days=n), OVERDUE) for n in range(30)]  # daily while overdue


def test_missed_reminders_show_once_on_the_next_start():
    d = deadline(date(2026, 9, 1))
    # The computer was off from 2026-07-20 to 2026-08-30: only the latest lead (3 days) is due.
    due = due_reminders([d], {}, datetime(2026, 8, 30, 8, 0))
    assert [r.lead for r in due] == [3]


def test_snooze_and_dismiss_persist_across_a_restart(data_dir: Path):
    d = deadline(date(2026, 9, 1))
    now = datetime(2026, 8, 26, 9, 0)
    with Desk.open(data_dir) as desk:
        (r,) = due_reminders([d], {}, now)
        desk.reminders.set_reminder_state(r.key, "snoozed", now + timedelta(hours=24))
    with Desk.open(data_dir) as desk:  # a restart
        states = states_from_rows(desk.reminders.reminder_states())
    assert due_reminders([d], states, now + timedelta(hours=2)) == []
    assert len(due_reminders([d], states, now + timedelta(hours=25))) == 1
    with Desk.open(data_dir) as desk:
        desk.reminders.set_reminder_state(r.key, "dismissed")
        states = {k: ReminderState(v.state) for k, v in desk.reminders.reminder_states().items()}
    assert due_reminders([d], states, now + timedelta(hours=25)) == []
    # The next lead is a new reminder: dismissing one does not silence the deadline.
    assert [x.lead for x in due_reminders([d], states, datetime(2026, 8, 29, 9))] == [3]


def test_current_lead_edges():
    assert current_lead(date(2026, 9, 1), date(2026, 7, 1)) is None
    assert current_lead(date(2026, 9, 1), date(2026, 8, 2)) == 30
    assert current_lead(date(2026, 9, 1), date(2026, 9, 1)) == 0
    assert current_lead(date(2026, 9, 1), date(2026, 9, 5)) == OVERDUE


def test_ics_round_trip_with_stable_uids():
    items = [deadline(date(2026, 9, 1)), deadline(date(2026, 9, 10), "PERMIT_EXPIRES")]
    cal = Calendar.from_ical(to_ics(items, now=datetime(2026, 8, 1, 9)))
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2
    assert str(events[0]["SUMMARY"]).startswith("张三")
    assert events[0]["DTSTART"].dt == date(2026, 9, 1)
    assert len(list(events[0].walk("VALARM"))) == 2
    moved = [deadline(date(2026, 9, 3)), items[1]]
    again = list(Calendar.from_ical(to_ics(moved, now=datetime(2026, 8, 2, 9))).walk("VEVENT"))
    assert [str(e["UID"]) for e in again] == [str(e["UID"]) for e in events]
    assert "130102" not in to_ics(items, now=datetime(2026, 8, 1, 9)).decode()


def test_demo_calendar_has_markers_and_people_ready_early_in_a_month(tmp_path: Path):
    """Made on the 2nd of a month, the demo still has people 可申报: its tax records are printed
    after the last tax month ended, not before the month began."""
    from hrdesk.clock import FixedClock
    from hrdesk.desks.demo import create_demo

    early = date(2026, 12, 2)
    create_demo(tmp_path / "demo", today=early)
    with Desk.open(tmp_path / "demo", clock=FixedClock.on(early)) as desk:
        items = stored_deadlines(desk)
        statuses = {s.status for s in desk.employees.summaries()}
    codes = {d.code for d in items}
    assert {"PERMIT_EXPIRES", "RENEWAL_SUBMIT_BY", "EMPLOYER_CHANGE_SUBMIT_BY", "MATERIAL_SUBMIT_BY"} <= codes
    assert any(0 <= (d.date - early).days <= 30 for d in items)
    assert {"ready", "missing-materials", "renewal-due", "suspended"} <= statuses, statuses


def test_launch_agent_and_run_key_content(tmp_path: Path):
    command = ["/Applications/hrdesk.app/Contents/MacOS/hrdesk", "--tray"]
    plist = plistlib.loads(launch_agent_plist(command))
    assert plist["ProgramArguments"] == command and plist["RunAtLoad"] is True
    set_enabled(True, command, home=tmp_path, platform="darwin")
    assert plistlib.loads(launch_agent_path(tmp_path).read_bytes())["Label"] == "cn.hrdesk.app"
    set_enabled(False, command, home=tmp_path, platform="darwin")
    assert not launch_agent_path(tmp_path).exists()
    assert (
        windows_run_value([r"C:\Program Files\hrdesk\hrdesk.exe", "--tray"])
        == r'"C:\Program Files\hrdesk\hrdesk.exe" --tray'
    )
    with pytest.raises(NotImplementedError):
        set_enabled(True, command, home=tmp_path, platform="linux")
