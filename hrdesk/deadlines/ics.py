"""Calendar export (.ics) for Outlook, Apple Calendar and Google: one all-day event per deadline.

A calendar that imports the file again must end up right, not merely with more events:
- UIDs are stable per deadline (employee, code, material) and carry a random id of the data folder,
  so two desks exporting "employee 12's expiry" never overwrite each other's events;
- SEQUENCE and LAST-MODIFIED rise when an event's date or text changes, so clients take the update;
- a deadline that went away (the employee was deleted, the permit renewed) is exported once more as
  STATUS:CANCELLED with a higher SEQUENCE, so calendars drop it instead of keeping it for ever.
What was exported is remembered in `ics-state.json` in the data folder (no ID numbers, no incomes).
DTSTAMP is UTC (RFC 5545 3.8.7.2). Texts use the labels table, never codes.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from ..catalogue import text
from ..fileio import atomic_write_bytes
from ..labels import label
from ..version import __version__
from .items import ACTION_CODES, DeadlineItem

STATE_FILE = "ics-state.json"
KEEP_CANCELLED_DAYS = 90  # a cancelled event is re-sent this long after its date, then forgotten


@dataclass
class ExportedEvent:
    day: str  # ISO date
    summary: str
    digest: str  # of the event's content: a change raises the sequence
    sequence: int = 0
    modified: str = ""  # ISO UTC timestamp
    cancelled: bool = False


@dataclass
class IcsState:
    """What earlier exports from this data folder told calendars."""

    namespace: str | None = None  # None: no data folder, UIDs without one (a one-off file)
    events: dict[str, ExportedEvent] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path) -> IcsState:
        path = data_dir / STATE_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(raw["namespace"], {k: ExportedEvent(**v) for k, v in raw.get("events", {}).items()})
        except FileNotFoundError:
            return cls(namespace=uuid.uuid4().hex[:12])
        except (ValueError, KeyError, TypeError):
            # A damaged state file must not stop the export; a new namespace keeps UIDs unique.
            return cls(namespace=uuid.uuid4().hex[:12])

    def save(self, data_dir: Path) -> None:
        payload = {"namespace": self.namespace, "events": {k: vars(v) for k, v in self.events.items()}}
        data_dir.mkdir(parents=True, exist_ok=True)
        tmp = data_dir / f".{STATE_FILE}.partial"
        tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, data_dir / STATE_FILE)


def uid(key: str, namespace: str | None) -> str:
    base = key.replace(":", "-").rstrip("-")
    return f"{base}-{namespace}@hrdesk" if namespace else f"{base}@hrdesk"


def _utc(now: datetime) -> datetime:
    return now.astimezone(UTC)  # a naive time is local time (astimezone assumes so)


def to_ics(
    deadlines: Iterable[DeadlineItem],
    alarm_days: Iterable[int] = (7, 1),
    *,
    now: datetime,
    state: IcsState | None = None,
    still_exist: Iterable[str] | None = None,
    lang: str = "zh",
) -> bytes:
    """The calendar for `deadlines`, updating `state` in place.

    `still_exist`: keys of every deadline that still exists, when `deadlines` is a filtered view (the
    calendar's filters, from today on): events left out by a filter are not cancelled, only those
    whose deadline is gone. Default: the exported deadlines are all that exist. `now`: the desk's clock,
    written as each event's DTSTAMP and the time a changed event was last modified."""
    state = state if state is not None else IcsState()
    stamp = _utc(now)
    stamp_text = stamp.isoformat()
    alarm_days = tuple(alarm_days)
    items = list(deadlines)
    exported = {d.key for d in items}
    alive = exported | set(still_exist or ())

    cal = Calendar()
    cal.add("prodid", f"-//hrdesk//{__version__}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", text("ics.calendar", lang))
    for d in items:
        summary = text("ics.summary", lang, name=d.employee_name, message=d.message)
        description = "\n".join(
            (
                text("ics.unit", lang, unit=d.employer_name, district=label("district", d.district, lang)),
                d.message,
                text("ics.kind", lang, label=label("deadline", d.code, lang)),
            )
        )
        digest = hashlib.sha256(f"{d.date}|{summary}|{description}".encode()).hexdigest()[:16]
        known = state.events.get(d.key)
        if known is None:
            known = state.events[d.key] = ExportedEvent(d.date.isoformat(), summary, digest, 0, stamp_text)
        elif known.digest != digest or known.cancelled:
            known.sequence += 1
            known.day, known.summary, known.digest = d.date.isoformat(), summary, digest
            known.modified, known.cancelled = stamp_text, False
        event = _event(d.key, state, stamp, d.date, summary, description)
        event.add("categories", [d.kind])
        event.add("status", "CONFIRMED")
        if d.code in ACTION_CODES:
            for days in alarm_days:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary)
                alarm.add("trigger", timedelta(days=-days, hours=9))
                event.add_component(alarm)
        cal.add_component(event)

    forget_before = stamp.date() - timedelta(days=KEEP_CANCELLED_DAYS)
    for key, known in sorted(state.events.items()):
        if key in alive:
            continue
        day = date.fromisoformat(known.day)
        if day < forget_before:
            del state.events[key]
            continue
        if not known.cancelled:
            known.sequence += 1
            known.modified, known.cancelled = stamp_text, True
        summary = text("ics.cancelled", lang, summary=known.summary)
        event = _event(key, state, stamp, day, summary, text("ics.cancelled-description", lang))
        event.add("status", "CANCELLED")
        cal.add_component(event)
    return cal.to_ical()


def _event(key: str, state: IcsState, stamp: datetime, day: date, summary: str, description: str) -> Event:
    known = state.events[key]
    event = Event()
    event.add("uid", uid(key, state.namespace))
    event.add("dtstamp", stamp)
    event.add("last-modified", datetime.fromisoformat(known.modified) if known.modified else stamp)
    event.add("sequence", known.sequence)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def export_ics(
    path: Path,
    deadlines: Iterable[DeadlineItem],
    data_dir: Path,
    *,
    now: datetime,
    still_exist: Iterable[str] | None = None,
    alarm_days: Iterable[int] = (7, 1),
    lang: str = "zh",
) -> int:
    """Write the calendar file, then remember what it told calendars (only once the file is written,
    so a failed export never makes the next one skip a cancellation). Returns the number of events."""
    state = IcsState.load(data_dir)
    items = list(deadlines)
    data = to_ics(items, alarm_days, now=now, state=state, still_exist=still_exist, lang=lang)
    atomic_write_bytes(path, data)
    state.save(data_dir)
    return len(items)
