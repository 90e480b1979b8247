"""The facts a scan states, read off the same cached page readings the scan findings use, so that
proposing the record from a document and checking the record against it never disagree about what a
page says.

What to read per document kind is data (`resources/field_readers.toml`: labels, patterns, types, the
record field each value fills); this module only knows how to apply it to OCR lines. Every value comes
with the page and box it was read from and the line's confidence, so HR can see the crop before taking
it. An ID number whose check digit fails is never proposed: a misread digit must not reach the record.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...resources import resources_dir
from ...rules.idnumber import IdNumberError, parse_id_number
from .pages import Box, PageReading, TextLine

if TYPE_CHECKING:
    from .pool import OcrPool


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


# --- one file --------------------------------------------------------------------------------------


class UnreadableFile(ValueError):
    """The file is not a PDF or picture hrdesk can read. `reason` is what the reading recorded (a
    refusal of the scan, an error); `message(lang)` says what is wrong and what to do, for the person."""

    def __init__(self, path: Path, reason: str = "") -> None:
        super().__init__(reason or path.name)
        self.path, self.reason = path, reason

    def message(self, lang: str = "zh") -> str | None:
        """What is wrong with the file and how to put it right, in the words of the vault and the attach
        path (None when they have none: the caller says the file cannot be read)."""
        from ..profile_files import unreadable_problem

        return unreadable_problem(self.path, self.reason, lang)


def readings_of(
    path: Path, *, data_dir: Path | None = None, pool: OcrPool | None = None
) -> list[PageReading]:
    """The file's page readings (the cached reading when this content was read before). A photo (JPG,
    PNG) is read as the vault stores it: converted to a one-page PDF."""
    from .inspect import read_file

    if path.suffix.lower() in (".jpg", ".jpeg", ".png"):
        import tempfile

        from ...pdf.pack import SourceError, image_to_pdf

        try:
            data = image_to_pdf(path)
        except SourceError as exc:
            raise UnreadableFile(path, str(exc)) from None
        with tempfile.TemporaryDirectory() as tmp:
            converted = Path(tmp) / (path.stem + ".pdf")
            converted.write_bytes(data)
            return read_file(converted, data_dir=data_dir, pool=pool)
    return read_file(path, data_dir=data_dir, pool=pool)


def read_document(
    path: Path,
    kind: str | None = None,
    *,
    data_dir: Path | None = None,
    pool: OcrPool | None = None,
    on: date | None = None,
) -> FieldReading:
    """The fields of one file; `kind` None: the kind its first page's title says (scan keywords)."""
    readings = readings_of(path, data_dir=data_dir, pool=pool)
    if all(r.error for r in readings):
        raise UnreadableFile(path, (readings[0].error or "") if readings else "empty")
    if kind is None:
        from .assess import detect_kind
        from .catalogue import scan_catalogue

        kind, _ = detect_kind(readings[0].text if readings else "", "", scan_catalogue())
    return read_fields(kind or "", readings, on=on)


# --- proposing the record ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """One read value beside the record: `state` is "empty" (the record has nothing: proposed),
    "differs" (shown as a difference, with the crop where it was read) or "same"."""

    read: ReadField
    current: str
    state: str
    file: str  # the file's name as HR knows it (the material's original name)


def record_value(profile: Any, record: str, field_name: str) -> str:
    """The record's value at `record` ("employee.name", "employee.monthly_income_cny" keyed by the
    field's month), as text comparable with a read value ("" when the record has none)."""
    target: Any = profile
    parts = record.split(".")
    for part in parts:
        target = getattr(target, part, None) if target is not None else None
    if isinstance(target, dict):
        month = field_name.rpartition(".")[2]
        amount = target.get(month)
        return "" if amount is None else f"{float(amount):.2f}"
    if target is None:
        return ""
    return target.isoformat() if isinstance(target, date) else str(target)


def proposals(reading: FieldReading, profile: Any, file: str) -> list[Proposal]:
    """The fields a record could take from this reading (those with a record field), each beside the
    record's value; derived facts (birth date, sex) come with the ID number and are not proposed."""
    out = []
    for f in reading.fields:
        if not f.record:
            continue
        current = record_value(profile, f.record, f.field)
        if f.record.endswith("contract_ends_on") and f.value == "无固定期限":
            state = "same" if current == "" and profile.employee.contract_ends_on is None else "differs"
        else:
            state = "empty" if current == "" else "same" if current == f.value else "differs"
        out.append(Proposal(f, current, state, file))
    return out


def new_housing_kind(taken: list[ReadField], employee_name: str) -> str:
    """The kind of housing a record without one gets from the values taken into it, as the documents
    say (`new_housing` in field_readers.toml): a lease makes it rented (a deed beside it then proves the
    lessor's title); a deed alone makes it owned when the owner it names is the employee, else what the
    deed says of another owner's home (borrowed). Empty when no taken value comes from such a document."""
    rules = readers()
    sources = [rules[f.kind] for f in taken if f.record.startswith("employee.housing.") and f.kind in rules]
    settled = [r.new_housing for r in sources if r.new_housing and not r.new_housing_other_owner]
    if settled:
        return settled[0]
    for f in taken:
        reader = rules.get(f.kind)
        if reader is None or not reader.new_housing or f.record != "employee.housing.owner_name":
            continue
        own = not employee_name or f.value == employee_name
        return reader.new_housing if own else reader.new_housing_other_owner
    return next((r.new_housing for r in sources if r.new_housing), "")


def with_values(profile: Any, taken: list[ReadField]) -> Any:
    """A copy of `profile` holding the taken values (the rest as it was). A record without housing that
    takes a housing value gets one of the kind its documents say (`new_housing_kind`)."""
    import copy

    from ...rules.profile import Housing

    new = copy.deepcopy(profile)
    names = [f.value for f in taken if f.record == "employee.name"]
    employee_name = names[0] if names else profile.employee.name
    for f in taken:
        owner: Any = new
        *path, attr = f.record.split(".")
        for part in path:
            child = getattr(owner, part)
            if child is None and part == "housing":
                child = Housing(kind=new_housing_kind(taken, employee_name))
                setattr(owner, part, child)
            owner = child
        current = getattr(owner, attr)
        if isinstance(current, dict):
            current[f.field.rpartition(".")[2]] = float(f.value)
        elif attr.endswith("_on") or attr == "valid_until":
            value = None if f.value == "无固定期限" else date.fromisoformat(f.value)
            setattr(owner, attr, value)
        else:
            setattr(owner, attr, f.value)
    return new


def take_fields(
    desk: Any,
    employee_id: int,
    taken: list[tuple[ReadField, str]],
    *,
    expected_version: int | None,
    base: Any,
) -> int:
    """Write the values HR ticked (each with the file it was read from) through the record's one update
    path, against the version the case was loaded at; the audit log names each taken field's source
    (file and page), never its value. Returns the new version."""
    profile = with_values(base, [f for f, _ in taken])
    version = desk.employees.update_profile(
        employee_id, profile, expected_version=expected_version, base=base
    )
    with desk.uow.session() as s:
        desk.uow.audit(
            s,
            "fill-from-scan",
            "employee",
            employee_id,
            [f"{f.field}<{_safe(file)} p.{f.page}" for f, file in taken],
        )
    return version


def _safe(file: str) -> str:
    """A file name as the audit log can hold it (its fields are comma-separated)."""
    return file.replace(",", " ")


# --- a folder of one person's scans -----------------------------------------------------------------

SCAN_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")
IDENTITY_KINDS = ("id-card", "hukou-pages")  # where a new record's name and ID number are taken from


@dataclass
class FolderReading:
    """A folder of one person's scans: each file's kind (from its title, the scan keywords) and fields,
    and the identity a new record would start from (the ID card's, else the household register's)."""

    files: list[tuple[Path, str | None, FieldReading | None]] = field(default_factory=list)
    identity: dict[str, ReadField] = field(default_factory=dict)  # name, id_number
    identity_file: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": [
                {"file": p.name, "kind": kind, **(r.to_dict() if r else {"fields": [], "refused": []})}
                for p, kind, r in self.files
            ],
            "proposed_record": {
                "from": self.identity_file,
                **{k: f.to_dict() for k, f in self.identity.items()},
            },
        }


def read_folder(
    folder: Path, *, data_dir: Path | None = None, pool: OcrPool | None = None, on: date | None = None
) -> FolderReading:
    """Every scan in `folder` (not its subfolders), sorted into slots by what its first page says."""
    from .assess import detect_kind
    from .catalogue import scan_catalogue

    result = FolderReading()
    catalogue = scan_catalogue()
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SCAN_SUFFIXES):
        try:
            readings = readings_of(path, data_dir=data_dir, pool=pool)
        except UnreadableFile:
            result.files.append((path, None, None))
            continue
        text = readings[0].text if readings and not readings[0].error else ""
        kind, _ = detect_kind(text, "", catalogue)
        reading = read_fields(kind, readings, on=on) if kind else None
        result.files.append((path, kind, reading))
    for wanted in IDENTITY_KINDS:
        for path, kind, reading in result.files:
            if kind != wanted or reading is None or result.identity:
                continue
            name, ident = reading.get("name"), reading.get("id_number")
            if name is not None and ident is not None:
                result.identity = {"name": name, "id_number": ident}
                result.identity_file = path.name
    return result


def create_from_folder(
    desk: Any,
    employer_id: int,
    identity: list[tuple[ReadField, str]],
    files: list[tuple[Path, str]],
) -> int:
    """A new employee from a folder of their scans, as HR confirmed it: the identity values HR ticked
    (each with the file it was read from) make the record, each ticked file is attached to its slot, and
    the audit log names the source (file and page) of every value taken, never the value. Returns the
    new employee's id; the other fields are proposed afterwards in the confirmation view."""
    from ...rules.profile import Employee, Profile

    values = {f.record.rpartition(".")[2]: f.value for f, _ in identity if f.record}
    profile = Profile(
        employer=desk.units.employer_facts(employer_id),
        employee=Employee(name=values.get("name", ""), id_number=values.get("id_number", "")),
        materials=[],
    )
    employee_id = desk.employees.add_profile(profile)
    with desk.uow.session() as s:
        desk.uow.audit(
            s,
            "fill-from-scan",
            "employee",
            employee_id,
            [f"{f.field}<{_safe(file)} p.{f.page}" for f, file in identity],
        )
    for path, kind in files:
        desk.materials.attach(employee_id, kind, path, refresh=False)
    if files:
        desk.employees.refresh_statuses(ids=[employee_id])
    return employee_id
