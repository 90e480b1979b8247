"""Statutory retirement age after the 2025 gradual reform (全国人大常委会 2024-09-13 决定, in force 2025-01-01).

Men 60 → 63, female cadres 55 → 58: one month later for every four birth months from the first
affected cohort, at most 36 months. Female workers 50 → 55: one month for every two birth months,
at most 60. The retirement day is the birthday at the (delayed) age.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import add_months


@dataclass(frozen=True)
class Scheme:
    base_years: int
    first_cohort: tuple[int, int]  # (year, month) of the first birth month affected
    months_per_step: int
    max_delay_months: int


SCHEMES: dict[str, Scheme] = {
    "male": Scheme(60, (1965, 1), 4, 36),
    "female-cadre": Scheme(55, (1970, 1), 4, 36),
    "female-worker": Scheme(50, (1975, 1), 2, 60),
}


def default_category(sex: str) -> str:
    return "male" if sex == "male" else "female-cadre"


def delay_months(birth: date, category: str) -> int:
    scheme = SCHEMES[category]
    offset = (birth.year - scheme.first_cohort[0]) * 12 + (birth.month - scheme.first_cohort[1])
    if offset < 0:
        return 0
    return min(scheme.max_delay_months, offset // scheme.months_per_step + 1)


def retirement_date(birth: date, category: str) -> date:
    scheme = SCHEMES[category]
    return add_months(birth, scheme.base_years * 12 + delay_months(birth, category))
