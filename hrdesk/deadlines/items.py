"""One deadline as the calendar, the tray, the reminders and the .ics read it, in thousands: a plain,
compact row (slots), its message formatted only when shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named: a deadline's row is read without the rules engine (the calendar's start)
    from ..rules.engine import Messages

# Codes whose date is the last day to act (reminders count down to these).
ACTION_CODES = (
    "RENEWAL_SUBMIT_BY",
    "EMPLOYER_CHANGE_SUBMIT_BY",
    "UNLINK_DUE",
    "MATERIAL_SUBMIT_BY",
    "PERMIT_EXPIRES",
    "UNIT_REVIEW_DUE",
    "UNIT_FILING_DUE",
)
KINDS = {  # code → filter group in the calendar
    "PERMIT_EXPIRES": "permit",
    "RENEWAL_WINDOW_OPENS": "renewal",
    "RENEWAL_SUBMIT_BY": "renewal",
    "EMPLOYER_CHANGE_SUBMIT_BY": "employer-change",
    "UNLINK_DUE": "employer-change",
    "MATERIAL_SUBMIT_BY": "material",
    "UNIT_REVIEW_DUE": "review",
    "UNIT_FILING_DUE": "review",
}


@dataclass(slots=True)  # created by the ten thousand: slots, no frozen-dataclass setattr overhead
class DeadlineItem:
    employee_id: int
    employee_name: str
    employer_name: str
    district: str
    code: str
    date: date
    text: str | Messages = field(compare=False, repr=False)  # the message, or the catalogue to make it
    material: str | None = None
    params: tuple[tuple[str, object], ...] = field(default=(), compare=False, repr=False)

    @property
    def message(self) -> str:
        """Formatted on demand: the calendar shows a month at a time, not 45,000 texts."""
        if isinstance(self.text, str):
            return self.text
        return self.text(f"deadline.{self.code}", date=self.date.isoformat(), **dict(self.params))

    @property
    def key(self) -> str:
        return f"{self.employee_id}:{self.code}:{self.material or ''}"

    @property
    def kind(self) -> str:
        return KINDS.get(self.code, "other")

    def overdue(self, today: date) -> bool:
        return self.code in ACTION_CODES and self.date < today
