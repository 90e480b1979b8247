"""Taking back a destructive action (Ctrl+Z in the window): deleting an employee, a status change.

The write that destroys also returns what is needed to put it back, so undo needs no second read of
something already gone. Snapshots are plain data (the profile dataclasses and column dicts), held in
memory by the window for the session; they never reach a log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import select

from ..store import models as m


@dataclass(frozen=True)
class EmployeeSnapshot:
    """A deleted employee waits in the trash (回收站) with their materials and business history;
    undo takes that entry back (one implementation of restoring, shared with the trash view)."""

    trash_id: int


def delete_with_snapshot(desk: Any, employee_id: int) -> EmployeeSnapshot:
    """Delete an employee (the records service's soft delete) and return what undo needs."""
    trash_id = desk.employees.delete_employee(employee_id)
    if trash_id is None:
        raise KeyError(f"employee {employee_id} not found")
    return EmployeeSnapshot(trash_id)


def restore_snapshot(desk: Any, snapshot: EmployeeSnapshot) -> int:
    """Put a deleted employee back from the trash; returns the new id."""
    return desk.trash.restore_employee(snapshot.trash_id)


@dataclass(frozen=True)
class StatusSnapshot:
    employee_id: int
    application_id: int
    previous_status: str
    event_id: int | None  # the history entry the change added


def set_status_with_snapshot(
    desk: Any,
    employee_id: int,
    application_id: int,
    status: str,
    note: str = "",
    expected_version: int | None = None,
) -> StatusSnapshot:
    """A business status change (the records service's) that can be taken back. `expected_version`:
    the application as shown; another desk's change since raises StaleVersion."""
    with desk.uow.session() as s:
        previous = s.get(m.Application, application_id).status
    desk.applications.set_application_status(
        application_id, status, note=note, expected_version=expected_version
    )
    with desk.uow.session() as s:
        last = s.exec(
            select(m.ApplicationEvent.id)
            .where(m.ApplicationEvent.application_id == application_id)
            .order_by(m.ApplicationEvent.id.desc())
        ).first()
    return StatusSnapshot(employee_id, application_id, previous, last)


def undo_status(desk: Any, snapshot: StatusSnapshot) -> int:
    """The business goes back to its previous status and the added history entry is removed."""
    with desk.uow.session() as s:
        app = s.get(m.Application, snapshot.application_id)
        if app is not None:
            app.status = snapshot.previous_status
            s.add(app)
        if snapshot.event_id is not None:
            event = s.get(m.ApplicationEvent, snapshot.event_id)
            if event is not None:
                s.delete(event)
        desk.uow.audit(s, "undo-status", "application", snapshot.application_id, [snapshot.previous_status])
    desk.employees.refresh_statuses(ids=[snapshot.employee_id])
    return snapshot.employee_id
