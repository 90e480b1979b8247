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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from ..checks.rule_data import CalendarDataMixin
from ..clock import Clock
from ..deadlines.reminder_state import ReminderStateMixin
from ..employees.applications import APPLICATION_STATUSES, ApplicationsMixin
from ..employees.service import EmployeesMixin, EmployeeSummary
from ..materials.service import MaterialsMixin
from ..store import models as m
from ..store.db import READ_ONLY, InstanceLock, open_database
from ..store.vault import Vault
from ..units.service import UnitsMixin

__all__ = ["APPLICATION_STATUSES", "EmployeeSummary", "Records", "RecordsBase"]


class RecordsBase:
    """The connection, the vault, the session and audit helpers that every part of the records service uses."""

    def __init__(
        self, data_dir: Path, engine: Engine, lock: InstanceLock | None, clock: Clock | None = None
    ) -> None:
        self.data_dir = data_dir
        self.clock = clock or Clock()  # "today" for writes that date themselves (status, events)
        self.engine = engine
        # Reads take no write lock (SQLite: a deferred BEGIN on a WAL snapshot), so the list, a case or
        # the calendar never wait for the writer; writes go through `engine` (BEGIN IMMEDIATE).
        self.read_engine = engine.execution_options(**{READ_ONLY: True})
        self.vault = Vault(data_dir / "vault", engine)
        self._lock = lock
        self.actor = _actor()
        from ..pdf.scan import ScanSettings

        self.scan_settings = ScanSettings()  # the GUI sets the user's minimum dpi and upload limit

    # --- opening ----------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        url: str | None = None,
        lock: bool = True,
        clock: Clock | None = None,
        migrate_schema: bool = True,
    ) -> Records:
        """`url` (or HRDESK_DATABASE_URL) names a shared database; SQLite in the data folder otherwise.
        `migrate_schema=False`: a worker process of an open Records reads the schema its parent checked."""
        engine, instance_lock = open_database(data_dir, url, lock, migrate_schema)
        return cls(data_dir, engine, instance_lock, clock)

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
    def session(self, readonly: bool = False) -> Iterator[Session]:
        """A transaction; `readonly=True` for reads (no write lock, never waits for the writer)."""
        with Session(self.read_engine if readonly else self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def _audit(
        self, session: Session, action: str, entity: str, entity_id: int | None, fields: Iterable[str] = ()
    ) -> None:
        session.add(
            m.AuditEntry(
                actor=self.actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                fields=",".join(sorted(fields)),
            )
        )


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


class Records(
    UnitsMixin,
    EmployeesMixin,
    MaterialsMixin,
    ApplicationsMixin,
    ReminderStateMixin,
    CalendarDataMixin,
    RecordsBase,
):
    """The records service: one object, its methods grouped by domain in the modules named above."""
