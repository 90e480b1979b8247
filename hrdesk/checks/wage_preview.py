"""What a new reference wage figure would change, said before it is saved (Settings applies on OK):
"此工资标准将使 12 名员工的收入门槛从 14,324 变为 15,000". Nothing is written: the figure is tried on a
copy of the policy set, and the threshold is the same rule the check uses (`PolicySet.wage_figure`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..rules.policy import WageFigure
from .check import policies


@dataclass(frozen=True)
class ThresholdChange:
    district: str
    employees: int
    before: int  # the monthly income threshold (1.2 × the average wage) in force on `on`
    after: int
    on: date  # the day the comparison was made for (today, or the figure's effective day if later)


def wage_figure_preview(
    desk: Any, year: int, monthly: int, effective_on: date | None, today: date
) -> list[ThresholdChange]:
    """Per district with employees, the 1.2× threshold now and with the new figure (only changes)."""
    ps = policies(desk.data_dir)
    on = max(today, effective_on or today)
    figure = WageFigure(
        year, monthly, round(monthly * 1.2), monthly * 3, monthly * 6, effective_on or today, "", True
    )
    trial = replace(ps, wages=[f for f in ps.wages if f.year != year] + [figure])
    counts = Counter(s.district for s in desk.employees.summaries())
    out = []
    for district, n in sorted(counts.items()):
        if district not in ps.policies:
            continue
        policy = ps.for_district(district)
        before, after = ps.wage_figure(policy, on).x1_2, trial.wage_figure(policy, on).x1_2
        if before != after:
            out.append(ThresholdChange(district, n, before, after, on))
    return out
