"""A status refresh and the user's saves, interleaved: the refresh reads people, computes, and stores
later; whatever a person saved in between is what stays stored. And an import stores its new people's
statuses with them, the same as a refresh computes, on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from hrdesk.checks.check import load_profile_file
from hrdesk.clock import FixedClock
from hrdesk.deadlines.stored import stored_deadlines
from hrdesk.desks.desk import Desk
from hrdesk.rosters.importing import import_file
from hrdesk.store.convert import profile_to_json

from .test_deadline_paths import ON, ROOT, _fresh_id, _variants


def _status(desk: Desk, employee_id: int) -> tuple:
    (row,) = desk.employees.summaries([employee_id], searchable=False)
    return row.status, row.next_deadline, row.next_deadline_code, row.urgency


def _two(desk: Desk) -> tuple[int, int]:
    renewal = load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    ready = load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    return desk.employees.add_profile(renewal), desk.employees.add_profile(ready)


def test_a_status_computed_before_a_save_is_not_stored_over_it(data_dir: Path, database_url):
    with Desk.open(data_dir, database_url, clock=FixedClock.on(ON)) as desk:
        a, b = _two(desk)
        computed = desk.employees.compute_batch([a, b], ON)  # the refresh has read both people
        saved = desk.employees.profile(a)
        saved.employee.permit = replace(saved.employee.permit, status="suspended")
        desk.employees.update_profile(a, saved)  # the user's save, with its own status
        after_save = _status(desk, a)
        assert after_save[0] == "suspended" and computed.statuses[a].status != "suspended"
        desk.employees.store_statuses(computed)  # the refresh stores what it computed before
        assert _status(desk, a) == after_save
        other = computed.statuses[b]
        assert _status(desk, b) == (
            other.status,
            other.next_deadline,
            other.next_deadline_code,
            other.urgency,
        )


def test_a_material_saved_during_a_refresh_keeps_its_status(data_dir: Path, database_url):
    """A material's save moves the material's version, not the person's: the status it stored is
    newer than the refresh's all the same."""
    with Desk.open(data_dir, database_url, clock=FixedClock.on(ON)) as desk:
        a, _b = _two(desk)
        desk.employees.refresh_statuses(ON, ids=[a])
        # The next day's refresh reads the person; meanwhile the user attaches a scan.
        next_day = date.fromordinal(ON.toordinal() + 1)
        computed = desk.employees.compute_batch([a], next_day)
        before = {m.id for m in desk.materials.materials(a)}
        desk.materials.attach(a, "photo", ROOT / "examples" / "photo.pdf")
        assert {m.id for m in desk.materials.materials(a)} != before
        stamp = desk.employees.employee(a).status_on
        desk.employees.store_statuses(computed)
        assert desk.employees.employee(a).status_on == stamp  # the save's status stays, not the next day's


def _roster_json(path: Path) -> Path:
    profiles = []
    for n, (_name, profile) in enumerate(_variants()):
        data = profile_to_json(_fresh_id(profile, n))
        data["materials"] = [m for m in data["materials"] if "file" not in m]  # facts, no scans
        profiles.append(data)
    path.write_text(json.dumps({"profiles": profiles}, ensure_ascii=False), encoding="utf-8")
    return path


def _stored_rows(desk: Desk) -> dict:
    ids = desk.employees.employee_ids()
    employees = {
        e.id_number: (e.name, e.status, e.status_business, e.next_deadline, e.next_deadline_code, e.urgency)
        + (e.status_on, e.status_until, e.version)
        for e in (desk.employees.employee(i) for i in ids)
    }
    profiles = {p.employee.id_number: p for p in desk.employees.profiles(ids).values()}
    numbers = {i: desk.employees.employee(i).id_number for i in ids}
    deadlines = sorted((numbers[d.employee_id], d.code, d.date, d.material) for d in stored_deadlines(desk))
    return {"employees": employees, "profiles": profiles, "deadlines": deadlines}


def test_an_import_stores_the_same_rows_and_statuses_on_sqlite_and_postgresql(
    tmp_path: Path, postgres_server: str
):
    from tests.conftest import drop_postgres_schema, fresh_postgres_schema

    roster = _roster_json(tmp_path / "people.json")
    schema, url = fresh_postgres_schema(postgres_server)
    try:
        stored = []
        for folder, database in ((tmp_path / "sqlite", None), (tmp_path / "pg", url)):
            with Desk.open(folder, database, clock=FixedClock.on(ON)) as desk:
                result = import_file(desk, roster)
                assert len(result.new_ids) == len(_variants()) and not result.conflicts
                # Nothing is left for the window's first start: the statuses went in with the people.
                assert desk.employees.stale_status_ids(ON) == []
                rows = _stored_rows(desk)
                # What was stored is what a refresh computes from the stored people.
                ids = desk.employees.employee_ids()
                fresh = desk.employees.compute_statuses(ids, ON)
                assert {
                    desk.employees.employee(i).id_number: desk.employees.employee(i).status for i in ids
                } == {desk.employees.employee(i).id_number: st.status for i, st in fresh.items()}
                stored.append(rows)
        sqlite, postgresql = stored
        assert sqlite["employees"] == postgresql["employees"]
        assert sqlite["profiles"] == postgresql["profiles"]
        assert sqlite["deadlines"] == postgresql["deadlines"] and sqlite["deadlines"]
        assert len({row[1] for row in sqlite["employees"].values()}) > 2  # several statuses, not one
    finally:
        drop_postgres_schema(postgres_server, schema)
