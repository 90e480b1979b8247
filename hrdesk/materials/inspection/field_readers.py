"""The field readers: what each document kind states, applied to OCR lines. What to read per kind is data
(`resources/field_readers.toml`: labels, patterns, types, the record field each value fills); this module
only knows how to find a label's value on the page (beside it, under it, over two lines), read a tax
record's table, and type the text (a date, an amount, an ID number whose check digit must hold). Every
value comes with the page and box it was read from and the line's confidence. What a file's reading
proposes for the record is `fields.py`.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Any

from ...resources import resources_dir
from ...rules.idnumber import IdNumberError, parse_id_number
from .pages import Box, PageReading, TextLine


@dataclass(frozen=True)
class ReadField:
    """One value read off a scan, with where it was read (page 1-based, box as fractions of the page)."""

    field: str
    value: str
    page: int
    box: Box
    confidence: float
    record: str = ""  # the record's field it fills ("employee.name"); empty: shown, never written
    kind: str = ""  # the document it was read from (material code): what a new housing starts as

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["box"] = list(self.box)
        del data["kind"]  # the reading's own kind says it once
        return data


@dataclass
class FieldReading:
    """What one file says, field by field; `refused` names fields whose text was read but not trusted
    (an ID number failing its check digit, a birth date the ID number contradicts) — never their value."""

    kind: str
    fields: list[ReadField] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    pages: int = 0

    def get(self, name: str) -> ReadField | None:
        return next((f for f in self.fields if f.field == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "pages": self.pages,
            "fields": [f.to_dict() for f in self.fields],
            "refused": list(self.refused),
        }


# --- the data --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldRule:
    field: str
    type: str
    labels: tuple[str, ...] = ()
    until: tuple[str, ...] = ()
    value: str = ""
    patterns: tuple[str, ...] = ()
    record: str = ""
    first_page_only: bool = False
    occurrence: int = 1
    continue_lines: int = 0
    line_pattern: bool = False  # patterns match within one OCR line (^ and $ are the line's ends)


@dataclass(frozen=True)
class TableRule:
    field: str
    period_headers: tuple[str, ...]
    amount_headers: tuple[str, ...]
    record: str = ""


@dataclass(frozen=True)
class KindReader:
    kind: str
    fields: tuple[FieldRule, ...]
    table: TableRule | None = None
    # The housing a record without one gets when it takes this document's values (`new_housing`), and
    # when the owner read is not the employee (`new_housing_other_owner`; empty: the same).
    new_housing: str = ""
    new_housing_other_owner: str = ""


@cache
def readers() -> dict[str, KindReader]:
    """The readers of `resources/field_readers.toml`, per material code."""
    data = tomllib.loads((resources_dir() / "field_readers.toml").read_text(encoding="utf-8"))
    out = {}
    for kind, spec in data.items():
        rules = tuple(
            FieldRule(
                field=f["field"],
                type=f.get("type", "text"),
                labels=tuple(_norm(label) for label in f.get("labels", ())),
                until=tuple(_norm(word) for word in f.get("until", ())),
                value=f.get("value", ""),
                patterns=tuple(f.get("patterns", ())),
                record=f.get("record", ""),
                first_page_only=f.get("pages") == "first",
                occurrence=int(f.get("occurrence", 1)),
                continue_lines=int(f.get("continue_lines", 0)),
                line_pattern=bool(f.get("line_pattern", False)),
            )
            for f in spec.get("fields", ())
        )
        table = None
        if "table" in spec:
            t = spec["table"]
            table = TableRule(
                t["field"],
                tuple(_norm(h) for h in t["period_headers"]),
                tuple(_norm(h) for h in t["amount_headers"]),
                t.get("record", ""),
            )
        out[kind] = KindReader(
            kind, rules, table, spec.get("new_housing", ""), spec.get("new_housing_other_owner", "")
        )
    return out


def kinds() -> list[str]:
    return sorted(readers())


# --- reading ---------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    """NFKC (full-width digits and colons), no spaces (printed labels are spaced out: 姓  名), the usual
    OCR slips inside numbers left to the typed parsers."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


_LEAD = re.compile(r"^[:：;；,，.。]+")


def read_fields(kind: str, readings: list[PageReading], on: date | None = None) -> FieldReading:
    """The fields a document of `kind` states, from its page readings (empty for a kind without a
    reader). `on` is the day it is read: an ID number encoding a later birth date is refused."""
    reader = readers().get(kind)
    result = FieldReading(kind, pages=len(readings))
    if reader is None:
        return result
    pages = [(r.page, [ln for ln in r.stated_lines if ln.text.strip()]) for r in readings if not r.error]
    for rule in reader.fields:
        found, refused = _read_rule(rule, pages, on)
        if found is not None:
            result.fields.append(found)
        elif refused:
            result.refused.append(rule.field)
    if reader.table is not None:
        result.fields.extend(_read_table(reader.table, pages))
    result.fields = [dataclasses.replace(f, kind=kind) for f in result.fields]
    _agree_with_id(result, on)
    return result


def _read_rule(
    rule: FieldRule, pages: list[tuple[int, list[TextLine]]], on: date | None
) -> tuple[ReadField | None, bool]:
    """The rule's value at its occurrence, or (None, whether a candidate was read and refused)."""
    refused = False
    seen = 0
    for page, lines in pages:
        if rule.first_page_only and page != pages[0][0]:
            break
        for candidate in _candidates(rule, lines):
            text, line = candidate
            value = _typed(rule.type, text, on)
            if value is None:
                refused = refused or rule.type == "id"
                continue
            seen += 1
            if seen == rule.occurrence:
                return ReadField(rule.field, value, page, line.box, round(line.score, 3), rule.record), False
    return None, refused


def _candidates(rule: FieldRule, lines: list[TextLine]):
    """(matched text, line it was read on) in reading order: label values first, then sentences."""
    value = re.compile(rule.value) if rule.value else None
    texts = [_norm(line.text) for line in lines]
    if rule.labels and value is not None:
        for i, text in enumerate(texts):
            # A label starts its line (姓名 in 校（院）长姓名 is another person's); `at` is the line that
            # holds the label's end.
            at, label = i, next((lb for lb in rule.labels if text.startswith(lb)), None)
            if label is None and _starts_a_label(text, rule) and (right := _right_of(lines, i)) is not None:
                # A label printed spaced out (校    名：) may be read as two boxes on one row: its first
                # characters alone, the rest with the value beside them.
                text = text + texts[right]
                at, label = right, next((lb for lb in rule.labels if text.startswith(lb)), None)
            if label is None:
                continue
            rest = _LEAD.sub("", text[len(label) :])
            options = [(rest, at)] if rest else []
            options += [(texts[j], j) for j in _beside(lines, at)]
            for raw, j in options:
                cut = _cut(raw, rule.until)
                match = value.search(_fix_digits(cut) if rule.type in ("id", "number") else cut)
                if match and (j == at or not any(texts[j].startswith(lb) for lb in _ALL_LABELS())):
                    got = match.group()
                    score = lines[j].score
                    if rule.continue_lines:
                        more = _continuation(texts, j, rule, lines)
                        got += more
                        if more[:1] in _UNIT_WORDS:  # a digit before 单元 lost at the line's start
                            score = min(score, 0.5)
                    yield got, dataclasses.replace(lines[j], score=score)
                    break
    if rule.patterns and rule.line_pattern:
        for pattern in rule.patterns:
            for i, text in enumerate(texts):
                if match := re.search(pattern, text):
                    yield match.group("v"), lines[i]
    elif rule.patterns:
        joined, starts = "", []
        for text in texts:
            starts.append(len(joined))
            joined += text
        for pattern in rule.patterns:
            for match in re.finditer(pattern, joined, flags=re.M):
                at = match.start("v")
                index = max(k for k, s in enumerate(starts) if s <= at)
                yield match.group("v"), lines[index]


_UNIT_WORDS = ("单", "号", "栋", "室", "层", "楼")


def _starts_a_label(text: str, rule: FieldRule) -> bool:
    return bool(text) and any(len(lb) > len(text) and lb.startswith(text) for lb in rule.labels)


def _right_of(lines: list[TextLine], i: int) -> int | None:
    """The box just right of line `i` on its row, when the gap between them is no wider than a few
    characters (a spaced-out label's second half), else None."""
    box = lines[i].box
    height = box[3] - box[1]
    centre = (box[1] + box[3]) / 2
    row = [
        j
        for j, line in enumerate(lines)
        if j != i
        and line.box[0] >= box[2] - height * 0.5
        and line.box[0] - box[2] <= height * 6
        and abs((line.box[1] + line.box[3]) / 2 - centre) < height * 0.6
    ]
    return min(row, key=lambda j: lines[j].box[0]) if row else None


def _beside(lines: list[TextLine], i: int) -> list[int]:
    """Where a label's value stands when it is a box of its own: on the label's row to its right
    (nearest first; a photographed sheet may list it before the label), else the next line down."""
    label = lines[i].box
    height = label[3] - label[1]
    centre = (label[1] + label[3]) / 2
    row = [
        j
        for j, line in enumerate(lines)
        if j != i and line.box[0] > label[0] and abs((line.box[1] + line.box[3]) / 2 - centre) < height * 0.6
    ]
    row.sort(key=lambda j: lines[j].box[0])
    below = [i + 1] if i + 1 < len(lines) and i + 1 not in row else []
    return row[:1] + below


def _continuation(texts: list[str], j: int, rule: FieldRule, lines: list[TextLine]) -> str:
    """An address printed over several lines: the following lines just under it, without a label."""
    extra = ""
    for k in range(j + 1, min(j + 1 + rule.continue_lines, len(texts))):
        if any(lb in texts[k] for lb in _ALL_LABELS()):
            break
        gap = lines[k].box[1] - lines[k - 1].box[3]
        height = lines[k - 1].box[3] - lines[k - 1].box[1]
        if gap > height or abs(lines[k].box[0] - lines[j].box[0]) > 0.02:
            break
        extra += _cut(texts[k], rule.until)
    return extra


@cache
def _ALL_LABELS() -> tuple[str, ...]:  # noqa: N802 - a constant computed once from the data
    return tuple({lb for reader in readers().values() for rule in reader.fields for lb in rule.labels})


def _cut(text: str, until: tuple[str, ...]) -> str:
    for word in until:
        at = text.find(word)
        if at >= 0:
            text = text[:at]
    return text


def _fix_digits(text: str) -> str:
    """Letters OCR reads for digits inside a long number (O for 0, l for 1)."""
    return text.translate(str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "×": "X", "x": "X"}))


_DATE = re.compile(r"((?:19|20)\d{2})[年./-](\d{1,2})[月./-](\d{1,2})日?")
_MONTH = re.compile(r"((?:19|20)\d{2})[年./-](\d{1,2})(?:月|$)")


def _date(text: str) -> str | None:
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


def _typed(kind: str, text: str, on: date | None) -> str | None:
    """The value as the record writes it, or None when the text is not a value of this type."""
    text = text.strip()
    if not text:
        return None
    if kind == "id":
        try:
            return parse_id_number(_fix_digits(text), on=on).number
        except IdNumberError:
            return None
    if kind == "date":
        if re.fullmatch(r"(19|20)\d{2}年?", text):
            return text[:4]
        found = _date(text)
        if found is None and (m := _MONTH.search(text)):
            return f"{m.group(1)}-{int(m.group(2)):02d}"
        return found
    if kind == "month":
        m = _MONTH.search(text)
        return f"{m.group(1)}-{int(m.group(2)):02d}" if m else None
    if kind == "end":
        return "无固定期限" if "无固定期限" in text else _date(text)
    if kind == "validity":
        start, _, end = text.partition("-")
        first = _date(start)
        last = "长期" if "长期" in end else _date(end)
        return f"{first}/{last}" if first and last else None
    if kind == "sex":
        return text if text in ("男", "女") else None
    if kind == "area":
        return text if re.fullmatch(r"\d+(\.\d+)?", text) else None
    if kind == "name":
        return text if 2 <= len(text) <= 5 else None
    if kind == "bracketed":  # 教留服认英[2023]012345号: the year's brackets as printed, whatever OCR read
        return re.sub(r"[\[【〔(（]?(\d{4})[\]】〕)）]?", r"[\1]", text, count=1)
    return text


def _agree_with_id(result: FieldReading, on: date | None) -> None:
    """The birth date and sex printed beside an ID number must be the ones it encodes: when they are
    not, one of them was misread, so the number is not proposed."""
    ident = next((f for f in result.fields if f.record == "employee.id_number"), None)
    if ident is None:
        return
    parsed = parse_id_number(ident.value, on)
    birth, sex = result.get("birth_date"), result.get("sex")
    wrong_birth = (
        birth is not None and len(birth.value) == 10 and birth.value != parsed.birth_date.isoformat()
    )
    wrong_sex = sex is not None and sex.value != ("男" if parsed.sex == "male" else "女")
    if wrong_birth or wrong_sex:
        result.fields.remove(ident)
        result.refused.append(ident.field)


# --- tables (tax records) --------------------------------------------------------------------------

_AMOUNT = re.compile(r"^-?\d{1,9}\.\d{2}$")
_PERIOD = re.compile(r"((?:19|20)\d{2})[年./-](\d{1,2})")


def _centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _header(lines: list[TextLine], texts: list[str], headers: tuple[str, ...]) -> TextLine | None:
    """The column's header cell: a line that is the header alone (所得期间), not a heading line that
    mentions it (所得期间：2026-06至2026-11)."""
    for i, text in enumerate(texts):
        if text in headers:
            return lines[i]
    return None


def _read_table(rule: TableRule, pages: list[tuple[int, list[TextLine]]]) -> list[ReadField]:
    """One field per month (`income.2026-06`): the period cell and the amount cell on the same row,
    each under its column's header; several rows of one month (two income items) are added up."""
    sums: dict[str, tuple[float, int, Box, float]] = {}
    for page, lines in pages:
        texts = [_norm(ln.text) for ln in lines]
        period_head = _header(lines, texts, rule.period_headers)
        amount_head = _header(lines, texts, rule.amount_headers)
        if period_head is None or amount_head is None:
            continue
        px, ax = _centre(period_head.box)[0], _centre(amount_head.box)[0]
        below = period_head.box[3]
        for i, text in enumerate(texts):
            line = lines[i]
            if line.box[1] < below or not (match := _PERIOD.match(text)):
                continue
            if abs(line.box[0] - period_head.box[0]) > 0.05 and abs(_centre(line.box)[0] - px) > 0.08:
                continue
            month = f"{match.group(1)}-{int(match.group(2)):02d}"
            cy = _centre(line.box)[1]
            height = line.box[3] - line.box[1]
            row = [
                (abs(_centre(o.box)[0] - ax), o)
                for o, t in zip(lines, texts, strict=True)
                if _AMOUNT.match(t.replace(",", "")) and abs(_centre(o.box)[1] - cy) < height * 0.8
            ]
            if not row:
                continue
            _, cell = min(row, key=lambda pair: pair[0])
            amount = float(_norm(cell.text).replace(",", ""))
            total, _, box, score = sums.get(month, (0.0, page, cell.box, 1.0))
            sums[month] = (total + amount, page, box, min(score, line.score, cell.score))
    return [
        ReadField(f"{rule.field}.{month}", f"{total:.2f}", page, box, round(score, 3), rule.record)
        for month, (total, page, box, score) in sorted(sums.items())
    ]
