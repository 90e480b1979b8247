"""A deleted employee as the trash (回收站) keeps them: a snapshot of the profile, the materials (their
vault files stay until the trash is emptied) and the business history, written in the delete's own
transaction so that restoring needs nothing that is gone."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from . import models as m


def snapshot_into_trash(s: Session, employee_id: int, deleted_at: datetime) -> int:
    """Snapshot an employee into the trash before their rows are deleted (same transaction);
    `deleted_at`: the desk's clock (the trash shows it and lists the newest first)."""
    from ..rules.idnumber import mask
    from .convert import profile_to_json, to_profile

    # Read through the caller's session: it holds the write lock, a second connection would wait.
    row = s.get(m.Employee, employee_id)
    mats = s.exec(
        select(m.Material).where(m.Material.employee_id == employee_id, m.Material.deleted_at.is_(None))
    ).all()
    profile = to_profile(
        s.get(m.Employer, row.employer_id),
        row,
        list(s.exec(select(m.Child).where(m.Child.employee_id == employee_id))),
        s.exec(select(m.Permit).where(m.Permit.employee_id == employee_id)).first(),
        list(s.exec(select(m.IncomeRecord).where(m.IncomeRecord.employee_id == employee_id))),
        [],
        s.exec(select(m.Agent).where(m.Agent.employer_id == row.employer_id)).all(),
    )
    apps = s.exec(select(m.Application).where(m.Application.employee_id == employee_id)).all()
    snapshot = {
        "profile": profile_to_json(profile) | {"materials": []},
        "notes": getattr(row, "notes", ""),
        "materials": [material_json(x) for x in mats],
        "applications": [
            {
                "business": a.business,
                "status": a.status,
                "created_on": a.created_on.isoformat(),
                "events": [
                    {"status": e.status, "on": e.on.isoformat(), "note": e.note}
                    for e in s.exec(
                        select(m.ApplicationEvent).where(m.ApplicationEvent.application_id == a.id)
                    )
                ],
            }
            for a in apps
        ],
    }
    trashed = m.TrashedEmployee(
        name=row.name,
        id_masked=mask(row.id_number),
        employer_name=profile.employer.name,
        snapshot=snapshot,
        deleted_at=deleted_at,
    )
    s.add(trashed)
    s.flush()
    return trashed.id


_MATERIAL_FIELDS = ("kind", "sha256", "original_name", "pages", "size_bytes", "verified_by", "position")


def material_json(x: m.Material) -> dict[str, Any]:
    out: dict[str, Any] = {k: getattr(x, k) for k in _MATERIAL_FIELDS}
    out["issued_on"] = x.issued_on.isoformat() if x.issued_on else None
    out["valid_until"] = x.valid_until.isoformat() if x.valid_until else None
    out["verified_at"] = x.verified_at.isoformat() if x.verified_at else None
    out["defects"] = list(x.defects or [])
    return out


def material_from_json(employee_id: int, x: dict[str, Any], added_at: datetime) -> m.Material:
    """A material of an employee brought back from the trash; `added_at`: now, by the desk's clock."""

    def day(v: str | None) -> date | None:
        return date.fromisoformat(v) if v else None

    return m.Material(
        employee_id=employee_id,
        added_at=added_at,
        **{k: x.get(k) for k in _MATERIAL_FIELDS},
        issued_on=day(x.get("issued_on")),
        valid_until=day(x.get("valid_until")),
        verified_at=datetime.fromisoformat(x["verified_at"]) if x.get("verified_at") else None,
        defects=x.get("defects") or None,
    )
