"""Every deadline of the stored employees, for the calendar, the tray, `hrdesk deadlines` and the .ics.

There is one implementation of deadlines: the rules engine's check. The status refresh
(`EmployeesMixin.refresh_statuses`) stores each employee's check deadlines in `deadline_item`; this module
reads them back with one query, so the calendar, the tray, the CLI and the detail tab all show the same
dates (a deadline computed here a second way would drift, as it once did). A deadline's `key` is stable
across runs (employee, code, material): calendar exports update events instead of duplicating them, and
reminder state survives restarts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from ..rules.engine import Messages
from ..store import models as m
from ..store.bulk_reads import fetch_in_parts, gc_paused
from .items import ACTION_CODES, KINDS, DeadlineItem

__all__ = ["ACTION_CODES", "KINDS", "DeadlineItem", "stored_deadlines", "upcoming_rows"]

_MESSAGES: dict[tuple[int, str], Messages] = {}


def _messages(catalogue: dict[str, Any], lang: str) -> Messages:
    key = (id(catalogue), lang)
    if key not in _MESSAGES:
        _MESSAGES[key] = Messages(catalogue, lang)
    return _MESSAGES[key]


def stored_deadlines(desk: Any, lang: str = "zh", ids: list[int] | None = None) -> list[DeadlineItem]:
    """The stored deadlines of every employee (or of `ids`), oldest first, with one query."""
    from ..checks.check import policies

    ps = policies(desk.data_dir)
    text = _messages(ps.messages, lang)
    names = {kind: info.name(lang) for kind, info in ps.materials.items()}
    d, e, u = m.DeadlineItem.__table__, m.Employee.__table__, m.Employer.__table__
    stmt = (
        select(d.c.employee_id, e.c.name, u.c.name, u.c.district, d.c.code, d.c.day, d.c.material, d.c.params)
        .join(e, e.c.id == d.c.employee_id)
        .join(u, u.c.id == e.c.employer_id)
        .order_by(d.c.day, e.c.name, d.c.code)
    )
    if ids is not None:
        stmt = stmt.where(d.c.employee_id.in_(ids))
    with desk.uow.read_engine.connect() as conn:
        rows = fetch_in_parts(conn, stmt)
    with gc_paused(freeze=ids is None):
        return [
            DeadlineItem(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                text,
                r[6],
                tuple({**(r[7] or {}), **({"name": names.get(r[6], r[6])} if r[6] else {})}.items()),
            )
            for r in rows
        ]


def upcoming_rows(desk: Any, days: int = 90, today: date | None = None) -> list[tuple[int, str, date, str]]:
    """(employee id, code, date, text) for the next `days` days and every overdue duty, for the roster export."""
    today = today or desk.clock.today()
    return [
        (d.employee_id, d.code, d.date, d.message)
        for d in stored_deadlines(desk)
        if (d.date - today).days <= days and (d.date >= today or d.overdue(today))
    ]
