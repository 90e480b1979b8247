"""Taking back a destructive action (Ctrl+Z in the window): deleting an employee, a status change.

The write that destroys also returns what is needed to put it back, so undo needs no second read of
something already gone. Snapshots are plain data (the profile dataclasses and column dicts), held in
memory by the window for the session; they never reach a log.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import select

from ..rules.profile import Profile
from ..store import models as m


@dataclass
class EmployeeSnapshot:
    profile: Profile
    employer_id: int
    materials: list[dict[str, Any]] = field(default_factory=list)
    applications: list[tuple[dict[str, Any], list[dict[str, Any]]]] = field(default_factory=list)


def _columns(row: Any) -> dict[str, Any]:
    return {k: getattr(row, k) for k in type(row).model_fields if k not in ("id", "employee_id")}


def delete_with_snapshot(records: Any, employee_id: int) -> EmployeeSnapshot:
    """Delete an employee (the records service's delete) and return what undo needs."""
    profile = records.profile(employee_id)
    with records.session() as s:
        employer_id = s.get(m.Employee, employee_id).employer_id
        materials = [
            _columns(x)
            for x in s.exec(
                select(m.Material).where(
                    m.Material.employee_id == employee_id, m.Material.deleted_at.is_(None)
                )
            )
        ]
        applications = []
        for app in s.exec(select(m.Application).where(m.Application.employee_id == employee_id)):
            events = s.exec(select(m.ApplicationEvent).where(m.ApplicationEvent.application_id == app.id))
            applications.append(
                (
                    _columns(app),
                    [{k: v for k, v in _columns(e).items() if k != "application_id"} for e in events],
                )
            )
    records.delete_employee(employee_id)
    return EmployeeSnapshot(profile, employer_id, materials, applications)


def restore_snapshot(records: Any, snapshot: EmployeeSnapshot) -> int:
    """Put a deleted employee back with their facts, materials (the vault keeps the files) and
    business history; returns the new id."""
    profile = copy.deepcopy(snapshot.profile)
    profile.materials = []
    new_id = records.add_profile(profile)
    records.update_profile(new_id, profile, employer_id=snapshot.employer_id)
    with records.session() as s:
        for columns in snapshot.materials:
            s.add(m.Material(employee_id=new_id, **columns))
        for app_columns, events in snapshot.applications:
            app = m.Application(employee_id=new_id, **app_columns)
            s.add(app)
            s.flush()
            for event in events:
                s.add(m.ApplicationEvent(application_id=app.id, **event))
    records.refresh_statuses(ids=[new_id])
    return new_id


@dataclass(frozen=True)
class StatusSnapshot:
    employee_id: int
    application_id: int
    previous_status: str
    event_id: int | None  # the history entry the change added


def set_status_with_snapshot(
    records: Any, employee_id: int, application_id: int, status: str, note: str = ""
) -> StatusSnapshot:
    """A business status change (the records service's) that can be taken back."""
    with records.session() as s:
        previous = s.get(m.Application, application_id).status
    records.set_application_status(application_id, status, note=note)
    with records.session() as s:
        last = s.exec(
            select(m.ApplicationEvent.id)
            .where(m.ApplicationEvent.application_id == application_id)
            .order_by(m.ApplicationEvent.id.desc())
        ).first()
    return StatusSnapshot(employee_id, application_id, previous, last)


def undo_status(records: Any, snapshot: StatusSnapshot) -> int:
    """The business goes back to its previous status and the added history entry is removed."""
    with records.session() as s:
        app = s.get(m.Application, snapshot.application_id)
        if app is not None:
            app.status = snapshot.previous_status
            s.add(app)
        if snapshot.event_id is not None:
            event = s.get(m.ApplicationEvent, snapshot.event_id)
            if event is not None:
                s.delete(event)
        records._audit(s, "undo-status", "application", snapshot.application_id, [snapshot.previous_status])
    records.refresh_statuses(ids=[snapshot.employee_id])
    return snapshot.employee_id
