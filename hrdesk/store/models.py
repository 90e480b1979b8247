"""The records: SQLModel tables for units, agents, employees and everything hung on them.

Portable on purpose (SQLite here, PostgreSQL for a shared desk later): plain types, JSON for the small
structured facts that the rules read as a whole (education, housing, IP …), real tables for what grows or
is queried (income periods, children, permits, applications, materials, audit). Schema changes go through
Alembic migrations in `migrations/versions/`, never `create_all`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, LargeBinary, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timestamps are stored in UTC (SQLModel insists on aware datetimes); shown in local time."""
    return datetime.now(UTC)


def _json(default: Any = None) -> Any:
    return Field(default=default, sa_column=Column(JSON, nullable=True))


def _version() -> Any:
    """Migration 0006: bumped by every save (store/versions.py); a save that names an older version
    than the stored one came from a desk that had not seen the other desk's save, and is refused."""
    return Field(default=1, sa_column_kwargs={"server_default": "1"})


class Employer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    credit_code: str = ""
    district: str = Field(index=True)
    entity_type: str = "enterprise"
    registered_on: date | None = None
    registered_capital_cny: float | None = None
    tax_registered_on: date | None = None
    tax_paid_cny: dict[str, float] | None = _json()
    innovation_entity: str | None = None
    service_entity: str | None = None
    restricted_industry: bool = False
    good_standing: bool = True
    permission_granted: bool = True
    new_quota_remaining: int | None = None
    # Migration 0011: the day the Yanqing talent centre called the unit to file (its filing deadline).
    filing_notice_on: date | None = None
    version: int = _version()


class Agent(SQLModel, table=True):
    """经办人: insured by the unit; may not process their own application."""

    id: int | None = Field(default=None, primary_key=True)
    employer_id: int = Field(foreign_key="employer.id", index=True, ondelete="CASCADE")
    name: str
    id_number: str = ""
    phone: str = ""
    insured_by_unit: bool = True  # the unit pays their social insurance (the profile's `social_insurance`)
    active: bool = True
    # Migration 0011: the unit signs their contract and withholds their income tax (changping-2026 三(六)).
    contract: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    tax: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    version: int = _version()  # migration 0009


class Employee(SQLModel, table=True):
    # Migration 0004: one employee per ID number (blank numbers aside). A database that held duplicates
    # gets the index once they are merged (services/roster_store.py `ensure_unique_index`).
    __table_args__ = (
        Index(
            "ux_employee_id_number",
            "id_number",
            unique=True,
            sqlite_where=text("id_number <> ''"),
            postgresql_where=text("id_number <> ''"),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    employer_id: int = Field(foreign_key="employer.id", index=True, ondelete="RESTRICT")
    name: str = Field(index=True)
    id_number: str = Field(index=True)
    retirement_category: str | None = None
    hukou: str = "other-province"
    retired: bool = False
    criminal_record: bool = False
    dispatched: bool = False
    hired_on: date | None = None
    career_started_on: date | None = None
    same_employer: dict[str, bool] | None = _json()
    education: dict[str, Any] | None = _json()
    title: str = "none"
    awards: list[Any] | None = _json()
    ip: dict[str, Any] | None = _json()
    founder: dict[str, Any] | None = _json()
    freelancer: dict[str, Any] | None = _json()
    talent_programs: list[Any] | None = _json()
    housing: dict[str, Any] | None = _json()
    marital_status: str = "unmarried"
    contract_ends_on: date | None = None
    left_previous_employer_on: date | None = None
    notes: str = ""  # added in migration 0002
    # Migration 0011: social insurance per month ({"2026-05": "paid"}), read as a whole by the rules;
    # the household register's changed pages are needed.
    social_insurance_months: dict[str, str] | None = _json()
    hukou_changed: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
    # What the list view shows without running the rules for 10,000 rows: refreshed on every change
    # and once a day (dates move even when records do not).
    status: str = Field(default="unknown", index=True)
    status_business: str = "new"
    next_deadline: date | None = Field(default=None, index=True)
    next_deadline_code: str | None = None
    status_on: date | None = None
    status_until: date | None = Field(default=None, index=True)  # recompute on or after this day (0003)
    urgency: str | None = None  # overdue | this-week | None (0003)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = _version()


class DeadlineItem(SQLModel, table=True):
    """One dated duty of an employee, as the last rules check for their business gave it (0003).
    The message is made from `code` and `params` in the reader's language when shown."""

    __tablename__ = "deadline_item"
    id: int | None = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True, ondelete="CASCADE")
    code: str
    day: date = Field(index=True)
    material: str | None = None
    params: dict[str, Any] | None = _json()


class Child(SQLModel, table=True):
    """随往子女."""

    id: int | None = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True, ondelete="CASCADE")
    name: str = ""
    birth_date: date | None = None
    hukou: str = "other-province"
    accompany: bool = False
    parents: str = "married"
    version: int = _version()  # migration 0009


class Permit(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True, unique=True, ondelete="CASCADE")
    number: str = ""
    issued_on: date | None = None
    expires_on: date | None = Field(default=None, index=True)
    status: str = "active"  # active | suspended (挂起) | expired
    # Migration 0011: the units that held the permit, oldest first ([{held_from, held_until, credit_code,
    # name, suspended}]); read as a whole by the Changping renewal check.
    unit_history: list[dict[str, Any]] | None = _json()


class IncomeRecord(SQLModel, table=True):
    """Declared income per tax month (`period` YYYY-MM) or per calendar year (YYYY)."""

    __table_args__ = (UniqueConstraint("employee_id", "kind", "period"),)
    id: int | None = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True, ondelete="CASCADE")
    kind: str  # monthly | annual
    period: str
    amount_cny: float
    version: int = _version()  # migration 0009


class Application(SQLModel, table=True):
    """业务: one business filed for one employee, with its status history in ApplicationEvent."""

    id: int | None = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True, ondelete="CASCADE")
    business: str
    status: str = "draft"  # draft → unit-review → submitted → returned / approved / rejected
    created_on: date  # the desk's day, given by the caller (applications.py, the trash's restore)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = _version()  # migration 0009


class ApplicationEvent(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    status: str
    on: date
    note: str = ""  # 退回意见 for returns


class Material(SQLModel, table=True):
    # Migration 0002: the materials panel and the list status read "this employee's live materials".
    __table_args__ = (Index("ix_material_employee_live", "employee_id", "deleted_at"),)
    id: int | None = Field(default=None, primary_key=True)
    employee_id: int | None = Field(default=None, foreign_key="employee.id", index=True, ondelete="CASCADE")
    employer_id: int | None = Field(default=None, foreign_key="employer.id", index=True, ondelete="CASCADE")
    kind: str = Field(index=True)
    sha256: str | None = Field(default=None, index=True)  # the file in the vault; None = recorded, no file
    original_name: str = ""
    pages: int | None = None
    size_bytes: int | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    verified_by: str | None = None
    verified_at: datetime | None = None
    defects: list[str] | None = _json()
    position: int = 0
    added_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = Field(default=None, index=True)  # in the trash
    version: int = _version()


class WageFigureRow(SQLModel, table=True):
    __tablename__ = "wage_figure"
    year: int = Field(primary_key=True)
    monthly: int
    x1_2: int
    x3: int
    x6: int
    effective_on: date | None = None
    source: str = ""


class HolidayDay(SQLModel, table=True):
    __tablename__ = "holiday_day"
    day: date = Field(primary_key=True)
    kind: str  # holiday | workday


class ReminderState(SQLModel, table=True):
    """Per desk user (migration 0006): one officer snoozing a reminder does not silence it for the
    others on a shared database."""

    __tablename__ = "reminder_state"
    desk_user: str = Field(default="", primary_key=True)
    key: str = Field(primary_key=True)  # stable deadline key: employee, code, date, lead
    state: str  # snoozed | dismissed | shown
    until: datetime | None = None
    updated_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Who changed what and when; field names only, never values (values are sensitive)."""

    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = ""
    action: str
    entity: str
    entity_id: int | None = None
    fields: str = ""


class Blob(SQLModel, table=True):
    """A stored file's content, named by its SHA-256 (migration 0006): the vault lives in the database
    so every desk sees every scan; each desk's `vault/` folder is only a cache of these rows."""

    __tablename__ = "blob"
    sha256: str = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size_bytes: int
    added_at: datetime = Field(default_factory=utcnow)


class PolicySetting(SQLModel, table=True):
    """Settings the user entered for one policy (e.g. Yanqing's unpublished tax standard), merged over
    the bundled policy file; one row per policy id (migration 0006, replaces policy-settings.toml)."""

    __tablename__ = "policy_setting"
    policy_id: str = Field(primary_key=True)
    data: dict[str, Any] | None = _json()
    updated_at: datetime = Field(default_factory=utcnow)


class ChangeLogEntry(SQLModel, table=True):
    """One row per write, filled by database triggers (migration 0006), so writes by any desk, any
    code path and any restore are seen: other desks poll `id > their counter` (services/changes.py)."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity_id", "entity", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    entity: str
    employee_id: int | None = Field(default=None, index=True)
    employer_id: int | None = None
    # Migration 0009, PostgreSQL: the writing transaction (`pg_current_xact_id()`, set by the
    # column's default), so a reader re-reads entries of transactions still running (changes.py).
    xid: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True, index=True))


class TrashedEmployee(SQLModel, table=True):
    """回收站: a deleted employee, restorable until the trash is emptied (migration 0005).

    The employee's rows are gone (nothing else has to skip deleted employees); `snapshot` holds what a
    restore needs: the profile (interchange format), the materials with their vault files, the
    applications with their events, the notes. The vault files stay while a snapshot names them."""

    __tablename__ = "trashed_employee"
    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    id_masked: str = ""
    employer_name: str = ""
    deleted_at: datetime = Field(default_factory=utcnow, index=True)
    snapshot: dict[str, Any] | None = _json()
