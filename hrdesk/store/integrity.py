"""At every start: does every material have its file? A material names its content by SHA-256 and the
content lives in the `blob` table. A content that is missing there is put back from this desk's local
cache (`vault/`, each file checked against its name); what cannot be put back is named, as a plain
result the window or the command line shows (`FileCheck.messages`)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select

from . import models as m
from .vault import insert_blob, is_sha256


@dataclass(frozen=True)
class MissingFile:
    material_id: int
    employee_id: int | None
    employer_id: int | None
    kind: str
    original_name: str
    sha256: str


@dataclass(frozen=True)
class FileCheck:
    contents: int = 0  # distinct contents the live and trashed materials refer to
    repaired: tuple[str, ...] = ()  # contents put back from the local cache
    missing: tuple[MissingFile, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.missing

    def messages(self, lang: str = "zh") -> list[str]:
        """One line per material whose file is gone, for HR (which person, which material)."""
        from ..catalogue import text

        out = []
        if self.repaired:
            out.append(text("store.files-repaired", lang, n=len(self.repaired)))
        for f in self.missing:
            out.append(
                text(
                    "store.file-missing",
                    lang,
                    material=f.material_id,
                    employee=f.employee_id if f.employee_id is not None else "-",
                    kind=f.kind,
                    name=f.original_name or f.sha256[:12],
                )
            )
        return out


def check_material_files(engine: Engine, cache_root: Path) -> FileCheck:
    """Find materials whose content is not in the database; repair from `cache_root` what can be."""
    with engine.connect() as conn:
        names = {
            str(s)
            for s in conn.execute(select(m.Material.sha256).where(m.Material.sha256.is_not(None))).scalars()
        }
        if not names:
            conn.rollback()
            return FileCheck()
        have = (
            set(conn.execute(select(m.Blob.sha256)).scalars())
            if len(names) > 2000
            else set(conn.execute(select(m.Blob.sha256).where(m.Blob.sha256.in_(names))).scalars())
        )
        conn.rollback()
    absent = sorted(names - have)
    if not absent:
        return FileCheck(len(names))
    repaired: list[str] = []
    for digest in absent:
        data = _cached(cache_root, digest)
        if data is not None:
            with engine.begin() as conn:
                conn.execute(insert_blob(conn.dialect.name, digest, data))
            repaired.append(digest)
    still = set(absent) - set(repaired)
    missing: list[MissingFile] = []
    if still:
        with engine.connect() as conn:
            rows = conn.execute(
                select(
                    m.Material.id,
                    m.Material.employee_id,
                    m.Material.employer_id,
                    m.Material.kind,
                    m.Material.original_name,
                    m.Material.sha256,
                )
                .where(m.Material.sha256.in_(sorted(still)))
                .order_by(m.Material.id)
            ).all()
            conn.rollback()
        missing = [MissingFile(int(r[0]), r[1], r[2], r[3], r[4] or "", r[5]) for r in rows]
    return FileCheck(len(names), tuple(repaired), tuple(missing))


def _cached(cache_root: Path, digest: str) -> bytes | None:
    if not is_sha256(digest):
        return None  # a name that is not a hash never becomes a path
    path = cache_root / digest[:2] / f"{digest}.pdf"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == digest else None
