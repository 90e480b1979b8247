"""The clock as a parameter: the window, the tray, the status refresh and the CLI ask a `Clock` what day it
is, so tests (and the benchmark's "the day after") set the day instead of depending on today's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta


class Clock:
    """The real clock (local time, as the HR officer's calendar)."""

    def now(self) -> datetime:
        return datetime.now()

    def today(self) -> date:
        return self.now().date()


@dataclass
class FixedClock(Clock):
    """A clock that stands still at `at` until moved (tests)."""

    at: datetime

    @classmethod
    def on(cls, day: date, hour: int = 9) -> FixedClock:
        return cls(datetime(day.year, day.month, day.day, hour))

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)
