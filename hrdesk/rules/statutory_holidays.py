"""Public holidays of a year the holiday calendar does not know yet, computed from the law.

《全国年节及纪念日放假办法》 fixes which days are off (新年、春节 from 除夕、清明、劳动节、端午、中秋、国庆);
the State Council's yearly notice then joins them into longer breaks with make-up working days (调休),
and that part cannot be computed. So an estimate keeps three sets: the statutory days (certainly off),
weekdays that may be given off, and weekend days that may be worked. Callers pick the reading that
makes their deadline early, never late. The festivals and windows are data:
`resources/statutory_holidays.toml`; lunar dates come from `lunardate`, 清明 from `chinesecalendar`'s
solar terms.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

import chinese_calendar
from lunardate import LunarDate

from ..resources import resources_dir

LUNAR_YEARS = range(1901, 2099)  # lunardate covers 1900–2099; a festival needs its year and the next


@dataclass(frozen=True)
class Festival:
    name: str
    calendar: str  # "solar" | "lunar" | "solar-term"
    days: int
    rest_window: tuple[int, int]
    makeup_window: tuple[int, int]
    month: int = 0
    day: int = 0
    term: str = ""
    first_offset: int = 0

    def anchor(self, year: int) -> date | None:
        """The festival's day in `year` (正月初一 for 春节); None when it cannot be computed."""
        if self.calendar == "solar":
            return date(year, self.month, self.day)
        if self.calendar == "lunar":
            if year not in LUNAR_YEARS:
                return None
            return LunarDate(year, self.month, self.day).to_solar_date()
        if self.calendar == "solar-term":
            try:
                terms = chinese_calendar.get_solar_terms(date(year, 3, 1), date(year, 5, 31))
            except (KeyError, IndexError, ValueError):
                return None
            return next((d for d, name in terms if name == self.term), None)
        raise ValueError(f"statutory holidays: unknown calendar '{self.calendar}'")

    def statutory_days(self, year: int) -> list[date]:
        start = self.anchor(year)
        if start is None:
            return []
        first = start + timedelta(days=self.first_offset)
        return [first + timedelta(days=i) for i in range(self.days)]

    def window(self, year: int, bounds: tuple[int, int]) -> list[date]:
        start = self.anchor(year)
        if start is None:
            return []
        return [start + timedelta(days=i) for i in range(bounds[0], bounds[1] + 1)]


@dataclass(frozen=True)
class YearEstimate:
    """What the law says about one year before its notice is out."""

    year: int
    statutory: frozenset[date]
    maybe_off: frozenset[date]  # weekdays a notice may give off (补假, bridging days)
    maybe_on: frozenset[date]  # weekend days a notice may make working days (调休上班)
    source: str = ""

    def likely_workday(self, d: date) -> bool:
        """The single best answer: a weekday that is not a statutory holiday."""
        return d.weekday() < 5 and d not in self.statutory

    def surely_workday(self, d: date) -> bool:
        """Counting back (a last safe day): only days no notice can take away count."""
        return self.likely_workday(d) and d not in self.maybe_off

    def maybe_workday(self, d: date) -> bool:
        """Counting forward (a duty within N working days): every day a notice could make a working day."""
        return self.likely_workday(d) or d in self.maybe_on


@cache
def festivals() -> tuple[tuple[Festival, ...], str]:
    raw: dict[str, Any] = tomllib.loads(
        (resources_dir() / "statutory_holidays.toml").read_text(encoding="utf-8")
    )
    out = []
    for f in raw["festival"]:
        out.append(
            Festival(
                name=f["name"],
                calendar=f["calendar"],
                days=int(f["days"]),
                rest_window=(int(f["rest_window"][0]), int(f["rest_window"][1])),
                makeup_window=(int(f["makeup_window"][0]), int(f["makeup_window"][1])),
                month=int(f.get("month", 0)),
                day=int(f.get("day", 0)),
                term=f.get("term", ""),
                first_offset=int(f.get("first_offset", 0)),
            )
        )
    return tuple(out), raw.get("source", "")


@cache
def estimate_year(year: int) -> YearEstimate:
    """The estimate for `year`. Festivals of the neighbouring years count too: 元旦's break can begin
    on 29–31 December, and a 春节 in late January can have its make-up days in the December before."""
    all_festivals, source = festivals()
    statutory: set[date] = set()
    maybe_off: set[date] = set()
    maybe_on: set[date] = set()
    for y in (year - 1, year, year + 1):
        for f in all_festivals:
            statutory.update(f.statutory_days(y))
            maybe_off.update(d for d in f.window(y, f.rest_window) if d.weekday() < 5)
            maybe_on.update(d for d in f.window(y, f.makeup_window) if d.weekday() >= 5)

    def this_year(days: set[date]) -> frozenset[date]:
        return frozenset(d for d in days if d.year == year)

    return YearEstimate(
        year, this_year(statutory), this_year(maybe_off - statutory), this_year(maybe_on), source
    )


def statutory_holidays(year: int) -> list[date]:
    """The days 《全国年节及纪念日放假办法》 gives off in `year`, in order."""
    return sorted(estimate_year(year).statutory)
