"""Materials and the document vault (part of the records service).

A material slot is one kind of material of one employee: its current files (all go into the one
upload PDF, in order) and its history (superseded or removed files, in the trash). Replace puts a new
file in place of one file or of the whole slot; the old one goes to the trash and never into a pack.
The trash (回收站) also holds deleted employees, restorable until it is emptied; only emptying it
removes vault files. Re-checking every stored scan after the scan settings change lives here too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete
from sqlmodel import select

from ..catalogue import text
from ..pdf.scan import ScanSettings, check_file
from ..store import models as m
from ..store.versions import claim_version
from .check import policies

if TYPE_CHECKING:
    from .records import RecordsBase as _Base
else:
    _Base = object


@dataclass(frozen=True)
class ScanVerdict:
    """What a scan means for a material: the defects that make it 有缺陷 and stop a pack unless
    forced (warnings are not defects), and whether the file may be packed at all."""

    defects: tuple[str, ...]
    packable: bool


def scan_verdict(path: Path, settings: ScanSettings | None = None, kind: str | None = None) -> ScanVerdict:
    """The one reading of a scan report, for attaching and for packing alike: defects are the flags
    that block a pack (refusals and defects; warnings do not), and a refused file is never packed."""
    report = check_file(path, settings, kind=kind)
    return ScanVerdict(tuple(f.message for f in report.blocking), not report.refused)


class MaterialPathError(ValueError):
    """A profile's material `file` that points outside the profile's folder; the text is for HR."""


def material_file_in(base_dir: Path, name: str) -> Path:
    """The file `name` of a profile JSON, resolved inside `base_dir` (the JSON's folder) only.

    Absolute paths, `..` and symbolic links that lead out of the folder are refused: a profile from
    elsewhere must not pull arbitrary local files into the vault or into a pack (SPEC §6)."""
    if not name or Path(name).is_absolute() or Path(name).drive or name.startswith(("/", "\\")):
        raise MaterialPathError(text("material.path-absolute", name=name))
    base = base_dir.resolve()
    path = (base / name).resolve()
    if not path.is_relative_to(base):
        raise MaterialPathError(text("material.path-outside", name=name))
    return path


class MaterialsMixin(_Base):
    # --- materials --------------------------------------------------------------------------------

    def materials(self, employee_id: int, include_deleted: bool = False) -> list[m.Material]:
        with self.session(readonly=True) as s:
            q = select(m.Material).where(m.Material.employee_id == employee_id)
            if not include_deleted:
                q = q.where(m.Material.deleted_at.is_(None))
            return list(s.exec(q.order_by(m.Material.kind, m.Material.position, m.Material.id)))

    def material(self, material_id: int) -> m.Material:
        with self.session(readonly=True) as s:
            row = s.get(m.Material, material_id)
            if row is None:
                raise KeyError(f"material {material_id} not found")
            return row

    def material_path(self, material: m.Material) -> Path | None:
        return self.vault.path(material.sha256) if material.sha256 else None

    def attach(
        self,
        employee_id: int,
        kind: str,
        path: Path,
        issued_on: date | None = None,
        valid_until: date | None = None,
        defects: list[str] | None = None,
        scan: bool = True,
        refresh: bool = True,
    ) -> m.Material:
        """Copy a file into the vault and record it; the scan checks run on the stored copy (slow for
        big files: call from a worker thread)."""
        if kind not in policies(self.data_dir).materials:
            raise ValueError(f"unknown material kind '{kind}'")
        stored = self.vault.add_file(path)  # the file is safe in the vault before the row exists
        if scan and defects is None:
            defects = self._scan(stored.sha256, kind)
        with self.session() as s:
            position = len(
                s.exec(
                    select(m.Material.id).where(
                        m.Material.employee_id == employee_id,
                        m.Material.kind == kind,
                        m.Material.deleted_at.is_(None),
                    )
                ).all()
            )
            row = m.Material(
                employee_id=employee_id,
                kind=kind,
                sha256=stored.sha256,
                original_name=_display_name(path.name),
                pages=stored.pages,
                size_bytes=stored.size_bytes,
                issued_on=issued_on,
                valid_until=valid_until,
                defects=defects or None,
                position=position,
            )
            s.add(row)
            s.flush()
            self._audit(s, "attach", "material", row.id, [kind])
        if refresh:
            self.refresh_statuses(ids=[employee_id])
        return row

    def _scan(self, sha256: str, kind: str | None = None) -> list[str] | None:
        """Scan findings for a vault file, remembered per content, kind and settings for this session
        (the demo attaches one file to many people). Never taken from an earlier row: that row may
        never have been scanned (a profile import), and its clean verdict would call a greyscale scan
        齐全."""
        verdicts: dict[tuple[str, str | None, ScanSettings], ScanVerdict] = self.__dict__.setdefault(
            "_scan_verdicts", {}
        )
        key = (sha256, kind, self.scan_settings)
        if key not in verdicts:
            verdicts[key] = scan_verdict(self.vault.path(sha256), self.scan_settings, kind)
        return list(verdicts[key].defects) or None

    def update_material(
        self, material_id: int, expected_version: int | None = None, **fields: Any
    ) -> m.Material:
        """`expected_version`: the version the desk loaded; StaleVersion when another desk saved since."""
        allowed = {
            "issued_on",
            "valid_until",
            "verified_by",
            "verified_at",
            "defects",
            "position",
            "kind",
            "pages",
        }
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)}")
        with self.session() as s:
            claim_version(s, m.Material, material_id, expected_version)
            row = s.get(m.Material, material_id)
            if row is None:
                raise KeyError(f"material {material_id} not found")
            for k, v in fields.items():
                setattr(row, k, v)
            s.add(row)
            self._audit(s, "update", "material", material_id, fields)
            employee_id = row.employee_id
        if employee_id:
            self.refresh_statuses(ids=[employee_id])
        return row

    # --- slots: replace, add a page, remove --------------------------------------------------------

    def replace_material(self, material_id: int, path: Path) -> m.Material:
        """A new scan in place of one file of a slot: the new file takes the old one's position and
        dates; the old one goes to the trash (history), never into a pack."""
        old = self.material(material_id)
        stored = self.vault.add_file(path)
        defects = self._scan(stored.sha256, old.kind)
        with self.session() as s:
            row = s.get(m.Material, material_id)
            if row is None or row.deleted_at is not None:
                raise KeyError(f"material {material_id} not found")
            new = m.Material(
                employee_id=row.employee_id,
                employer_id=row.employer_id,
                kind=row.kind,
                sha256=stored.sha256,
                original_name=_display_name(path.name),
                pages=stored.pages,
                size_bytes=stored.size_bytes,
                issued_on=row.issued_on,
                valid_until=row.valid_until,
                defects=defects,
                position=row.position,
            )
            row.deleted_at = m.utcnow()
            s.add(row)
            s.add(new)
            s.flush()
            self._audit(s, "replace", "material", new.id, [old.kind])
        if old.employee_id:
            self.refresh_statuses(ids=[old.employee_id])
        return new

    def replace_slot(self, employee_id: int, kind: str, path: Path) -> m.Material:
        """A new scan in place of every current file of the slot (dropped onto the slot itself)."""
        current = [x for x in self.materials(employee_id) if x.kind == kind]
        if not current:
            return self.attach(employee_id, kind, path)
        new = self.replace_material(current[0].id, path)
        for row in current[1:]:
            self.update_material_deleted(row.id, m.utcnow())
        return new

    def add_page(self, employee_id: int, kind: str, path: Path) -> m.Material:
        """One more file in the slot (more pages of the same material), after the current ones."""
        return self.attach(employee_id, kind, path)

    def slot_history(self, employee_id: int, kind: str) -> list[m.Material]:
        """The slot's superseded and removed files, newest first."""
        rows = [
            x for x in self.materials(employee_id, include_deleted=True) if x.kind == kind and x.deleted_at
        ]
        return sorted(rows, key=lambda x: x.deleted_at, reverse=True)

    def replace_material_file(self, material_id: int, data: bytes) -> m.Material:
        """A new version of the file (rotated, reordered pages): a new vault file; the old one stays
        until the trash is emptied and nothing references it."""
        stored = self.vault.add_bytes(data)
        kind = self.material(material_id).kind
        defects = self._scan(stored.sha256, kind)  # before the write transaction: the scan reads on its own
        with self.session() as s:
            claim_version(s, m.Material, material_id, None)
            row = s.get(m.Material, material_id)
            old = m.Material(
                employee_id=row.employee_id,
                kind=row.kind,
                sha256=row.sha256,
                original_name=row.original_name,
                pages=row.pages,
                size_bytes=row.size_bytes,
                issued_on=row.issued_on,
                valid_until=row.valid_until,
                deleted_at=m.utcnow(),
            )
            s.add(old)  # the previous version, in the trash
            row.sha256, row.pages, row.size_bytes, row.defects = (
                stored.sha256,
                stored.pages,
                stored.size_bytes,
                defects,
            )
            s.add(row)
            self._audit(s, "replace-file", "material", material_id)
        return row

    def remove_material(self, material_id: int) -> None:
        self.update_material_deleted(material_id, m.utcnow())

    def restore_material(self, material_id: int) -> None:
        self.update_material_deleted(material_id, None)

    def update_material_deleted(self, material_id: int, when: datetime | None) -> None:
        with self.session() as s:
            claim_version(s, m.Material, material_id, None)
            row = s.get(m.Material, material_id)
            if row is None:
                raise KeyError(f"material {material_id} not found")
            row.deleted_at = when
            s.add(row)
            self._audit(s, "trash" if when else "restore", "material", material_id)
            employee_id = row.employee_id
        if employee_id:
            self.refresh_statuses(ids=[employee_id])

    def trash(self) -> list[m.Material]:
        with self.session() as s:
            return list(s.exec(select(m.Material).where(m.Material.deleted_at.is_not(None))))

    # --- the trash (回收站): materials and deleted employees -----------------------------------------

    def trash_items(self) -> list[TrashItem]:
        """Everything in the trash, newest first, as plain rows for the trash view."""
        names = policies(self.data_dir).materials
        items: list[TrashItem] = []
        with self.session() as s:
            rows = s.exec(
                select(m.Material, m.Employee.name)
                .join(m.Employee, m.Employee.id == m.Material.employee_id, isouter=True)
                .where(m.Material.deleted_at.is_not(None))
            ).all()
            for row, person in rows:
                info = names.get(row.kind)
                title = info.name("zh") if info else row.kind
                items.append(
                    TrashItem(
                        "material",
                        row.id,
                        title,
                        row.original_name,
                        person or "",
                        _aware(row.deleted_at),
                        row.employee_id,
                        row.kind,
                    )
                )
            for t in s.exec(select(m.TrashedEmployee)).all():
                items.append(
                    TrashItem("employee", t.id, t.name, t.id_masked, t.employer_name, _aware(t.deleted_at))
                )
        return sorted(items, key=lambda i: i.deleted_at, reverse=True)

    def _trash_employee(self, s: Any, employee_id: int) -> int:
        """Snapshot an employee into the trash before their rows are deleted (same transaction)."""
        from ..rules.idnumber import mask
        from ..store.convert import profile_to_json, to_profile

        # Read through the caller's session: it holds the write lock, a second connection would wait.
        row = s.get(m.Employee, employee_id)
        mats = s.exec(
            select(m.Material).where(m.Material.employee_id == employee_id, m.Material.deleted_at.is_(None))
        ).all()
        profile = to_profile(
            s.get(m.Employer, row.employer_id),
            row,
            list(s.exec(select(m.Child).where(m.Child.employee_id == employee_id))),
            s.exec(select(m.Permit).where(m.Permit.employee_id == employee_id)).first(),
            list(s.exec(select(m.IncomeRecord).where(m.IncomeRecord.employee_id == employee_id))),
            [],
        )
        apps = s.exec(select(m.Application).where(m.Application.employee_id == employee_id)).all()
        snapshot = {
            "profile": profile_to_json(profile) | {"materials": []},
            "notes": getattr(row, "notes", ""),
            "materials": [_material_json(x) for x in mats],
            "applications": [
                {
                    "business": a.business,
                    "status": a.status,
                    "created_on": a.created_on.isoformat(),
                    "events": [
                        {"status": e.status, "on": e.on.isoformat(), "note": e.note}
                        for e in s.exec(
                            select(m.ApplicationEvent).where(m.ApplicationEvent.application_id == a.id)
                        )
                    ],
                }
                for a in apps
            ],
        }
        trashed = m.TrashedEmployee(
            name=row.name,
            id_masked=mask(row.id_number),
            employer_name=profile.employer.name,
            snapshot=snapshot,
        )
        s.add(trashed)
        s.flush()
        return trashed.id

    def restore_employee(self, trash_id: int) -> int:
        """Put a deleted employee back (a new id); returns the id."""
        from ..rules.profile import parse_profile

        ps = policies(self.data_dir)
        with self.session() as s:
            t = s.get(m.TrashedEmployee, trash_id)
            if t is None:
                raise KeyError(f"trash entry {trash_id} not found")
            snap = t.snapshot or {}
            profile = parse_profile(snap["profile"], ps.districts, tuple(ps.materials))
            new_id = self.add_profile(profile, None, s)
            row = s.get(m.Employee, new_id)
            if snap.get("notes"):
                row.notes = snap["notes"]
                s.add(row)
            for x in snap.get("materials", []):
                s.add(_material_from_json(new_id, x))
            for a in snap.get("applications", []):
                app = m.Application(
                    employee_id=new_id,
                    business=a["business"],
                    status=a["status"],
                    created_on=date.fromisoformat(a["created_on"]),
                )
                s.add(app)
                s.flush()
                for e in a["events"]:
                    s.add(
                        m.ApplicationEvent(
                            application_id=app.id,
                            status=e["status"],
                            on=date.fromisoformat(e["on"]),
                            note=e["note"],
                        )
                    )
            s.delete(t)
            self._audit(s, "restore", "employee", new_id)
        self.refresh_statuses(ids=[new_id])
        return new_id

    def empty_trash(self) -> int:
        """Delete trashed materials and deleted employees for good, then every vault file nothing
        references any more. Returns the number of files removed."""
        with self.session() as s:
            s.exec(delete(m.Material).where(m.Material.deleted_at.is_not(None)))
            s.exec(delete(m.TrashedEmployee))
            self._audit(s, "empty-trash", "material", None)
        with self.session() as s:
            referenced = set(s.exec(select(m.Material.sha256).where(m.Material.sha256.is_not(None))))
            for t in s.exec(select(m.TrashedEmployee)).all():  # a delete from another desk meanwhile
                referenced |= {
                    x["sha256"] for x in (t.snapshot or {}).get("materials", []) if x.get("sha256")
                }
        removed = 0
        for digest in self.vault.hashes() - referenced:
            self.vault.remove(digest)  # with its OCR readings
            removed += 1
        self.vault.prune_derived_caches()
        return removed


@dataclass(frozen=True)
class TrashItem:
    """One row of the trash view: a material (`kind` "material") or a deleted employee."""

    kind: str
    id: int
    title: str  # material name / employee name
    detail: str  # file name / masked ID number
    owner: str  # the employee a material belonged to / the unit of an employee
    deleted_at: datetime
    employee_id: int | None = None  # a material's employee (its slot's history: employee and kind)
    material_kind: str | None = None


def _aware(when: datetime) -> datetime:
    """Stored in UTC; SQLite hands it back without the zone."""
    return when if when.tzinfo else when.replace(tzinfo=UTC)


_MATERIAL_FIELDS = ("kind", "sha256", "original_name", "pages", "size_bytes", "verified_by", "position")


def _material_json(x: m.Material) -> dict[str, Any]:
    out: dict[str, Any] = {k: getattr(x, k) for k in _MATERIAL_FIELDS}
    out["issued_on"] = x.issued_on.isoformat() if x.issued_on else None
    out["valid_until"] = x.valid_until.isoformat() if x.valid_until else None
    out["verified_at"] = x.verified_at.isoformat() if x.verified_at else None
    out["defects"] = list(x.defects or [])
    return out


def _material_from_json(employee_id: int, x: dict[str, Any]) -> m.Material:
    def day(v: str | None) -> date | None:
        return date.fromisoformat(v) if v else None

    return m.Material(
        employee_id=employee_id,
        **{k: x.get(k) for k in _MATERIAL_FIELDS},
        issued_on=day(x.get("issued_on")),
        valid_until=day(x.get("valid_until")),
        verified_at=datetime.fromisoformat(x["verified_at"]) if x.get("verified_at") else None,
        defects=x.get("defects") or None,
    )


def _display_name(name: str) -> str:
    from ..pdf.files import safe_filename

    return safe_filename(name)


def recheck_all(
    records: Any, settings: ScanSettings, progress: Callable[[int, int], object] | None = None
) -> int:
    """Scan every live material file again; returns how many changed verdict. Each file is checked
    once per material kind even when several materials share it (the vault deduplicates)."""
    rows = [x for eid in records.employee_ids() for x in records.materials(eid) if x.sha256]
    by_hash: dict[tuple[str, str], list[Any]] = {}
    for row in rows:
        by_hash.setdefault((row.sha256, row.kind), []).append(row)
    changed = 0
    for i, ((digest, kind), materials) in enumerate(by_hash.items()):
        if progress is not None:
            progress(i, len(by_hash))
        defects = list(scan_verdict(records.vault.path(digest), settings, kind).defects) or None
        for row in materials:
            if (row.defects or None) != defects:
                records.update_material(row.id, defects=defects)
                changed += 1
    if progress is not None:
        progress(len(by_hash), len(by_hash))
    return changed


def scan_settings_from(values: dict[str, object]) -> ScanSettings:
    base = ScanSettings()
    return ScanSettings(
        min_dpi=int(values.get("min_dpi", base.min_dpi)),
        max_file_mb=float(values.get("max_file_mb", base.max_file_mb)),
    )
