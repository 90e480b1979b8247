"""The trash (回收站): removed and superseded material files and deleted employees, restorable until it is
emptied; only emptying it removes vault files."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlmodel import select

from ..checks.check import policies
from ..store import models as m
from ..store.plain import plain
from ..store.trash_snapshot import material_from_json
from ..store.unit_of_work import Service, UnitOfWork
from ..store.versions import RecordGone
from .model import StoredMaterial

if TYPE_CHECKING:
    from ..employees.service import Employees


class Trash(Service):
    """What the trash view lists and does; restoring an employee adds them back as a new record."""

    def __init__(self, uow: UnitOfWork, employees: Employees) -> None:
        super().__init__(uow)
        self.employees = employees

    def trash(self) -> list[StoredMaterial]:
        with self.session() as s:
            rows = s.exec(select(m.Material).where(m.Material.deleted_at.is_not(None)))
            return [plain(StoredMaterial, r) for r in rows]

    def trash_items(self) -> list[TrashItem]:
        """Everything in the trash, newest first, as plain rows for the trash view."""
        names = policies(self.data_dir).materials
        items: list[TrashItem] = []
        with self.session() as s:
            rows = s.exec(
                select(m.Material, m.Employee.name)
                .join(m.Employee, m.Employee.id == m.Material.employee_id, isouter=True)
                .where(m.Material.deleted_at.is_not(None))
            ).all()
            for row, person in rows:
                info = names.get(row.kind)
                title = info.name("zh") if info else row.kind
                items.append(
                    TrashItem(
                        "material",
                        row.id,
                        title,
                        row.original_name,
                        person or "",
                        _aware(row.deleted_at),
                        row.employee_id,
                        row.kind,
                    )
                )
            for t in s.exec(select(m.TrashedEmployee)).all():
                items.append(
                    TrashItem("employee", t.id, t.name, t.id_masked, t.employer_name, _aware(t.deleted_at))
                )
        return sorted(items, key=lambda i: i.deleted_at, reverse=True)

    def restore_employee(self, trash_id: int) -> int:
        """Put a deleted employee back (a new id); returns the id."""
        from ..rules.profile import parse_profile

        ps = policies(self.data_dir)
        with self.session() as s:
            # Locked: two desks restoring the same entry take turns, the second finds it gone.
            t = s.exec(
                select(m.TrashedEmployee).where(m.TrashedEmployee.id == trash_id).with_for_update()
            ).first()
            if t is None:
                raise RecordGone("trashed_employee", trash_id)
            snap = t.snapshot or {}
            profile = parse_profile(snap["profile"], ps.districts, tuple(ps.materials))
            new_id = self.employees.add_profile(profile, None, s)
            row = s.get(m.Employee, new_id)
            if snap.get("notes"):
                row.notes = snap["notes"]
                s.add(row)
            for x in snap.get("materials", []):
                s.add(material_from_json(new_id, x, self.uow.now_utc()))
            for a in snap.get("applications", []):
                app = m.Application(
                    employee_id=new_id,
                    business=a["business"],
                    status=a["status"],
                    created_on=date.fromisoformat(a["created_on"]),
                )
                s.add(app)
                s.flush()
                for e in a["events"]:
                    s.add(
                        m.ApplicationEvent(
                            application_id=app.id,
                            status=e["status"],
                            on=date.fromisoformat(e["on"]),
                            note=e["note"],
                        )
                    )
            s.delete(t)
            self._audit(s, "restore", "employee", new_id)
        self.employees.refresh_statuses(ids=[new_id])
        return new_id

    def empty_trash(self, seen: Collection[TrashItem] | None = None) -> int:
        """Delete trashed materials and deleted employees for good, then every vault file nothing
        references any more. Returns the number of files removed.

        `seen`: the trash as the user saw it when they chose to empty it. Only those items go: a
        person another desk deleted a moment later stays restorable (None: everything, the CLI's
        `--all`)."""
        with self.session() as s:
            if seen is None:
                s.exec(delete(m.Material).where(m.Material.deleted_at.is_not(None)))
                s.exec(delete(m.TrashedEmployee))
            else:
                materials = [i.id for i in seen if i.kind == "material"]
                people = [i.id for i in seen if i.kind == "employee"]
                if materials:
                    s.exec(
                        delete(m.Material).where(
                            m.Material.id.in_(materials), m.Material.deleted_at.is_not(None)
                        )
                    )
                if people:
                    s.exec(delete(m.TrashedEmployee).where(m.TrashedEmployee.id.in_(people)))
            self._audit(s, "empty-trash", "material", None)
        with self.session() as s:
            referenced = set(s.exec(select(m.Material.sha256).where(m.Material.sha256.is_not(None))))
            for t in s.exec(select(m.TrashedEmployee)).all():  # a delete from another desk meanwhile
                referenced |= {
                    x["sha256"] for x in (t.snapshot or {}).get("materials", []) if x.get("sha256")
                }
        removed = 0
        for digest in self.vault.hashes() - referenced:
            self.vault.remove(digest)  # with its OCR readings
            removed += 1
        self.vault.prune_derived_caches()
        return removed


@dataclass(frozen=True)
class TrashItem:
    """One row of the trash view: a material (`kind` "material") or a deleted employee."""

    kind: str
    id: int
    title: str  # material name / employee name
    detail: str  # file name / masked ID number
    owner: str  # the employee a material belonged to / the unit of an employee
    deleted_at: datetime
    employee_id: int | None = None  # a material's employee (its slot's history: employee and kind)
    material_kind: str | None = None


def _aware(when: datetime) -> datetime:
    """Stored in UTC; SQLite hands it back without the zone."""
    return when if when.tzinfo else when.replace(tzinfo=UTC)
