"""Wage figures, holiday data and policy settings entered by the user: stored in the database (one
source of truth for every desk on it) and read back for the rules engine (`stored_settings`, cached
until a change is logged)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, case, delete, func, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from ..catalogue import CodedError
from ..rules.policy import WageFigure
from ..rules.workdays import YearSchedule
from ..store import models as m
from ..store.db import database_path, make_engine, read_only, registered_engine, resolve_url
from ..store.unit_of_work import Service


class RuleDataError(CodedError, ValueError):
    """A wage figure or a holiday date the rules cannot take, said by key (`rule-data.*`): the settings
    dialog shows it in the person's language."""


class RuleData(Service):
    """The figures and days the rules read that users enter: wage figures, holidays, district settings."""

    def wage_figures(self) -> list[m.WageFigureRow]:
        with self.session() as s:
            return list(s.exec(select(m.WageFigureRow).order_by(m.WageFigureRow.year)))

    def save_wage_figure(
        self,
        year: int,
        monthly: int,
        effective_on: date | None = None,
        source: str = "",
        on: date | None = None,
    ) -> None:
        if not (1990 <= year <= 2100) or monthly <= 0:
            raise RuleDataError("rule-data.wage-invalid")
        # Entered without a date: it counts from the day it is entered (`on`), never back to 1 January —
        # "未公布…前，参照上一年度执行" (changping-2026 二(二)5 注).
        effective_on = effective_on or on or self.clock.today()
        with self.session() as s:
            row = s.get(m.WageFigureRow, year) or m.WageFigureRow(
                year=year, monthly=monthly, x1_2=0, x3=0, x6=0
            )
            row.monthly, row.x1_2, row.x3, row.x6 = monthly, round(monthly * 1.2), monthly * 3, monthly * 6
            row.effective_on, row.source = effective_on, source
            s.add(row)
            self._audit(s, "save", "wage_figure", year)
            _statuses_outdated(s)
        forget_stored_settings()

    def holiday_days(self) -> list[m.HolidayDay]:
        with self.session() as s:
            return list(s.exec(select(m.HolidayDay).order_by(m.HolidayDay.day)))

    def set_holiday_year(self, year: int, holidays: Iterable[date], workdays: Iterable[date]) -> None:
        holidays, workdays = sorted(set(holidays)), sorted(set(workdays))
        for d in [*holidays, *workdays]:
            if d.year != year:
                raise RuleDataError("rule-data.day-outside-year", day=d.isoformat(), year=str(year))
        with self.session() as s:
            s.exec(
                delete(m.HolidayDay).where(
                    m.HolidayDay.day >= date(year, 1, 1), m.HolidayDay.day <= date(year, 12, 31)
                )
            )
            for d in holidays:
                s.add(m.HolidayDay(day=d, kind="holiday"))
            for d in workdays:
                s.add(m.HolidayDay(day=d, kind="workday"))
            self._audit(s, "save", "holidays", year)
            _statuses_outdated(s)
        forget_stored_settings()

    def policy_settings(self) -> dict[str, dict[str, Any]]:
        with self.session() as s:
            return {r.policy_id: dict(r.data or {}) for r in s.exec(select(m.PolicySetting))}

    def save_policy_setting(self, policy_id: str, data: dict[str, Any] | None) -> None:
        """Settings for one policy, merged over its bundled file (e.g. Yanqing's tax standard); None
        removes them."""
        with self.session() as s:
            row = s.get(m.PolicySetting, policy_id)
            if data is None:
                if row is not None:
                    s.delete(row)
            else:
                row = row or m.PolicySetting(policy_id=policy_id)
                row.data, row.updated_at = data, self.uow.now_utc()
                s.add(row)
            self._audit(s, "save", "policy_setting", None, [policy_id])
            _statuses_outdated(s)
        forget_stored_settings()


SETTINGS_ENTITIES = ("wage_figure", "holiday_day", "policy_setting")


@dataclass(frozen=True)
class StoredSettings:
    """What the user entered, as the rules want it."""

    stamp: tuple[Any, ...]
    wages: tuple[WageFigure, ...] = ()
    schedules: dict[int, YearSchedule] | None = None
    overrides: dict[str, dict[str, Any]] | None = None
    read_at: float = 0.0


# Another desk's new wage figure reaches this desk's rules within this many seconds; this desk's own
# saves at once (they clear the cache). Saves a database round trip on every rules check.
SETTINGS_TTL = 2.0


NO_SETTINGS = StoredSettings(stamp=())


def forget_stored_settings() -> None:
    _settings_cache.clear()


_settings_cache: dict[Path, StoredSettings] = {}
_fallback_engines: dict[Path, Engine] = {}
_lock = threading.Lock()


def stored_settings(data_dir: Path) -> StoredSettings:
    """The wage figures, holiday data and policy settings of the database this data folder works on
    (the open Records' one; or, for a command that opened none, the folder's SQLite file or the
    shared database it is configured for). Asked at most every SETTINGS_TTL seconds, re-read only when
    the change log shows a new write."""
    key = data_dir.resolve()
    cached = _settings_cache.get(key)
    if cached is not None and time.monotonic() - cached.read_at < SETTINGS_TTL:
        return cached
    engine = registered_engine(data_dir) or _fallback_engine(data_dir)
    if engine is None:
        return NO_SETTINGS
    try:
        # A read: it must not take SQLite's write lock (BEGIN IMMEDIATE), or a check made while a write
        # transaction runs — an import computing its new people's statuses — would wait for it, then
        # fall back to the bundled figures.
        with engine.connect() as conn:
            read_only(conn)
            log = m.ChangeLogEntry.__table__
            restore = case((log.c.entity == "restore", log.c.id))
            newest = conn.execute(
                select(func.max(log.c.id), func.max(restore)).where(
                    log.c.entity.in_((*SETTINGS_ENTITIES, "restore"))
                )
            ).one()
            stamp = (id(engine), *newest)
            if cached is not None and cached.stamp == stamp:
                result = replace(cached, read_at=time.monotonic())
                _settings_cache[key] = result
                return result
            wages = tuple(
                WageFigure(r.year, r.monthly, r.x1_2, r.x3, r.x6, r.effective_on, r.source or "")
                for r in conn.execute(select(m.WageFigureRow.__table__).order_by(m.WageFigureRow.year))
            )
            days: dict[int, dict[str, set[date]]] = defaultdict(lambda: {"holiday": set(), "workday": set()})
            for r in conn.execute(select(m.HolidayDay.__table__)):
                days[r.day.year][r.kind].add(r.day)
            schedules = {
                y: YearSchedule(frozenset(v["holiday"]), frozenset(v["workday"])) for y, v in days.items()
            }
            overrides = {
                r.policy_id: dict(r.data or {}) for r in conn.execute(select(m.PolicySetting.__table__))
            }
    except SQLAlchemyError:
        # A database at an older schema (no change log yet) or unreachable: the bundled figures
        # apply, and opening the records will say what is wrong.
        return NO_SETTINGS
    result = StoredSettings(stamp, wages, schedules, overrides, time.monotonic())
    with _lock:
        _settings_cache[key] = result
    return result


def _fallback_engine(data_dir: Path) -> Engine | None:
    key = data_dir.resolve()
    with _lock:
        if key not in _fallback_engines:
            url = resolve_url(data_dir)
            if url.startswith("sqlite") and not database_path(data_dir).exists():
                return None
            try:
                _fallback_engines[key] = make_engine(url)
            except Exception:
                return None
        return _fallback_engines[key]


def _statuses_outdated(s: Session) -> None:
    """New wage figures, holiday data or policy settings change verdicts and deadlines: every stored
    status is recomputed on the next refresh (the window runs one when Settings close)."""
    s.exec(update(m.Employee).values(status_until=None))
