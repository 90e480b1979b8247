"""Keep example profiles valid whatever day the tests run: tests that go through `date.today()` (the GUI,
stored-employee packs) must not start failing next month because the income window moved on or a
lease came too close to its end."""

from __future__ import annotations

from datetime import date

from hrdesk.rules.dates import months_before
from hrdesk.rules.profile import Profile

FAR = date(2035, 12, 31)
EXAMPLES_WRITTEN_FOR = date(2026, 11, 23)  # the `--on` date the example profiles were written for


def keep_current(profile: Profile, today: date | None = None) -> Profile:
    today = today or date.today()
    e = profile.employee
    shift = today - EXAMPLES_WRITTEN_FOR
    if e.permit is not None:  # keep "expires in 27 days" meaning 27 days from whenever the tests run
        e.permit.issued_on = e.permit.issued_on and e.permit.issued_on + shift
        e.permit.expires_on = e.permit.expires_on and e.permit.expires_on + shift
    if e.left_previous_employer_on is not None:
        e.left_previous_employer_on += shift
    tax = profile.employer.tax_paid_cny
    if tax:
        best = max(tax.values())
        for year in range(today.year - 3, today.year + 1):
            tax.setdefault(str(year), best)
    if e.monthly_income_cny:
        # Same level as the example (so a low earner stays low), for every month the rules may look at.
        level = min(e.monthly_income_cny.values())
        complete = len(e.monthly_income_cny) >= 6
        for month in months_before(today, 40):
            e.monthly_income_cny.setdefault(month, level)
        if not complete:  # an example with a gap keeps one
            e.monthly_income_cny.pop(months_before(today, 1)[0], None)
    if e.housing is not None and e.housing.valid_until is not None:
        e.housing.valid_until = FAR
    if e.contract_ends_on is not None:
        e.contract_ends_on = FAR
    for m in profile.materials:
        if m.valid_until is not None:
            m.valid_until = FAR
        if m.issued_on is not None:  # freshly obtained, as HR would before filing
            m.issued_on = today
    return profile
