"""What a roster import found, as plain dataclasses for the CLI and the dialog: notices, refused cells
(`RowIssue`, a `roster.` message code with its parameters), rows that are new / changed (field by field)
/ unchanged, and the roster's view of a stored profile (what is compared, and what an export writes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..rules.profile import Employee, Employer, Housing, Permit, Profile
from .read import Sheet
from .values import vocabulary


def message_text(code: str, params: dict[str, Any], lang: str = "zh") -> str:
    from ..checks.check import policies
    from ..rules.engine import Messages

    text = Messages(policies().messages, lang)
    params = dict(params)
    if "reason_key" in params:
        params["reason"] = text(params.pop("reason_key"))
    if "reason_said" in params:  # a reason already worded in each language (a profile's parse error)
        said = params.pop("reason_said")
        params["reason"] = said.get("en" if lang == "en" else "zh", "")
    return text(code, **params)


@dataclass(frozen=True)
class Notice:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "zh") -> str:
        return message_text(self.code, self.params, lang)


@dataclass(frozen=True)
class RowIssue:
    """A refused cell: where (sheet, 1-based row, the column as headed) and why (a `roster.` code)."""

    sheet: str
    row: int
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    cell: str = ""  # the cell as Excel names it (D7), when the refusal is about one cell

    def message(self, lang: str = "zh") -> str:
        return message_text(self.code, self.params, lang)

    def text(self, lang: str = "zh") -> str:
        if self.row <= 0:
            return self.message(lang)
        where = {"row": self.row, "column": self.column, "message": self.message(lang)}
        if self.cell:
            return message_text("roster.row-error-cell", {**where, "cell": self.cell}, lang)
        return message_text("roster.row-error", where, lang)

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class FieldChange:
    column: str  # the template's header
    old: str  # as the form shows it ('' = blank)
    new: str


@dataclass(slots=True)
class PreviewRow:
    sheet: str
    row: int  # 1-based spreadsheet row (0 for a profile from JSON)
    kind: str  # new | changed | unchanged | error | repeat
    name: str
    id_masked: str
    changes: list[FieldChange] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    employee_id: int | None = None
    profile: Profile | None = None  # what will be stored for a changed row (or a profile from JSON)
    values: dict[str, Any] | None = None  # a new row's values; its profile is built when it is written
    version: int | None = None  # the stored person's version when the preview read them

    def new_profile(self) -> Profile:
        if self.profile is not None:
            return self.profile
        assert self.values is not None
        profile = Profile(Employer(name="", district=""), Employee(id_number=self.values["id_number"]), [])
        _apply_values(profile, self.values)
        profile.employee.monthly_income_cny = dict(sorted(self.values.get("income", {}).items()))
        return profile


@dataclass
class ImportPreview:
    file: Path
    sheet: str | None = None
    roster_sheets: list[str] = field(default_factory=list)
    rows: list[PreviewRow] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    file_errors: list[RowIssue] = field(default_factory=list)
    income_rows: int = 0
    skipped_footer: int = 0  # 合计 / 制表人 rows below the data, not read as people
    skipped_blank: int = 0  # blank rows between data rows (or with only a 序号), skipped
    base_dir: Path | None = None  # for profile JSON: materials are relative to it
    _sheets: dict[str, Sheet] = field(default_factory=dict, repr=False)
    _header_rows: dict[str, int] = field(default_factory=dict, repr=False)

    def count(self, kind: str) -> int:
        return sum(1 for r in self.rows if r.kind == kind)

    @property
    def errors(self) -> list[RowIssue]:
        return self.file_errors + [e for r in self.rows for e in r.errors]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, lang: str = "zh") -> str:
        return message_text(
            "roster.summary",
            {
                "new": self.count("new"),
                "changed": self.count("changed"),
                "unchanged": self.count("unchanged") + self.count("repeat"),
                "errors": len({(e.sheet, e.row) for e in self.errors}),
            },
            lang,
        )


@dataclass
class ImportResult:
    new_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)
    unchanged: int = 0
    skipped_rows: int = 0
    cancelled: bool = False
    # Rows another desk changed (or deleted, or added) since the preview: skipped, not overwritten.
    conflicts: list[PreviewRow] = field(default_factory=list)

    def summary(self, lang: str = "zh") -> str:
        """What was written, said apart from the preview's line so HR sees the import happened."""
        return message_text(
            "roster.imported-skipped" if self.skipped_rows else "roster.imported",
            {
                "new": len(self.new_ids),
                "changed": len(self.updated_ids),
                "unchanged": self.unchanged,
                "errors": self.skipped_rows,
            },
            lang,
        )


class ImportRejected(ValueError):
    """Nothing was written; `errors` say what to fix."""

    def __init__(self, errors: list[RowIssue], lang: str = "zh") -> None:
        super().__init__(message_text("roster.rejected", {"count": len(errors)}, lang))
        self.errors = errors


# --- the roster view of a profile ---------------------------------------------------------------

ROSTER_FIELDS = (
    "name",
    "employer_name",
    "credit_code",
    "district",
    "hukou",
    "hired_on",
    "career_started_on",
    "degree",
    "title",
    "marital_status",
    "housing_kind",
    "housing_valid_until",
    "contract_ends_on",
    "permit_number",
    "permit_issued_on",
    "permit_expires_on",
    "permit_status",
)


def roster_values(profile: Profile) -> dict[str, Any]:
    """A stored profile as the roster's columns see it (what an import compares and an export writes)."""
    e, u = profile.employee, profile.employer
    return {
        "name": e.name,
        "id_number": e.id_number,
        "employer_name": u.name,
        "credit_code": u.credit_code or None,
        "district": u.district,
        "hukou": e.hukou,
        "hired_on": e.hired_on,
        "career_started_on": e.career_started_on,
        "degree": e.education.degree,
        "title": e.title,
        "marital_status": e.marital_status,
        "housing_kind": e.housing.kind if e.housing else None,
        "housing_valid_until": e.housing.valid_until if e.housing else None,
        "contract_ends_on": e.contract_ends_on,
        "permit_number": (e.permit.number or None) if e.permit else None,
        "permit_issued_on": e.permit.issued_on if e.permit else None,
        "permit_expires_on": e.permit.expires_on if e.permit else None,
        "permit_status": e.permit.status if e.permit else None,
    }


def shown(field_name: str, value: Any) -> str:
    """A value as the form shows it (choice labels, ISO dates)."""
    if value is None or value == "":
        return ""
    vocab = vocabulary()
    kind = vocab.column(field_name).kind if field_name != "id_number" else "id"
    if kind == "district":
        return vocab.district_labels.get(value, value)
    if kind in vocab.labels:
        return vocab.labels[kind].get(value, value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _apply_values(profile: Profile, v: dict[str, Any]) -> None:
    """Put the row's non-blank values on a profile (blank cells keep what is stored)."""
    e, u = profile.employee, profile.employer
    for name in (
        "name",
        "hukou",
        "hired_on",
        "career_started_on",
        "title",
        "marital_status",
        "contract_ends_on",
    ):
        if v.get(name) is not None:
            setattr(e, name, v[name])
    if v.get("degree") is not None:
        e.education.degree = v["degree"]
    if v.get("housing_kind") is not None:
        e.housing = e.housing or Housing()
        e.housing.kind = v["housing_kind"]
    if v.get("housing_valid_until") is not None and e.housing is not None:
        e.housing.valid_until = v["housing_valid_until"]
    permit_fields = ("permit_number", "permit_issued_on", "permit_expires_on", "permit_status")
    if any(v.get(k) is not None for k in permit_fields) and (e.permit or v.get("permit_expires_on")):
        e.permit = e.permit or Permit()
        for k in permit_fields:
            if v.get(k) is not None:
                setattr(e.permit, k.removeprefix("permit_"), v[k])
    if v.get("employer_name") is not None:
        u.name = v["employer_name"]
    if v.get("credit_code") is not None:
        u.credit_code = v["credit_code"]
    if v.get("district") is not None:
        u.district = v["district"]
