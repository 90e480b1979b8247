"""The daily automatic backup is incremental against the day before, on both engines: a day when nothing
changed makes no new copy (today's name is the same file), a changed day copies what did not change
(tables, scans) from the day before as stored and writes the rest, and every kept day restores on its own
after rotation removed the days it was built from. A damaged day-before is not carried forward."""

from __future__ import annotations

import logging
import os
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.clock import FixedClock
from hrdesk.desks.backup import daily_backup_quietly, restore_backup, rotate_daily, verify_backup
from hrdesk.desks.desk import Desk

ROOT = Path(__file__).resolve().parents[2]
DAY1 = date(2031, 2, 26)


def _scan(path: Path, label: str) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), label)
    doc.save(path)
    return path


def _add(desk: Desk, tmp_path: Path, example: str, label: str) -> tuple[int, str]:
    """A person from an example, with one scan; returns the employee and the scan's zip entry."""
    employee_id = desk.employees.add_profile(load_profile_file(ROOT / "examples" / example))
    desk.materials.attach(employee_id, "hukou-pages", _scan(tmp_path / f"{label}.pdf", label), scan=False)
    [digest] = {m.file for m in desk.employees.profile(employee_id).materials if m.file}
    return employee_id, f"files/{digest[:2]}/{digest}.pdf"


def _dated(backup: Path) -> dict[str, date]:
    with zipfile.ZipFile(backup) as zf:
        return {i.filename: date(*i.date_time[:3]) for i in zf.infolist()}


def _day(n: int) -> FixedClock:
    return FixedClock.on(DAY1 + timedelta(days=n), hour=12)


def test_a_day_without_changes_makes_no_copy_and_a_changed_day_copies_what_did_not_change(
    desk: Desk, data_dir: Path, database_url: str | None, tmp_path: Path
):
    _, first_scan = _add(desk, tmp_path, "changping-new-ready.json", "户口一")
    day1 = rotate_daily(data_dir, clock=_day(0), url=database_url)
    assert day1 is not None and verify_backup(day1).fingerprints

    day2 = rotate_daily(data_dir, clock=_day(1), url=database_url)  # nothing changed
    assert day2 is not None and day2.name == "daily-2031-02-27.zip"
    assert day2.samefile(day1)  # the same file under today's name: nothing written

    _, second_scan = _add(desk, tmp_path, "yanqing-new-ready.json", "户口二")
    day3 = rotate_daily(data_dir, clock=_day(2), url=database_url)
    assert day3 is not None and not day3.samefile(day1)
    dated = _dated(day3)
    assert dated[first_scan] == DAY1  # copied as stored from the day before, not read again
    assert dated["rows/wage_figure.jsonl"] == DAY1  # an unchanged table: copied, not encoded again
    assert dated[second_scan] == dated["rows/employee.jsonl"] == DAY1 + timedelta(days=2)  # written today
    assert verify_backup(day3).tables["employee"] == 2


def test_every_kept_day_restores_on_its_own_after_rotation(
    desk: Desk, data_dir: Path, database_url: str | None, tmp_path: Path
):
    _add(desk, tmp_path, "changping-new-ready.json", "户口一")
    rotate_daily(data_dir, keep=2, clock=_day(0), url=database_url)
    _add(desk, tmp_path, "yanqing-new-ready.json", "户口二")
    rotate_daily(data_dir, keep=2, clock=_day(1), url=database_url)  # built from day 1
    rotate_daily(data_dir, keep=2, clock=_day(2), url=database_url)  # unchanged: day 2's file again
    desk.employees.delete_employee(desk.employees.employee_ids()[0])
    rotate_daily(data_dir, keep=2, clock=_day(3), url=database_url)  # built from days 2 and 1
    kept = sorted((data_dir / "backups").glob("daily-*.zip"))
    assert [p.name for p in kept] == ["daily-2031-02-28.zip", "daily-2031-03-01.zip"]
    for backup, people in zip(kept, (2, 1), strict=True):
        target = tmp_path / f"restored-{backup.stem}"
        restore_backup(backup, target)  # into SQLite, whichever engine made it
        with Desk.open(target) as restored:
            assert len(restored.employees.summaries()) == people
            assert len(restored.uow.vault.hashes()) == 2  # the deleted person's scan stays in the trash


def test_a_damaged_day_before_is_not_carried_forward(sqlite_desk: Desk, data_dir: Path, tmp_path: Path):
    desk = sqlite_desk
    _, scan = _add(desk, tmp_path, "changping-new-ready.json", "户口一")
    day1 = rotate_daily(data_dir, clock=_day(0))
    assert day1 is not None
    with zipfile.ZipFile(day1) as zf:
        info = zf.getinfo(scan)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    with open(day1, "r+b") as fh:  # a bit turned in the scan's stored bytes
        fh.seek(start + info.compress_size // 2)
        byte = fh.read(1)
        fh.seek(-1, os.SEEK_CUR)
        fh.write(bytes([byte[0] ^ 0x01]))
    _add(desk, tmp_path, "yanqing-new-ready.json", "户口二")
    day2 = rotate_daily(data_dir, clock=_day(1))
    assert day2 is not None
    verify_backup(day2)  # whole: the damaged scan was written from the database again
    assert _dated(day2)[scan] == DAY1 + timedelta(days=1)


def test_the_quiet_child_says_in_the_desks_log_that_nothing_changed(
    sqlite_desk: Desk, data_dir: Path, tmp_path: Path, caplog
):
    _add(sqlite_desk, tmp_path, "changping-new-ready.json", "户口一")
    assert daily_backup_quietly(data_dir, clock=_day(0)) is not None
    with caplog.at_level(logging.INFO, logger="hrdesk.backup"):
        day2 = daily_backup_quietly(data_dir, clock=_day(1))
    assert day2 is not None and day2.samefile(data_dir / "backups" / "daily-2031-02-26.zip")
    assert "daily backup daily-2031-02-27.zip: nothing changed since daily-2031-02-26.zip" in caplog.text


@pytest.fixture
def sqlite_desk(data_dir: Path):
    with Desk.open(data_dir) as desk:
        yield desk
