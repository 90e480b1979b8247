"""Units (用人单位) and their agents (经办人): stored facts, and the checks the guides make of agents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import select

from ..catalogue import CodedError
from ..checks.check import policies
from ..rules.profile import Employer as RulesEmployer
from ..store import models as m
from ..store.convert import apply_employer
from ..store.plain import plain
from ..store.unit_of_work import Service, UnitOfWork
from ..store.versions import RecordGone, StaleVersion, claim_version
from .model import Agent, Unit

if TYPE_CHECKING:
    from ..employees.service import Employees


__all__ = ["RecordGone", "StaleVersion", "UnitError", "Units"]


class UnitError(CodedError, ValueError):
    """A unit cannot be saved or deleted as asked; `message(lang)` says why in the user's language."""


class Units(Service):
    """Units and agents. A unit's facts feed its employees' checks, so a saved unit refreshes their status."""

    def __init__(self, uow: UnitOfWork, employees: Employees) -> None:
        super().__init__(uow)
        self.employees = employees

    def employers(self) -> list[Unit]:
        with self.session(readonly=True) as s:
            return [plain(Unit, r) for r in s.exec(select(m.Employer).order_by(m.Employer.name))]

    def employer(self, employer_id: int) -> Unit:
        with self.session(readonly=True) as s:
            row = s.get(m.Employer, employer_id)
            if row is None:
                raise RecordGone("employer", employer_id)
            return plain(Unit, row)

    def employer_facts(self, employer_id: int) -> RulesEmployer:
        """A unit as the rules (and the window) see it: a plain dataclass, not a database row."""
        from ..store.convert import employer_to_rules

        return employer_to_rules(self.employer(employer_id), self.agents(employer_id))

    def save_employer(
        self, src: RulesEmployer, employer_id: int | None = None, expected_version: int | None = None
    ) -> int:
        """`expected_version`: the version the desk loaded; StaleVersion when another desk saved since."""
        if src.district not in policies(self.data_dir).districts:
            raise UnitError("unit.unknown-district", district=src.district)
        with self.session() as s:
            if employer_id:
                claim_version(s, m.Employer, employer_id, expected_version)
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
        self.employees.refresh_statuses(ids=self.employees.ids_of_employer(new_id))
        return new_id

    def delete_employer(self, employer_id: int) -> None:
        with self.session() as s:
            if s.exec(select(m.Employee.id).where(m.Employee.employer_id == employer_id)).first():
                raise UnitError("unit.has-employees")
            row = s.get(m.Employer, employer_id)
            if row:
                s.delete(row)
                self._audit(s, "delete", "employer", employer_id)

    def agents(self, employer_id: int) -> list[Agent]:
        with self.session(readonly=True) as s:
            return [
                plain(Agent, r) for r in s.exec(select(m.Agent).where(m.Agent.employer_id == employer_id))
            ]

    def save_agent(
        self,
        employer_id: int,
        name: str,
        id_number: str = "",
        phone: str = "",
        insured_by_unit: bool = True,
        agent_id: int | None = None,
        expected_version: int | None = None,
    ) -> int:
        """A new agent, or agent `agent_id` changed against `expected_version` (the version the
        dialog loaded; StaleVersion when another desk saved the agent since, RecordGone when it
        deleted them)."""
        with self.session() as s:
            if agent_id:
                claim_version(s, m.Agent, agent_id, expected_version)
            row = s.get(m.Agent, agent_id) if agent_id else m.Agent(employer_id=employer_id, name=name)
            row.employer_id, row.name, row.id_number, row.phone = employer_id, name, id_number, phone
            row.insured_by_unit = insured_by_unit
            s.add(row)
            s.flush()
            self._audit(s, "update" if agent_id else "create", "agent", row.id, ["*"])
            return row.id

    def set_agent_active(self, agent_id: int, active: bool, expected_version: int | None = None) -> None:
        """An agent who left keeps their record (audits name them) but no longer counts as an agent."""
        with self.session() as s:
            claim_version(s, m.Agent, agent_id, expected_version)
            row = s.get(m.Agent, agent_id)
            row.active = active
            s.add(row)
            self._audit(s, "update", "agent", agent_id, ["active"])

    def delete_agent(self, agent_id: int, expected_version: int | None = None) -> None:
        """Deleting an agent another desk has just changed is refused like any stale save: the user
        sees the change first. An agent already gone is nothing to do."""
        with self.session() as s:
            try:
                claim_version(s, m.Agent, agent_id, expected_version)
            except RecordGone:
                return
            row = s.get(m.Agent, agent_id)
            s.delete(row)
            self._audit(s, "delete", "agent", agent_id)

    def agent_problems(self, employer_id: int) -> list[AgentProblem]:
        """What the guides say about this unit's agents that does not hold (see `check_agents`)."""
        with self.session() as s:
            unit = s.get(m.Employer, employer_id)
            if unit is None:
                raise KeyError(f"unit {employer_id} not found")
            agents = list(s.exec(select(m.Agent).where(m.Agent.employer_id == employer_id)))
            ids = set(s.exec(select(m.Employee.id_number).where(m.Employee.employer_id == employer_id)))
            policy = policies(self.data_dir).policies.get(unit.district)
            return check_agents(policy.employer.get("agent", {}) if policy else {}, agents, ids)


@dataclass(frozen=True)
class AgentProblem:
    """`code` is a message key `agent.<code>`; `agent_id` is None for the unit as a whole."""

    code: str
    agent_id: int | None
    source: str


def check_agents(
    rules: Mapping[str, Any], agents: list[Agent], employee_id_numbers: set[str]
) -> list[AgentProblem]:
    """The unit's side of the district's agent rules (the policy's `[employer.agent]`, which the rules
    engine applies to an application): an agent insured by the unit (changping-2026 三(六), yanqing-2024
    三(一)注意); in Yanqing an agent who applies at the unit needs a second agent to process it."""
    source = str(rules.get("with_unit_source", ""))
    active = [a for a in agents if a.active]
    if not active:
        return [AgentProblem("AGENT_NONE", None, source)]
    out = [AgentProblem("AGENT_NOT_INSURED", a.id, source) for a in active if not a.insured_by_unit]
    if rules.get("second_agent_for_own_application"):
        applying = [a for a in active if a.id_number and a.id_number.upper() in employee_id_numbers]
        for agent in applying:
            others = [a for a in active if a.id != agent.id and a.insured_by_unit]
            if not others:
                out.append(
                    AgentProblem("AGENT_OWN_APPLICATION", agent.id, str(rules["own_application_source"]))
                )
    return out
