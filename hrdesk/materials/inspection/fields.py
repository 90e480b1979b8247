"""The facts a scan states, read off the same cached page readings the scan findings use, so that
proposing the record from a document and checking the record against it never disagree about what a
page says: one file's fields (`read_document`), what they propose for the record and taking them into it
(`proposals`, `take_fields`), and a folder of one person's scans made into a new record
(`read_folder`, `create_from_folder`). How a value is found on the page is `field_readers.py`.

What to read per document kind is data (`resources/field_readers.toml`: labels, patterns, types, the
record field each value fills). Every value comes with the page and box it was read from and the line's
confidence, so HR can see the crop before taking it. An ID number whose check digit fails is never
proposed: a misread digit must not reach the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .field_readers import FieldReading, ReadField, read_fields, readers
from .pages import PageReading

if TYPE_CHECKING:
    from .pool import OcrPool


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
    from .reading import read_file

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
