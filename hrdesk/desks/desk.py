"""A desk's services on one database: what the window, the CLI and the benchmarks open.

`Desk.open(data_dir)` opens (and migrates) the database of the data folder, or the shared server that
`url` or HRDESK_DATABASE_URL names, and hands one unit of work to each domain service:

    desk.units          units (用人单位) and their agents
    desk.employees      summaries, profiles, add / update / delete, checks, the cached list status
    desk.applications   business applications and their events
    desk.materials      material slots and their files, scan checks on attach
    desk.trash          the trash (回收站): removed materials and deleted employees
    desk.reminders      reminder state (dismissed, snoozed) per deadline
    desk.rule_data      wage figures, holidays and district settings the users entered
    desk.audit          who changed what

Every method runs in its own transaction; a failure leaves the database as it was. The desk itself
holds no behaviour: each answer has one home, in its domain."""

from __future__ import annotations

from pathlib import Path

from ..checks.rule_data import RuleData
from ..clock import Clock
from ..deadlines.reminder_state import ReminderStates
from ..employees.applications import APPLICATION_STATUSES, Applications
from ..employees.service import Employees
from ..employees.views import EmployeeSummary
from ..materials.service import Materials
from ..materials.trash import Trash
from ..store.audit_log import AuditLog
from ..store.db import open_database
from ..store.unit_of_work import UnitOfWork
from ..units.service import Units

__all__ = ["APPLICATION_STATUSES", "Desk", "EmployeeSummary"]


class Desk:
    """The services of one desk, opened on one unit of work."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.employees = Employees(uow)
        self.units = Units(uow, self.employees)
        self.applications = Applications(uow)
        self.materials = Materials(uow, self.employees)
        self.trash = Trash(uow, self.employees)
        self.reminders = ReminderStates(uow)
        self.rule_data = RuleData(uow)
        self.audit = AuditLog(uow)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        url: str | None = None,
        lock: bool = True,
        clock: Clock | None = None,
        migrate_schema: bool = True,
    ) -> Desk:
        """`url` (or HRDESK_DATABASE_URL) names a shared database; SQLite in the data folder otherwise.
        `lock=True` refuses a second writer on the same folder (StoreLocked).
        `migrate_schema=False`: a worker process of an open desk reads the schema its parent checked."""
        engine, instance_lock = open_database(data_dir, url, lock, migrate_schema)
        return cls(UnitOfWork(data_dir, engine, instance_lock, clock))

    @property
    def data_dir(self) -> Path:
        return self.uow.data_dir

    @property
    def clock(self) -> Clock:
        return self.uow.clock

    def close(self) -> None:
        self.uow.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
