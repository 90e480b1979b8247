"""Units (用人单位) and their agents (经办人): part of the records service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import select

from ..rules.profile import Employer as RulesEmployer
from ..store import models as m
from ..store.convert import apply_employer
from .check import policies

if TYPE_CHECKING:
    from .records import RecordsBase as _Base
else:
    _Base = object


class UnitsMixin(_Base):
    # --- units and agents -------------------------------------------------------------------------

    def employers(self) -> list[m.Employer]:
        with self.session() as s:
            return list(s.exec(select(m.Employer).order_by(m.Employer.name)))

    def employer(self, employer_id: int) -> m.Employer:
        with self.session() as s:
            row = s.get(m.Employer, employer_id)
            if row is None:
                raise KeyError(f"unit {employer_id} not found")
            return row

    def employer_facts(self, employer_id: int) -> RulesEmployer:
        """A unit as the rules (and the window) see it: a plain dataclass, not a database row."""
        from ..store.convert import employer_to_rules

        return employer_to_rules(self.employer(employer_id))

    def save_employer(self, src: RulesEmployer, employer_id: int | None = None) -> int:
        if src.district not in policies(self.data_dir).districts:
            raise ValueError(f"unknown district '{src.district}'")
        with self.session() as s:
            row = (
                s.get(m.Employer, employer_id)
                if employer_id
                else m.Employer(name=src.name, district=src.district)
            )
            if row is None:
                raise KeyError(f"unit {employer_id} not found")
            apply_employer(row, src)
            s.add(row)
            s.flush()
            self._audit(s, "update" if employer_id else "create", "employer", row.id, ["*"])
            new_id = row.id
        self.refresh_statuses(ids=self._employee_ids_of(new_id))
        return new_id

    def delete_employer(self, employer_id: int) -> None:
        with self.session() as s:
            if s.exec(select(m.Employee.id).where(m.Employee.employer_id == employer_id)).first():
                raise ValueError("这个单位下还有员工，请先删除或转移员工。")
            row = s.get(m.Employer, employer_id)
            if row:
                s.delete(row)
                self._audit(s, "delete", "employer", employer_id)

    def agents(self, employer_id: int) -> list[m.Agent]:
        with self.session() as s:
            return list(s.exec(select(m.Agent).where(m.Agent.employer_id == employer_id)))

    def save_agent(
        self,
        employer_id: int,
        name: str,
        id_number: str = "",
        phone: str = "",
        insured_by_unit: bool = True,
        agent_id: int | None = None,
    ) -> int:
        with self.session() as s:
            row = s.get(m.Agent, agent_id) if agent_id else m.Agent(employer_id=employer_id, name=name)
            row.employer_id, row.name, row.id_number, row.phone = employer_id, name, id_number, phone
            row.insured_by_unit = insured_by_unit
            s.add(row)
            s.flush()
            self._audit(s, "update" if agent_id else "create", "agent", row.id, ["*"])
            return row.id
