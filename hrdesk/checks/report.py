"""Plain-text rendering of a check for the terminal (the GUI shows the same result in widgets)."""

from __future__ import annotations

import unicodedata

from ..labels import cite, label
from ..rules.idnumber import mask
from ..rules.profile import Profile
from ..rules.results import CheckResult

_LABELS = {
    "zh": {
        "title": "工作居住证办理检查",
        "employee": "申请人",
        "business": "业务",
        "on": "办理日期",
        "eligible": "是否符合条件",
        "ready": "材料是否齐全",
        "yes": "是",
        "no": "否",
        "categories": "符合的申请条件",
        "threshold": "收入标准",
        "findings": "问题",
        "materials": "材料",
        "deadlines": "期限",
        "none": "无",
        "required": "必需",
        "optional": "可选",
        "not-given": "未提供",
    },
    "en": {
        "title": "Work residence permit check",
        "employee": "Applicant",
        "business": "Business",
        "on": "Date",
        "eligible": "Eligible",
        "ready": "Ready to file",
        "yes": "yes",
        "no": "no",
        "categories": "Qualifying categories",
        "threshold": "Income threshold",
        "findings": "Findings",
        "materials": "Materials",
        "deadlines": "Deadlines",
        "none": "none",
        "required": "required",
        "optional": "optional",
        "not-given": "not provided",
    },
}
SEVERITY_MARK = {"blocker": "✗", "warning": "!", "info": "i"}
STATUS_MARK = {
    "ok": "✓",
    "missing": "✗",
    "expires-too-soon": "!",
    "expired": "✗",
    "too-old": "!",
    "defective": "✗",
}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def format_check(result: CheckResult, profile: Profile, lang: str = "zh") -> str:
    lang = "en" if lang == "en" else "zh"
    t = _LABELS[lang]
    sep = ", " if lang == "en" else "、"
    yes_no = {True: t["yes"], False: t["no"]}
    lines = [
        f"{t['title']} — {label('district', result.district, lang)} / {label('business', result.business, lang)}",
        f"{t['employee']}: {profile.employee.name} ({mask(profile.employee.id_number)})",
        f"{t['on']}: {result.on.isoformat()}",
        f"{t['eligible']}: {yes_no[result.eligible]}    {t['ready']}: {yes_no[result.ready]}",
        f"{t['categories']}: {sep.join(label('category', c, lang) for c in result.qualifying_categories) or t['none']}",
        f"{t['threshold']}: ≥ {result.thresholds['x1_2']:,} ({result.thresholds['reference_year']} × 1.2)",
        "",
        f"{t['findings']}:",
    ]
    if not result.findings:
        lines.append(f"  {t['none']}")
    for f in result.findings:
        severity = label("severity", f.severity, lang)
        lines.append(f"  {SEVERITY_MARK[f.severity]} [{severity}] {f.message}  ({cite(f.source, lang)})")
    lines += ["", f"{t['materials']}:"]
    width = max((_width(m.name) for m in result.materials), default=10) + 2

    def shown(m) -> tuple[str, str]:
        # An optional material nobody attached is not a fault: a quiet mark, "not provided", no ✗.
        if m.status == "missing" and not m.required:
            return "·", t["not-given"]
        return STATUS_MARK[m.status], label("material_status", m.status, lang)

    status_width = max((_width(shown(m)[1]) for m in result.materials), default=8) + 2
    for m in result.materials:
        req = t["required"] if m.required else t["optional"]
        mark, status = shown(m)
        lines.append(f"  {mark} {_pad(m.name, width)} {_pad(status, status_width)} {req}")
    lines += ["", f"{t['deadlines']}:"]
    if not result.deadlines:
        lines.append(f"  {t['none']}")
    for d in result.deadlines:
        lines.append(f"  {d.date.isoformat()}  {label('deadline', d.code, lang)}: {d.message}")
    return "\n".join(lines) + "\n"
