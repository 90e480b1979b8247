"""What a roster import needs from the database beyond the records service's one-at-a-time methods:
employees by ID number, the units by credit code and name, ID numbers stored more than once, the
unique index on the ID number, and new employees written a batch at a time.

`insert_profiles` writes exactly what `Records.add_profile` writes for a roster row (the same
`apply_employee` conversion, income and permit rows, the unit's agent rows a profile JSON names, an
audit entry with field names only) with one bulk insert per table (`store.bulk_writes`: the driver's
executemany, PostgreSQL's COPY) instead of one statement per row: 50,000 rows through `add_profile`
take minutes, this takes seconds. The new people's list statuses are computed from the rows written and
stored with them when the caller gives the day (an import: the window's first start has nothing left to
compute); otherwise `status_on` stays empty and the app's refresh (`stale_status_ids`) picks them up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, func, select, text

from ..rules.profile import Profile
from ..store import models as m
from ..store.bulk_reads import Income
from ..store.bulk_writes import insert_rows, new_ids
from ..store.convert import apply_employee, sync_agents, to_profile, unit_history_to_json

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..desks.desk import Desk

UNIQUE_INDEX = "ux_employee_id_number"
_CHUNK = 900  # SQLite's default limit on bound parameters is 999


@dataclass(frozen=True)
class StoredUnit:
    id: int
    name: str
    credit_code: str
    district: str


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def employees_by_id_number(engine: Engine, numbers: Iterable[str]) -> dict[str, list[int]]:
    """{ID number: employee ids} for the numbers given (more than one id = a duplicate to merge)."""
    found: dict[str, list[int]] = defaultdict(list)
    table = m.Employee.__table__
    with engine.connect() as conn:
        for chunk in _chunks(sorted(set(numbers))):
            for employee_id, number in conn.execute(
                select(table.c.id, table.c.id_number).where(table.c.id_number.in_(chunk))
            ):
                found[number].append(employee_id)
    return dict(found)


def employee_units(engine: Engine, employee_ids: list[int]) -> dict[int, int]:
    table = m.Employee.__table__
    out: dict[int, int] = {}
    with engine.connect() as conn:
        for chunk in _chunks(employee_ids):
            out.update(
                conn.execute(select(table.c.id, table.c.employer_id).where(table.c.id.in_(chunk))).all()
            )
    return out


def employee_heads(engine: Engine, employee_ids: list[int]) -> dict[int, tuple[int, int]]:
    """{employee id: (unit id, version)}: read before the profiles an import compares, so that a save
    by anyone after this read shows as a newer version when the import is applied."""
    table = m.Employee.__table__
    out: dict[int, tuple[int, int]] = {}
    with engine.connect() as conn:
        for chunk in _chunks(sorted(set(employee_ids))):
            for employee_id, unit_id, version in conn.execute(
                select(table.c.id, table.c.employer_id, table.c.version).where(table.c.id.in_(chunk))
            ):
                out[employee_id] = (unit_id, version)
    return out


def stored_units(engine: Engine) -> list[StoredUnit]:
    table = m.Employer.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.id, table.c.name, table.c.credit_code, table.c.district)).all()
    return [StoredUnit(r.id, r.name, r.credit_code or "", r.district) for r in rows]


def duplicate_id_numbers(engine: Engine) -> list[str]:
    """ID numbers held by more than one employee (left from before the unique constraint): for the
    user to merge. Never logged."""
    table = m.Employee.__table__
    stmt = (
        select(table.c.id_number)
        .where(table.c.id_number != "")
        .group_by(table.c.id_number)
        .having(func.count() > 1)
    )
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(stmt)]


def ensure_unique_index(engine: Engine) -> bool:
    """Create the unique index on the ID number once no duplicates are left (migration 0004 skips it
    when a database holds duplicates). True when the constraint is in force."""
    if duplicate_id_numbers(engine):
        return False
    with engine.begin() as conn:
        conn.execute(
            text(
                f"CREATE UNIQUE INDEX IF NOT EXISTS {UNIQUE_INDEX} ON employee (id_number) WHERE id_number <> ''"
            )
        )
    return True


@cache
def _employee_defaults() -> dict[str, Any]:
    """The column defaults of a new employee row (status unknown, no cached deadline)."""
    return m.Employee(employer_id=0, name="", id_number="").model_dump(exclude={"id", "updated_at"})


def insert_profiles(
    desk: Desk,
    session: Session,
    profiles: list[Profile],
    unit_ids: list[int],
    base_dir: Path | None = None,
    statuses_on: date | None = None,
) -> list[int]:
    """New employees (with their income, permit, children and, from profile JSON, materials) in the
    caller's transaction, one bulk insert per table; returns their ids in the order given. Material
    files are copied into the vault when `base_dir` is given and the file exists, as `add_profile`
    does. `statuses_on`: their list status and deadlines on that day are stored with them
    (`_new_statuses`), so no refresh is left to do; otherwise they are left for the app's refresh."""
    if not profiles:
        return []
    defaults = _employee_defaults()
    now = desk.uow.now_utc()  # the desk's clock: when these rows were written
    employee_rows = []
    for profile, unit_id in zip(profiles, unit_ids, strict=True):
        # apply_employee (the one profile → row conversion) onto a plain object: building 50,000
        # SQLModel instances costs more than the whole insert.
        facts = SimpleNamespace()
        apply_employee(facts, profile.employee)
        employee_rows.append({**defaults, **vars(facts), "employer_id": unit_id, "updated_at": now})
    conn = session.connection()
    ids = new_ids(conn, m.Employee.__table__, len(employee_rows))
    for row, employee_id in zip(employee_rows, ids, strict=True):
        row["id"] = employee_id
    incomes, permits, audits, children, materials = [], [], [], [], []
    for employee_id, profile in zip(ids, profiles, strict=True):
        e = profile.employee
        children += [
            {
                "employee_id": employee_id,
                "name": c.name,
                "birth_date": c.birth_date,
                "hukou": c.hukou,
                "accompany": c.accompany,
                "parents": c.parents,
            }
            for c in e.children
        ]
        for mat in profile.materials:
            materials.append(_material_row(desk, employee_id, mat, base_dir, now))
        incomes += [
            {"employee_id": employee_id, "kind": "monthly", "period": p, "amount_cny": a}
            for p, a in e.monthly_income_cny.items()
        ]
        incomes += [
            {"employee_id": employee_id, "kind": "annual", "period": p, "amount_cny": a}
            for p, a in e.annual_income_cny.items()
        ]
        if e.permit is not None:
            permits.append(
                {
                    "employee_id": employee_id,
                    "number": e.permit.number,
                    "issued_on": e.permit.issued_on,
                    "expires_on": e.permit.expires_on,
                    "status": e.permit.status,
                    "unit_history": unit_history_to_json(e.permit),
                }
            )
        audits.append(
            {
                "at": now,
                "actor": desk.uow.actor,
                "action": "create",
                "entity": "employee",
                "entity_id": employee_id,
                "fields": "*",
            }
        )
    # The agents a profile JSON names for its unit become the unit's agent rows, as in add_profile.
    for profile, unit_id in zip(profiles, unit_ids, strict=True):
        for action, agent_id in sync_agents(session, unit_id, profile.employer.agents):
            audits.append(
                {
                    "at": now,
                    "actor": desk.uow.actor,
                    "action": action,
                    "entity": "agent",
                    "entity_id": agent_id,
                    "fields": "*",
                }
            )
    if materials:
        from ..store.vault import store_pending_contents

        # The scans' contents go into the database with the rows that name them (other desks fetch them).
        store_pending_contents(session.connection(), {r["sha256"] for r in materials if r["sha256"]})
    deadlines: list[dict[str, Any]] = []
    if statuses_on is not None:
        session.flush()  # the agents just synced are part of the unit the check reads
        rows = _Rows(employee_rows, children, permits, incomes, materials)
        deadlines = _new_statuses(desk, conn, rows, statuses_on)
    for model, rows in (
        (m.Employee, employee_rows),
        (m.IncomeRecord, incomes),
        (m.Permit, permits),
        (m.Child, children),
        (m.Material, materials),
        (m.AuditEntry, audits),
        (m.DeadlineItem, deadlines),
    ):
        insert_rows(conn, model.__table__, rows)
    return ids


@dataclass
class _Rows:
    """The rows about to be written for a batch of new people, table by table."""

    employees: list[dict[str, Any]]
    children: list[dict[str, Any]]
    permits: list[dict[str, Any]]
    incomes: list[dict[str, Any]]
    materials: list[dict[str, Any]]


def _new_statuses(desk: Desk, conn: Connection, rows: _Rows, on: date) -> list[dict[str, Any]]:
    """Each new person's list status on `on`, set on their employee row, and their deadline rows.

    Computed from the very rows about to be written (and the unit and its agents as stored), through
    the conversion every stored profile goes through (`to_profile`) and the one status computation
    (`compute_status`): what a refresh would compute after reading them back, without reading 40
    income months a person back from the database. A new person has no applications yet."""
    from ..checks.check import policies, work_calendar
    from ..employees.status import compute_status
    from ..employees.status_store import deadline_rows, status_columns

    ps, cal = policies(desk.data_dir), work_calendar(desk.data_dir)
    by_person: dict[str, dict[int, list[Any]]] = {
        name: defaultdict(list) for name in ("children", "permits", "incomes", "materials")
    }
    for name in ("children", "permits", "materials"):
        for row in getattr(rows, name):
            by_person[name][row["employee_id"]].append(SimpleNamespace(deleted_at=None, **row))
    for row in rows.incomes:  # forty a person: a light row, as the profile reader makes them
        by_person["incomes"][row["employee_id"]].append(Income(row["kind"], row["period"], row["amount_cny"]))
    unit_ids = {r["employer_id"] for r in rows.employees}
    units, agents = _units_as_stored(conn, unit_ids)
    deadlines = []
    for row in rows.employees:
        eid = row["id"]
        profile = to_profile(
            units[row["employer_id"]],
            SimpleNamespace(**row),
            by_person["children"][eid],
            next(iter(by_person["permits"][eid]), None),
            by_person["incomes"][eid],
            sorted(by_person["materials"][eid], key=lambda x: x.kind),  # position 0, ids in order
            agents[row["employer_id"]],
        )
        st = compute_status(profile, on, ps, cal)
        row.update(status_columns(st, on))
        deadlines += deadline_rows(eid, st)
    return deadlines


def _units_as_stored(conn: Connection, unit_ids: set[int]) -> tuple[dict[int, Any], dict[int, list[Any]]]:
    """The units' rows and their agent rows, as a stored profile reads them."""
    u, a = m.Employer.__table__, m.Agent.__table__
    units = {r.id: r for r in conn.execute(select(u).where(u.c.id.in_(unit_ids)))}
    agents: dict[int, list[Any]] = defaultdict(list)
    for r in conn.execute(select(a).where(a.c.employer_id.in_(unit_ids), a.c.active.is_(True))):
        agents[r.employer_id].append(r)
    return units, agents


def _material_row(desk: Desk, employee_id: int, mat: Any, base_dir: Path | None, now: Any) -> dict[str, Any]:
    from ..materials.paths import material_file_in

    stored = None
    if mat.file and base_dir is not None:
        path = material_file_in(base_dir, mat.file)  # inside the profile's folder only
        if path.exists():
            stored = desk.uow.vault.add_file(path)
    return {
        "employee_id": employee_id,
        "employer_id": None,
        "kind": mat.kind,
        "sha256": stored.sha256 if stored else None,
        "original_name": Path(mat.file).name if mat.file else "",
        "pages": stored.pages if stored else mat.pages,
        "size_bytes": stored.size_bytes if stored else None,
        "issued_on": mat.issued_on,
        "valid_until": mat.valid_until,
        "verified_by": None,
        "verified_at": None,
        "defects": list(mat.defects) or None,
        "position": 0,
        "added_at": now,
    }
