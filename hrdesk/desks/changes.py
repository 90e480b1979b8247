"""What other desks changed: the window polls `changes_since(desk, position)` (a few milliseconds, one
indexed query) and reloads the employees it names, so a shared database needs no restart.

The change log is filled by database triggers (migration 0006) on every write to the tables a desk
shows, whoever wrote: this desk, another desk, an import, a restore. A unit's change names every
employee of that unit; a change to wage figures, holidays or policy settings, a restore, or a position
that no longer fits the log (the log was pruned or restored) names every employee.

Why a position is more than the highest id seen (PostgreSQL). Log ids come from a sequence when the
row is inserted, not when its transaction commits: an import that took id 500 and commits after a save
that took id 501 becomes visible after a reader has already moved past 501. Reading "id > highest seen"
would skip it for good. So each entry also records the transaction that wrote it (`xid`, migration
0009), and a reader takes, with each read, the oldest transaction still running (`xmin` of its
snapshot): every entry it could not see yet belongs to a transaction at or after that xmin. The next
read asks for `id > highest seen OR xid >= that xmin`; entries of that window already reported are
remembered (by id) and not named twice. Nothing is skipped, whatever order transactions commit in, and
the window shrinks as soon as the long transaction ends.

SQLite has one writer at a time: an id is handed out inside the only writing transaction and committed
before the next writer starts, so ids are in commit order and the highest id seen is enough.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, func, or_, select, text

from ..store import models as m

EVERYONE_ENTITIES = ("wage_figure", "holiday_day", "policy_setting", "restore")
KEEP_ENTRIES = 200_000


@dataclass(frozen=True)
class FeedPosition:
    """Where a desk stands in the change log: the highest id read, and on PostgreSQL the oldest
    transaction that was still running at that read (`horizon`) with the ids of its window already
    reported (`seen`)."""

    id: int
    horizon: int | None = None
    seen: frozenset[int] = field(default_factory=frozenset)


def _oldest_running(conn: Connection) -> int | None:
    if conn.dialect.name != "postgresql":
        return None
    return int(conn.execute(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")).scalar())


def current_counter(desk: Any) -> FeedPosition:
    """Where the log stands now. Taken before the window reads its list: a change committed after
    the list's snapshot is then named by the first poll, never lost between the two."""
    log = m.ChangeLogEntry.__table__
    with desk.uow.read_engine.connect() as conn:
        horizon = _oldest_running(conn)  # first: any later snapshot's xmin is at least this
        newest = int(conn.execute(select(func.max(log.c.id))).scalar() or 0)
    return FeedPosition(newest, horizon)


def changes_since(desk: Any, position: FeedPosition | int) -> tuple[FeedPosition, list[int]]:
    """(the new position, ids of the employees changed after `position`, sorted). Deleted employees
    are named too: the window finds them gone when it reloads. Nothing new: the same position."""
    if isinstance(position, int):
        position = FeedPosition(position)
    log, emp = m.ChangeLogEntry.__table__, m.Employee.__table__
    with desk.uow.read_engine.connect() as conn:
        horizon = _oldest_running(conn)  # before the read below: never newer than its snapshot's
        wanted = log.c.id > position.id
        if position.horizon is not None:
            wanted = or_(wanted, log.c.xid >= position.horizon)
        rows = conn.execute(
            select(log.c.id, log.c.entity, log.c.employee_id, log.c.employer_id, log.c.xid).where(wanted)
        ).all()
        fresh = [r for r in rows if r.id not in position.seen]
        if not fresh:
            top = int(conn.execute(select(func.max(log.c.id))).scalar() or 0)
            if top >= position.id:
                return position, []
            # The log starts again below us (a restore): everyone, from where it stands now.
            return FeedPosition(top, horizon), sorted(conn.execute(select(emp.c.id)).scalars())
        oldest = int(conn.execute(select(func.min(log.c.id))).scalar() or 0)
        newest = max(position.id, max(r.id for r in rows))
        everyone = bool(position.id) and oldest > position.id + 1  # pruned or restored past us
        ids: set[int] = set()
        units: set[int] = set()
        for r in fresh:
            if r.entity in EVERYONE_ENTITIES:
                everyone = True
                break
            if r.employee_id is not None:
                ids.add(r.employee_id)
            elif r.employer_id is not None and r.entity in ("employer", "agent", "material"):
                units.add(r.employer_id)
        if everyone:
            ids = set(conn.execute(select(emp.c.id)).scalars())
        elif units:
            ids |= set(conn.execute(select(emp.c.id).where(emp.c.employer_id.in_(units))).scalars())
    seen = (
        frozenset(r.id for r in rows if r.xid is not None and r.xid >= horizon)
        if horizon is not None
        else frozenset()
    )
    return FeedPosition(newest, horizon, seen), sorted(ids)


def server_reachable(desk: Any) -> bool:
    """Does the database answer now (the window's connection banner asks, on a worker)?"""
    from ..store.db import reachable

    return reachable(desk.uow.engine)


def prune_changes(desk: Any, keep: int = KEEP_ENTRIES) -> int:
    """Drop all but the newest `keep` entries (a desk whose position falls before them reloads all)."""
    log = m.ChangeLogEntry.__table__
    with desk.uow.engine.begin() as conn:
        newest = int(conn.execute(select(func.max(log.c.id))).scalar() or 0)
        return conn.execute(delete(log).where(log.c.id <= newest - keep)).rowcount or 0
