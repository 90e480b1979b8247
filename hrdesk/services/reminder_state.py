"""Stored reminder state (shown, dismissed, snoozed). Part of the records service."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlmodel import select

from ..store import models as m

if TYPE_CHECKING:
    from .records import RecordsBase as _Base
else:
    _Base = object


class ReminderStateMixin(_Base):
    # --- reminders --------------------------------------------------------------------------------

    def reminder_states(self) -> dict[str, m.ReminderState]:
        with self.session() as s:
            return {r.key: r for r in s.exec(select(m.ReminderState))}

    def set_reminder_state(self, key: str, state: str, until: datetime | None = None) -> None:
        self.set_reminder_states([key], state, until)

    def set_reminder_states(self, keys: Iterable[str], state: str, until: datetime | None = None) -> None:
        """Many reminders in one transaction (the first check of a day may mark hundreds as shown).
        `until` in local time (naive) or aware; stored in UTC."""
        if until is not None:
            until = until.astimezone(UTC)
        keys = list(dict.fromkeys(keys))
        if not keys:
            return
        with self.session() as s:
            existing = {
                r.key: r for r in s.exec(select(m.ReminderState).where(m.ReminderState.key.in_(keys)))
            }
            now = m.utcnow()
            for key in keys:
                row = existing.get(key) or m.ReminderState(key=key, state=state)
                row.state, row.until, row.updated_at = state, until, now
                s.add(row)
