"""The start page's counts, tallied by distinct value for 50,000 rows, say what the row-by-row rule says."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hrdesk.clock import FixedClock
from hrdesk.employees.views import EmployeeSummary
from hrdesk.ui.dashboard import URGENCY_CARDS, Dashboard, card_counts, expiry_months, urgency_matches

TODAY = date(2026, 12, 6)


def summary(i: int) -> EmployeeSummary:
    deadline = None if i % 4 == 0 else TODAY + timedelta(days=(i * 7) % 50 - 10)
    expires = None if i % 3 == 0 else date(2026 + i % 3, 1 + i % 12, 1 + i % 28)
    urgency = {0: "overdue", 1: "this-week"}.get(i % 9)
    return EmployeeSummary(
        i, f"员工{i}", "1101**********0011", 1, "北京示例科技有限公司", "changping", expires,
        "ready", deadline, None, "", urgency, "",
    )  # fmt: skip


def test_card_and_month_counts_match_the_rule_row_by_row():
    rows = [summary(i) for i in range(400)]
    expected = {kind: sum(1 for s in rows if urgency_matches(kind, s, TODAY)) for kind in URGENCY_CARDS}
    assert card_counts(rows, TODAY) == expected
    assert expected["this-month"] > expected["overdue"] + expected["this-week"] > 0
    naive = Counter((s.permit_expires.year, s.permit_expires.month) for s in rows if s.permit_expires)
    assert expiry_months(rows) == naive


def test_counts_after_saves_are_the_counts_of_the_new_list(qapp):
    """A save or a status refresh changes the counts by its rows alone: the same figures as counting the
    whole new list (a changed status, urgency and permit date; a person added; a person deleted)."""
    from dataclasses import replace

    rows = [summary(i) for i in range(60)]
    page = Dashboard(FixedClock.on(TODAY))
    page.set_summaries(list(rows), TODAY)
    before = [rows[5], rows[9], rows[12]]
    after = [
        replace(rows[5], status="expired", urgency="overdue", permit_expires=date(2027, 3, 1)),
        replace(rows[9], status="valid", urgency=None, next_deadline=None),
        summary(77),  # new
    ]  # 12 deleted
    new_rows = [r for r in rows if r.id not in (5, 9, 12)] + after
    page.change_summaries(new_rows, before, after)
    fresh = Dashboard(FixedClock.on(TODAY))
    fresh.set_summaries(new_rows, TODAY)
    assert page.counts() == fresh.counts() == dict(Counter(r.status for r in new_rows))
    assert page.urgency_counts() == fresh.urgency_counts() == card_counts(new_rows, TODAY)
    assert page.chart.counts == fresh.chart.counts and sum(page.chart.counts) > 0
    assert [b.text() for b in page.buttons.values()] == [b.text() for b in fresh.buttons.values()]
