"""One answer to "what are this employee's deadlines": the check in the detail tab, the stored deadlines
the calendar, tray and .ics read, the case the window renders and `hrdesk deadlines` all agree — on every
example and on suspended, employer-change and unlink profiles — and a stored status holds exactly as long
as it says."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from hrdesk.checks.check import load_profile_file, policies, work_calendar
from hrdesk.clock import FixedClock
from hrdesk.deadlines.ics import to_ics
from hrdesk.deadlines.stored import stored_deadlines
from hrdesk.desks.desk import Desk
from hrdesk.employees.case import build_case
from hrdesk.employees.status import business_for, compute_status
from hrdesk.rules.engine import check
from hrdesk.rules.profile import Permit

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 23)  # the day the examples were written for
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def _variants() -> list[tuple[str, object]]:
    out = [(p.stem, load_profile_file(p)) for p in EXAMPLES]
    base = load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    suspended = load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    suspended.employee.permit = replace(base.employee.permit, status="suspended")
    out.append(("suspended", suspended))
    unlink = load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    unlink.employee.left_previous_employer_on = ON - timedelta(days=40)
    out.append(("active-with-departure", unlink))
    lapsing = load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    lapsing.employee.permit = Permit("GZ1", date(2023, 12, 10), ON + timedelta(days=10), "active")
    out.append(("renewal-overdue", lapsing))
    return out


def _fresh_id(profile, n: int, base: str | None = None):
    """One person, one record (the ID number is unique): each stored copy gets its own valid number of
    the same birth date and sex."""
    from hrdesk.rules.idnumber import check_char

    old = base or profile.employee.id_number
    first17 = old[:14] + f"{(n * 2 + int(old[16])) % 1000:03d}"
    profile.employee.id_number = first17 + check_char(first17)
    return profile


def _key(d) -> tuple:
    return (d.code, d.date, d.material)


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("paths")
    ids = {}
    with Desk.open(folder) as desk:
        for n, (name, profile) in enumerate(_variants()):
            ids[name] = desk.employees.add_profile(_fresh_id(profile, n))
        desk.employees.refresh_statuses(ON)
    return folder, ids


def test_every_path_gives_the_checks_deadlines(stored):
    folder, ids = stored
    ps, cal = policies(folder), work_calendar(folder)
    profiles = dict(_variants())
    with Desk.open(folder, lock=False) as desk:
        by_employee: dict[int, set] = {}
        for d in stored_deadlines(desk):
            by_employee.setdefault(d.employee_id, set()).add(_key(d))
        ics = Calendar.from_ical(to_ics(stored_deadlines(desk), now=desk.clock.now()))
        assert len(list(ics.walk("VEVENT"))) == sum(len(v) for v in by_employee.values())
        for name, employee_id in ids.items():
            profile = profiles[name]
            business = business_for(profile, ON)
            detail = {_key(d) for d in check(profile, business, ON, ps, cal).deadlines}
            case = build_case(desk, employee_id, ON)
            assert case.business == business
            assert {_key(d) for d in case.deadlines} == detail, name
            assert by_employee.get(employee_id, set()) == detail, name
    if "yanqing-employer-change" in ids:  # the case the issue found: the calendar never showed UNLINK_DUE
        assert "UNLINK_DUE" in {k[0] for k in by_employee[ids["yanqing-employer-change"]]}
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdesk",
            "deadlines",
            "--json",
            "--days",
            "4000",
            "--on",
            ON.isoformat(),
            "--data-dir",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    listed = {(x["employee_id"], x["code"], x["date"], x.get("material")) for x in json.loads(cli.stdout)}
    expected = {
        (eid, c, d.isoformat(), mat)
        for eid, keys in by_employee.items()
        for c, d, mat in keys
        if d >= ON
        or c
        in (
            "RENEWAL_SUBMIT_BY",
            "EMPLOYER_CHANGE_SUBMIT_BY",
            "UNLINK_DUE",
            "PERMIT_EXPIRES",
            "MATERIAL_SUBMIT_BY",
            "UNIT_REVIEW_DUE",
        )
    }
    assert listed == expected


def test_overdue_renewal_is_urgent_everywhere(stored):
    folder, ids = stored
    with Desk.open(folder, lock=False) as desk:
        row = next(s for s in desk.employees.summaries() if s.id == ids["renewal-overdue"])
        assert row.urgency == "overdue" and row.next_deadline < ON
        others = [s for s in desk.employees.summaries() if s.id != ids["renewal-overdue"]]
        assert all(s.urgency != "overdue" or s.next_deadline < ON for s in others)
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdesk",
            "deadlines",
            "--on",
            ON.isoformat(),
            "--days",
            "7",
            "--data-dir",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    first = cli.stdout.splitlines()[0]
    assert first.startswith("已逾期") and "续签最晚安全提交日" in first  # the label, never the code


@pytest.mark.parametrize("name", [n for n, _ in _variants()])
def test_a_stored_status_holds_until_its_day(name):
    """The status, urgency and deadlines on every day before `holds_until` equal the stored ones."""
    ps, cal = policies(), work_calendar()
    profile = dict(_variants())[name]
    day, end = ON, ON + timedelta(days=240)
    while day < end:
        first = compute_status(profile, day, ps, cal)
        until = first.holds_until
        assert until is not None and day < until <= day + timedelta(days=31)
        probe = day + timedelta(days=1)
        while probe < until:
            again = compute_status(profile, probe, ps, cal)
            assert (again.status, again.urgency, again.next_deadline, again.deadlines) == (
                first.status,
                first.urgency,
                first.next_deadline,
                first.deadlines,
            ), (name, day, probe)
            probe += timedelta(days=1)
        day = until


def test_a_save_during_the_bulk_refresh_succeeds(tmp_path: Path):
    profile = load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    with Desk.open(tmp_path / "data", clock=FixedClock.on(ON)) as desk:
        with desk.uow.session() as s:
            base = profile.employee.id_number
            ids = [desk.employees.add_profile(_fresh_id(profile, n, base), session=s) for n in range(150)]
        errors: list[BaseException] = []

        def refresh() -> None:
            try:
                desk.employees.refresh_statuses(ON, batch=20)
            except BaseException as exc:  # the test reports it
                errors.append(exc)

        worker = threading.Thread(target=refresh)
        worker.start()
        saves = 0
        while worker.is_alive() or saves == 0:
            p = desk.employees.profile(ids[saves % len(ids)])
            p.employee.name = f"改名{saves}"
            desk.employees.update_profile(ids[saves % len(ids)], p)
            saves += 1
        worker.join()
        assert not errors and saves >= 1
        assert desk.employees.profile(ids[(saves - 1) % len(ids)]).employee.name == f"改名{saves - 1}"
        assert desk.employees.stale_status_ids(ON) == []


def test_a_big_refresh_on_worker_processes_stores_the_same(tmp_path: Path, monkeypatch):
    from hrdesk.employees import service as employees

    with Desk.open(tmp_path / "data", clock=FixedClock.on(ON)) as desk:
        with desk.uow.session() as s:
            for n, (_name, profile) in enumerate(_variants()):
                desk.employees.add_profile(_fresh_id(profile, n), session=s)
        ids = desk.employees.employee_ids()
        in_thread = desk.employees.compute_statuses(ids, ON)
        monkeypatch.setattr(employees, "PROCESS_POOL_FROM", 2)
        desk.employees.refresh_statuses(ON)
        stored = {}
        for d in stored_deadlines(desk):
            stored.setdefault(d.employee_id, set()).add(_key(d))
        assert stored == {
            eid: {_key(d) for d in st.deadlines} for eid, st in in_thread.items() if st.deadlines
        }
        assert {s.id: s.status for s in desk.employees.summaries()} == {
            eid: st.status for eid, st in in_thread.items()
        }
