"""Records service: the one door to the stored data for the GUI, the CLI and the other services.

API (all methods run in a transaction; a failure leaves the database as it was):
    Records.open(data_dir, url=None, lock=True)   open/migrate; lock=True refuses a second writer (StoreLocked)
    .close()
    Units and agents:   employers(), employer(id), save_employer(rules.Employer, id=None) -> id,
                        delete_employer(id), agents(employer_id), save_agent(employer_id, name, ..., id=None)
    Employees:          summaries() -> list[EmployeeSummary]   (fast: cached status, no rules run)
                        profile(id) -> rules.Profile            (the one rows → rules conversion)
                        add_profile(profile, base_dir=None) -> id   (employer matched by credit code/name)
                        update_profile(id, profile), delete_employee(id), employee_ids()
                        check(id, business, on=None, lang="zh") -> CheckResult
                        refresh_statuses(on=None, ids=None)    (recompute cached list status)
    Materials:          materials(id, include_deleted=False), attach(id, kind, path, issued_on, valid_until)
                        update_material(mid, **fields), replace_material_file(mid, data: bytes)
                        remove_material(mid) → trash, restore_material(mid), trash(), empty_trash()
                        material_path(material) -> Path in the vault
    Applications:       applications(id), open_application(id, business), set_application_status(aid, status, on, note)
                        application_events(aid)
    Reminders:          reminder_states() -> dict[key, ReminderState], set_reminder_state(key, state, until=None)
    Calendar data:      wage_figures(), save_wage_figure(year, monthly, effective_on=None, source="")
                        holiday_days(), set_holiday_year(year, holidays, workdays)
                        (both also written as TOML into the data folder, where the rules engine reads them)
    Audit:              audit_entries(limit)
"""

from __future__ import annotations

import getpass
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete
from sqlmodel import Session, select

from ..paths import user_holidays_file, user_wages_file
from ..rules.idnumber import mask
from ..rules.profile import Employer as RulesEmployer
from ..rules.profile import Profile
from ..rules.results import CheckResult
from ..store import models as m
from ..store.convert import apply_employee, apply_employer, to_profile
from ..store.db import InstanceLock, database_path, make_engine, migrate
from ..store.vault import Vault
from .check import policies, run_check, work_calendar
from .status import compute_status

APPLICATION_STATUSES = ("draft", "unit-review", "submitted", "returned", "approved", "rejected")


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


class Records:
    def __init__(self, data_dir: Path, engine: Engine, lock: InstanceLock | None) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self.vault = Vault(data_dir / "vault")
        self._lock = lock
        self.actor = _actor()
        from ..pdf.scan import ScanSettings

        self.scan_settings = ScanSettings()  # the GUI sets the user's minimum dpi and upload limit

    # --- opening ----------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, url: str | None = None, lock: bool = True) -> Records:
        data_dir.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            data_dir.chmod(0o700)
        instance_lock = None
        if lock:
            instance_lock = InstanceLock(data_dir)
            instance_lock.acquire()
        try:
            engine = make_engine(url or f"sqlite:///{database_path(data_dir)}")
            migrate(engine, data_dir)
            if os.name == "posix" and database_path(data_dir).exists():
                database_path(data_dir).chmod(0o600)
        except BaseException:
            if instance_lock:
                instance_lock.release()
            raise
        return cls(data_dir, engine, instance_lock)

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def _audit(self, session: Session, action: str, entity: str, entity_id: int | None,
               fields: Iterable[str] = ()) -> None:
        session.add(m.AuditEntry(actor=self.actor, action=action, entity=entity, entity_id=entity_id,
                                 fields=",".join(sorted(fields))))

    # --- units and agents -------------------------------------------------------------------------

    def employers(self) -> list[m.Employer]:
        with self.session() as s:
            return list(s.exec(select(m.Employer).order_by(m.Employer.name)))

    def employer(self, employer_id: int) -> m.Employer:
        with self.session() as s:
            row = s.get(m.Employer, employer_id)
            if row is None:
                raise KeyError(f"unit {employer_id} not found")
            return row

    def save_employer(self, src: RulesEmployer, employer_id: int | None = None) -> int:
        if src.district not in policies(self.data_dir).districts:
            raise ValueError(f"unknown district '{src.district}'")
        with self.session() as s:
            row = s.get(m.Employer, employer_id) if employer_id else m.Employer(name=src.name, district=src.district)
            if row is None:
                raise KeyError(f"unit {employer_id} not found")
            apply_employer(row, src)
            s.add(row)
            s.flush()
            self._audit(s, "update" if employer_id else "create", "employer", row.id, ["*"])
            new_id = row.id
        self.refresh_statuses(ids=self._employee_ids_of(new_id))
        return new_id

    def delete_employer(self, employer_id: int) -> None:
        with self.session() as s:
            if s.exec(select(m.Employee.id).where(m.Employee.employer_id == employer_id)).first():
                raise ValueError("这个单位下还有员工，请先删除或转移员工。")
            row = s.get(m.Employer, employer_id)
            if row:
                s.delete(row)
                self._audit(s, "delete", "employer", employer_id)

    def agents(self, employer_id: int) -> list[m.Agent]:
        with self.session() as s:
            return list(s.exec(select(m.Agent).where(m.Agent.employer_id == employer_id)))

    def save_agent(self, employer_id: int, name: str, id_number: str = "", phone: str = "",
                   insured_by_unit: bool = True, agent_id: int | None = None) -> int:
        with self.session() as s:
            row = s.get(m.Agent, agent_id) if agent_id else m.Agent(employer_id=employer_id, name=name)
            row.employer_id, row.name, row.id_number, row.phone = employer_id, name, id_number, phone
            row.insured_by_unit = insured_by_unit
            s.add(row)
            s.flush()
            self._audit(s, "update" if agent_id else "create", "agent", row.id, ["*"])
            return row.id

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
            select(m.Employee.id, m.Employee.name, m.Employee.id_number, m.Employee.employer_id, m.Employer.name,
                   m.Employer.district, m.Permit.expires_on, m.Employee.status, m.Employee.next_deadline,
                   m.Employee.next_deadline_code)
            .join(m.Employer, m.Employer.id == m.Employee.employer_id)
            .outerjoin(m.Permit, m.Permit.employee_id == m.Employee.id)
            .order_by(m.Employee.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return [
            EmployeeSummary(r[0], r[1], mask(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                            f"{r[1]} {r[2]} {r[4]}".lower())
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
                for x in rows(m.Material, chunk, table(m.Material).c.deleted_at.is_(None),
                              table(m.Material).c.employee_id.is_not(None)):
                    materials[x.employee_id].append(x)
        if ids is not None and len(employees) != len(set(ids)):
            missing = set(ids) - {e.id for e in employees}
            raise KeyError(f"employee(s) not found: {sorted(missing)}")
        return {
            e.id: to_profile(employers[e.employer_id], e, children[e.id], permits.get(e.id), incomes[e.id],
                             sorted(materials[e.id], key=lambda x: (x.kind, x.position, x.id)))
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

    def add_profile(self, profile: Profile, base_dir: Path | None = None, session: Session | None = None) -> int:
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
                path = base_dir / mat.file
                if path.exists():
                    stored = self.vault.add_file(path)
            s.add(m.Material(employee_id=row.id, kind=mat.kind, sha256=stored.sha256 if stored else None,
                             original_name=Path(mat.file).name if mat.file else "",
                             pages=stored.pages if stored else mat.pages,
                             size_bytes=stored.size_bytes if stored else None, issued_on=mat.issued_on,
                             valid_until=mat.valid_until, defects=list(mat.defects) or None))
        self._audit(s, "create", "employee", row.id, ["*"])
        return row.id

    def _write_parts(self, s: Session, employee_id: int, profile: Profile) -> None:
        e = profile.employee
        s.exec(delete(m.Child).where(m.Child.employee_id == employee_id))
        s.exec(delete(m.IncomeRecord).where(m.IncomeRecord.employee_id == employee_id))
        for c in e.children:
            s.add(m.Child(employee_id=employee_id, name=c.name, birth_date=c.birth_date, hukou=c.hukou,
                          accompany=c.accompany, parents=c.parents))
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
            changed = [k for k in type(row).model_fields if getattr(row, k) != before[k] and k != "updated_at"]
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
                if (row.status, row.next_deadline, row.status_business) != (st.status, st.next_deadline, st.business):
                    changed += 1
                row.status, row.status_business = st.status, st.business
                row.next_deadline, row.next_deadline_code, row.status_on = st.next_deadline, st.next_deadline_code, on
                s.add(row)
        return changed

    def stale_status_ids(self, on: date | None = None) -> list[int]:
        on = on or date.today()
        with self.session() as s:
            return list(s.exec(select(m.Employee.id).where(
                (m.Employee.status_on.is_(None)) | (m.Employee.status_on != on))))

    # --- materials --------------------------------------------------------------------------------

    def materials(self, employee_id: int, include_deleted: bool = False) -> list[m.Material]:
        with self.session() as s:
            q = select(m.Material).where(m.Material.employee_id == employee_id)
            if not include_deleted:
                q = q.where(m.Material.deleted_at.is_(None))
            return list(s.exec(q.order_by(m.Material.kind, m.Material.position, m.Material.id)))

    def material(self, material_id: int) -> m.Material:
        with self.session() as s:
            row = s.get(m.Material, material_id)
            if row is None:
                raise KeyError(f"material {material_id} not found")
            return row

    def material_path(self, material: m.Material) -> Path | None:
        return self.vault.path(material.sha256) if material.sha256 else None

    def attach(self, employee_id: int, kind: str, path: Path, issued_on: date | None = None,
               valid_until: date | None = None, defects: list[str] | None = None, scan: bool = True,
               refresh: bool = True) -> m.Material:
        """Copy a file into the vault and record it; the scan checks run on the stored copy (slow for
        big files: call from a worker thread)."""
        if kind not in policies(self.data_dir).materials:
            raise ValueError(f"unknown material kind '{kind}'")
        stored = self.vault.add_file(path)  # the file is safe in the vault before the row exists
        if scan and defects is None:
            defects = self._scan(stored.sha256)
        with self.session() as s:
            position = len(s.exec(select(m.Material.id).where(m.Material.employee_id == employee_id,
                                                              m.Material.kind == kind,
                                                              m.Material.deleted_at.is_(None))).all())
            row = m.Material(employee_id=employee_id, kind=kind, sha256=stored.sha256,
                             original_name=_display_name(path.name), pages=stored.pages,
                             size_bytes=stored.size_bytes, issued_on=issued_on, valid_until=valid_until,
                             defects=defects or None, position=position)
            s.add(row)
            s.flush()
            self._audit(s, "attach", "material", row.id, [kind])
        if refresh:
            self.refresh_statuses(ids=[employee_id])
        return row

    def _scan(self, sha256: str) -> list[str] | None:
        """Scan findings for a vault file; a file already scanned (the same content attached before)
        is not scanned again."""
        with self.session() as s:
            earlier = s.exec(select(m.Material).where(m.Material.sha256 == sha256)).first()
        if earlier is not None:
            return list(earlier.defects) if earlier.defects else None
        from ..pdf.scan import check_file

        return check_file(self.vault.path(sha256), self.scan_settings).messages() or None

    def update_material(self, material_id: int, **fields: Any) -> m.Material:
        allowed = {"issued_on", "valid_until", "verified_by", "verified_at", "defects", "position", "kind", "pages"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)}")
        with self.session() as s:
            row = s.get(m.Material, material_id)
            if row is None:
                raise KeyError(f"material {material_id} not found")
            for k, v in fields.items():
                setattr(row, k, v)
            s.add(row)
            self._audit(s, "update", "material", material_id, fields)
            employee_id = row.employee_id
        if employee_id:
            self.refresh_statuses(ids=[employee_id])
        return row

    def replace_material_file(self, material_id: int, data: bytes) -> m.Material:
        """A new version of the file (rotated, reordered pages): a new vault file; the old one stays
        until the trash is emptied and nothing references it."""
        stored = self.vault.add_bytes(data)
        with self.session() as s:
            row = s.get(m.Material, material_id)
            old = m.Material(employee_id=row.employee_id, kind=row.kind, sha256=row.sha256,
                             original_name=row.original_name, pages=row.pages, size_bytes=row.size_bytes,
                             issued_on=row.issued_on, valid_until=row.valid_until, deleted_at=m.utcnow())
            s.add(old)  # the previous version, in the trash
            defects = self._scan(stored.sha256)
            row.sha256, row.pages, row.size_bytes, row.defects = stored.sha256, stored.pages, stored.size_bytes, defects
            s.add(row)
            self._audit(s, "replace-file", "material", material_id)
        return row

    def remove_material(self, material_id: int) -> None:
        self.update_material_deleted(material_id, m.utcnow())

    def restore_material(self, material_id: int) -> None:
        self.update_material_deleted(material_id, None)

    def update_material_deleted(self, material_id: int, when: datetime | None) -> None:
        with self.session() as s:
            row = s.get(m.Material, material_id)
            if row is None:
                raise KeyError(f"material {material_id} not found")
            row.deleted_at = when
            s.add(row)
            self._audit(s, "trash" if when else "restore", "material", material_id)
            employee_id = row.employee_id
        if employee_id:
            self.refresh_statuses(ids=[employee_id])

    def trash(self) -> list[m.Material]:
        with self.session() as s:
            return list(s.exec(select(m.Material).where(m.Material.deleted_at.is_not(None))))

    def empty_trash(self) -> int:
        """Delete trashed rows, then every vault file no row references. Returns files removed."""
        with self.session() as s:
            s.exec(delete(m.Material).where(m.Material.deleted_at.is_not(None)))
            self._audit(s, "empty-trash", "material", None)
        with self.session() as s:
            referenced = set(s.exec(select(m.Material.sha256).where(m.Material.sha256.is_not(None))))
        removed = 0
        for digest in self.vault.hashes() - referenced:
            self.vault.remove(digest)
            removed += 1
        return removed

    # --- applications -----------------------------------------------------------------------------

    def applications(self, employee_id: int) -> list[m.Application]:
        with self.session() as s:
            return list(s.exec(select(m.Application).where(m.Application.employee_id == employee_id)
                               .order_by(m.Application.created_on.desc(), m.Application.id.desc())))

    def application_events(self, application_id: int) -> list[m.ApplicationEvent]:
        with self.session() as s:
            return list(s.exec(select(m.ApplicationEvent).where(m.ApplicationEvent.application_id == application_id)
                               .order_by(m.ApplicationEvent.on, m.ApplicationEvent.id)))

    def open_application(self, employee_id: int, business: str, on: date | None = None) -> int:
        on = on or date.today()
        with self.session() as s:
            row = m.Application(employee_id=employee_id, business=business, created_on=on)
            s.add(row)
            s.flush()
            s.add(m.ApplicationEvent(application_id=row.id, status="draft", on=on))
            self._audit(s, "create", "application", row.id, [business])
            return row.id

    def set_application_status(self, application_id: int, status: str, on: date | None = None, note: str = "") -> None:
        if status not in APPLICATION_STATUSES:
            raise ValueError(f"unknown application status '{status}'")
        with self.session() as s:
            row = s.get(m.Application, application_id)
            if row is None:
                raise KeyError(f"application {application_id} not found")
            row.status, row.updated_at = status, m.utcnow()
            s.add(row)
            s.add(m.ApplicationEvent(application_id=application_id, status=status, on=on or date.today(), note=note))
            self._audit(s, "status", "application", application_id, [status])

    # --- reminders --------------------------------------------------------------------------------

    def reminder_states(self) -> dict[str, m.ReminderState]:
        with self.session() as s:
            return {r.key: r for r in s.exec(select(m.ReminderState))}

    def set_reminder_state(self, key: str, state: str, until: datetime | None = None) -> None:
        """`until` in local time (naive) or aware; stored in UTC."""
        if until is not None:
            until = until.astimezone(UTC)
        with self.session() as s:
            row = s.get(m.ReminderState, key) or m.ReminderState(key=key, state=state)
            row.state, row.until, row.updated_at = state, until, m.utcnow()
            s.add(row)

    # --- wage figures and holiday data --------------------------------------------------------------

    def wage_figures(self) -> list[m.WageFigureRow]:
        with self.session() as s:
            return list(s.exec(select(m.WageFigureRow).order_by(m.WageFigureRow.year)))

    def save_wage_figure(self, year: int, monthly: int, effective_on: date | None = None, source: str = "") -> None:
        if not (1990 <= year <= 2100) or monthly <= 0:
            raise ValueError("年份或工资数额不合理")
        with self.session() as s:
            row = s.get(m.WageFigureRow, year) or m.WageFigureRow(year=year, monthly=monthly, x1_2=0, x3=0, x6=0)
            row.monthly, row.x1_2, row.x3, row.x6 = monthly, round(monthly * 1.2), monthly * 3, monthly * 6
            row.effective_on, row.source = effective_on, source
            s.add(row)
            self._audit(s, "save", "wage_figure", year)
        self._write_wages_file()

    def _write_wages_file(self) -> None:
        lines = ["# Written by hrdesk from the figures entered in Settings.\n"]
        for f in self.wage_figures():
            lines.append(f"\n[[figure]]\nyear = {f.year}\nmonthly = {f.monthly}\nx1_2 = {f.x1_2}\nx3 = {f.x3}\nx6 = {f.x6}\n")
            if f.effective_on:
                lines.append(f"effective_on = {f.effective_on.isoformat()}\n")
            lines.append(f"source = {_toml_str(f.source or '用户录入')}\n")
        _atomic_text(user_wages_file(self.data_dir), "".join(lines))

    def holiday_days(self) -> list[m.HolidayDay]:
        with self.session() as s:
            return list(s.exec(select(m.HolidayDay).order_by(m.HolidayDay.day)))

    def set_holiday_year(self, year: int, holidays: Iterable[date], workdays: Iterable[date]) -> None:
        holidays, workdays = sorted(set(holidays)), sorted(set(workdays))
        for d in [*holidays, *workdays]:
            if d.year != year:
                raise ValueError(f"{d.isoformat()} 不在 {year} 年")
        with self.session() as s:
            s.exec(delete(m.HolidayDay).where(m.HolidayDay.day >= date(year, 1, 1), m.HolidayDay.day <= date(year, 12, 31)))
            for d in holidays:
                s.add(m.HolidayDay(day=d, kind="holiday"))
            for d in workdays:
                s.add(m.HolidayDay(day=d, kind="workday"))
            self._audit(s, "save", "holidays", year)
        by_year: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"holidays": [], "workdays": []})
        for row in self.holiday_days():
            by_year[row.day.year]["holidays" if row.kind == "holiday" else "workdays"].append(row.day.isoformat())
        text = "# Written by hrdesk from the holiday data entered in Settings.\n"
        for y in sorted(by_year):
            text += f"\n[{y}]\nholidays = {by_year[y]['holidays']!r}\nworkdays = {by_year[y]['workdays']!r}\n"
        _atomic_text(user_holidays_file(self.data_dir), text.replace("'", '"'))

    def audit_entries(self, limit: int = 200) -> list[m.AuditEntry]:
        with self.session() as s:
            return list(s.exec(select(m.AuditEntry).order_by(m.AuditEntry.id.desc()).limit(limit)))


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


def _display_name(name: str) -> str:
    from ..pdf.files import safe_filename

    return safe_filename(name)


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _atomic_text(path: Path, text: str) -> None:
    from ..pdf.files import atomic_write_bytes

    atomic_write_bytes(path, text.encode("utf-8"))
