"""Scan flags and their texts: each flag has a stable code, a severity, the guide section it enforces and a
message built from `resources/scan_checks.toml` (through the catalogue, `scan.CODE`), so wording and
thresholds change without code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from ..catalogue import coded
from ..catalogue import text as catalogue_text
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
    """One finding of the scan. `code` is stable (SPEC §6 `SCAN_*`); `values` are its parameters, in no
    language (a number, a code, or a coded text), so the flag reads in the reader's language
    (`text(lang)`) and is kept as its code and parameters (`coded()`); `message` is the Chinese text."""

    code: str
    page: int | None  # 1-based; None = the whole file
    message: str
    severity: str = DEFECT
    source: str = ""  # guide section, e.g. "changping-2026 三(一)"
    values: tuple[tuple[str, Any], ...] = field(default=())  # the measured values in the message

    def __str__(self) -> str:
        return self.message

    @property
    def key(self) -> str:
        """The catalogue key of its text: the code's uncertain-measurement wording for a warning."""
        warned = self.severity == WARNING and isinstance(scan_checks()[self.code].get("warning"), dict)
        return f"scan.{self.code}.warning" if warned else f"scan.{self.code}"

    def text(self, language: str = "zh") -> str:
        """The message in `language` ("zh" or "en")."""
        return catalogue_text(self.key, language, **dict(self.values))

    def coded(self) -> str:
        """The flag as a record keeps it: its key and parameters, said in the reader's language later."""
        return coded(self.key, **dict(self.values))

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
    flag = Flag(code, page, "", severity, entry.get("source", ""), tuple(sorted(shown.items())))
    return replace(flag, message=flag.text("zh"))


def _format(value: object) -> object:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:.0f}"
    if isinstance(value, list | tuple):
        return tuple(_format(v) for v in value)
    if isinstance(value, str):
        return value
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
