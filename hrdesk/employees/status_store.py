"""The cached list status written back, but only over what it was computed from.

A refresh reads each employee's version and how many changes the change log holds for them before it
reads the profile, computes, and stores later — on the window, while the user saves. Any save of the
person in between (their form moves the version; a material, an application or a child is a logged
change of that person) makes the refresh's status older than what is stored: it is dropped, never
written over the saved one, and the save stored its own. The rows are locked while they are compared
and written (PostgreSQL; SQLite's write transaction holds the whole database).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update

from ..store import models as m
from .status import Status

Basis = tuple[int, int]  # (version, changes logged for the person) as read


@dataclass(frozen=True)
class Computed:
    """Statuses of a batch on `on`, and what each was computed from."""

    on: date
    statuses: dict[int, Status]
    basis: dict[int, Basis]


def read_basis(conn: Connection, ids: list[int], lock: bool = False) -> dict[int, Basis]:
    """Each employee's version and number of logged changes: read before their profile, so a save
    after this read shows when the status is stored. `lock`: the rows stay locked until the caller's
    transaction ends (PostgreSQL)."""
    e, log = m.Employee.__table__, m.ChangeLogEntry.__table__
    query = select(e.c.id, e.c.version).where(e.c.id.in_(ids))
    versions = conn.execute(query.with_for_update() if lock else query).all()
    changes = dict(
        conn.execute(
            select(log.c.employee_id, func.count())
            .where(log.c.employee_id.in_(ids))
            .group_by(log.c.employee_id)
        ).all()
    )
    return {eid: (version, changes.get(eid, 0)) for eid, version in versions}


def store(engine: Engine, computed: Computed) -> tuple[int, int]:
    """Write the statuses and deadlines of `computed` where the employee is still as read; returns (how
    many statuses changed, how many were dropped because the person changed since)."""
    statuses = computed.statuses
    if not statuses:
        return 0, 0
    e, d = m.Employee.__table__, m.DeadlineItem.__table__
    with engine.begin() as conn:
        now = read_basis(
            conn, list(statuses), lock=True
        )  # locks the rows (PostgreSQL) until the write is done
        current = {
            eid: st for eid, st in statuses.items() if eid in now and computed.basis.get(eid) == now[eid]
        }
        dropped = len(statuses) - len(current)
        if not current:
            return 0, dropped
        before = {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                select(e.c.id, e.c.status, e.c.next_deadline, e.c.status_business, e.c.urgency).where(
                    e.c.id.in_(list(current))
                )
            )
        }
        changed = sum(
            1
            for eid, st in current.items()
            if before.get(eid) != (st.status, st.next_deadline, st.business, st.urgency)
        )
        # One statement for the batch (executemany): a statement built per employee cost more than the
        # rules check itself.
        conn.execute(
            update(e)
            .where(e.c.id == bindparam("eid"))
            .values(**{column: bindparam(f"new_{column}") for column in STATUS_COLUMNS}),
            [
                {"eid": eid, **{f"new_{k}": v for k, v in status_columns(st, computed.on).items()}}
                for eid, st in current.items()
            ],
        )
        conn.execute(delete(d).where(d.c.employee_id.in_(list(current))))
        deadlines = [row for eid, st in current.items() for row in deadline_rows(eid, st)]
        if deadlines:
            conn.execute(insert(d), deadlines)
    return changed, dropped


STATUS_COLUMNS = (
    "status",
    "status_business",
    "next_deadline",
    "next_deadline_code",
    "urgency",
    "status_on",
    "status_until",
)


def status_columns(st: Status, on: date) -> dict[str, Any]:
    """An employee row's cached status columns from a computed status: one mapping for the refresh and
    for an import that stores its new people with their statuses."""
    return {
        "status": st.status,
        "status_business": st.business,
        "next_deadline": st.next_deadline,
        "next_deadline_code": st.next_deadline_code,
        "urgency": st.urgency,
        "status_on": on,
        "status_until": st.holds_until,
    }


def deadline_rows(eid: int, st: Status) -> list[dict[str, Any]]:
    """The stored deadline rows of one employee's computed status."""
    return [
        {"employee_id": eid, "code": x.code, "day": x.date, "material": x.material, "params": x.params}
        for x in st.deadlines
    ]
