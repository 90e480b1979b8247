"""Wage figures and holiday data entered by the user. Part of the records service."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, update
from sqlmodel import Session, select

from ..paths import user_holidays_file, user_wages_file
from ..store import models as m

if TYPE_CHECKING:
    from .records import RecordsBase as _Base
else:
    _Base = object


class CalendarDataMixin(_Base):
    # --- wage figures and holiday data --------------------------------------------------------------

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
            raise ValueError("年份或工资数额不合理")
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
        self._write_wages_file()

    def _write_wages_file(self) -> None:
        lines = ["# Written by hrdesk from the figures entered in Settings.\n"]
        for f in self.wage_figures():
            lines.append(
                f"\n[[figure]]\nyear = {f.year}\nmonthly = {f.monthly}\nx1_2 = {f.x1_2}\nx3 = {f.x3}\nx6 = {f.x6}\n"
            )
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
        by_year: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"holidays": [], "workdays": []})
        for row in self.holiday_days():
            by_year[row.day.year]["holidays" if row.kind == "holiday" else "workdays"].append(
                row.day.isoformat()
            )
        text = "# Written by hrdesk from the holiday data entered in Settings.\n"
        for y in sorted(by_year):
            text += f"\n[{y}]\nholidays = {by_year[y]['holidays']!r}\nworkdays = {by_year[y]['workdays']!r}\n"
        _atomic_text(user_holidays_file(self.data_dir), text.replace("'", '"'))

    def audit_entries(self, limit: int = 200) -> list[m.AuditEntry]:
        with self.session() as s:
            return list(s.exec(select(m.AuditEntry).order_by(m.AuditEntry.id.desc()).limit(limit)))


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _atomic_text(path: Path, text: str) -> None:
    from ..pdf.files import atomic_write_bytes

    atomic_write_bytes(path, text.encode("utf-8"))


def _statuses_outdated(s: Session) -> None:
    """New wage figures or holiday data change verdicts and deadlines: every stored status is recomputed
    on the next refresh (the window runs one when Settings close)."""
    s.exec(update(m.Employee).values(status_until=None))
