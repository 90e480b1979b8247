"""Employees: summaries for the list, profiles for the rules, adding, updating, deleting, and the
cached list status."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, select

from ..checks.check import policies, run_check, work_calendar
from ..counters import COUNTS
from ..materials.paths import material_file_in
from ..rules.idnumber import mask
from ..rules.profile import Child, Profile
from ..rules.profile import Employer as RulesEmployer
from ..rules.results import CheckResult
from ..store import models as m
from ..store.bulk_reads import fetch_in_parts, gc_paused, income_rows
from ..store.convert import apply_employee, apply_employer, sync_agents, to_profile, unit_history_to_json
from ..store.trash_snapshot import snapshot_into_trash
from ..store.unit_of_work import Service
from ..store.versions import RecordGone, StaleVersion, claim_version
from ..text.pinyin import search_key, sort_key
from .profile_merge import merge_profiles
from .status import Status, compute_status
from .status_store import Computed, read_basis
from .status_store import store as store_statuses
from .views import EmployeeSummary


class DuplicateIdNumber(ValueError):
    """Another stored employee has this ID number: one person, one record (the window offers to open it)."""

    def __init__(self, existing_id: int, name: str) -> None:
        super().__init__(f"身份证号已属于 {name}（另一条员工记录）")
        self.existing_id, self.name = existing_id, name


def _refuse_duplicate(s: Session, id_number: str, employee_id: int | None) -> None:
    if not id_number:
        return
    stmt = select(m.Employee.id, m.Employee.name).where(m.Employee.id_number == id_number)
    if employee_id is not None:
        stmt = stmt.where(m.Employee.id != employee_id)
    row = s.exec(stmt).first()
    if row is not None:
        raise DuplicateIdNumber(row[0], row[1])


@dataclass(frozen=True)
class ProfileChange:
    """One employee's new facts for `update_profiles`, at the version the caller read."""

    employee_id: int
    profile: Profile
    employer_id: int | None = None
    expected_version: int | None = None


class Employees(Service):
    """Employees and their cached list status."""

    def employee_ids(self) -> list[int]:
        with self.session(readonly=True) as s:
            return list(s.exec(select(m.Employee.id)))

    def ids_of_employer(self, employer_id: int) -> list[int]:
        with self.session(readonly=True) as s:
            return list(s.exec(select(m.Employee.id).where(m.Employee.employer_id == employer_id)))

    def summaries(self, ids: list[int] | None = None, searchable: bool = True) -> list[EmployeeSummary]:
        """One query, no rules: what the list view needs for every employee (or for `ids`, after a write).
        `searchable=False` leaves out the pinyin search text and sort key (most of the cost: a listing
        printed for a script needs neither)."""
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
                m.Employee.urgency,
            )
            .join(m.Employer, m.Employer.id == m.Employee.employer_id)
            .outerjoin(m.Permit, m.Permit.employee_id == m.Employee.id)
            .order_by(m.Employee.id)
        )
        if ids is not None:
            stmt = stmt.where(m.Employee.id.in_(ids))
        with gc_paused(freeze=ids is None), self.read_engine.connect() as conn:
            rows = fetch_in_parts(conn, stmt)
            # A unit's name, a district, a status, a deadline code or a date is held once for all the rows
            # that show it, not once per row (the list of 50,000 holds what it shows, compactly).
            one = {}.setdefault
            return [
                EmployeeSummary(
                    r[0],
                    r[1],
                    mask(r[2]),
                    r[3],
                    one(r[4], r[4]),
                    one(r[5], r[5]),
                    one(r[6], r[6]),
                    one(r[7], r[7]),
                    one(r[8], r[8]),
                    one(r[9], r[9]),
                    f"{r[1]} {r[2]} {r[4]}".lower() + "\x01" + search_key(r[1]) if searchable else "",
                    one(r[10], r[10]),
                    sort_key(r[1]) if searchable else "",
                )
                for r in rows
            ]

    def employee(self, employee_id: int) -> m.Employee:
        with self.session(readonly=True) as s:
            row = s.get(m.Employee, employee_id)
            if row is None:
                raise RecordGone("employee", employee_id)
            return row

    def profile(self, employee_id: int) -> Profile:
        COUNTS["profile_loads"] += 1
        return self.profiles([employee_id])[employee_id]

    def profiles_present(self, ids: list[int]) -> dict[int, Profile]:
        """Profiles of those of `ids` that still exist (a background refresh may meet a deletion)."""
        return self.profiles(ids, missing_ok=True)

    def profiles(self, ids: list[int] | None = None, missing_ok: bool = False) -> dict[int, Profile]:
        """Profiles for many employees with a handful of Core queries (no ORM objects: 10,000
        employees with 100,000 materials load in about a second)."""

        def table(model: type) -> Any:
            return model.__table__

        with self.read_engine.connect() as conn:
            q = select(table(m.Employee))
            if ids is not None:
                q = q.where(table(m.Employee).c.id.in_(ids))
            employees = conn.execute(q).all()
            employers = {u.id: u for u in conn.execute(select(table(m.Employer))).all()}
            agents: dict[int, list[Any]] = defaultdict(list)
            for a in conn.execute(select(table(m.Agent)).where(table(m.Agent).c.active.is_(True))).all():
                agents[a.employer_id].append(a)
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

                for c in sorted(rows(m.Child), key=lambda c: c.id):
                    children[c.employee_id].append(c)
                for p in rows(m.Permit):
                    permits[p.employee_id] = p
                for employee_id, income in income_rows(conn, chunk):
                    incomes[employee_id].append(income)
                for x in rows(
                    m.Material,
                    chunk,
                    table(m.Material).c.deleted_at.is_(None),
                    table(m.Material).c.employee_id.is_not(None),
                ):
                    materials[x.employee_id].append(x)
        if ids is not None and not missing_ok and len(employees) != len(set(ids)):
            missing = set(ids) - {e.id for e in employees}
            raise RecordGone("employee", min(missing))
        return {
            e.id: to_profile(
                employers[e.employer_id],
                e,
                children[e.id],
                permits.get(e.id),
                incomes[e.id],
                sorted(materials[e.id], key=lambda x: (x.kind, x.position, x.id)),
                agents[e.employer_id],
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
                _refuse_duplicate(s, profile.employee.id_number, None)
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
                    added_at=self.uow.now_utc(),
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
        """Children and income months as `profile` has them, rewriting only rows that differ: an
        unchanged child keeps its id (the children panel names children by id, never by row), and a
        changed row's version moves on."""
        e = profile.employee
        stored = list(s.exec(select(m.Child).where(m.Child.employee_id == employee_id).order_by(m.Child.id)))
        wanted = list(e.children)
        keep: list[m.Child] = []
        for row in stored:
            same = next((c for c in wanted if _child_values(c) == _child_values(row)), None)
            if same is not None:
                wanted.remove(same)
                keep.append(row)
        for row in stored:
            if row in keep:
                continue
            if wanted:  # the same child with a changed field: keep the id
                _apply_child(row, wanted.pop(0))
                row.version += 1
                s.add(row)
            else:
                s.delete(row)
        for c in wanted:
            s.add(_apply_child(m.Child(employee_id=employee_id), c))
        incomes = {("monthly", p): a for p, a in e.monthly_income_cny.items()} | {
            ("annual", p): a for p, a in e.annual_income_cny.items()
        }
        for row in s.exec(select(m.IncomeRecord).where(m.IncomeRecord.employee_id == employee_id)):
            amount = incomes.pop((row.kind, row.period), None)
            if amount is None:
                s.delete(row)
            elif amount != row.amount_cny:
                row.amount_cny, row.version = amount, row.version + 1
                s.add(row)
        for (kind, period), amount in incomes.items():
            s.add(m.IncomeRecord(employee_id=employee_id, kind=kind, period=period, amount_cny=amount))
        s.flush()
        permit = s.exec(select(m.Permit).where(m.Permit.employee_id == employee_id)).first()
        if e.permit is None:
            if permit:
                s.delete(permit)
        else:
            permit = permit or m.Permit(employee_id=employee_id)
            permit.number, permit.issued_on = e.permit.number, e.permit.issued_on
            permit.expires_on, permit.status = e.permit.expires_on, e.permit.status
            permit.unit_history = unit_history_to_json(e.permit)
            s.add(permit)
        self._sync_agents(s, employee_id, profile)

    def _sync_agents(self, s: Session, employee_id: int, profile: Profile) -> None:
        """The agents a profile names (a JSON import's `employer.agents`) become the unit's agent rows:
        for a stored employee the check reads those rows, as the units dialog shows them."""
        row = s.get(m.Employee, employee_id)
        for action, agent_id in sync_agents(s, row.employer_id, profile.employer.agents):
            self._audit(s, action, "agent", agent_id, ["*"])

    # --- children, by id: the panel's rows may be stale, the ids are not ----------------------------

    def children(self, employee_id: int) -> list[StoredChild]:
        """The children as stored, with their ids and versions, in the order they were added."""
        with self.session(readonly=True) as s:
            if s.get(m.Employee, employee_id) is None:
                raise RecordGone("employee", employee_id)
            rows = s.exec(select(m.Child).where(m.Child.employee_id == employee_id).order_by(m.Child.id))
            return [StoredChild(r.id, r.version, _rules_child(r)) for r in rows]

    def add_child(self, employee_id: int, child: Child) -> int:
        """A new child; the employee's version moves on, so another desk's form merges it in rather
        than writing its older list of children back. Returns the child's id."""
        with self.session() as s:
            claim_version(s, m.Employee, employee_id, None)
            row = _apply_child(m.Child(employee_id=employee_id), child)
            s.add(row)
            s.flush()
            self._audit(s, "update", "employee", employee_id, ["children"])
            new_id = row.id
        self.refresh_statuses(ids=[employee_id])
        return new_id

    def remove_child(self, employee_id: int, child_id: int, expected_version: int | None = None) -> None:
        """Remove the child the user selected (by id, at the version shown). A child another desk
        changed since: StaleVersion; removed since: RecordGone — never the child now on that row."""
        with self.session() as s:
            claim_version(s, m.Child, child_id, expected_version)
            row = s.get(m.Child, child_id)
            if row.employee_id != employee_id:
                raise RecordGone("child", child_id)
            claim_version(s, m.Employee, employee_id, None)
            s.delete(row)
            self._audit(s, "update", "employee", employee_id, ["children"])
        self.refresh_statuses(ids=[employee_id])

    def update_profile(
        self,
        employee_id: int,
        profile: Profile,
        employer_id: int | None = None,
        expected_version: int | None = None,
        base: Profile | None = None,
    ) -> int:
        """Replace an employee's facts (not their materials) with those of `profile`; returns the new
        version. Shared databases: `expected_version` is the version the desk loaded (another desk's
        save since then raises StaleVersion, nothing written); `base` is the profile as loaded, and
        only what differs from it is written over what is stored now (another desk's new income
        month survives this desk's change of name; a save landing during that merge: StaleVersion)."""
        if base is not None:
            stored = self.employee(employee_id).version  # read first: the claim fails on any save after
            if expected_version is not None and stored != expected_version:
                raise StaleVersion("employee", employee_id, expected_version, stored)
            profile = merge_profiles(base, profile, self.profile(employee_id)).profile
            expected_version = stored
        with self.session() as s:
            version = claim_version(s, m.Employee, employee_id, expected_version)
            row = s.get(m.Employee, employee_id)
            _refuse_duplicate(s, profile.employee.id_number, employee_id)
            before = {k: getattr(row, k) for k in type(row).model_fields}
            apply_employee(row, profile.employee)
            if employer_id is not None:
                row.employer_id = employer_id
            row.updated_at = self.uow.now_utc()
            s.add(row)
            self._write_parts(s, employee_id, profile)
            changed = [
                k for k in type(row).model_fields if getattr(row, k) != before[k] and k != "updated_at"
            ]
            self._audit(s, "update", "employee", employee_id, changed)
        self.refresh_statuses(ids=[employee_id])
        return version

    def update_profiles(self, changes: list[ProfileChange]) -> tuple[list[int], list[int]]:
        """Many employees' facts replaced in one transaction (a roster re-imported), each at the version
        its caller read: a person saved or deleted since then is left as stored and reported, never
        overwritten. Their list statuses are refreshed together afterwards. Returns (the ids written,
        the positions in `changes` refused)."""
        written: list[int] = []
        refused: list[int] = []
        fields = list(m.Employee.model_fields)
        with self.session() as s:
            for position, change in enumerate(changes):
                try:
                    # The version moves first: a later save by anyone refuses this row before it is touched.
                    claim_version(s, m.Employee, change.employee_id, change.expected_version)
                except (StaleVersion, RecordGone):
                    refused.append(position)
                    continue
                row = s.get(m.Employee, change.employee_id)
                before = {k: getattr(row, k) for k in fields}
                apply_employee(row, change.profile.employee)
                if change.employer_id is not None:
                    row.employer_id = change.employer_id
                row.updated_at = self.uow.now_utc()
                s.add(row)
                self._write_parts(s, change.employee_id, change.profile)
                changed = [k for k in fields if getattr(row, k) != before[k] and k != "updated_at"]
                self._audit(s, "update", "employee", change.employee_id, changed)
                written.append(change.employee_id)
        if written:
            self.refresh_statuses(ids=written)
        return written, refused

    def delete_employee(self, employee_id: int) -> int | None:
        """A soft delete; returns the trash entry that `restore_employee` takes back (None: not found)."""
        with self.session() as s:
            row = s.get(m.Employee, employee_id)
            if row is None:
                return None
            # A soft delete: the employee goes to the trash (回收站) as a snapshot, restorable until
            # emptied; their vault files stay until then.
            trash_id = snapshot_into_trash(s, employee_id, self.uow.now_utc())
            s.exec(delete(m.Material).where(m.Material.employee_id == employee_id))
            s.delete(row)
            self._audit(s, "delete", "employee", employee_id)
        return trash_id

    def check(self, employee_id: int, business: str, on: date | None = None, lang: str = "zh") -> CheckResult:
        return run_check(self.profile(employee_id), business, on or self.clock.today(), self.data_dir, lang)

    def refresh_statuses(
        self,
        on: date | None = None,
        ids: list[int] | None = None,
        batch: int = 250,
        progress: Callable[[int, int], object] | None = None,
        store: Callable[[Computed], object] | None = None,
    ) -> int:
        """Recompute the stored status and deadlines (all employees, or `ids`); returns how many changed.

        Small batches, each its own short transaction, each status written only where the employee is
        still as it was read (`status_store`): a save waits for one batch (tens of milliseconds), never
        for the whole refresh, and is never overwritten by it; no structure holds every profile.
        `store`: how a computed batch is written (the window hands each to its one writer thread, so
        the computing runs elsewhere and the user's saves go in between); this thread writes otherwise.
        """
        on = on or self.clock.today()
        wanted = self.employee_ids() if ids is None else list(ids)
        changed = 0

        def stored(computed: Computed) -> int:
            result = store(computed) if store is not None else self.store_statuses(computed)
            return result if isinstance(result, int) else 0

        if len(wanted) >= PROCESS_POOL_FROM and (os.cpu_count() or 1) > 1:
            with closing(self._statuses_in_processes(wanted, on)) as batches:  # a stop cancels the rest
                for done, computed in batches:
                    for part in _chunks(list(computed.statuses), batch):
                        changed += stored(
                            Computed(
                                on,
                                {eid: computed.statuses[eid] for eid in part},
                                {eid: computed.basis[eid] for eid in part},
                            )
                        )
                    if progress is not None:
                        progress(done, len(wanted))
            return changed
        for done, chunk in enumerate(_chunks(wanted, batch)):
            if progress is not None:
                progress(done * batch, len(wanted))
            changed += stored(self.compute_batch(chunk, on))
        if progress is not None:
            progress(len(wanted), len(wanted))
        return changed

    def store_statuses(self, computed: Computed) -> int:
        """Write a computed batch where each employee is still as read; returns how many changed."""
        return store_statuses(self.engine, computed)[0]

    def compute_statuses(self, ids: list[int], on: date) -> dict[int, Status]:
        """Status and deadlines of these employees on `on` (reads only)."""
        return self.compute_batch(ids, on).statuses

    def compute_batch(self, ids: list[int], on: date) -> Computed:
        """The statuses of these employees on `on` with what each was computed from (reads only): the
        versions are read before the profiles, so a save in between shows when the batch is stored."""
        ps, cal = policies(self.data_dir), work_calendar(self.data_dir)
        with gc_paused():
            with self.read_engine.connect() as conn:
                basis = read_basis(conn, ids)
            profiles = self.profiles_present(ids)
            reviews, filed = self._application_state(ids)
            statuses = {
                eid: compute_status(p, on, ps, cal, reviews.get(eid), filed.get(eid, ()))
                for eid, p in profiles.items()
                if eid in basis
            }
            return Computed(on, statuses, basis)

    def _statuses_in_processes(self, ids: list[int], on: date) -> Iterator[tuple[int, Computed]]:
        """A big refresh (the first start after an upgrade, the first day of a month when every income
        window moves) on every core: worker processes compute, the caller stores in small batches."""
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from multiprocessing import get_context

        url = self.engine.url.render_as_string(hide_password=False)
        workers = min(os.cpu_count() or 1, 4)
        done = 0
        with ProcessPoolExecutor(
            workers, mp_context=get_context("spawn"), initializer=_open_reader, initargs=(self.data_dir, url)
        ) as pool:
            futures = [pool.submit(_compute_in_process, chunk, on) for chunk in _chunks(ids, 1000)]
            try:
                for future in as_completed(futures):
                    computed = future.result()
                    done += len(computed.statuses)
                    yield done, computed
            except BaseException:  # stopped (the window quits): the chunks not started are not computed
                for future in futures:
                    future.cancel()
                raise

    def _application_state(self, ids: list[int]) -> tuple[dict[int, date], dict[int, set[str]]]:
        """For these employees: when a pending unit review started, and which businesses are filed and
        pending (their duties are done). Two queries for the whole batch."""
        a, ev = m.Application.__table__, m.ApplicationEvent.__table__
        reviews: dict[int, date] = {}
        filed: dict[int, set[str]] = defaultdict(set)
        with self.read_engine.connect() as conn:
            pending = conn.execute(
                select(a.c.id, a.c.employee_id, a.c.business, a.c.status).where(
                    a.c.employee_id.in_(ids), a.c.status.in_(("unit-review", "submitted"))
                )
            ).all()
            in_review = {row.id: row.employee_id for row in pending if row.status == "unit-review"}
            for row in pending:
                filed[row.employee_id].add(row.business)
            if in_review:
                q = select(ev.c.application_id, ev.c.on).where(
                    ev.c.application_id.in_(list(in_review)), ev.c.status == "unit-review"
                )
                for app_id, started in conn.execute(q.order_by(ev.c.on, ev.c.id)).all():
                    reviews[in_review[app_id]] = started  # the latest start wins
        return reviews, filed

    def stale_status_ids(self, on: date | None = None) -> list[int]:
        """Employees whose stored status no longer holds on `on` (never computed, or its day has come)."""
        on = on or self.clock.today()
        e = m.Employee.__table__
        with self.read_engine.connect() as conn:
            return list(
                conn.execute(
                    select(e.c.id).where(
                        (e.c.status_on.is_(None))
                        | (e.c.status_until.is_(None))
                        | (e.c.status_until <= on)
                        | (e.c.status_on > on)
                    )
                ).scalars()
            )


@dataclass(frozen=True)
class StoredChild:
    """A child as the children panel shows it: `id` and `version` are what a removal names."""

    id: int
    version: int
    child: Child


def _child_values(c: Any) -> tuple[Any, ...]:
    return (c.name, c.birth_date, c.hukou, c.accompany, c.parents)


def _apply_child(row: m.Child, c: Child) -> m.Child:
    row.name, row.birth_date, row.hukou, row.accompany, row.parents = _child_values(c)
    return row


def _rules_child(row: Any) -> Child:
    return Child(row.name, row.birth_date, row.hukou, row.accompany, row.parents)


PROCESS_POOL_FROM = 4000  # below this, starting worker processes costs more than it saves
_reader: Any = None


def _open_reader(data_dir: Path, url: str) -> None:
    """In a worker process: one read connection for every batch it computes."""
    global _reader
    from ..store.db import open_database
    from ..store.unit_of_work import UnitOfWork

    engine, _lock = open_database(data_dir, url, False, False)
    _reader = Employees(UnitOfWork(data_dir, engine))


def _compute_in_process(ids: list[int], on: date) -> Computed:
    return _reader.compute_batch(ids, on)


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
