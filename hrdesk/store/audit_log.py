"""The audit log as the window shows it: who changed what, newest first (field names, never values)."""

from __future__ import annotations

from sqlmodel import select

from . import models as m
from .unit_of_work import Service


class AuditLog(Service):
    def audit_entries(self, limit: int = 200) -> list[m.AuditEntry]:
        with self.session() as s:
            return list(s.exec(select(m.AuditEntry).order_by(m.AuditEntry.id.desc()).limit(limit)))
