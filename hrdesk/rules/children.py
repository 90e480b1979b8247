"""Accompanying children (随迁子女): who may accompany the applicant, and what is said of those who may not."""

from __future__ import annotations

from datetime import date

from .context import MINOR_AGE, Context
from .dates import add_years
from .profile import Child


def accompanying_children(ctx: Context) -> list[Child]:
    """The children who accompany and may: minors, and in Changping not of Beijing hukou."""
    if ctx.accompanying is None:
        ctx.accompanying = [
            c for c in ctx.profile.employee.children if c.accompany and not _child_bars(ctx, c)
        ]
    return ctx.accompanying


def _is_minor(child: Child, on: date, age: int = MINOR_AGE) -> bool:
    return child.birth_date is None or add_years(child.birth_date, age) > on


def _child_bars(ctx: Context, child: Child) -> list[str]:
    """Why `child` cannot accompany the applicant (message keys), empty when it can."""
    rules = ctx.policy.applicant
    reasons = []
    if not _is_minor(child, ctx.on, rules.get("child_max_age", MINOR_AGE)):
        reasons.append("child.adult")
    if rules.get("child_beijing_hukou_excluded") and child.hukou in rules["hukou_excluded"]:
        reasons.append("child.beijing-hukou")
    return reasons


def check_children(ctx: Context) -> None:
    """A child listed to accompany who cannot (aged 18 or more; Changping: Beijing hukou) is said, not
    dropped in silence: a blocker where the business declares the children, else a warning."""
    rules = ctx.policy.applicant
    if "child_source" not in rules:
        return
    blocks = ctx.business in rules.get("child_accompany_blocks", [])
    for child in ctx.profile.employee.children:
        if not child.accompany:
            continue
        if child.birth_date is None:
            ctx.add(
                "CHILD_BIRTH_DATE_UNKNOWN",
                "warning",
                rules["child_source"],
                name=child.name or "—",
                age=rules.get("child_max_age", MINOR_AGE),
            )
        reasons = _child_bars(ctx, child)
        if reasons:
            ctx.add(
                "CHILD_CANNOT_ACCOMPANY",
                "blocker" if blocks else "warning",
                rules["child_source"],
                key="CHILD_CANNOT_ACCOMPANY" if blocks else "CHILD_CANNOT_ACCOMPANY.warning",
                name=child.name or "—",
                reasons="、".join(ctx.text(r, age=rules.get("child_max_age", MINOR_AGE)) for r in reasons),
            )
