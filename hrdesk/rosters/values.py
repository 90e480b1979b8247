"""Roster cell values as offices type them, turned into facts — or refused with a code that says how
to fix the cell. Nothing here guesses: a two-digit year, a date before 1900 or an ID number that went
through a numeric cell is refused, because a wrong birth date or a neighbour's ID would be stored quietly.

Every refusal is a `CellProblem(code, params)`; the text lives in `resources/messages.toml` under
`roster.` (Chinese and English), so the same refusal reads the same in the CLI, the dialog and the
error workbook.
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from ..resources import resources_dir
from ..rules.idnumber import IdNumberError, parse_id_number


class CellProblem(ValueError):
    """A cell that cannot be taken as it is; `code` is a `roster.` message key."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    field: str
    kind: str  # text | id | district | date | a choice kind
    required: bool
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class RosterVocabulary:
    """What `resources/roster_synonyms.toml` says: columns, header synonyms, choice labels."""

    columns: tuple[ColumnSpec, ...]
    header_to_field: dict[str, str]
    export_only: frozenset[str]
    choices: dict[str, dict[str, str]]  # kind → {normalised label: code}
    labels: dict[str, dict[str, str]]  # kind → {code: the label the form shows}
    districts: dict[str, str]  # normalised label → district code
    district_labels: dict[str, str]  # district code → label
    income: dict[str, Any] = field(default_factory=dict)

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.field == name)


@cache
def vocabulary() -> RosterVocabulary:
    data = tomllib.loads((resources_dir() / "roster_synonyms.toml").read_text(encoding="utf-8"))
    columns = tuple(
        ColumnSpec(c["header"], c["field"], c["kind"], bool(c.get("required")), tuple(c.get("synonyms", ())))
        for c in data["column"]
    )
    header_to_field = {}
    for c in columns:
        for name in (c.header, *c.synonyms):
            header_to_field[header_key(name)] = c.field
    choices: dict[str, dict[str, str]] = {}
    labels: dict[str, dict[str, str]] = {}
    for kind, entries in data["choice"].items():
        choices[kind] = {}
        labels[kind] = {}
        for code, names in entries.items():
            labels[kind][code] = names[0]
            for name in (*names, code):
                choices[kind][text_key(name)] = code
    districts = {text_key(n): code for code, names in data["district"].items() for n in (*names, code)}
    return RosterVocabulary(
        columns,
        header_to_field,
        frozenset(header_key(h) for h in data["export_only"]["headers"]),
        choices,
        labels,
        districts,
        {code: names[0] for code, names in data["district"].items()},
        data["income"],
    )


# --- text ---------------------------------------------------------------------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CJK = r"\u3400-\u9fff\uf900-\ufaff\u00b7"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def clean_text(value: Any) -> str:
    """NFKC (full-width digits and letters, the ideographic space), no zero-width characters, spaces
    trimmed and collapsed, and no space between two Chinese characters (张　三 → 张三)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():  # the common ASCII cell skips the Unicode work (50,000-row rosters)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = text.translate(_ZERO_WIDTH)
    if not text or text[0].isspace() or text[-1].isspace() or "  " in text or not text.isprintable():
        text = " ".join(text.split())
    if " " in text and not text.isascii():
        text = _SPACE_IN_CJK.sub("", text)
    return text


def text_key(value: Any) -> str:
    """How labels are compared: cleaned, no spaces at all, lower case."""
    return clean_text(value).replace(" ", "").lower()


_BRACKETED = re.compile(r"[(\[（【<《].*?[)\]）】>》]")


def header_key(value: Any) -> str:
    """How headers are compared: 身份证号码（必填）, ' 姓 名：' and 姓名* all meet their column."""
    text = _BRACKETED.sub("", clean_text(value))
    return text.replace(" ", "").rstrip(":：*").lower()


# A row that closes a roster as offices print it (合计：35人, 制表人：王芳), never a person: its ID cell is blank.
FOOTER_WORDS = (
    "合计",
    "总计",
    "小计",
    "共计",
    "总人数",
    "制表",
    "填表",
    "审核",
    "复核",
    "负责人",
    "total",
    "subtotal",
)


def is_footer_text(value: Any) -> bool:
    return text_key(value).startswith(FOOTER_WORDS)


def is_formula_text(text: str) -> bool:
    """A cell that still holds a formula (=HYPERLINK(…)) rather than the text it shows."""
    return text.startswith("=") and len(text) > 1


# --- ID numbers ---------------------------------------------------------------------------------

_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)


def id_from_cell(value: Any) -> str:
    """An ID number from a cell. A number cell is refused outright: Excel keeps 15 significant digits,
    so the last three digits of an 18-digit number are already lost (and one in eleven of the wrong
    numbers still passes the check digit)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellProblem("roster.id-numeric")
    text = clean_text(value).replace(" ", "").replace("-", "").upper()
    if _SCIENTIFIC.match(text):
        raise CellProblem("roster.id-numeric")
    try:
        return parse_id_number(text).number
    except IdNumberError as exc:
        raise CellProblem("roster.id-invalid", reason_key=f"id.{exc}") from None


def looks_rounded(number: str) -> bool:
    """An 18-digit number whose last three digits are 000, as Excel's rounding leaves them."""
    return len(number) == 18 and number.endswith("000")


def rounded_column(numbers: list[str]) -> bool:
    """Whether a column of ID texts went through Excel's rounding: most of its 18-digit numbers end in
    000. A true ID ends in 000 about once in 1,100, so a real roster never looks like this; one
    such number among many good ones is taken as it is (its check digit is still verified)."""
    shaped = [n for n in numbers if len(n) == 18 and n[:17].isdigit()]
    rounded = sum(1 for n in shaped if looks_rounded(n))
    return rounded > 0 and rounded * 2 >= len(shaped)


def id_text(value: Any) -> str:
    """The ID as written (cleaned), for the column-wide rounding test."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return ""
    return clean_text(value).replace(" ", "").upper()


# --- dates --------------------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 with Excel's fictitious 1900-02-29 skipped
_EXCEL_EPOCH_1904 = date(1904, 1, 1)  # a workbook saved with the 1904 date system (Mac Excel): 1,462 days on
# Serial numbers below 10000 (1927-05-18) are taken for what they more likely are (a year, a count):
# no roster date is that old, and Excel's 1900 leap-year bug makes the earliest serials wrong anyway.
_FIRST_SERIAL = 10000
_LAST_SERIAL = 2958465  # 9999-12-31
_YMD = re.compile(r"^(\d{1,4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _checked(year: int, month: int, day: int, text: str) -> date:
    if year < 100:
        raise CellProblem("roster.date-two-digit-year", text=text)
    if year < 1900:
        raise CellProblem("roster.date-before-1900", text=text)
    try:
        return date(year, month, day)
    except ValueError:
        raise CellProblem("roster.date-not-exist", text=text) from None


def _from_serial(serial: float, text: str, date1904: bool = False) -> date:
    if serial < _FIRST_SERIAL or serial > _LAST_SERIAL:
        raise CellProblem("roster.date-invalid", text=text)
    return (_EXCEL_EPOCH_1904 if date1904 else _EXCEL_EPOCH) + timedelta(days=int(serial))


def date_from_cell(value: Any, date1904: bool = False) -> date:
    """A date from a date cell, an Excel serial number (45352), 2024-03-01, 2024/3/1, 2024.3.1,
    2024年3月1日 or 20240301. Two-digit years and dates before 1900 are refused, never guessed.
    `date1904`: the workbook counts serial numbers from 1904-01-01 (a date cell is already a date)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        if value.year < 1900:
            raise CellProblem("roster.date-before-1900", text=value.isoformat())
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        whole = int(value)
        if _COMPACT.match(str(whole)) and value == whole:
            text = str(whole)
            return _checked(int(text[:4]), int(text[4:6]), int(text[6:]), text)
        return _from_serial(float(value), clean_text(value), date1904)
    text = clean_text(value)
    body = _TIME_TAIL.sub("", text).strip()
    match = _YMD.match(body)
    if match:
        first, month, day = match.groups()
        if len(first) <= 2:
            raise CellProblem("roster.date-two-digit-year", text=text)
        return _checked(int(first), int(month), int(day), text)
    match = _COMPACT.match(body)
    if match:
        return _checked(*(int(g) for g in match.groups()), text)
    if _SERIAL.match(body):  # a date column saved to CSV as General shows Excel's serial number
        return _from_serial(float(body), text, date1904)
    if re.match(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$", body):
        raise CellProblem("roster.date-two-digit-year", text=text)
    if re.match(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$", body):
        raise CellProblem("roster.date-ambiguous", text=text)
    raise CellProblem("roster.date-invalid", text=text)


# --- months and money (declared income) ---------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?(?:份)?|(\d{2}))$")


def month_from_cell(value: Any) -> str | None:
    """A tax month as YYYY-MM from 2026-05, 2026/5, 2026年5月, 202605 or a date cell; None if the
    value is not a month (so a header row can be told apart from one naming months)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value).replace(" ", "")
    text = re.sub(r"(收入|申报收入|工资|\(元\)|元)$", "", text)
    match = _MONTH.match(text)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2) or match.group(3))
    if not (1 <= month <= 12) or year < 1900:
        return None
    return f"{year:04d}-{month:02d}"


_AMOUNT = re.compile(r"^\+?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$", re.IGNORECASE)


def money_from_cell(value: Any) -> float:
    """A finite, non-negative amount: `inf`, `nan`, `Infinity` and 1e400 (∞ once parsed) are refused,
    so no income is stored as +∞ and exported as `Infinity`."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0 or not math.isfinite(value):
            raise CellProblem("roster.income-amount", text=clean_text(value))
        return float(value)
    shown = clean_text(value)
    text = shown.replace(",", "").replace(" ", "").removeprefix("¥").removesuffix("元")
    if not _AMOUNT.match(text):  # a decimal number: float() would also take inf, nan and Infinity
        raise CellProblem("roster.income-amount", text=shown)
    amount = float(text)
    if not math.isfinite(amount):
        raise CellProblem("roster.income-amount", text=shown)
    return amount


# --- choices ------------------------------------------------------------------------------------


def choice_from_cell(kind: str, value: Any) -> str:
    """The code for a label as the app's form shows it, or a synonym from roster_synonyms.toml."""
    vocab = vocabulary()
    table = vocab.districts if kind == "district" else vocab.choices[kind]
    code = table.get(text_key(value))
    if code is None:
        shown = vocab.district_labels if kind == "district" else vocab.labels[kind]
        raise CellProblem("roster.choice", text=clean_text(value), choices="、".join(shown.values()))
    return code


def field_value(kind: str, value: Any, date1904: bool = False) -> Any:
    """One roster cell as the fact the rules use (None for a blank cell). `date1904`: the workbook's
    date system (serial numbers in a date column count from 1904-01-01)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = clean_text(value)
        if not text:
            return None
        if is_formula_text(text):
            raise CellProblem("roster.formula")
        if kind == "text":
            return text
        if kind != "id":  # dates and choices repeat down a column: parse each distinct text once
            return _parsed_text(kind, text, date1904)
    if kind == "id":
        return id_from_cell(value)
    if kind == "date":
        return date_from_cell(value, date1904)
    if kind == "text":
        return clean_text(value)
    return choice_from_cell(kind, value)


@lru_cache(maxsize=4096)
def _parsed_text(kind: str, text: str, date1904: bool = False) -> Any:
    return date_from_cell(text, date1904) if kind == "date" else choice_from_cell(kind, text)
