"""The day's automatic backup runs in a child process at the lowest priority, from a copy SQLite's
online backup API makes a few pages at a time: the backup is complete and restorable, leaves no copy of
the database behind, and a second call the same day does nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hrdesk.checks.check import load_profile_file
from hrdesk.clock import FixedClock
from hrdesk.desks.backup import daily_backup_quietly, verify_backup
from hrdesk.desks.desk import Desk

ROOT = Path(__file__).resolve().parents[2]


def test_the_daily_backup_is_made_in_a_quiet_child_and_holds_everyone(data_dir):
    with Desk.open(data_dir) as desk:
        desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
        day = date(2026, 12, 7)
        made = daily_backup_quietly(
            data_dir, clock=FixedClock.on(day)
        )  # while this desk holds the database open
        assert made == data_dir / "backups" / "daily-2026-12-07.zip"
        assert verify_backup(made).tables["employee"] == 1
        assert daily_backup_quietly(data_dir, clock=FixedClock.on(day)) is None  # once a day
    assert not list((data_dir / "backups").glob(".*snapshot*"))  # no copy of the database left behind
