"""A stored material (one file of a slot, or a record without a file) as the services hand it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class StoredMaterial:
    id: int
    employee_id: int | None
    employer_id: int | None
    kind: str
    sha256: str | None  # the file in the vault; None = recorded, no file
    original_name: str
    pages: int | None
    size_bytes: int | None
    issued_on: date | None
    valid_until: date | None
    verified_by: str | None
    verified_at: datetime | None
    defects: list[str] | None
    position: int
    added_at: datetime
    deleted_at: datetime | None  # in the trash
    version: int
