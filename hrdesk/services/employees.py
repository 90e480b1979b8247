"""Employees: summaries for the list, profiles for the rules, adding, updating, deleting, and the
cached list status. Part of the records service."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete
from sqlmodel import Session, select

from ..rules.idnumber import mask
from ..rules.profile import Employer as RulesEmployer
from ..rules.profile import Profile
from ..rules.results import CheckResult
from ..store import models as m
from ..store.convert import apply_employee, apply_employer, to_profile
from .check import policies, run_check, work_calendar
from .materials import material_file_in
from .status import compute_status

if TYPE_CHECKING:
    from .records import RecordsBase as _Base
else:
    _Base = object


@dataclass(frozen=True)
class EmployeeSummary:
    id: int
    name: str
    id_masked: str
    employer_id: int
    employer_name: str
    district: str
    permit_expires: date | None
    status: str
    next_deadline: date | None
    next_deadline_code: str | None
    search_text: str  # name + full ID number + unit, lower-case, for search as you type (never logged)


class EmployeesMixin(_Base):
    # --- employees --------------------------------------------------------------------------------

    def employee_ids(self) -> list[int]:
        with self.session() as s:
            return list(s.exec(select(m.Employee.id)))

    def _employee_ids_of(self, employer_id: int) -> list[int]:
        with self.session() as s:
            return list(s.exec(select(m.Employee.id).where(m.Employee.employer_id == employer_id)))

    def summaries(self) -> list[EmployeeSummary]:
        """One query, no rules: what the list view needs for every employee."""
        stmt = (
            select(
                m.Employee.id,
                m.Employee.name,
                m.Employee.id_number,
                m.Employee.employer_id,
                m.Employer.name,
                m.Employer.district,
                m.Permit.expires_on,
                m.Employee.status,
                m.Employee.next_deadline,
                m.Employee.next_deadline_code,
            )
            .join(m.Employer, m.Employer.id == m.Employee.employer_id)
            .outerjoin(m.Permit, m.Permit.employee_id == m.Employee.id)
            .order_by(m.Employee.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return [
            EmployeeSummary(
                r[0],
                r[1],
                mask(r[2]),
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                f"{r[1]} {r[2]} {r[4]}".lower(),
            )
            for r in rows
        ]

    def employee(self, employee_id: int) -> m.Employee:
        with self.session() as s:
            row = s.get(m.Employee, employee_id)
            if row is None:
                raise KeyError(f"employee {employee_id} not found")
            return row

    def profile(self, employee_id: int) -> Profile:
        return self.profiles([employee_id])[employee_id]

    def profiles(self, ids: list[int] | None = None) -> dict[int, Profile]:
        """Profiles for many employees with a handful of Core queries (no ORM objects: 10,000
        employees with 100,000 materials load in about a second)."""

        def table(model: type) -> Any:
            return model.__table__

        with self.engine.connect() as conn:
            q = select(table(m.Employee))
            if ids is not None:
                q = q.where(table(m.Employee).c.id.in_(ids))
            employees = conn.execute(q).all()
            employers = {u.id: u for u in conn.execute(select(table(m.Employer))).all()}
            children: dict[int, list[Any]] = defaultdict(list)
            permits: dict[int, Any] = {}
            incomes: dict[int, list[Any]] = defaultdict(list)
            materials: dict[int, list[Any]] = defaultdict(list)
            wanted = [e.id for e in employees]
            chunks = [None] if ids is None else list(_chunks(wanted, 900))
            for chunk in chunks:

                def rows(model: type, chunk: list[int] | None = chunk, *extra: Any) -> list[Any]:
                    t = table(model)
                    q = select(t)
                    if chunk is not None:
                        q = q.where(t.c.employee_id.in_(chunk))
                    for condition in extra:
                        q = q.where(condition)
                    return conn.execute(q).all()

                for c in rows(m.Child):
                    children[c.employee_id].append(c)
                for p in rows(m.Permit):
                    permits[p.employee_id] = p
                for r in rows(m.IncomeRecord):
                    incomes[r.employee_id].append(r)
                for x in rows(
                    m.Material,
                    chunk,
                    table(m.Material).c.deleted_at.is_(None),
                    table(m.Material).c.employee_id.is_not(None),
                ):
                    materials[x.employee_id].append(x)
        if ids is not None and len(employees) != len(set(ids)):
            missing = set(ids) - {e.id for e in employees}
            raise KeyError(f"employee(s) not found: {sorted(missing)}")
        return {
            e.id: to_profile(
                employers[e.employer_id],
                e,
                children[e.id],
                permits.get(e.id),
                incomes[e.id],
                sorted(materials[e.id], key=lambda x: (x.kind, x.position, x.id)),
            )
            for e in employees
        }

    def _find_or_create_employer(self, s: Session, src: RulesEmployer) -> m.Employer:
        row = None
        if src.credit_code:
            row = s.exec(select(m.Employer).where(m.Employer.credit_code == src.credit_code)).first()
        if row is None and src.name:
            row = s.exec(select(m.Employer).where(m.Employer.name == src.name)).first()
        if row is None:
            row = m.Employer(name=src.name or "未命名单位", district=src.district)
            apply_employer(row, src)
            s.add(row)
            s.flush()
            self._audit(s, "create", "employer", row.id, ["*"])
        return row

    def add_profile(
        self, profile: Profile, base_dir: Path | None = None, session: Session | None = None
    ) -> int:
        """Store a profile (from JSON, a roster row or the GUI) as a new employee. Material files
        are copied into the vault when `base_dir` is given and the files exist."""
        if session is None:
            with self.session() as s:
                new_id = self.add_profile(profile, base_dir, s)
            self.refresh_statuses(ids=[new_id])
            return new_id
        s = session
        employer = self._find_or_create_employer(s, profile.employer)
        row = m.Employee(employer_id=employer.id, name=profile.employee.name, id_number="")
        apply_employee(row, profile.employee)
        s.add(row)
        s.flush()
        self._write_parts(s, row.id, profile)
        for mat in profile.materials:
            stored = None
            if mat.file and base_dir is not None:
                path = material_file_in(base_dir, mat.file)  # inside the profile's folder only
                if path.exists():
                    stored = self.vault.add_file(path)
            s.add(
                m.Material(
                    employee_id=row.id,
                    kind=mat.kind,
                    sha256=stored.sha256 if stored else None,
                    original_name=Path(mat.file).name if mat.file else "",
                    pages=stored.pages if stored else mat.pages,
                    size_bytes=stored.size_bytes if stored else None,
                    issued_on=mat.issued_on,
                    valid_until=mat.valid_until,
                    defects=list(mat.defects) or None,
                )
            )
        self._audit(s, "create", "employee", row.id, ["*"])
        return row.id

    def _write_parts(self, s: Session, employee_id: int, profile: Profile) -> None:
        e = profile.employee
        s.exec(delete(m.Child).where(m.Child.employee_id == employee_id))
        s.exec(delete(m.IncomeRecord).where(m.IncomeRecord.employee_id == employee_id))
        for c in e.children:
            s.add(
                m.Child(
                    employee_id=employee_id,
                    name=c.name,
                    birth_date=c.birth_date,
                    hukou=c.hukou,
                    accompany=c.accompany,
                    parents=c.parents,
                )
            )
        for period, amount in e.monthly_income_cny.items():
            s.add(m.IncomeRecord(employee_id=employee_id, kind="monthly", period=period, amount_cny=amount))
        for period, amount in e.annual_income_cny.items():
            s.add(m.IncomeRecord(employee_id=employee_id, kind="annual", period=period, amount_cny=amount))
        permit = s.exec(select(m.Permit).where(m.Permit.employee_id == employee_id)).first()
        if e.permit is None:
            if permit:
                s.delete(permit)
        else:
            permit = permit or m.Permit(employee_id=employee_id)
            permit.number, permit.issued_on = e.permit.number, e.permit.issued_on
            permit.expires_on, permit.status = e.permit.expires_on, e.permit.status
            s.add(permit)

    def update_profile(self, employee_id: int, profile: Profile, employer_id: int | None = None) -> None:
        """Replace an employee's facts (not their materials) with those of `profile`."""
        with self.session() as s:
            row = s.get(m.Employee, employee_id)
            if row is None:
                raise KeyError(f"employee {employee_id} not found")
            before = {k: getattr(row, k) for k in type(row).model_fields}
            apply_employee(row, profile.employee)
            if employer_id is not None:
                row.employer_id = employer_id
            row.updated_at = m.utcnow()
            s.add(row)
            self._write_parts(s, employee_id, profile)
            changed = [
                k for k in type(row).model_fields if getattr(row, k) != before[k] and k != "updated_at"
            ]
            self._audit(s, "update", "employee", employee_id, changed)
        self.refresh_statuses(ids=[employee_id])

    def delete_employee(self, employee_id: int) -> None:
        with self.session() as s:
            row = s.get(m.Employee, employee_id)
            if row is None:
                return
            # Materials go to the trash with the employee row gone: their files stay until emptied.
            s.exec(delete(m.Material).where(m.Material.employee_id == employee_id))
            s.delete(row)
            self._audit(s, "delete", "employee", employee_id)

    def check(self, employee_id: int, business: str, on: date | None = None, lang: str = "zh") -> CheckResult:
        return run_check(self.profile(employee_id), business, on, self.data_dir, lang)

    def refresh_statuses(self, on: date | None = None, ids: list[int] | None = None) -> int:
        """Recompute the cached list status (all employees, or `ids`); returns how many changed."""
        on = on or date.today()
        ps, cal = policies(self.data_dir), work_calendar(self.data_dir)
        profiles = self.profiles(ids)
        changed = 0
        with self.session() as s:
            for employee_id, profile in profiles.items():
                st = compute_status(profile, on, ps, cal)
                row = s.get(m.Employee, employee_id)
                if (row.status, row.next_deadline, row.status_business) != (
                    st.status,
                    st.next_deadline,
                    st.business,
                ):
                    changed += 1
                row.status, row.status_business = st.status, st.business
                row.next_deadline, row.next_deadline_code, row.status_on = (
                    st.next_deadline,
                    st.next_deadline_code,
                    on,
                )
                s.add(row)
        return changed

    def stale_status_ids(self, on: date | None = None) -> list[int]:
        on = on or date.today()
        with self.session() as s:
            return list(
                s.exec(
                    select(m.Employee.id).where(
                        (m.Employee.status_on.is_(None)) | (m.Employee.status_on != on)
                    )
                )
            )


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
