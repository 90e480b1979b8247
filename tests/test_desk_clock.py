"""Dates a person reads come from the desk's clock, not the machine's: a backup's name and its manifest's
"created", the copy kept before a restore, the checklist's "made on" footer and a calendar file's DTSTAMP.
The desk's clock is set to 2031-02-28 (a day no test machine has), so a real-clock read shows."""

from __future__ import annotations

import json
from datetime import UTC, date
from pathlib import Path

import pymupdf
from icalendar import Calendar

from hrdesk.checks.check import load_profile_file
from hrdesk.clock import FixedClock
from hrdesk.commands import deadlines as deadlines_command
from hrdesk.desks.backup import create_backup, restore_backup, rotate_daily, verify_backup
from hrdesk.desks.desk import Desk
from hrdesk.packs.upload_pack import build_pack_for_stored

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2031, 2, 28)
CLOCK = FixedClock.on(DAY, hour=12)  # noon: the same day in UTC for any time zone from −11 to +12


def _person(desk: Desk) -> int:
    return desk.employees.add_profile(
        load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    )


def test_backups_and_the_copy_before_a_restore_are_dated_by_the_desks_clock(
    desk: Desk, data_dir: Path, database_url: str | None, tmp_path: Path
):
    _person(desk)
    made = create_backup(data_dir, tmp_path / "b.zip", database_url, clock=CLOCK)
    assert verify_backup(made).created.startswith("2031-02-28T")
    daily = rotate_daily(data_dir, clock=CLOCK, url=database_url)
    assert daily is not None and daily.name == "daily-2031-02-28.zip"
    assert verify_backup(daily).created.startswith("2031-02-28T")
    restore_backup(made, data_dir, database_url, clock=CLOCK)
    [kept] = (data_dir / "backups").glob("before-restore-*.zip")
    assert kept.name.startswith("before-restore-20310228-")
    assert verify_backup(kept).created.startswith("2031-02-28T")


def test_the_checklist_footer_gives_the_desks_day(data_dir: Path, tmp_path: Path):
    with Desk.open(data_dir, clock=CLOCK) as desk:
        employee_id = _person(desk)
        out = tmp_path / "pack"
        build_pack_for_stored(desk, employee_id, "renewal", out, force=True)  # the window's 打包
    [checklist] = out.glob("00-*.pdf")
    text = "".join(page.get_text() for page in pymupdf.open(checklist))
    assert "生成于 2031-02-28" in text


def test_the_calendar_file_is_stamped_with_the_desks_time(data_dir: Path, tmp_path: Path, capsys):
    with Desk.open(data_dir, clock=CLOCK) as desk:
        _person(desk)
    ics = tmp_path / "期限.ics"
    # `--on` looks at the deadlines as on the day the example was written; the file is still made now.
    on = date(2026, 11, 23)
    args = type("Args", (), {"days": 100000, "json": False, "ics": ics, "lang": "zh", "on": on})()
    assert deadlines_command.run(args, data_dir, clock=CLOCK) == 0  # `hrdesk deadlines --ics`
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert events and {e["DTSTAMP"].dt.date() for e in events} == {DAY}
    assert json.loads((data_dir / "ics-state.json").read_text(encoding="utf-8"))["events"]


def test_the_trash_the_audit_and_a_material_record_the_desks_time(desk: Desk, tmp_path: Path):
    """What the trash shows (when a file or a person went there), when a file was added, the audit log and
    a business's day: on a desk whose clock says 2031-02-28, that day, on both engines."""
    desk.uow.clock = CLOCK
    scan = tmp_path / "户口.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "户口")
    doc.save(scan)
    employee_id = _person(desk)
    material_id = desk.materials.attach(employee_id, "hukou-pages", scan, scan=False).id
    [added] = [x for x in desk.materials.materials(employee_id) if x.id == material_id]
    assert added.added_at.astimezone().date() == DAY
    application = desk.applications.open_application(employee_id, "renewal")
    assert [a.created_on for a in desk.applications.applications(employee_id) if a.id == application] == [DAY]
    desk.materials.remove_material(material_id)
    [shown] = desk.trash.trash_items()  # the trash view's row for the file
    assert shown.kind == "material" and shown.deleted_at.astimezone().date() == DAY
    desk.employees.delete_employee(employee_id)
    [shown] = desk.trash.trash_items()  # the person (their files go with them)
    assert shown.kind == "employee" and shown.deleted_at.astimezone().date() == DAY
    assert {
        e.at.replace(tzinfo=e.at.tzinfo or UTC).astimezone().date() for e in desk.audit.audit_entries()
    } == {DAY}
