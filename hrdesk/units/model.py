"""A unit and an agent as the services hand them out: plain data, the version a desk loaded included
(a save carries it back so another desk's change is never overwritten silently)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Unit:
    id: int
    name: str
    credit_code: str
    district: str
    entity_type: str
    registered_on: date | None
    registered_capital_cny: float | None
    tax_registered_on: date | None
    tax_paid_cny: dict[str, float] | None
    innovation_entity: str | None
    service_entity: str | None
    restricted_industry: bool
    good_standing: bool
    permission_granted: bool
    new_quota_remaining: int | None
    filing_notice_on: date | None
    version: int


@dataclass(frozen=True)
class Agent:
    """经办人: insured by the unit; may not process their own application."""

    id: int
    employer_id: int
    name: str
    id_number: str
    phone: str
    insured_by_unit: bool  # the unit pays their social insurance
    active: bool
    contract: bool  # the unit signs their labour contract
    tax: bool  # the unit withholds their income tax
    version: int = 1
