"""The check use case: read a profile (or take one built from the store), run the rules engine with
the user's wage figures, holiday data and policy settings, and hand back the result."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..clock import Clock
from ..rules.engine import check
from ..rules.policy import PolicySet, load_policy_set
from ..rules.policy import _deep_merge as merge_settings
from ..rules.profile import Profile, ProfileError, parse_profile
from ..rules.results import CheckResult
from ..rules.workdays import WorkCalendar
from .rule_data import stored_settings

_bundled: PolicySet | None = None
_cache: dict[Path, tuple[tuple[Any, ...], PolicySet]] = {}


def bundled_policies() -> PolicySet:
    """The policies, wage table and catalogues shipped in resources/ (read once)."""
    global _bundled
    if _bundled is None:
        _bundled = load_policy_set()
    return _bundled


def policies(data_dir: Path | None = None) -> PolicySet:
    """The policy set with the wage figures and policy settings stored in the database this data
    folder works on merged in (the same for every desk on a shared database); re-merged only when
    the database logs a change to them."""
    base = bundled_policies()
    if data_dir is None:
        return base
    stored = stored_settings(data_dir)
    if not stored.stamp:
        return base
    cached = _cache.get(data_dir)
    if cached and cached[0] == stored.stamp:
        return cached[1]
    years = {f.year for f in stored.wages}
    wages = [f for f in base.wages if f.year not in years] + list(stored.wages)
    merged = {
        district: (
            replace(policy, data=merge_settings(policy.data, stored.overrides[policy.id]))
            if stored.overrides and policy.id in stored.overrides
            else policy
        )
        for district, policy in base.policies.items()
    }
    result = replace(base, policies=merged, wages=sorted(wages, key=lambda f: f.year))
    _cache[data_dir] = (stored.stamp, result)
    return result


def work_calendar(data_dir: Path | None = None) -> WorkCalendar:
    """A fresh calendar (it records the years it had to guess) with the holiday data stored in the
    database this data folder works on."""
    schedules = stored_settings(data_dir).schedules if data_dir is not None else None
    return WorkCalendar(user_schedules=dict(schedules or {}))


def load_profile_file(path: Path, policy_set: PolicySet | None = None) -> Profile:
    """Read a profile JSON file; every way it can be unreadable becomes a one-line ProfileError."""
    policy_set = policy_set or policies()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ProfileError.at(str(path), "profile.no-file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError.at(str(path), "profile.unreadable", reason=exc.__class__.__name__) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError.at(
            path.name, "profile.not-json", line=exc.lineno, column=exc.colno, reason=exc.msg
        ) from None
    return parse_profile(data, policy_set.districts, tuple(policy_set.materials))


def run_check(
    profile: Profile,
    business: str,
    on: date | None = None,
    data_dir: Path | None = None,
    lang: str = "zh",
) -> CheckResult:
    """The verdict on `on`; without it, on the real clock's day (the command line's `check` without --on)."""
    on = on or Clock().today()
    return check(profile, business, on, policies(data_dir), work_calendar(data_dir), lang)
