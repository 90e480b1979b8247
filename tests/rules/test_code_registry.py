"""Third reading, item 14: every code the engine can emit is listed with its meaning (docs/RULES.md) and
has a message in Chinese and English; a new code without an entry fails here. Emitted codes are found
by scanning the rules' source for `ctx.add("CODE"` and `ctx.deadline("CODE"` (and message variants
`key="…"`)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "hrdesk" / "rules"

SPEC_FINDING_CODES = [
    "ID_NUMBER_INVALID",
    "HUKOU_INELIGIBLE",
    "RETIRED",
    "OVER_RETIREMENT_AGE",
    "CRIMINAL_RECORD",
    "DISPATCHED_WORKER",
    "EMPLOYER_MISMATCH",
    "TENURE_UNDER_6_MONTHS",
    "WORK_EXPERIENCE_UNDER_2_YEARS",
    "INCOME_BELOW_THRESHOLD",
    "INCOME_RECORD_INCOMPLETE",
    "NO_STABLE_RESIDENCE",
    "NO_QUALIFYING_CATEGORY",
    "OVERSEAS_DEGREE_ROUTED",
    "EMPLOYER_OUTSIDE_DISTRICT",
    "EMPLOYER_TAX_BELOW_MINIMUM",
    "EMPLOYER_TAX_STANDARD_UNVERIFIED",
    "EMPLOYER_TOO_NEW",
    "EMPLOYER_CAPITAL_BELOW_MINIMUM",
    "EMPLOYER_RESTRICTED_INDUSTRY",
    "EMPLOYER_NOT_IN_GOOD_STANDING",
    "EMPLOYER_NO_PERMISSION",
    "EMPLOYER_NO_QUOTA",
    "NO_PERMIT",
    "PERMIT_EXPIRED",
    "RENEWAL_WINDOW_NOT_OPEN",
    "RENEWAL_TOO_LATE",
    "RENEWAL_INCOME_MONTH_BELOW_IIT_THRESHOLD",
    "RENEWAL_RECORD_INCOMPLETE",
    "UNLINK_OVERDUE",
    "CALENDAR_YEAR_UNKNOWN",
]


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(RULES.glob("*.py")))


def emitted_findings() -> set[str]:
    return set(re.findall(r'ctx\.add\(\s*"([A-Z0-9_]+)"', _source()))


def emitted_deadlines() -> set[str]:
    found = set(re.findall(r'ctx\.deadline\(\s*"([A-Z0-9_]+)"', _source()))
    status = (ROOT / "hrdesk" / "employees" / "status.py").read_text(encoding="utf-8")
    return found | set(re.findall(r'Deadline\(\s*"([A-Z0-9_]+)"', status))


def message_variants() -> set[str]:
    return set(re.findall(r'key="([A-Z0-9_]+\.[a-z0-9-]+)"', _source())) | set(
        re.findall(r'"([A-Z0-9_]+\.[a-z0-9-]+)"\s+if', _source())
    )


def documented() -> dict[str, str]:
    """code → meaning, from the tables of docs/RULES.md."""
    rows = re.findall(
        r"^\| `([A-Z0-9_]+)` \|(.*)$", (ROOT / "docs" / "RULES.md").read_text(encoding="utf-8"), re.M
    )
    return {code: rest for code, rest in rows}


def messages() -> dict[str, dict[str, str]]:
    with open(ROOT / "resources" / "messages.toml", "rb") as fh:
        return tomllib.load(fh)


def test_the_scan_finds_the_engines_codes():
    assert {"ID_NUMBER_INVALID", "PERMIT_NOT_SUSPENDED", "SOCIAL_INSURANCE_INCOMPLETE"} <= emitted_findings()
    assert {"RENEWAL_SUBMIT_BY", "UNIT_FILING_DUE", "UNIT_REVIEW_DUE"} <= emitted_deadlines()


def test_every_emitted_code_is_documented_with_a_meaning():
    docs = documented()
    missing = sorted((emitted_findings() | emitted_deadlines()) - set(docs))
    assert not missing, f"codes the engine emits without a row in docs/RULES.md: {missing}"
    for code in emitted_findings() | emitted_deadlines():
        meaning = docs[code].split("|")
        assert any(len(cell.strip()) > 8 for cell in meaning), code


def test_every_spec_code_is_still_listed():
    assert not set(SPEC_FINDING_CODES) - set(documented())


def test_every_emitted_code_and_variant_has_both_languages():
    catalogue = messages()
    keys = message_variants() | {f"deadline.{c}" for c in emitted_deadlines()}
    for key in sorted(keys):
        entry = catalogue.get(key)
        assert entry and entry.get("zh") and entry.get("en"), f"messages.toml lacks zh/en for {key}"
    # A code always emitted through variants (PERMIT_UNIT_HISTORY_UNKNOWN.none …) needs no plain entry.
    for code in sorted(emitted_findings()):
        entries = [v for k, v in catalogue.items() if k == code or k.startswith(code + ".")]
        assert any(e.get("zh") and e.get("en") for e in entries), f"messages.toml lacks zh/en for {code}"
