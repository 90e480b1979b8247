"""Materials and the document vault.

A material slot is one kind of material of one employee: its current files (all go into the one
upload PDF, in order) and its history (superseded or removed files, in the trash). Replace puts a new
file in place of one file or of the whole slot; the old one goes to the trash and never into a pack.
Re-checking every stored scan after the scan settings change lives here too; the trash is `trash.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import select

from ..checks.check import policies
from ..pdf.scan import ScanSettings, check_file
from ..store import models as m
from ..store.plain import plain
from ..store.unit_of_work import Service, UnitOfWork
from ..store.versions import RecordGone, StaleVersion, claim_version
from .findings import blockers, image_findings
from .model import StoredMaterial

__all__ = ["Materials", "RecordGone", "StaleVersion"]

if TYPE_CHECKING:
    from ..employees.service import Employees


@dataclass(frozen=True)
class ScanVerdict:
    """What a scan means for a material: the defects that make it 有缺陷 and stop a pack unless
    forced (warnings are not defects), and whether the file may be packed at all. Each defect is kept
    coded (its key and parameters, `catalogue.coded`): `catalogue.said` puts it in the reader's language."""

    defects: tuple[str, ...]
    packable: bool


def scan_verdict(
    path: Path,
    settings: ScanSettings | None = None,
    kind: str | None = None,
    *,
    district: str | None = None,
    data_dir: Path | None = None,
) -> ScanVerdict:
    """The one reading of a file's image checks, for attaching and for packing alike (from the findings
    cache when this content was checked before): defects are its blockers (warnings are not), and a file
    hrdesk cannot read safely is never packed."""
    if kind is None:
        report = check_file(path, settings)
        return ScanVerdict(tuple(f.coded() for f in report.blocking), not report.refused)
    found = image_findings(path, kind, district=district, settings=settings, data_dir=data_dir)
    return ScanVerdict(tuple(f.kept() for f in blockers(found.findings)), found.packable)


class Materials(Service):
    """Material slots and their files. A change to an employee's materials changes their status, so
    writes refresh it through the employees service."""

    def __init__(self, uow: UnitOfWork, employees: Employees) -> None:
        super().__init__(uow)
        self.employees = employees
        self.scan_settings = ScanSettings()  # the window sets the user's minimum dpi and upload limit

    def materials(self, employee_id: int, include_deleted: bool = False) -> list[StoredMaterial]:
        with self.session(readonly=True) as s:
            q = select(m.Material).where(m.Material.employee_id == employee_id)
            if not include_deleted:
                q = q.where(m.Material.deleted_at.is_(None))
            return [
                plain(StoredMaterial, r)
                for r in s.exec(q.order_by(m.Material.kind, m.Material.position, m.Material.id))
            ]

    def material(self, material_id: int) -> StoredMaterial:
        with self.session(readonly=True) as s:
            row = s.get(m.Material, material_id)
            if row is None:
                raise KeyError(f"material {material_id} not found")
            return plain(StoredMaterial, row)

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
    ) -> StoredMaterial:
        """Copy a file into the vault and record it; the scan checks run on the stored copy (slow for
        big files: call from a worker thread)."""
        if kind not in policies(self.data_dir).materials:
            raise ValueError(f"unknown material kind '{kind}'")
        stored = self.vault.add_file(path)  # the file is safe in the vault before the row exists
        if scan and defects is None:
            defects = self._scan(stored.sha256, kind, self._district(employee_id))
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
                added_at=self.uow.now_utc(),
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
            self.employees.refresh_statuses(ids=[employee_id])
        return plain(StoredMaterial, row)

    def _scan(self, sha256: str, kind: str | None = None, district: str | None = None) -> list[str] | None:
        """The blockers of a vault file's findings, computed once per content, kind, district and
        settings (`findings.py` keeps them in the data folder, so the pack and `hrdesk inspect` reuse
        them). Never taken from an earlier row: that row may never have been scanned (a profile import),
        and its clean verdict would call a greyscale scan 齐全."""
        verdict = scan_verdict(
            self.vault.path(sha256), self.scan_settings, kind, district=district, data_dir=self.data_dir
        )
        return list(verdict.defects) or None

    def _district(self, employee_id: int) -> str | None:
        """The district whose guide judges this employee's files (Yanqing's white photo background)."""
        try:
            return self.employees.profile(employee_id).employer.district or None
        except Exception:  # an employee without an employer yet: every district's checks apply
            return None

    def record_findings(self, findings: dict[int, list[Any]]) -> int:
        """Make a material's defects its findings' blockers (after the scan has been read), so the status
        counts what the panel shows: 可申报 never stands beside a blocker. Returns how many changed.
        Defects are kept coded, so a record stored with Chinese words is written once more coded."""
        changed = 0
        for material_id, found in findings.items():
            defects = [f.kept() for f in found if f.severity == "blocker"] or None
            try:
                row = self.material(material_id)
            except KeyError:
                continue
            if (row.defects or None) != defects:
                self.update_material(material_id, defects=defects)
                changed += 1
        return changed

    def update_material(
        self,
        material_id: int,
        expected_version: int | None = None,
        base: StoredMaterial | None = None,
        **fields: Any,
    ) -> StoredMaterial:
        """Write `fields` (only those the user changed) over the stored material.

        `expected_version`: the version the desk loaded; StaleVersion when another desk saved since.
        `base`: the material as the desk loaded it. With it, another desk's save since is no conflict
        when it left the fields written here as they were (this desk's 签发日期 and the other desk's
        有效期至 both stand); when it changed one of them too, StaleVersion."""
        if base is not None and expected_version is not None:
            stored = self.material(material_id)
            if stored.version != expected_version:
                if any(getattr(stored, k) != getattr(base, k) for k in fields):
                    raise StaleVersion("material", material_id, expected_version, stored.version)
                expected_version = stored.version
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
            self.employees.refresh_statuses(ids=[employee_id])
        return plain(StoredMaterial, row)

    # --- slots: replace, add a page, remove --------------------------------------------------------

    def replace_material(self, material_id: int, path: Path) -> StoredMaterial:
        """A new scan in place of one file of a slot: the new file takes the old one's position and
        dates; the old one goes to the trash (history), never into a pack."""
        old = self.material(material_id)
        stored = self.vault.add_file(path)
        defects = self._scan(stored.sha256, old.kind, self._district(old.employee_id))
        with self.session() as s:
            row = s.get(m.Material, material_id)
            if row is None or row.deleted_at is not None:
                raise KeyError(f"material {material_id} not found")
            new = m.Material(
                added_at=self.uow.now_utc(),
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
            row.deleted_at = self.uow.now_utc()
            s.add(row)
            s.add(new)
            s.flush()
            self._audit(s, "replace", "material", new.id, [old.kind])
        if old.employee_id:
            self.employees.refresh_statuses(ids=[old.employee_id])
        return plain(StoredMaterial, new)

    def replace_slot(self, employee_id: int, kind: str, path: Path) -> StoredMaterial:
        """A new scan in place of every current file of the slot (dropped onto the slot itself)."""
        current = [x for x in self.materials(employee_id) if x.kind == kind]
        if not current:
            return self.attach(employee_id, kind, path)
        new = self.replace_material(current[0].id, path)
        for row in current[1:]:
            self.update_material_deleted(row.id, self.uow.now_utc())
        return new

    def add_page(self, employee_id: int, kind: str, path: Path) -> StoredMaterial:
        """One more file in the slot (more pages of the same material), after the current ones."""
        return self.attach(employee_id, kind, path)

    def slot_history(self, employee_id: int, kind: str) -> list[StoredMaterial]:
        """The slot's superseded and removed files, newest first."""
        rows = [
            x for x in self.materials(employee_id, include_deleted=True) if x.kind == kind and x.deleted_at
        ]
        return sorted(rows, key=lambda x: x.deleted_at, reverse=True)

    def replace_material_file(self, material_id: int, data: bytes) -> StoredMaterial:
        """A new version of the file (rotated, reordered pages): a new vault file. The file as it was
        first added goes to the trash once; turning a page four times leaves that one original there,
        not four intermediate copies (it is recognised by the same slot, name and time added)."""
        stored = self.vault.add_bytes(data)
        current = self.material(material_id)
        # Before the write transaction: the scan reads on its own.
        defects = self._scan(stored.sha256, current.kind, self._district(current.employee_id))
        with self.session() as s:
            claim_version(s, m.Material, material_id, None)
            row = s.get(m.Material, material_id)
            original_kept = s.exec(
                select(m.Material.id).where(
                    m.Material.employee_id == row.employee_id,
                    m.Material.employer_id == row.employer_id,
                    m.Material.kind == row.kind,
                    m.Material.original_name == row.original_name,
                    m.Material.added_at == row.added_at,
                    m.Material.deleted_at.is_not(None),  # type: ignore[union-attr]
                    m.Material.id != row.id,
                )
            ).first()
            if original_kept is None:
                s.add(  # the file as it was, in the trash
                    m.Material(
                        employee_id=row.employee_id,
                        employer_id=row.employer_id,
                        kind=row.kind,
                        sha256=row.sha256,
                        original_name=row.original_name,
                        pages=row.pages,
                        size_bytes=row.size_bytes,
                        issued_on=row.issued_on,
                        valid_until=row.valid_until,
                        added_at=row.added_at,
                        deleted_at=self.uow.now_utc(),
                    )
                )
            row.sha256, row.pages, row.size_bytes, row.defects = (
                stored.sha256,
                stored.pages,
                stored.size_bytes,
                defects,
            )
            s.add(row)
            self._audit(s, "replace-file", "material", material_id)
        return plain(StoredMaterial, row)

    def remove_material(self, material_id: int) -> None:
        self.update_material_deleted(material_id, self.uow.now_utc())

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
            self.employees.refresh_statuses(ids=[employee_id])


def _display_name(name: str) -> str:
    from ..pdf.files import safe_filename

    return safe_filename(name)


def recheck_all(
    desk: Any, settings: ScanSettings, progress: Callable[[int, int], object] | None = None
) -> int:
    """Scan every live material file again; returns how many changed verdict. Each file is checked
    once per material kind even when several materials share it (the vault deduplicates)."""
    rows = [x for eid in desk.employees.employee_ids() for x in desk.materials.materials(eid) if x.sha256]
    by_hash: dict[tuple[str, str], list[Any]] = {}
    for row in rows:
        by_hash.setdefault((row.sha256, row.kind), []).append(row)
    changed = 0
    for i, ((digest, kind), materials) in enumerate(by_hash.items()):
        if progress is not None:
            progress(i, len(by_hash))
        district = desk.materials._district(materials[0].employee_id)
        path = desk.uow.vault.path(digest)
        defects = list(scan_verdict(path, settings, kind, district=district, data_dir=desk.data_dir).defects)
        defects = defects or None
        for row in materials:
            if (row.defects or None) != defects:
                desk.materials.update_material(row.id, defects=defects)
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
