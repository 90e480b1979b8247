"""The unit's business agents (业务经办人): who may handle the application (changping-2026 三(六);
yanqing-2024 三(一)注意). A profile that records no agent is not checked."""

from __future__ import annotations

from .context import Context
from .idnumber import normalise
from .profile import Agent


def _with_unit(agent: Agent, parts: list[str]) -> list[str]:
    return [p for p in parts if not getattr(agent, p)]


def check_agents(ctx: Context) -> None:
    agents = ctx.profile.employer.agents
    rules = ctx.policy.employer.get("agent")
    if not agents or not rules:
        return
    parts = rules["with_unit"]
    applicant = normalise(ctx.profile.employee.id_number)
    for no, agent in enumerate(agents, 1):
        lacking = _with_unit(agent, parts)
        if lacking:
            ctx.add(
                "AGENT_NOT_WITH_UNIT",
                rules["with_unit_severity"],
                rules["with_unit_source"],
                key=None if rules["with_unit_severity"] == "blocker" else "AGENT_NOT_WITH_UNIT.in-principle",
                no=no,
                parts="、".join(ctx.text(f"agent_part.{p}") for p in lacking),
            )
    if rules.get("second_agent_for_own_application") and applicant:
        own = [a for a in agents if a.id_number and normalise(a.id_number) == applicant]
        others = [
            a
            for a in agents
            if not (a.id_number and normalise(a.id_number) == applicant) and not _with_unit(a, parts)
        ]
        if own and not others:
            ctx.add("AGENT_OWN_APPLICATION", "blocker", rules["own_application_source"])
