"""A save's deadlines go into the window's sorted deadline list at their places: the same list as
sorting everything again, for a few new deadlines and for many."""

from __future__ import annotations

import random
from datetime import date, timedelta
from types import SimpleNamespace

from hrdesk.ui.window_loads import MERGE_LIMIT, deadline_order, merged_deadlines


def item(employee_id: int, day: int, code: str) -> SimpleNamespace:
    return SimpleNamespace(
        employee_id=employee_id,
        date=date(2027, 1, 1) + timedelta(days=day),
        employee_name=f"员工{employee_id % 7}",
        code=code,
    )


def test_merged_deadlines_equal_a_full_sort() -> None:
    rng = random.Random(3)
    items = sorted(
        (item(e, rng.randrange(60), rng.choice("abc")) for e in range(300) for _ in range(3)),
        key=deadline_order,
    )
    for count in (4, MERGE_LIMIT + 1):  # one save; a refresh of many people
        changed = set(rng.sample(range(300), max(1, count // 3)))
        fresh = [item(e, rng.randrange(60), rng.choice("abcd")) for e in changed for _ in range(3)][:count]
        merged = merged_deadlines(items, changed, fresh)
        expected = sorted([d for d in items if d.employee_id not in changed] + fresh, key=deadline_order)
        assert [deadline_order(d) for d in merged] == [deadline_order(d) for d in expected]
        assert sorted(map(id, merged)) == sorted(map(id, expected))  # the same items, none lost or doubled
