"""One employee's case: everything the window shows about one person, built once, off the UI thread.

The panels (profile, verdict, materials, applications, children) only render an `EmployeeCase`; none of
them loads the profile again or runs its own check. Built from a handful of set-based queries — the
profile (one `profiles()` call), the live materials, the applications with their events — and one rules
check for the business asked for. Everything here is a plain, frozen dataclass: the UI never sees an
ORM row and nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..counters import COUNTS
from ..rules.profile import Child, Profile
from ..rules.results import CheckResult, Deadline
from ..store import models as m
from .service import StoredChild
from .status import business_for, unit_review_deadline


@dataclass(frozen=True)
class MaterialFile:
    id: int
    kind: str
    sha256: str | None
    original_name: str
    pages: int | None
    size_bytes: int | None
    issued_on: date | None
    valid_until: date | None
    verified_by: str | None
    verified_at: datetime | None
    defects: tuple[str, ...]
    position: int
    path: Path | None  # the file in the vault, or None when only recorded


@dataclass(frozen=True)
class ApplicationEventView:
    status: str
    on: date
    note: str


@dataclass(frozen=True)
class ApplicationView:
    id: int
    business: str
    status: str
    created_on: date
    events: tuple[ApplicationEventView, ...]
    version: int = 0  # what a status change names (another desk's change since: refused)


@dataclass(frozen=True)
class UnitChoice:
    """A unit as the profile form's unit list needs it (name, credit code, district): read with the
    case on a worker, so saving never asks the database on the UI thread."""

    id: int
    name: str
    credit_code: str
    district: str


@dataclass(frozen=True)
class EmployeeCase:
    employee_id: int
    employer_id: int
    on: date
    business: str  # the business checked (the stored status's business unless the user chose another)
    profile: Profile
    result: CheckResult
    materials: tuple[MaterialFile, ...]
    applications: tuple[ApplicationView, ...]
    deadlines: tuple[Deadline, ...]
    version: int = 0  # the employee's version as loaded (a save against an older one is refused)
    units: tuple[UnitChoice, ...] = ()
    children: tuple[Any, ...] = ()  # StoredChild: what the children panel shows and a removal names

    @property
    def name(self) -> str:
        return self.profile.employee.name


def build_case(
    desk: Any, employee_id: int, on: date, business: str | None = None, lang: str = "zh"
) -> EmployeeCase:
    """Raises KeyError when the employee no longer exists (deleted by another window or desk)."""
    from ..checks.check import policies, work_calendar
    from ..rules.engine import check

    e = m.Employee.__table__
    # The version first, then the profile: a save between the two reads makes the version older
    # than the profile (a needless "another desk changed it"), never newer (a silent overwrite).
    with desk.uow.read_engine.connect() as conn:
        version = conn.execute(select(e.c.version).where(e.c.id == employee_id)).scalar()
    profile = desk.employees.profile(employee_id)
    business = business or business_for(profile, on)
    ps, cal = policies(desk.data_dir), work_calendar(desk.data_dir)
    COUNTS["checks"] += 1
    result = check(profile, business, on, ps, cal, lang)
    mt, at, et = m.Material.__table__, m.Application.__table__, m.ApplicationEvent.__table__
    with desk.uow.read_engine.connect() as conn:
        employer_id = conn.execute(select(e.c.employer_id).where(e.c.id == employee_id)).scalar_one()
        ct = m.Child.__table__
        children = tuple(
            StoredChild(c.id, c.version, Child(c.name, c.birth_date, c.hukou, c.accompany, c.parents))
            for c in conn.execute(select(ct).where(ct.c.employee_id == employee_id).order_by(ct.c.id))
        )
        ut = m.Employer.__table__
        units = tuple(
            UnitChoice(*u)
            for u in conn.execute(
                select(ut.c.id, ut.c.name, ut.c.credit_code, ut.c.district).order_by(ut.c.name)
            ).all()
        )
        rows = conn.execute(
            select(mt)
            .where(mt.c.employee_id == employee_id, mt.c.deleted_at.is_(None))
            .order_by(mt.c.kind, mt.c.position, mt.c.id)
        ).all()
        apps = conn.execute(
            select(at).where(at.c.employee_id == employee_id).order_by(at.c.created_on.desc(), at.c.id.desc())
        ).all()
        events: dict[int, list[ApplicationEventView]] = {a.id: [] for a in apps}
        if apps:
            for ev in conn.execute(
                select(et).where(et.c.application_id.in_(list(events))).order_by(et.c.on, et.c.id)
            ).all():
                events[ev.application_id].append(ApplicationEventView(ev.status, ev.on, ev.note or ""))
    materials = tuple(
        MaterialFile(
            r.id,
            r.kind,
            r.sha256,
            r.original_name,
            r.pages,
            r.size_bytes,
            r.issued_on,
            r.valid_until,
            r.verified_by,
            r.verified_at,
            tuple(r.defects or ()),
            r.position,
            desk.uow.vault.path(r.sha256) if r.sha256 else None,
        )
        for r in rows
    )
    applications = tuple(
        ApplicationView(a.id, a.business, a.status, a.created_on, tuple(events[a.id]), a.version)
        for a in apps
    )
    deadlines = list(result.deadlines)
    review = next((a for a in applications if a.status == "unit-review"), None)
    if review is not None:
        started = max((e.on for e in review.events if e.status == "unit-review"), default=review.created_on)
        due = unit_review_deadline(started, ps, profile.employer.district, cal, lang)
        if due is not None:
            deadlines.append(due)
    deadlines.sort(key=lambda d: (d.date, d.code))
    return EmployeeCase(
        employee_id,
        employer_id,
        on,
        business,
        profile,
        result,
        materials,
        applications,
        tuple(deadlines),
        version or 0,
        units,
        children,
    )
