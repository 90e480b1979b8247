"""What a check returns: findings, material statuses and deadlines (the SPEC §5 JSON shape)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

SEVERITIES = ("blocker", "warning", "info")
MATERIAL_STATUSES = ("ok", "missing", "expires-too-soon", "expired", "too-old", "defective")


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message, "source": self.source}


@dataclass
class MaterialResult:
    kind: str
    required: bool
    status: str
    reason: str
    name: str = ""
    group: str = ""
    source: str = ""
    provided_kind: str | None = None  # the alternative that stood in, if any

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "required": self.required, "status": self.status, "reason": self.reason}


@dataclass
class Deadline:
    code: str
    date: date
    message: str
    material: str | None = None
    # What the message was made from (without the date and the material name), so a stored deadline
    # can be shown again in another language.
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "date": self.date.isoformat(), "message": self.message}
        if self.material:
            out["material"] = self.material
        return out


@dataclass
class CheckResult:
    district: str
    business: str
    on: date
    qualifying_categories: list[str]
    thresholds: dict[str, int]
    findings: list[Finding] = field(default_factory=list)
    materials: list[MaterialResult] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    route: str | None = None

    @property
    def eligible(self) -> bool:
        return not any(f.severity == "blocker" for f in self.findings)

    @property
    def ready(self) -> bool:
        return self.eligible and all(m.status == "ok" for m in self.materials if m.required)

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        return {
            "district": self.district,
            "business": self.business,
            "on": self.on.isoformat(),
            "eligible": self.eligible,
            "ready": self.ready,
            "qualifying_categories": list(self.qualifying_categories),
            "thresholds": dict(self.thresholds),
            "findings": [f.to_dict() for f in self.findings],
            "materials": [m.to_dict() for m in self.materials],
            "deadlines": [d.to_dict() for d in self.deadlines],
        }
