"""Calendar arithmetic shared by the rules: months, tax periods and legal periods of days."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(d: date, months: int) -> date:
    """Same day `months` later; the 31st becomes the month's last day (as a lawyer would count)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def months_before(d: date, count: int) -> list[str]:
    """The `count` complete months before the month of `d`, oldest first (the tax periods a
    declaration made in d's month can show)."""
    index = d.year * 12 + (d.month - 1)
    keys = []
    for i in range(count, 0, -1):
        year, month = divmod(index - i, 12)
        keys.append(month_key(year, month + 1))
    return keys


def years_before(d: date, count: int) -> list[str]:
    """The `count` complete calendar years before d's year, oldest first."""
    return [str(d.year - i) for i in range(count, 0, -1)]


def unit_review_due(submitted_on: date, days: int) -> date:
    """Last day the unit can review an employee's submission before the system returns it.

    Yanqing: "如超过7天未审核将自动退回" (yanqing-2024 三(二) 第三步). That is a system timer: calendar days,
    not moved by weekends or holidays (unlike a legal period, Civil Code art. 203). The submission day
    does not count (art. 201), so day `days` after it is the last day; the day after, it is returned.
    """
    return submitted_on + timedelta(days=days)
