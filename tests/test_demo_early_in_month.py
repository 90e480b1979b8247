"""The demo shows every status whatever day it is made: early in a month too, when a tax record
printed before the month began could not show the last tax month, someone is 可申报 (ready)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hrdesk.clock import FixedClock
from hrdesk.desks.demo import create_demo
from hrdesk.desks.desk import Desk

EARLY = date(2026, 12, 2)


def test_a_demo_made_on_the_second_of_a_month_has_people_ready_to_file(tmp_path: Path):
    folder = create_demo(tmp_path / "demo", today=EARLY)
    with Desk.open(folder, clock=FixedClock.on(EARLY)) as desk:
        desk.employees.refresh_statuses(on=EARLY)
        statuses = {s.status for s in desk.employees.summaries()}
    assert {"ready", "missing-materials", "renewal-due", "suspended"} <= statuses, statuses
