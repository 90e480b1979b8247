"""The `hrdesk-profile/1` interchange format (SPEC §2): strict parsing into plain dataclasses.

The rules engine only ever sees these dataclasses; the store converts its rows into them too, so
there is one rule implementation whether the data came from a JSON file or the database.
Parsing is strict because a silently ignored typo ("hukuo") would give a confident wrong verdict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from .names import NameRejected, check_name
from .profile_model import (  # noqa: F401  (the dataclasses are this module's public names too)
    CHILD_PARENTS,
    DEGREES,
    ENTITY_TYPES,
    FORMAT,
    HOUSING_KINDS,
    HUKOU_KINDS,
    INNOVATION_ENTITIES,
    MARITAL_STATUSES,
    PERMIT_STATUSES,
    RETIREMENT_CATEGORIES,
    SAME_EMPLOYER_KEYS,
    SERVICE_ENTITIES,
    SOCIAL_INSURANCE_MONTH_STATES,
    TITLES,
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
    ProfileError,
)

# --- parsing ---------------------------------------------------------------------------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^\d{4}$")


def parse_date(value: Any, where: str) -> date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise ProfileError.at(where, "profile.not-a-date", got=_show(value))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ProfileError.at(where, "profile.no-such-date", value=value) from None


def _opt_date(value: Any, where: str) -> date | None:
    return None if value is None else parse_date(value, where)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ProfileError.at(where, "profile.not-text", got=_show(value))
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ProfileError.at(where, "profile.not-bool", got=_show(value))
    return value


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProfileError.at(where, "profile.not-int", got=_show(value))
    return value


def _opt_int(value: Any, where: str) -> int | None:
    return None if value is None else _int(value, where)


def _money(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ProfileError.at(where, "profile.not-money", got=_show(value))
    return value


def _opt_money(value: Any, where: str) -> float | None:
    return None if value is None else _money(value, where)


def _code(choices: tuple[str, ...]) -> Callable[[Any, str], str]:
    def parse(value: Any, where: str) -> str:
        if value not in choices:
            raise ProfileError.at(where, "profile.unknown-code", got=_show(value), choices=", ".join(choices))
        return value

    return parse


def _opt_code(choices: tuple[str, ...]) -> Callable[[Any, str], str | None]:
    inner = _code(choices)
    return lambda value, where: None if value is None else inner(value, where)


def _keyed_money(pattern: re.Pattern[str], what: str) -> Callable[[Any, str], dict[str, float]]:
    def parse(value: Any, where: str) -> dict[str, float]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise ProfileError.at(where, f"profile.not-keyed-{what}")
        out = {}
        for k, v in value.items():
            if not pattern.match(k):
                raise ProfileError.at(where, f"profile.bad-key-{what}", name=k)
            out[k] = _money(v, f"{where}.{k}")
        return out

    return parse


_by_month = _keyed_money(_MONTH, "month")
_by_year = _keyed_money(_YEAR, "year")


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ProfileError.at(where, "profile.not-list")
    return value


def _object(value: Any, where: str, fields: Mapping[str, Callable[[Any, str], Any]]) -> dict[str, Any]:
    """Check an object against its known keys and parse each value; unknown keys are an error."""
    if not isinstance(value, Mapping):
        raise ProfileError.at(where, "profile.not-object")
    out = {}
    for key, raw in value.items():
        parser = fields.get(key)
        if parser is None:
            raise ProfileError.at(where, "profile.unknown-key", name=key)
        out[key] = parser(raw, f"{where}.{key}")
    return out


def _nullable(parser: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    return lambda value, where: None if value is None else parser(value, where)


def _opt_str(value: Any, where: str) -> str:
    return "" if value is None else _str(value, where)


def _name(kind: str) -> Callable[[Any, str], str]:
    """A person's or unit's name within the limits of rules/names.py (length, one line, no controls)."""

    def parse(value: Any, where: str) -> str:
        try:
            return check_name(_opt_str(value, where), kind)
        except NameRejected as exc:
            raise ProfileError(f"{where}: {exc}") from None

    return parse


def _agents(value: Any, where: str) -> list[Agent]:
    return [
        Agent(
            **_object(
                item,
                f"{where}[{i}]",
                {
                    "name": _name("person"),
                    "id_number": _opt_str,
                    "contract": _bool,
                    "tax": _bool,
                    "social_insurance": _bool,
                },
            )
        )
        for i, item in enumerate(_list(value, where))
    ]


def _social_insurance_months(value: Any, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ProfileError.at(where, "profile.not-keyed-month")
    out = {}
    for k, v in value.items():
        if not _MONTH.match(k):
            raise ProfileError.at(where, "profile.bad-key-month", name=k)
        out[k] = _code(SOCIAL_INSURANCE_MONTH_STATES)(v, f"{where}.{k}")
    return out


_EMPLOYER_FIELDS = {
    "name": _name("unit"),
    "credit_code": _opt_str,
    "district": _str,
    "entity_type": _code(ENTITY_TYPES),
    "registered_on": _opt_date,
    "registered_capital_cny": _opt_money,
    "tax_registered_on": _opt_date,
    "tax_paid_cny": _by_year,
    "innovation_entity": _opt_code(INNOVATION_ENTITIES),
    "service_entity": _opt_code(SERVICE_ENTITIES),
    "restricted_industry": _bool,
    "good_standing": _bool,
    "permission_granted": _bool,
    "new_quota_remaining": _opt_int,
    "filing_notice_on": _opt_date,
    "agents": _agents,
}


def _same_employer(value: Any, where: str) -> dict[str, bool]:
    parsed = _object(value, where, dict.fromkeys(SAME_EMPLOYER_KEYS, _bool))
    return {k: parsed.get(k, True) for k in SAME_EMPLOYER_KEYS}


def _education(value: Any, where: str) -> Education:
    return Education(
        **_object(
            value,
            where,
            {
                "degree": _code(DEGREES),
                "foreign": _bool,
                "graduated_on": _opt_date,
            },
        )
    )


def _ip(value: Any, where: str) -> IntellectualProperty:
    def rank(v: Any, w: str) -> int | None:
        r = _opt_int(v, w)
        if r is not None and r < 1:
            raise ProfileError.at(w, "profile.author-rank")
        return r

    return IntellectualProperty(
        **_object(
            value,
            where,
            {
                "invention_patents": _int,
                "other_patents": _int,
                "software_copyrights": _int,
                "author_rank": rank,
                "commercialized_in_beijing": _bool,
            },
        )
    )


def _founder(value: Any, where: str) -> Founder:
    return Founder(
        **_object(
            value,
            where,
            {
                "shareholding_pct": _money,
                "shareholder_rank": _opt_int,
                "self_investment_3y_cny": _money,
                "equity_financing_cny": _money,
                "team_avg_annual_tax_3y_cny": _money,
            },
        )
    )


def _freelancer(value: Any, where: str) -> Freelancer:
    return Freelancer(**_object(value, where, {"annual_tax_cny": _by_year, "notable_contribution": _bool}))


def _housing(value: Any, where: str) -> Housing:
    fields = _object(
        value,
        where,
        {
            "kind": _code(HOUSING_KINDS),
            "valid_until": _opt_date,
            "residential": _bool,
            "lessor_is_owner": _bool,
            "address": _opt_str,
            "owner_name": _name("person"),
            "owner_id_number": _opt_str,
            "relationship": _opt_str,
            "since": _opt_date,
            "rural_homestead": _bool,
            "lessee_is_applicant": _bool,
            "unit_owns_property": _bool,
        },
    )
    if "kind" not in fields:
        raise ProfileError.at(f"{where}.kind", "profile.required")
    return Housing(**fields)


def _children(value: Any, where: str) -> list[Child]:
    return [
        Child(
            **_object(
                item,
                f"{where}[{i}]",
                {
                    "name": _name("person"),
                    "birth_date": _opt_date,
                    "hukou": _code(HUKOU_KINDS),
                    "accompany": _bool,
                    "parents": _code(CHILD_PARENTS),
                },
            )
        )
        for i, item in enumerate(_list(value, where))
    ]


def _permit_units(value: Any, where: str) -> list[PermitUnit]:
    units = []
    for i, item in enumerate(_list(value, where)):
        w = f"{where}[{i}]"
        fields = _object(
            item,
            w,
            {
                "held_from": parse_date,
                "held_until": _opt_date,
                "credit_code": _opt_str,
                "name": _opt_str,
                "suspended": _bool,
            },
        )
        if "held_from" not in fields:
            raise ProfileError.at(f"{w}.held_from", "profile.required")
        unit = PermitUnit(**fields)
        if not unit.suspended and not (unit.credit_code or unit.name):
            raise ProfileError.at(w, "profile.permit-unit-unnamed")
        units.append(unit)
    return sorted(units, key=lambda u: u.held_from)


def _permit(value: Any, where: str) -> Permit:
    return Permit(
        **_object(
            value,
            where,
            {
                "number": _opt_str,
                "issued_on": _opt_date,
                "expires_on": _opt_date,
                "status": _code(PERMIT_STATUSES),
                "unit_history": _permit_units,
            },
        )
    )


_EMPLOYEE_FIELDS = {
    "name": _name("person"),
    "id_number": _opt_str,
    "retirement_category": _opt_code(RETIREMENT_CATEGORIES),
    "hukou": _code(HUKOU_KINDS),
    "retired": _bool,
    "criminal_record": _bool,
    "dispatched": _bool,
    "hired_on": _opt_date,
    "career_started_on": _opt_date,
    "same_employer": _same_employer,
    "monthly_income_cny": _by_month,
    "annual_income_cny": _by_year,
    "education": _education,
    "title": _code(TITLES),
    "awards": _list,
    "ip": _ip,
    "founder": _nullable(_founder),
    "freelancer": _nullable(_freelancer),
    "talent_programs": _list,
    "housing": _nullable(_housing),
    "marital_status": _code(MARITAL_STATUSES),
    "children": _children,
    "contract_ends_on": _opt_date,
    "permit": _nullable(_permit),
    "left_previous_employer_on": _opt_date,
    "social_insurance_months": _social_insurance_months,
    "hukou_changed": _bool,
}


def parse_profile(
    data: Any,
    known_districts: tuple[str, ...],
    known_materials: tuple[str, ...],
) -> Profile:
    top = _object(
        data,
        "profile",
        {
            "format": lambda v, w: v,
            "employer": lambda v, w: v,
            "employee": lambda v, w: v,
            "materials": lambda v, w: v,
        },
    )
    if top.get("format") != FORMAT:
        raise ProfileError.at(
            "profile.format", "profile.bad-format", expected=FORMAT, got=_show(top.get("format"))
        )
    for required in ("employer", "employee"):
        if required not in top:
            raise ProfileError.at(f"profile.{required}", "profile.required")
    employer = Employer(**_object(top["employer"], "employer", _EMPLOYER_FIELDS))
    if employer.district not in known_districts:
        raise ProfileError.at(
            "employer.district",
            "profile.unknown-district",
            got=_show(employer.district or None),
            choices=", ".join(known_districts),
        )
    employee = Employee(**_object(top["employee"], "employee", _EMPLOYEE_FIELDS))
    materials = []
    for i, item in enumerate(_list(top.get("materials"), "materials")):
        where = f"materials[{i}]"
        fields = _object(
            item,
            where,
            {
                "kind": _code(known_materials),
                "file": _nullable(_str),
                "issued_on": _opt_date,
                "valid_until": _opt_date,
                "pages": _opt_int,
                "defects": _list,
            },
        )
        if "kind" not in fields:
            raise ProfileError.at(f"{where}.kind", "profile.required")
        materials.append(Material(**fields))
    return Profile(employer, employee, materials)
