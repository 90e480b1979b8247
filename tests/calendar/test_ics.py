"""The .ics export as a calendar sees it: UTC stamps, sequences, cancellations, per-folder UIDs."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from hrdesk.checks.check import load_profile_file
from hrdesk.deadlines.ics import IcsState, export_ics, to_ics
from hrdesk.deadlines.stored import DeadlineItem, stored_deadlines
from hrdesk.desks.desk import Desk

ROOT = Path(__file__).resolve().parents[2]
BEIJING = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=BEIJING)


def _events(path: Path) -> dict[str, object]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_reexport_after_deleting_an_employee_cancels_their_events(data_dir: Path, tmp_path: Path):
    with Desk.open(data_dir) as desk:
        keep = desk.employees.add_profile(
            load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
        )
        gone = desk.employees.add_profile(
            load_profile_file(ROOT / "examples" / "yanqing-employer-change.json")
        )
        first = stored_deadlines(desk)
        assert {d.employee_id for d in first} == {keep, gone}
        out = tmp_path / "期限.ics"
        export_ics(out, first, data_dir, now=NOW)
        before = _events(out)
        desk.employees.delete_employee(gone)
        export_ics(out, stored_deadlines(desk), data_dir, now=datetime(2026, 11, 26, 10, tzinfo=BEIJING))
    after = _events(out)

    gone_uids = {uid for uid in before if uid.startswith(f"{gone}-")}
    assert gone_uids and gone_uids <= set(after)
    for uid in gone_uids:
        assert str(after[uid]["STATUS"]) == "CANCELLED"
        assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) + 1
        assert after[uid]["DTSTART"].dt == before[uid]["DTSTART"].dt
    for uid in set(before) - gone_uids:  # unchanged events keep their sequence
        assert str(after[uid]["STATUS"]) == "CONFIRMED"
        assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) == 0
    # DTSTAMP is the export time in UTC, not Beijing time labelled as UTC.
    some = next(iter(before.values()))
    assert some["DTSTAMP"].dt == datetime(2026, 11, 25, 1, 30, tzinfo=ZoneInfo("UTC"))
    assert some["LAST-MODIFIED"].dt.utcoffset().total_seconds() == 0
    for event in after.values():  # labels, never codes, in what people read
        shown = f"{event['SUMMARY']}\n{event['DESCRIPTION']}"
        for code in ("PERMIT_EXPIRES", "RENEWAL_SUBMIT_BY", "UNLINK_DUE", "changping", "yanqing"):
            assert code not in shown


def _item(day: date, text: str = "续签最晚安全提交日") -> DeadlineItem:
    return DeadlineItem(7, "张三", "示例单位", "changping", "RENEWAL_SUBMIT_BY", day, text)


def test_a_moved_deadline_raises_the_sequence_and_a_filtered_one_is_not_cancelled():
    state = IcsState(namespace="abc")
    to_ics([_item(date(2026, 12, 1))], now=NOW, state=state)
    assert state.events["7:RENEWAL_SUBMIT_BY:"].sequence == 0
    cal = Calendar.from_ical(to_ics([_item(date(2026, 12, 3))], now=NOW, state=state))
    (event,) = cal.walk("VEVENT")
    assert int(event["SEQUENCE"]) == 1 and event["DTSTART"].dt == date(2026, 12, 3)
    # Left out by the calendar's filter but still a deadline: not cancelled.
    cal = Calendar.from_ical(to_ics([], now=NOW, state=state, still_exist=["7:RENEWAL_SUBMIT_BY:"]))
    assert not cal.walk("VEVENT")
    cal = Calendar.from_ical(to_ics([], now=NOW, state=state))
    (event,) = cal.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 2
    # Long after its date a cancelled event is forgotten.
    to_ics([], now=datetime(2027, 6, 1, tzinfo=BEIJING), state=state)
    assert state.events == {}


def test_uids_differ_between_data_folders(tmp_path: Path):
    a, b = IcsState.load(tmp_path / "a"), IcsState.load(tmp_path / "b")
    item = _item(date(2026, 12, 1))
    uid_a = str(Calendar.from_ical(to_ics([item], now=NOW, state=a)).walk("VEVENT")[0]["UID"])
    uid_b = str(Calendar.from_ical(to_ics([item], now=NOW, state=b)).walk("VEVENT")[0]["UID"])
    assert uid_a != uid_b
    a.save(tmp_path / "a")
    assert IcsState.load(tmp_path / "a").namespace == a.namespace  # stable for the folder


def test_english_export_uses_english_labels():
    data = to_ics([_item(date(2026, 12, 1), "Last safe day")], now=NOW, lang="en")
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert "Changping" in str(event["DESCRIPTION"]) and "Last day to submit the renewal" in str(
        event["DESCRIPTION"]
    )
