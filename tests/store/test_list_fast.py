"""`hrdesk list --json` on a SQLite data folder reads the list with the standard library instead of
opening a desk (most of its time was importing the database layers): the same rows as the desk's
list, and the full path whenever the folder is not at this code's newest schema."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

from hrdesk.checks.check import load_profile_file
from hrdesk.cli import main
from hrdesk.clock import FixedClock
from hrdesk.desks.desk import Desk
from hrdesk.labels import label
from hrdesk.store.bulk_reads import sqlite_list_rows

ROOT = Path(__file__).resolve().parents[2]
URGENCY = {"overdue": 0, "this-week": 1, None: 2}


def _stored(data_dir: Path, *extra: str) -> list[dict]:
    with Desk.open(data_dir, clock=FixedClock.on(date(2026, 12, 1))) as desk:
        for name in ("changping-renewal-window-open.json", "yanqing-new-ready.json", *extra):
            desk.employees.add_profile(load_profile_file(ROOT / "examples" / name))
        desk.employees.refresh_statuses(on=date(2026, 12, 1))
        return [
            {
                "id": s.id,
                "name": s.name,
                "id_number_masked": s.id_masked,
                "unit": s.employer_name,
                "district": s.district,
                "status": s.status,
                "status_label": label("status", s.status, "zh")
                + (" · " + label("status", "overdue", "zh") if s.urgency == "overdue" else ""),
                "urgency": s.urgency,
                "next_deadline": s.next_deadline.isoformat() if s.next_deadline else None,
                "next_deadline_code": s.next_deadline_code,
                "next_deadline_label": label("deadline", s.next_deadline_code, "zh"),
            }
            for s in sorted(desk.employees.summaries(), key=lambda s: URGENCY[s.urgency])
        ]


def test_the_quick_listing_is_the_desks_list(capsys, data_dir):
    expected = _stored(data_dir)
    assert any(r["next_deadline"] for r in expected)  # a date read back as text must come out the same
    assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected


def test_a_folder_not_at_the_newest_schema_takes_the_full_path(data_dir):
    _stored(data_dir)
    path = data_dir / "hrdesk.sqlite"
    assert len(sqlite_list_rows(path)) == 2
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")  # a newer app wrote it
    assert sqlite_list_rows(path) is None
    assert sqlite_list_rows(data_dir / "none.sqlite") is None


def test_an_overdue_duty_lists_first_and_marked(capsys, data_dir):
    """On 2026-12-01 the unit's unlink duty (孙七, passed 2026-11-06) and a renewal's last safe day
    (赵六, 2026-11-23) have passed: whichever way the list is read, they come before 李四, whose id
    is between theirs, and their status says 已逾期."""
    expected = _stored(data_dir, "yanqing-employer-change.json")
    assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == expected
    assert [(r["name"], r["urgency"]) for r in listed] == [
        ("赵六", "overdue"),
        ("孙七", "overdue"),
        ("李四", None),
    ]
    assert listed[1]["status_label"] == "挂起 · 已逾期"
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all("已逾期" in line for line in lines[1:3]) and "李四" in lines[3]
    assert main(["--data-dir", str(data_dir), "--lang", "en", "list"]) == 0
    assert "Overdue" in capsys.readouterr().out.splitlines()[1]


def test_list_rows_are_compact(data_dir: Path):
    """The window holds the list of tens of thousands: a row has no dict of its own, and what many rows
    show (the unit's name, the district, the status) is one string for all of them."""
    with Desk.open(data_dir, clock=FixedClock.on(date(2026, 12, 1))) as desk:
        profile = load_profile_file(ROOT / "examples" / "changping-new-ready.json")
        first = desk.employees.add_profile(profile)
        second = desk.employees.add_profile(
            replace(profile, employee=replace(profile.employee, id_number="110101199003077731", name="李四"))
        )
        desk.employees.refresh_statuses(on=date(2026, 12, 1))
        rows = {s.id: s for s in desk.employees.summaries()}
    a, b = rows[first], rows[second]
    assert not hasattr(a, "__dict__")
    assert a.employer_name == b.employer_name and a.employer_name is b.employer_name
    assert a.district is b.district and a.status is b.status
