"""Chinese working days: public holidays and their make-up workdays (调休).

`chinesecalendar` knows the State Council's schedule for the years it was released with; the user can
add later years (or correct one) as data, typed in or pasted from the notice (`holiday_notice`). A year
neither knows is estimated from 《全国年节及纪念日放假办法》 (`statutory_holidays`) and recorded, so the caller
can raise CALENDAR_YEAR_UNKNOWN instead of guessing silently. The estimate leans early: counting back
(a last safe day) skips every weekday a notice might give off; counting forward (a duty within N
working days) counts every weekend day a notice might make a working day.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar

from .statutory_holidays import estimate_year


@dataclass(frozen=True)
class YearSchedule:
    """One year's official schedule: days off that fall on weekdays, and weekend days worked."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()


class HolidayDataError(ValueError):
    pass


def load_user_schedules(path: Path) -> dict[int, YearSchedule]:
    """Read holiday data the user entered: a TOML table per year with `holidays` and `workdays` lists."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise HolidayDataError(f"{path.name}: {exc}") from exc
    return schedules_from_mapping(raw)


def schedules_from_mapping(raw: Mapping[str, object]) -> dict[int, YearSchedule]:
    result: dict[int, YearSchedule] = {}
    for key, table in raw.items():
        if not (isinstance(key, str) and key.isdigit() and len(key) == 4) or not isinstance(table, Mapping):
            raise HolidayDataError(f"holiday data: '{key}' is not a year table")
        year = int(key)
        days: dict[str, frozenset[date]] = {}
        for name in ("holidays", "workdays"):
            values = table.get(name, [])
            parsed = set()
            for v in values:
                d = v if isinstance(v, date) else _parse_day(v)
                if d.year != year:
                    raise HolidayDataError(f"holiday data {year}: {d.isoformat()} is not in {year}")
                parsed.add(d)
            days[name] = frozenset(parsed)
        result[year] = YearSchedule(days["holidays"], days["workdays"])
    return result


def _parse_day(value: object) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise HolidayDataError(f"holiday data: '{value}' is not a date (YYYY-MM-DD)") from None


def _library_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@dataclass
class WorkCalendar:
    """Answers "is this a working day?"; remembers every year it had to guess."""

    user_schedules: Mapping[int, YearSchedule] = field(default_factory=dict)
    unknown_years: set[int] = field(default_factory=set)
    _known_cache: dict[int, bool] = field(default_factory=dict, repr=False)
    # (start, count) → (result, unknown years touched): many permits share dates, and a cached answer
    # must still report the years it had to guess.
    _count_cache: dict[tuple[date, int], tuple[date, frozenset[int]]] = field(
        default_factory=dict, repr=False
    )

    def knows(self, year: int) -> bool:
        if year in self.user_schedules:
            return True
        if year not in self._known_cache:
            self._known_cache[year] = _library_knows(year)
        return self._known_cache[year]

    def is_workday(self, d: date) -> bool:
        """Exact for known years; for an unknown year the likeliest answer (a weekday that is not a
        statutory holiday). Deadlines do not use this for unknown years: see `_counts`."""
        return self._counts(d, None)

    def _counts(self, d: date, forward: bool | None) -> bool:
        """Whether `d` counts as a working day when counting forward (True), back (False) or neither."""
        schedule = self.user_schedules.get(d.year)
        if schedule is not None:
            if d in schedule.workdays:
                return True
            if d in schedule.holidays:
                return False
            return d.weekday() < 5
        if self.knows(d.year):
            return chinese_calendar.is_workday(d)
        self.unknown_years.add(d.year)
        estimate = estimate_year(d.year)
        if forward is None:
            return estimate.likely_workday(d)
        return estimate.maybe_workday(d) if forward else estimate.surely_workday(d)

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (start itself not counted); negative counts go back."""
        hit = self._count_cache.get((start, count))
        if hit is not None:
            self.unknown_years.update(hit[1])
            return hit[0]
        before = set(self.unknown_years)
        self.unknown_years.clear()
        result = self._count(start, count)
        touched = frozenset(self.unknown_years)
        self.unknown_years.update(before)
        self._count_cache[(start, count)] = (result, touched)
        return result

    def _count(self, start: date, count: int) -> date:
        step = timedelta(days=1 if count >= 0 else -1)
        remaining = abs(count)
        d = start
        forward = count >= 0
        while remaining:
            d += step
            if self._counts(d, forward):
                remaining -= 1
        return d

    def period_end(self, start: date, days: int) -> date:
        """End of a period of `days` calendar days after an event (Civil Code arts. 201, 203): the event
        day is not counted, and a last day that is a rest day moves to the next working day."""
        d = start + timedelta(days=days)
        # For an unknown year, stop at the first day that may be a working day (early, never late).
        while not self._counts(d, True):
            d += timedelta(days=1)
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`."""
        return sum(1 for i in range(1, (end - start).days + 1) if self.is_workday(start + timedelta(days=i)))


def make_calendar(user_files: Iterable[Path] = ()) -> WorkCalendar:
    schedules: dict[int, YearSchedule] = {}
    for path in user_files:
        if path.exists():
            schedules.update(load_user_schedules(path))
    return WorkCalendar(user_schedules=schedules)
