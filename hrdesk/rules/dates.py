"""Calendar arithmetic shared by the rules: months, tax periods and legal periods of days."""

from __future__ import annotations

import calendar
from datetime import date


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
