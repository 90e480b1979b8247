"""Form use case: a printable form for one profile (and, for the checklist, one business)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from ..checks.check import policies, run_check
from ..printing.checklist import render_checklist
from ..printing.forms import FORM_IDS, render_form
from ..rules.profile import Profile
from ..rules.results import CheckResult

__all__ = ["FORM_IDS", "make_form", "checklist_pdf"]


def checklist_pdf(
    result: CheckResult,
    profile: Profile,
    pages: Mapping[str, int] | None = None,
    overridden: list[str] | None = None,
    data_dir: Path | None = None,
    *,
    printed_on: date,
) -> bytes:
    """The checklist with the district's name; `printed_on` is the desk's day (its footer)."""
    policy = policies(data_dir).for_district(profile.employer.district)
    return render_checklist(
        result, profile, pages, overridden, district_name=policy.name_zh, printed_on=printed_on
    )


def make_form(
    form_id: str,
    profile: Profile,
    business: str = "new",
    on: date | None = None,
    data_dir: Path | None = None,
    *,
    today: date,
) -> bytes:
    """`on`: the day the form is for (a check on a planned day); `today`: the desk's day, the default
    for `on` and the checklist's "made on"."""
    if form_id == "checklist":
        result = run_check(profile, business, on or today, data_dir)
        return checklist_pdf(result, profile, data_dir=data_dir, printed_on=today)
    return render_form(form_id, profile, on or today)
