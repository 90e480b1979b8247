"""Stored reminder state (shown, dismissed, snoozed)."""

from __future__ import annotations

import socket
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import delete, insert
from sqlmodel import select

from ..store import models as m
from ..store.unit_of_work import Service


class ReminderStates(Service):
    """Each desk user's answer to each reminder."""

    @property
    def desk_user(self) -> str:
        """Whose reminders: this user at this computer (one officer's snooze on a shared database
        does not silence the others, nor the same login name at another desk)."""
        return f"{self.actor}@{socket.gethostname()}"

    # --- reminders --------------------------------------------------------------------------------

    def reminder_states(self) -> dict[str, m.ReminderState]:
        with self.session() as s:
            # "" = stored before reminder state was per user (migration 0006): everyone's until they
            # set their own.
            rows = s.exec(
                select(m.ReminderState)
                .where(m.ReminderState.desk_user.in_(("", self.desk_user)))
                .order_by(m.ReminderState.desk_user)
            )
            return {r.key: r for r in rows}

    def set_reminder_state(self, key: str, state: str, until: datetime | None = None) -> None:
        self.set_reminder_states([key], state, until)

    def set_reminder_states(self, keys: Iterable[str], state: str, until: datetime | None = None) -> None:
        """Many reminders in one transaction (the first check of a day may mark hundreds as shown).
        `until` in local time (naive) or aware; stored in UTC, per desk user (shared databases)."""
        if until is not None:
            until = until.astimezone(UTC)
        keys = list(dict.fromkeys(keys))
        if not keys:
            return
        table = m.ReminderState.__table__
        now = self.uow.now_utc()
        me = self.desk_user
        rows = [{"desk_user": me, "key": k, "state": state, "until": until, "updated_at": now} for k in keys]
        with self.engine.begin() as conn:  # one short transaction, no ORM objects for 15,000 rows
            for i in range(0, len(keys), 500):
                conn.execute(delete(table).where(table.c.desk_user == me, table.c.key.in_(keys[i : i + 500])))
            conn.execute(insert(table), rows)
