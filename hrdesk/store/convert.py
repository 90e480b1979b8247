"""The one conversion between stored rows and the rules engine's Profile (and back).

The rules engine never sees a row and the store never re-implements a rule: `to_profile` is how
stored employees are checked, `apply_profile` is how a profile JSON (or the GUI's form) is saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, fields
from typing import Any

from sqlmodel import Session, select

from ..rules.profile import (
    Agent,
    Child,
    Education,
    Employee,
    Employer,
    Founder,
    Freelancer,
    Housing,
    IntellectualProperty,
    Material,
    Permit,
    PermitUnit,
    Profile,
)
from . import models as m


def _from_dict(cls: type, data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    fields = cls.__dataclass_fields__
    values = {k: v for k, v in data.items() if k in fields}
    for k, v in list(values.items()):
        if isinstance(v, str) and k in _DATE_FIELDS:
            from datetime import date

            values[k] = date.fromisoformat(v)
    return cls(**values)


_DATE_FIELDS = {"graduated_on", "valid_until", "since", "held_from", "held_until"}


def _to_json(obj: Any) -> dict[str, Any] | None:
    """A flat fact dataclass (Education, Housing, …) as JSON-ready values. Field by field rather than
    `asdict`, whose deep copies were most of the cost of writing 50,000 imported employees."""
    if obj is None:
        return None
    out: dict[str, Any] = {}
    for f in fields(obj):
        v = getattr(obj, f.name)
        if hasattr(v, "isoformat"):
            v = v.isoformat()
        elif isinstance(v, dict):
            v = dict(v)
        elif isinstance(v, list):
            v = list(v)
        out[f.name] = v
    return out


def agent_to_rules(row: Any) -> Agent:
    """A unit's agent row as the profile names it: `insured_by_unit` is the profile's `social_insurance`."""
    return Agent(
        name=row.name,
        id_number=row.id_number,
        contract=row.contract,
        tax=row.tax,
        social_insurance=row.insured_by_unit,
    )


def employer_to_rules(row: Any, agents: Iterable[Any] = ()) -> Employer:
    """A unit row (or its plain copy) as the rules see it; `agents` are its agent rows, of which the
    active ones are the unit's agents (one who left keeps their row for the audit, not the check)."""
    return Employer(
        name=row.name,
        credit_code=row.credit_code,
        district=row.district,
        entity_type=row.entity_type,
        registered_on=row.registered_on,
        registered_capital_cny=row.registered_capital_cny,
        tax_registered_on=row.tax_registered_on,
        tax_paid_cny=dict(row.tax_paid_cny or {}),
        innovation_entity=row.innovation_entity,
        service_entity=row.service_entity,
        restricted_industry=row.restricted_industry,
        good_standing=row.good_standing,
        permission_granted=row.permission_granted,
        new_quota_remaining=row.new_quota_remaining,
        filing_notice_on=row.filing_notice_on,
        agents=[agent_to_rules(a) for a in sorted(agents, key=lambda a: a.id) if a.active],
    )


def permit_to_rules(row: Any) -> Permit:
    return Permit(
        row.number,
        row.issued_on,
        row.expires_on,
        row.status,
        [_from_dict(PermitUnit, u) for u in row.unit_history or []],
    )


def unit_history_to_json(permit: Permit) -> list[dict[str, Any]] | None:
    return [_to_json(u) for u in permit.unit_history] or None


def sync_agents(s: Session, employer_id: int, agents: list[Agent]) -> list[tuple[str, int]]:
    """The agents a profile names for its unit, written onto the unit's agent rows (the ones the units
    dialog manages and the check reads): matched by ID number, or by name when the number is blank;
    new ones added. Agents the profile does not name are left alone (one employee's JSON need not list
    them all), and so is whether an agent is still active. Returns (action, agent id) to audit."""
    if not agents:
        return []
    rows = list(s.exec(select(m.Agent).where(m.Agent.employer_id == employer_id).order_by(m.Agent.id)))
    out = []
    for src in agents:
        number = src.id_number.strip().upper()
        row = next(
            (
                r
                for r in rows
                if (number and r.id_number.strip().upper() == number) or (not number and r.name == src.name)
            ),
            None,
        )
        values = {
            "name": src.name,
            "id_number": src.id_number,
            "contract": src.contract,
            "tax": src.tax,
            "insured_by_unit": src.social_insurance,
        }
        if row is None:
            row = m.Agent(employer_id=employer_id, **values)
            s.add(row)
            s.flush()
            rows.append(row)
            out.append(("create", row.id))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            s.add(row)
            out.append(("update", row.id))
    return out


def to_profile(
    employer: m.Employer,
    employee: m.Employee,
    children: list[m.Child],
    permit: m.Permit | None,
    incomes: list[m.IncomeRecord],
    materials: list[m.Material],
    agents: Iterable[Any] = (),
) -> Profile:
    """`agents`: the unit's agent rows (see `employer_to_rules`)."""
    e = employee
    rules_employee = Employee(
        name=e.name,
        id_number=e.id_number,
        retirement_category=e.retirement_category,
        hukou=e.hukou,
        retired=e.retired,
        criminal_record=e.criminal_record,
        dispatched=e.dispatched,
        hired_on=e.hired_on,
        career_started_on=e.career_started_on,
        same_employer={**Employee().same_employer, **(e.same_employer or {})},
        monthly_income_cny={r.period: r.amount_cny for r in incomes if r.kind == "monthly"},
        annual_income_cny={r.period: r.amount_cny for r in incomes if r.kind == "annual"},
        education=_from_dict(Education, e.education) or Education(),
        title=e.title,
        awards=list(e.awards or []),
        ip=_from_dict(IntellectualProperty, e.ip) or IntellectualProperty(),
        founder=_from_dict(Founder, e.founder),
        freelancer=_from_dict(Freelancer, e.freelancer),
        talent_programs=list(e.talent_programs or []),
        housing=_from_dict(Housing, e.housing),
        marital_status=e.marital_status,
        children=[Child(c.name, c.birth_date, c.hukou, c.accompany, c.parents) for c in children],
        contract_ends_on=e.contract_ends_on,
        permit=permit_to_rules(permit) if permit else None,
        left_previous_employer_on=e.left_previous_employer_on,
        social_insurance_months=dict(e.social_insurance_months or {}),
        hukou_changed=e.hukou_changed,
    )
    rules_materials = [
        Material(
            kind=x.kind,
            file=x.sha256,
            issued_on=x.issued_on,
            valid_until=x.valid_until,
            pages=x.pages,
            defects=list(x.defects or []),
        )
        for x in materials
        if x.deleted_at is None
    ]
    return Profile(employer_to_rules(employer, agents), rules_employee, rules_materials)


def apply_employer(row: m.Employer, src: Employer) -> None:
    """The unit's own facts onto its row; its agents are rows of their own (`sync_agents`)."""
    for name in (
        "name",
        "credit_code",
        "district",
        "entity_type",
        "registered_on",
        "registered_capital_cny",
        "tax_registered_on",
        "innovation_entity",
        "service_entity",
        "restricted_industry",
        "good_standing",
        "permission_granted",
        "new_quota_remaining",
        "filing_notice_on",
    ):
        setattr(row, name, getattr(src, name))
    row.tax_paid_cny = dict(src.tax_paid_cny)


def apply_employee(row: m.Employee, src: Employee) -> None:
    """Copy the scalar and JSON facts of a rules Employee onto a row (children, permit, income and
    materials are rows of their own and are written by the caller)."""
    for name in (
        "name",
        "id_number",
        "retirement_category",
        "hukou",
        "retired",
        "criminal_record",
        "dispatched",
        "hired_on",
        "career_started_on",
        "title",
        "marital_status",
        "contract_ends_on",
        "left_previous_employer_on",
        "hukou_changed",
    ):
        setattr(row, name, getattr(src, name))
    row.social_insurance_months = dict(src.social_insurance_months) or None
    row.same_employer = dict(src.same_employer)
    row.education = _to_json(src.education)
    row.awards = list(src.awards)
    row.ip = _to_json(src.ip)
    row.founder = _to_json(src.founder)
    row.freelancer = _to_json(src.freelancer)
    row.talent_programs = list(src.talent_programs)
    row.housing = _to_json(src.housing)


def profile_to_json(profile: Profile) -> dict[str, Any]:
    """The profile as `hrdesk-profile/1` JSON (materials name their vault file)."""
    from ..rules.profile import FORMAT

    def plain(obj: Any) -> Any:
        if hasattr(obj, "isoformat"):
            return obj.isoformat()
        if isinstance(obj, dict):
            return {k: plain(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [plain(v) for v in obj]
        return obj

    employee = plain(asdict(profile.employee))
    materials = []
    for mat in profile.materials:
        item = {"kind": mat.kind}
        for key in ("file", "issued_on", "valid_until", "pages"):
            value = getattr(mat, key)
            if value is not None:
                item[key] = plain(value)
        if mat.defects:
            item["defects"] = list(mat.defects)
        materials.append(item)
    return {
        "format": FORMAT,
        "employer": plain(asdict(profile.employer)),
        "employee": employee,
        "materials": materials,
    }
