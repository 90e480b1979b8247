"""What every rule family shares: the context of one check, the message catalogue, number formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .idnumber import IdNumber
from .policy import Policy, PolicySet, WageFigure
from .profile import Child, Profile
from .results import Deadline, Finding
from .workdays import WorkCalendar

ID_SOURCE = "GB 11643-1999"
RETIREMENT_SOURCE = "全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024)"
CALENDAR_SOURCE = "国务院办公厅节假日安排; 全国年节及纪念日放假办法 第二条"
MINOR_AGE = 18


class Messages:
    """Finding, deadline and reason texts from `messages.toml`, Chinese by default."""

    def __init__(self, catalogue: dict[str, dict[str, str]], lang: str) -> None:
        self.catalogue = catalogue
        self.lang = "en" if lang == "en" else "zh"

    def __call__(self, key: str, **params: Any) -> str:
        entry = self.catalogue.get(key)
        if entry is None:
            return key
        template = entry.get(self.lang) or entry.get("zh", key)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template


@dataclass
class Context:
    profile: Profile
    business: str
    on: date
    policy: Policy
    policies: PolicySet
    wage: WageFigure
    calendar: WorkCalendar
    text: Messages
    findings: list[Finding] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    identity: IdNumber | None = None
    accompanying: list[Child] | None = None  # the children who accompany and may, computed once

    def add(self, code: str, severity: str, source: str, key: str | None = None, **params: Any) -> None:
        """Record a finding; `key` picks a message variant when one code has several causes."""
        self.findings.append(Finding(code, severity, self.text(key or code, **params), source))

    def deadline(self, code: str, when: date, material: str | None = None, **params: Any) -> None:
        kept = {k: v for k, v in params.items() if k != "name"}
        params.setdefault("date", when.isoformat())
        self.deadlines.append(Deadline(code, when, self.text(f"deadline.{code}", **params), material, kept))

    @property
    def lang(self) -> str:
        return self.text.lang


def period_text(first: date, last: date) -> str:
    return f"{first.isoformat()}至{last.isoformat()}"


def month_list(months: list[str]) -> str:
    return "、".join(months) if len(months) <= 6 else "、".join(months[:6]) + f" … ({len(months)})"


def money(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}"
