"""Calendar export (.ics) for Outlook and Apple Calendar: one all-day event per deadline with alarms;
UIDs are stable (employee, code, material), so a re-export updates events instead of duplicating them.
No ID numbers go into the file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event

from ..version import __version__
from .deadlines import ACTION_CODES, DeadlineItem


def to_ics(
    deadlines: Iterable[DeadlineItem], alarm_days: Iterable[int] = (7, 1), now: datetime | None = None
) -> bytes:
    cal = Calendar()
    cal.add("prodid", f"-//hrdesk//{__version__}//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "工作居住证期限")
    stamp = now or datetime.now()
    for d in deadlines:
        event = Event()
        event.add("uid", f"{d.key.replace(':', '-')}@hrdesk")
        event.add("dtstamp", stamp)
        event.add("dtstart", d.date)
        event.add("dtend", d.date + timedelta(days=1))
        event.add("summary", f"{d.employee_name}：{d.message}")
        event.add("description", f"{d.employer_name}（{d.district}）\n{d.message}\n{d.code}")
        event.add("categories", [d.kind])
        event.add("transp", "TRANSPARENT")
        if d.code in ACTION_CODES:
            for days in alarm_days:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", f"{d.employee_name}：{d.message}")
                alarm.add("trigger", timedelta(days=-days, hours=9))
                event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
