"""The check use case: read a profile (or take one built from the store), run the rules engine with
the user's wage figures, holiday data and policy settings, and hand back the result."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ..paths import policy_overrides_file, user_holidays_file, user_wages_file
from ..rules.engine import check
from ..rules.policy import PolicySet, load_policy_set
from ..rules.profile import Profile, ProfileError, parse_profile
from ..rules.results import CheckResult
from ..rules.workdays import WorkCalendar, make_calendar

_cache: dict[Path | None, tuple[tuple[float, ...], PolicySet]] = {}


def _stamp(paths: list[Path]) -> tuple[float, ...]:
    return tuple(p.stat().st_mtime if p.exists() else 0.0 for p in paths)


def policies(data_dir: Path | None = None) -> PolicySet:
    """The policy set with the user's own figures and settings merged in; reloaded when they change."""
    user_files = [user_wages_file(data_dir), policy_overrides_file(data_dir)] if data_dir else []
    stamp = _stamp(user_files)
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    result = load_policy_set(
        user_wages=user_files[0] if user_files else None,
        overrides=user_files[1] if user_files else None,
    )
    _cache[data_dir] = (stamp, result)
    return result


def work_calendar(data_dir: Path | None = None) -> WorkCalendar:
    return make_calendar([user_holidays_file(data_dir)] if data_dir else [])


def load_profile_file(path: Path, policy_set: PolicySet | None = None) -> Profile:
    """Read a profile JSON file; every way it can be unreadable becomes a one-line ProfileError."""
    policy_set = policy_set or policies()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ProfileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return parse_profile(data, policy_set.districts, tuple(policy_set.materials))


def run_check(
    profile: Profile,
    business: str,
    on: date | None = None,
    data_dir: Path | None = None,
    lang: str = "zh",
) -> CheckResult:
    return check(profile, business, on or date.today(), policies(data_dir), work_calendar(data_dir), lang)
