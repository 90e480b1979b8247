"""Material lists (which materials the district asks for) and their validity (§3.6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..catalogue import said
from .children import accompanying_children
from .context import Context
from .dates import add_months
from .profile import Material
from .results import MaterialResult
from .routes import DEGREE_RANK, founder_basis
from .social_insurance import social_insurance_irregular


def _condition_holds(ctx: Context, when: dict[str, Any], route: str | None) -> bool:
    employee = ctx.profile.employee
    for key, wanted in when.items():
        if key == "business":
            ok = ctx.business in wanted
        elif key == "route":
            ok = route in wanted
        elif key == "housing":
            ok = employee.housing is not None and employee.housing.kind in wanted
        elif key == "children":
            ok = bool(accompanying_children(ctx)) == wanted
        elif key == "parents":
            ok = any(c.parents in wanted for c in accompanying_children(ctx))
        elif key == "marital":
            ok = employee.marital_status in wanted
        elif key == "degree":
            ok = (DEGREE_RANK[employee.education.degree] >= 1) == wanted
        elif key == "foreign_degree":
            ok = employee.education.foreign == wanted
        elif key == "rural_homestead":
            ok = employee.housing is not None and employee.housing.rural_homestead == wanted
        elif key == "title":
            ok = employee.title in wanted
        elif key == "founder_basis":
            # The evidence follows the basis the founder qualifies on (routes.founder_basis).
            ok = founder_basis(ctx) in wanted
        elif key == "social_insurance_irregular":
            ok = social_insurance_irregular(ctx) == wanted
        elif key == "hukou_changed":
            ok = employee.hukou_changed == wanted
        elif key == "unit_owns_housing":
            ok = employee.housing is not None and employee.housing.unit_owns_property == wanted
        elif key == "innovation_entity":
            ok = ctx.profile.employer.innovation_entity in wanted
        else:
            raise ValueError(f"{ctx.policy.id}: unknown material condition '{key}'")
        if not ok:
            return False
    return True


@dataclass
class _Requirement:
    kind: str
    required: bool
    sources: list[str]
    alternatives: list[str]


def required_materials(ctx: Context, route: str | None) -> list[_Requirement]:
    merged: dict[str, _Requirement] = {}
    for entry in ctx.policy.materials:
        if not _condition_holds(ctx, entry.get("when", {}), route):
            continue
        kind = entry["kind"]
        required = entry.get("required", True)
        req = merged.get(kind)
        if req is None:
            merged[kind] = _Requirement(
                kind, required, [entry["source"]], list(entry.get("alternatives", []))
            )
        else:
            req.required = req.required or required
            if entry["source"] not in req.sources:
                req.sources.append(entry["source"])
            for alt in entry.get("alternatives", []):
                if alt not in req.alternatives:
                    req.alternatives.append(alt)
    return list(merged.values())


def material_results(ctx: Context, route: str | None) -> list[MaterialResult]:
    provided: dict[str, list[Material]] = {}
    for m in ctx.profile.materials:
        provided.setdefault(m.kind, []).append(m)
    results = []
    listed = set()
    for req in required_materials(ctx, route):
        listed.add(req.kind)
        candidates = [(req.kind, m) for m in provided.get(req.kind, [])]
        for alt in req.alternatives:
            candidates += [(alt, m) for m in provided.get(alt, [])]
            listed.add(alt)
        results.append(_material_result(ctx, req.kind, req.required, "; ".join(req.sources), candidates))
    for kind, items in provided.items():
        if kind not in listed:
            results.append(_material_result(ctx, kind, False, "", [(kind, m) for m in items]))
    return results


def _material_result(
    ctx: Context,
    kind: str,
    required: bool,
    source: str,
    candidates: list[tuple[str, Material]],
) -> MaterialResult:
    info = ctx.policies.materials[kind]
    name = info.name(ctx.lang)
    base = MaterialResult(kind, required, "missing", "", name, info.group, source)
    if not candidates:
        base.reason = ctx.text("material.missing" if required else "material.optional-missing", name=name)
        return base
    # Several current files of one kind all go into the one upload slot (pages added to it): a kind
    # is as good as its worst file, so one defective scan makes it defective. Between alternative
    # kinds (a lease or a certificate) the best one counts.
    order = {"ok": 0, "expires-too-soon": 1, "too-old": 2, "expired": 3, "missing": 4, "defective": 5}
    worst: dict[str, tuple[tuple[str, str, date | None], str]] = {}
    for k, m in candidates:
        verdict = _judge(ctx, k, m)
        if k not in worst or order[verdict[0]] > order[worst[k][0][0]]:
            worst[k] = (verdict, k)
    (status, reason, last_day), provided_kind = min(worst.values(), key=lambda j: order[j[0][0]])
    base.status, base.reason = status, reason
    base.provided_kind = provided_kind if provided_kind != kind else None
    if last_day is not None and status != "defective":
        ctx.deadline("MATERIAL_SUBMIT_BY", last_day, material=kind, name=name)
    return base


def _defects(defects: list[str], lang: str) -> str:
    """A material's recorded defects in `lang`: kept coded by the scan (`catalogue.said`), or words a
    profile or an older record carries."""
    shown = [said(str(d), lang).rstrip("。.") for d in defects]
    return ("；" if lang == "zh" else "; ").join(shown)


def _judge(ctx: Context, kind: str, material: Material) -> tuple[str, str, date | None]:
    """(status, reason, last submission day on which the material still meets §3.6)."""
    info = ctx.policies.materials[kind]
    name = info.name(ctx.lang)
    on = ctx.on
    if material.defects:
        return (
            "defective",
            ctx.text(
                "material.defective",
                name=name,
                defects=_defects(material.defects, ctx.lang),
            ),
            None,
        )
    validity = ctx.policy.validity
    rule = info.validity
    period_end = period_last_day(kind, material, validity)
    if period_end is not None and on > period_end:
        # Printed before the last required tax period ended: it cannot show that period.
        last_month = on.replace(day=1) - timedelta(days=1)
        return (
            "too-old",
            ctx.text(
                "material.printed-before-period",
                name=name,
                issued=material.issued_on.isoformat(),
                month=f"{last_month.year:04d}-{last_month.month:02d}",
            ),
            None,
        )
    if rule in ("contract", "identity"):
        months = min_months_left(kind, rule, validity)
        until = material.valid_until or fallback_date(ctx.profile.employee, info.fallback)
        if until is None and info.needs_end_date:
            # A lease's months left decide the residence: with no end date it cannot count as ready.
            return "missing", ctx.text("material.end-date-unknown", name=name, months=months), None
        if until is None:
            return "ok", ctx.text("material.ok-undated", name=name), None
        last_day = _last_day_meeting(until, months)
        if until < on:
            return "expired", ctx.text("material.expired", name=name, until=until.isoformat()), None
        if on > last_day:
            return (
                "expires-too-soon",
                ctx.text(
                    "material.expires-too-soon",
                    name=name,
                    until=until.isoformat(),
                    months=months,
                    needed=add_months(on, months).isoformat(),
                ),
                last_day,
            )
        return (
            "ok",
            ctx.text("material.ok-until", name=name, until=until.isoformat(), last=last_day.isoformat()),
            last_day,
        )
    if rule in ("online", "unit-signed"):
        max_age = validity[f"{rule.replace('-', '_')}_max_age_days"]
        last_day = material_last_day(kind, material, info, validity, ctx.profile.employee)
        if last_day is not None:
            if on > last_day:
                return (
                    "too-old",
                    ctx.text(
                        "material.too-old", name=name, issued=material.issued_on.isoformat(), days=max_age
                    ),
                    None,
                )
            return (
                "ok",
                ctx.text(
                    "material.ok-fresh",
                    name=name,
                    issued=material.issued_on.isoformat(),
                    last=last_day.isoformat(),
                ),
                last_day,
            )
        if max_age and material.issued_on is None:
            return "ok", ctx.text("material.ok-no-issue-date", name=name, days=max_age), None
    if material.valid_until is not None and material.valid_until < on:
        return (
            "expired",
            ctx.text("material.expired", name=name, until=material.valid_until.isoformat()),
            None,
        )
    return "ok", ctx.text("material.ok", name=name), None


@lru_cache(maxsize=65536)
def _last_day_meeting(until: date, months: int) -> date:
    """Last day d with add_months(d, months) <= until (month-end clamping makes this not a plain
    subtraction)."""
    d = add_months(until, -months)
    while add_months(d + timedelta(days=1), months) <= until:
        d += timedelta(days=1)
    return d


def min_months_left(kind: str, rule: str, validity: dict[str, Any]) -> int:
    """Months a dated material must still run at submission (§3.6), the specific rules first."""
    if kind == "residence-permit":
        return validity["residence_permit_min_months"]
    if kind == "lease-contract":
        return validity["rented_min_months"]
    return validity[f"{rule}_min_months"]


def material_last_day(
    kind: str, material: Material, info: Any, validity: dict[str, Any], employee: Any
) -> date | None:
    """The last submission day on which `material` still meets the district's validity rule, or None
    when the rule sets no limit. The same arithmetic as the check, for the deadline calendar."""
    rule = info.validity
    if rule in ("contract", "identity"):
        until = material.valid_until or fallback_date(employee, info.fallback)
        return None if until is None else _last_day_meeting(until, min_months_left(kind, rule, validity))
    if rule in ("online", "unit-signed"):
        max_age = validity[f"{rule.replace('-', '_')}_max_age_days"]
        last = [period_last_day(kind, material, validity)]
        if max_age and material.issued_on is not None:
            last.append(material.issued_on + timedelta(days=max_age))
        return min((d for d in last if d is not None), default=None)
    return None


def period_last_day(kind: str, material: Material, validity: dict[str, Any]) -> date | None:
    """A tax record shows the periods that ended before it was printed. Submitted in a month, it must
    cover the month before (the last of the 6 or 36 required months): so it serves until the end of the
    month it was printed in (the `period_records` of the district's validity rules)."""
    if kind not in validity.get("period_records", ()) or material.issued_on is None:
        return None
    issued = material.issued_on
    return add_months(issued.replace(day=1), 1) - timedelta(days=1)


def fallback_date(employee: Any, fallback: str | None) -> date | None:
    if fallback == "contract_ends_on":
        return employee.contract_ends_on
    if fallback == "housing_valid_until" and employee.housing is not None:
        return employee.housing.valid_until
    return None
