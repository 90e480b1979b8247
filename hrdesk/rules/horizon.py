"""Until when a check's answer holds: the earliest day after `on` on which any input of the rules changes
meaning. A stored status and its deadlines are valid until then, so a new day recomputes only the
employees whose day has come instead of all of them.

The rules compare dates in a few shapes — a date itself (expiry, a deadline), a date plus months or years
(tenure, experience, registration, material validity, age), a date plus days (online materials' age) —
and the income and tax windows move with the calendar month and year. This module lists those moments
for one profile; it errs early (recomputing a day too soon costs a check, too late shows a wrong status),
and never holds longer than to the first of next month. `tests/calendar/test_status_horizon.py` checks it
against the rules themselves: the check on every day before the horizon gives the same answer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from . import retirement
from .dates import add_months, add_years
from .idnumber import IdNumberError, parse_id_number
from .profile import Profile

# Month and year offsets the rules and policies count with (tenure 6 months, validity 1/3/6 months,
# experience 2 years, registration 1–3 years, graduation 3–5 years, minors 18 years, …).
MONTH_OFFSETS = (1, 3, 6, 12, 24, 36, 60)  # after a date (tenure, experience, registration, graduation)
BEFORE_MONTHS = (1, 3, 6)  # before a date (a material must stay valid 1/3/6 more months)
YEAR_OFFSETS = (18,)  # a child comes of age
DAY_OFFSETS = (1, 30, 31, 90, 180)
REACH_BACK = timedelta(days=186)  # the furthest any moment lies before its date
# Reminder and urgency lead days before a deadline, and the day after it.
LEADS = (30, 14, 7, 3, 1, 0, -1)


_PLAIN = (str, int, float)  # most of a profile (amounts, names, flags): no date inside


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def _dates_in(value: Any, depth: int = 0) -> Iterator[date]:
    """Every date inside a profile (dataclasses, lists, dicts), whatever field holds it."""
    if depth > 6 or value is None or isinstance(value, _PLAIN):
        return
    if isinstance(value, date):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for name in _field_names(type(value)):
            yield from _dates_in(getattr(value, name), depth + 1)
    elif isinstance(value, dict):
        # Forty income months are forty plain amounts: skipped here, not one generator each.
        for v in value.values():
            if v is not None and not isinstance(v, _PLAIN):
                yield from _dates_in(v, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _dates_in(v, depth + 1)


@lru_cache(maxsize=16384)
def _moments(d: date) -> tuple[date, ...]:
    """The moments of one date, kept: the people of a roster share hire, contract and expiry days, and
    a refresh of every status asks for the same dates thousands of times."""
    return tuple(_moments_of(d))


def _moments_of(d: date) -> Iterator[date]:
    yield d
    for n in DAY_OFFSETS:
        yield d + timedelta(days=n)
        yield d - timedelta(days=n)
    for n in MONTH_OFFSETS:
        yield add_months(d, n)
    for n in BEFORE_MONTHS:
        yield add_months(d, -n)
    for n in YEAR_OFFSETS:
        yield add_years(d, n)


def holds_until(
    profile: Profile, on: date, deadlines: Iterable[date] = (), changes: Iterable[date] = ()
) -> date:
    """The first day after `on` on which the answer for `profile` may differ from the answer on `on`.
    `changes`: days on which something outside the profile changes (a wage figure takes effect)."""
    first_of_next_month = add_months(on.replace(day=1), 1)
    best = first_of_next_month
    candidates: list[date] = []
    for d in deadlines:
        candidates += [d - timedelta(days=lead) for lead in LEADS]
    candidates += changes
    for d in set(_dates_in(profile)):
        # Skip dates whose every moment lies on or before `on`, or on or after the best so far.
        if add_years(d, max(YEAR_OFFSETS)) <= on or d - REACH_BACK >= best:
            continue
        candidates += _moments(d)
    try:
        identity = parse_id_number(profile.employee.id_number, on)
    except (IdNumberError, ValueError):
        identity = None
    if identity is not None:
        category = profile.employee.retirement_category or retirement.default_category(identity.sex)
        candidates.append(retirement.retirement_date(identity.birth_date, category))
    for d in candidates:
        if on < d < best:
            best = d
    return best
