"""Scan flags and their texts: each flag has a stable code, a severity, the guide section it enforces and a
message built from `resources/scan_checks.toml`, so wording and thresholds change without code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..resources import resources_dir

REFUSED = "refused"  # never packed, not even with --force: hrdesk cannot read the file safely
DEFECT = "defect"  # the district returns the application for it
WARNING = "warning"  # the check could not decide; the message carries the measured value
SEVERITIES = (REFUSED, DEFECT, WARNING)


@cache
def scan_checks() -> dict[str, Any]:
    """The parsed `scan_checks.toml` (read once)."""
    with open(resources_dir() / "scan_checks.toml", "rb") as fh:
        return tomllib.load(fh)


def threshold(name: str) -> float:
    return float(scan_checks()["thresholds"][name])


def materials_for(check: str) -> frozenset[str]:
    """Material codes a kind-specific check applies to (`[materials]` in the data file)."""
    return frozenset(scan_checks()["materials"].get(check, ()))


def districts_for(check: str) -> frozenset[str]:
    """Districts whose guide asks for a check (`[districts]` in the data file)."""
    return frozenset(scan_checks().get("districts", {}).get(check, ()))


def fix_for(code: str, lang: str = "zh") -> str:
    """How to put a finding right, in the user's language (`[fixes]` in scan_checks.toml)."""
    entry = scan_checks().get("fixes", {}).get(code)
    if not entry:
        return ""
    return str(entry.get(lang) or entry.get("zh", ""))


@dataclass(frozen=True)
class Flag:
    """One finding of the scan. `code` is stable (SPEC §6 `SCAN_*`); `message` is the Chinese text."""

    code: str
    page: int | None  # 1-based; None = the whole file
    message: str
    severity: str = DEFECT
    source: str = ""  # guide section, e.g. "changping-2026 三(一)"
    values: tuple[tuple[str, str], ...] = field(default=())  # the measured values in the message

    def __str__(self) -> str:
        return self.message

    def text(self, language: str = "zh") -> str:
        """The message in `language` ("zh" or "en")."""
        if language == "zh":
            return self.message
        text = _template(self.code, self.severity, language).format(**dict(self.values))
        return _with_source(text, self.source, language)

    @property
    def blocks_pack(self) -> bool:
        return self.severity in (REFUSED, DEFECT)


def make_flag(code: str, page: int | None = None, *, warning: bool = False, **values: object) -> Flag:
    """A flag from the data file; `warning=True` picks the code's uncertain-measurement wording."""
    entry = scan_checks()[code]
    severity = WARNING if warning else entry["severity"]
    shown = {k: _format(v) for k, v in values.items()}
    if page is not None:
        shown.setdefault("page", str(page))
    source = entry.get("source", "")
    message = _with_source(_template(code, severity, "zh").format(**shown), source, "zh")
    return Flag(code, page, message, severity, source, tuple(sorted(shown.items())))


def _template(code: str, severity: str, language: str) -> str:
    entry = scan_checks()[code]
    if severity == WARNING and isinstance(entry.get("warning"), dict):
        return entry["warning"][language]
    return entry[language]


def _with_source(text: str, source: str, language: str) -> str:
    """The guide section after the text, so HR can point the reviewer to it; hrdesk's own limits
    (source "hrdesk") cite nothing."""
    if not source or source == "hrdesk":
        return text
    return f"{text}（{source}）" if language == "zh" else f"{text} ({source})"


def _format(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:.0f}"
    return str(value)


REASON_PREFIX = "refused: "


def refusal_reason(flag: Flag) -> str:
    """A refusal as plain text that survives a trip through JSON (an OCR reading's `error`), so that the
    reader can show it in the user's language later (`flag_from_reason`)."""
    import json

    return REASON_PREFIX + json.dumps({"code": flag.code, "page": flag.page, "values": dict(flag.values)})


def flag_from_reason(reason: str) -> Flag | None:
    import json

    if not reason.startswith(REASON_PREFIX):
        return None
    try:
        data = json.loads(reason[len(REASON_PREFIX) :])
        values = {k: v for k, v in data["values"].items() if k != "page"}
        return make_flag(data["code"], data.get("page"), **values)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
