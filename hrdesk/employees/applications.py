"""Applications (业务) and their status events."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from ..store import models as m
from ..store.plain import plain
from ..store.unit_of_work import Service
from ..store.versions import claim_version
from .model import ApplicationEventRecord, ApplicationRecord

APPLICATION_STATUSES = ("draft", "unit-review", "submitted", "returned", "approved", "rejected")


class Applications(Service):
    """An employee's applications and the history of each one's status."""

    def applications(self, employee_id: int) -> list[ApplicationRecord]:
        with self.session() as s:
            return [
                plain(ApplicationRecord, r)
                for r in s.exec(
                    select(m.Application)
                    .where(m.Application.employee_id == employee_id)
                    .order_by(m.Application.created_on.desc(), m.Application.id.desc())
                )
            ]

    def application_events(self, application_id: int) -> list[ApplicationEventRecord]:
        with self.session() as s:
            return [
                plain(ApplicationEventRecord, r)
                for r in s.exec(
                    select(m.ApplicationEvent)
                    .where(m.ApplicationEvent.application_id == application_id)
                    .order_by(m.ApplicationEvent.on, m.ApplicationEvent.id)
                )
            ]

    def open_application(self, employee_id: int, business: str, on: date | None = None) -> int:
        on = on or self.clock.today()
        with self.session() as s:
            row = m.Application(employee_id=employee_id, business=business, created_on=on)
            s.add(row)
            s.flush()
            s.add(m.ApplicationEvent(application_id=row.id, status="draft", on=on))
            self._audit(s, "create", "application", row.id, [business])
            return row.id

    def set_application_status(
        self,
        application_id: int,
        status: str,
        on: date | None = None,
        note: str = "",
        expected_version: int | None = None,
    ) -> None:
        """`expected_version`: the version of the application the desk showed; another desk's
        status change since then raises StaleVersion (a return recorded twice, or a submission
        recorded over a return, would otherwise stand in the history unnoticed)."""
        if status not in APPLICATION_STATUSES:
            raise ValueError(f"unknown application status '{status}'")
        with self.session() as s:
            claim_version(s, m.Application, application_id, expected_version)
            row = s.get(m.Application, application_id)
            row.status, row.updated_at = status, self.uow.now_utc()
            s.add(row)
            s.add(
                m.ApplicationEvent(
                    application_id=application_id, status=status, on=on or self.clock.today(), note=note
                )
            )
            self._audit(s, "status", "application", application_id, [status])
