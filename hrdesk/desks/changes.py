"""What other desks changed: the window polls `changes_since(records, counter)` (a few milliseconds, one
indexed query) and reloads the employees it names, so a shared database needs no restart.

The change log is filled by database triggers (migration 0006) on every write to the tables a desk
shows, whoever wrote: this desk, another desk, an import, a restore. A unit's change names every
employee of that unit; a change to wage figures, holidays or policy settings, a restore, or a counter
that no longer fits the log (the log was pruned or restored) names every employee.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select

from ..store import models as m

EVERYONE_ENTITIES = ("wage_figure", "holiday_day", "policy_setting", "restore")
KEEP_ENTRIES = 200_000


def current_counter(desk: Any) -> int:
    """Where the log stands now: a desk starts polling from here after its first full load."""
    log = m.ChangeLogEntry.__table__
    with desk.uow.read_engine.connect() as conn:
        return int(conn.execute(select(func.max(log.c.id))).scalar() or 0)


def changes_since(desk: Any, counter: int) -> tuple[int, list[int]]:
    """(the new counter, ids of the employees changed after `counter`, sorted). Deleted employees are
    named too: the window finds them gone when it reloads."""
    log, emp = m.ChangeLogEntry.__table__, m.Employee.__table__
    with desk.uow.read_engine.connect() as conn:
        newest = int(conn.execute(select(func.max(log.c.id))).scalar() or 0)
        if newest == counter:
            return counter, []
        oldest = int(conn.execute(select(func.min(log.c.id))).scalar() or 0)
        everyone = newest < counter or (counter and oldest > counter + 1)
        rows = conn.execute(
            select(log.c.entity, log.c.employee_id, log.c.employer_id).where(
                log.c.id > counter, log.c.id <= newest
            )
        ).all()
        ids: set[int] = set()
        units: set[int] = set()
        for entity, employee_id, employer_id in rows:
            if entity in EVERYONE_ENTITIES:
                everyone = True
                break
            if employee_id is not None:
                ids.add(employee_id)
            elif employer_id is not None and entity in ("employer", "agent", "material"):
                units.add(employer_id)
        if everyone:
            ids = set(conn.execute(select(emp.c.id)).scalars())
        elif units:
            ids |= set(conn.execute(select(emp.c.id).where(emp.c.employer_id.in_(units))).scalars())
    return newest, sorted(ids)


def prune_changes(desk: Any, keep: int = KEEP_ENTRIES) -> int:
    """Drop all but the newest `keep` entries (a desk whose counter falls before them reloads all)."""
    log = m.ChangeLogEntry.__table__
    with desk.uow.engine.begin() as conn:
        newest = int(conn.execute(select(func.max(log.c.id))).scalar() or 0)
        return conn.execute(delete(log).where(log.c.id <= newest - keep)).rowcount or 0
