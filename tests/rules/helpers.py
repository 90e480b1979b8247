"""Build profiles for rule tests: a complete, eligible baseline per district, changed one field at a time."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from hrdesk.checks.check import policies
from hrdesk.rules.engine import check
from hrdesk.rules.idnumber import check_char
from hrdesk.rules.profile import parse_profile
from hrdesk.rules.results import CheckResult
from hrdesk.rules.workdays import WorkCalendar

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "changping-new-ready.json"
ON = date(2026, 11, 23)


def make_id(birth: str, sex: str = "male", region: str = "130102", seq: str = "12") -> str:
    """A valid ID number for a birth date YYYYMMDD; the 17th digit is odd for men."""
    digit = "3" if sex == "male" else "4"
    first17 = f"{region}{birth}{seq}{digit}"
    return first17 + check_char(first17)


def baseline(district: str = "changping") -> dict[str, Any]:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["employer"]["district"] = district
    if district == "yanqing":
        data["employer"]["tax_paid_cny"] = {"2024": 400000, "2025": 350000, "2026": 120000}
        # Yanqing: contracts and leases need 6 months; online material ≤ 30 days.
        data["employee"]["housing"]["valid_until"] = "2027-12-31"
        for m in data["materials"]:
            if m["kind"] == "lease-contract":
                m["valid_until"] = "2027-12-31"
        data["materials"] += [
            {"kind": "diploma-verification", "file": "chsi.pdf", "issued_on": "2026-11-01"},
            {"kind": "degree-verification", "file": "cdgdc.pdf", "issued_on": "2026-11-01"},
        ]
    return data


def run(
    data: dict[str, Any],
    business: str = "new",
    on: date = ON,
    lang: str = "zh",
    calendar: WorkCalendar | None = None,
    policy_set=None,
) -> CheckResult:
    ps = policy_set or policies()
    profile = parse_profile(copy.deepcopy(data), ps.districts, tuple(ps.materials))
    return check(profile, business, on, ps, calendar or WorkCalendar(), lang)


def codes(result: CheckResult, severity: str | None = None) -> set[str]:
    return {f.code for f in result.findings if severity is None or f.severity == severity}


def material(result: CheckResult, kind: str):
    return next(m for m in result.materials if m.kind == kind)
