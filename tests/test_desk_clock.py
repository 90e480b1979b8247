"""Dates a person reads come from the desk's clock, not the machine's: a backup's name and its manifest's
"created", the copy kept before a restore, the checklist's "made on" footer and a calendar file's DTSTAMP.
The desk's clock is set to 2031-02-28 (a day no test machine has), so a real-clock read shows."""

from __future__ import annotations

import json
from datetime import date
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
