"""The plain read model the window shows in thousands: one row of the employee list.

Kept apart from the services that build them so the window can import them (and paint) without
loading the database layer (SQLAlchemy and Alembic take about half a second to import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def urgency_rank(urgency: str | None) -> int:
    """Where an urgency sorts: an overdue duty first, then one due this week, then the rest (SPEC §6:
    overdue sorts first everywhere — the window's list and `hrdesk list` alike)."""
    return {"overdue": 0, "this-week": 1}.get(urgency or "", 2)


@dataclass(frozen=True, slots=True)  # 50,000 of them: slots, no dict per row
class EmployeeSummary:
    id: int
    name: str
    id_masked: str
    employer_id: int
    employer_name: str
    district: str
    permit_expires: date | None
    status: str
    next_deadline: date | None
    next_deadline_code: str | None
    search_text: str  # name, its pinyin and initials, full ID number, unit, lower-case (never logged)
    urgency: str | None = None  # overdue | this-week | None (services.status)
    name_key: str = ""  # sorts like a Chinese roster (pinyin, surnames read as surnames)
