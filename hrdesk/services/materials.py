"""Materials and the document vault: attach, replace, trash (part of the records service); re-checking
every stored scan after the scan settings change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete
from sqlmodel import select

from ..pdf.scan import ScanSettings, check_file
from ..store import models as m
from ..store.versions import claim_version
from .check import policies

if TYPE_CHECKING:
    from .records import RecordsBase as _Base
else:
    _Base = object


class MaterialsMixin(_Base):
    # --- materials --------------------------------------------------------------------------------

    def materials(self, employee_id: int, include_deleted: bool = False) -> list[m.Material]:
        with self.session() as s:
            q = select(m.Material).where(m.Material.employee_id == employee_id)
            if not include_deleted:
                q = q.where(m.Material.deleted_at.is_(None))
            return list(s.exec(q.order_by(m.Material.kind, m.Material.position, m.Material.id)))

    def material(self, material_id: int) -> m.Material:
        with self.session() as s:
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
            defects = self._scan(stored.sha256)
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

    def _scan(self, sha256: str) -> list[str] | None:
        """Scan findings for a vault file; a file already scanned (the same content attached before)
        is not scanned again."""
        with self.session() as s:
            earlier = s.exec(select(m.Material).where(m.Material.sha256 == sha256)).first()
        if earlier is not None:
            return list(earlier.defects) if earlier.defects else None
        from ..pdf.scan import check_file

        return check_file(self.vault.path(sha256), self.scan_settings).messages() or None

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

    def replace_material_file(self, material_id: int, data: bytes) -> m.Material:
        """A new version of the file (rotated, reordered pages): a new vault file; the old one stays
        until the trash is emptied and nothing references it."""
        stored = self.vault.add_bytes(data)
        defects = self._scan(stored.sha256)  # before the write transaction: the scan reads on its own
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

    def empty_trash(self) -> int:
        """Delete trashed rows, then every vault file no row references. Returns files removed."""
        with self.session() as s:
            s.exec(delete(m.Material).where(m.Material.deleted_at.is_not(None)))
            self._audit(s, "empty-trash", "material", None)
        with self.session() as s:
            referenced = set(s.exec(select(m.Material.sha256).where(m.Material.sha256.is_not(None))))
        removed = 0
        for digest in self.vault.hashes() - referenced:
            self.vault.remove(digest)
            removed += 1
        return removed


def _display_name(name: str) -> str:
    from ..pdf.files import safe_filename

    return safe_filename(name)


def recheck_all(
    records: Any, settings: ScanSettings, progress: Callable[[int, int], object] | None = None
) -> int:
    """Scan every live material file again; returns how many changed verdict. Each file is checked
    once even when several materials share it (the vault deduplicates)."""
    rows = [x for eid in records.employee_ids() for x in records.materials(eid) if x.sha256]
    by_hash: dict[str, list[Any]] = {}
    for row in rows:
        by_hash.setdefault(row.sha256, []).append(row)
    changed = 0
    for i, (digest, materials) in enumerate(by_hash.items()):
        if progress is not None:
            progress(i, len(by_hash))
        defects = check_file(records.vault.path(digest), settings).messages() or None
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
