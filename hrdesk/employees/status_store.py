"""The cached list status written back, but only over what it was computed from.

A refresh reads each employee's version and status stamp (the day it was computed and the day it holds
until) before it reads the profile, computes, and stores later — on the window, while the user saves.
A save in between moves the version on (a material's write stamps a fresh status of its own), so the
refresh's status for that person is older than what is stored: it is dropped, never written over the
saved one. The rows are locked while they are compared and written (PostgreSQL; SQLite has one writer
per data folder), so no save lands between the comparison and the write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from ..store import models as m
from .status import Status

Basis = tuple[int, date | None, date | None]  # (version, status_on, status_until) as read


@dataclass(frozen=True)
class Computed:
    """Statuses of a batch on `on`, and what each was computed from."""

    on: date
    statuses: dict[int, Status]
    basis: dict[int, Basis]


def read_basis(conn: Connection, ids: list[int]) -> dict[int, Basis]:
    """Each employee's version and status stamp: read before their profile, so a save after this read
    shows as a newer version when the status is stored."""
    e = m.Employee.__table__
    rows = conn.execute(select(e.c.id, e.c.version, e.c.status_on, e.c.status_until).where(e.c.id.in_(ids)))
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def store(engine: Engine, computed: Computed) -> tuple[int, int]:
    """Write the statuses and deadlines of `computed` where the employee is still as read; returns (how
    many statuses changed, how many were dropped because the person changed since)."""
    statuses = computed.statuses
    if not statuses:
        return 0, 0
    e, d = m.Employee.__table__, m.DeadlineItem.__table__
    with engine.begin() as conn:
        rows = conn.execute(
            select(
                e.c.id,
                e.c.version,
                e.c.status_on,
                e.c.status_until,
                e.c.status,
                e.c.next_deadline,
                e.c.status_business,
                e.c.urgency,
            )
            .where(e.c.id.in_(list(statuses)))
            .with_for_update()
        ).all()
        current = {r[0]: r for r in rows if computed.basis.get(r[0]) == (r[1], r[2], r[3])}
        dropped = len(statuses) - len(current)
        if not current:
            return 0, dropped
        changed = sum(
            1
            for eid, r in current.items()
            if (r[4], r[5], r[6], r[7])
            != (
                statuses[eid].status,
                statuses[eid].next_deadline,
                statuses[eid].business,
                statuses[eid].urgency,
            )
        )
        # One statement for the batch (executemany): a statement built per employee cost more than the
        # rules check itself.
        conn.execute(
            update(e)
            .where(e.c.id == bindparam("eid"))
            .values(
                status=bindparam("st"),
                status_business=bindparam("business"),
                next_deadline=bindparam("deadline"),
                next_deadline_code=bindparam("code"),
                urgency=bindparam("urgency"),
                status_on=bindparam("on"),
                status_until=bindparam("until"),
            ),
            [_status_values(eid, statuses[eid], computed.on) for eid in current],
        )
        conn.execute(delete(d).where(d.c.employee_id.in_(list(current))))
        deadlines = [
            {"employee_id": eid, "code": x.code, "day": x.date, "material": x.material, "params": x.params}
            for eid in current
            for x in statuses[eid].deadlines
        ]
        if deadlines:
            conn.execute(insert(d), deadlines)
    return changed, dropped


def _status_values(eid: int, st: Status, on: date) -> dict[str, Any]:
    return {
        "eid": eid,
        "st": st.status,
        "business": st.business,
        "deadline": st.next_deadline,
        "code": st.next_deadline_code,
        "urgency": st.urgency,
        "on": on,
        "until": st.holds_until,
    }
