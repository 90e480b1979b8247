"""The document vault: attached files kept in the database by their SHA-256, the data folder's `vault/`
a cache of them.

Content-addressed, so the same scan attached twice is stored once and a cached file can never be out of
date: a name is its content. The file contents live in the database (`blob` table) so that every desk
on a shared database sees every scan; `path(sha256)` hands callers a local file (PDF readers, the pack
builder and the scan checks want paths), fetched from the database the first time a desk needs it.
Images (JPG/PNG) become PDFs on the way in, because the platform takes PDFs only. Contents leave the
database only when nothing references them any more (see Records.empty_trash), never on a simple remove.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, event, exists, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session as OrmSession

from ..catalogue import CodedError
from ..fileio import atomic_write_bytes, private_dir
from ..mupdf_lock import MUPDF
from ..pdf.images import IMAGE_SUFFIXES
from . import models as m

MAX_BYTES = 200 * 1024 * 1024
# A temporary file older than this was left by a crash (atomic_write_bytes names them `.NAME.xxxx`).
STALE_TEMP_SECONDS = 3600


class VaultError(CodedError, ValueError):
    """A file that cannot be stored, said by key: the window and the command line put it in the
    person's language (`message(lang)`; `str()` follows the window's language)."""


_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_sha256(value: object) -> bool:
    """64 lowercase hex digits: the only names the vault builds paths from (a restored row holding
    `../../x` or an absolute path must never become one)."""
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def checked_sha256(value: object) -> str:
    if not is_sha256(value):
        raise VaultError("store.bad-hash", value=repr(value)[:24])
    return str(value)


@dataclass(frozen=True)
class Stored:
    sha256: str
    pages: int | None
    size_bytes: int


class Vault:
    """Files by hash. With an engine the database holds the contents (every desk sees them) and `root`
    is this desk's cache; without one (tools that only read a folder) `root` is all there is."""

    def __init__(self, root: Path, engine: Engine | None = None) -> None:
        self.root = root
        self.engine = engine
        self.clean_temporary_files()

    def path(self, sha256: str) -> Path:
        """The local file for `sha256`, fetched from the database into the cache when this desk has not
        seen it yet. A hash the vault does not hold gives a path that does not exist."""
        target = self._cache_path(sha256)
        if self.engine is not None and not target.exists():
            data = self.read(sha256)
            if data is not None:
                private_dir(self.root)
                private_dir(target.parent)
                atomic_write_bytes(target, data, mode=0o600)
        return target

    def _cache_path(self, sha256: str) -> Path:
        sha256 = checked_sha256(sha256)  # defence in depth: restore checks every row's hash too
        return self.root / sha256[:2] / f"{sha256}.pdf"

    def read(self, sha256: str) -> bytes | None:
        """The content from the database, checked against its name (a damaged row is not handed out)."""
        if self.engine is None:
            cached = self._cache_path(sha256)
            return cached.read_bytes() if cached.exists() else None
        checked_sha256(sha256)
        with self.engine.connect() as conn:
            data = conn.execute(select(m.Blob.data).where(m.Blob.sha256 == sha256)).scalar()
        if data is None:
            return None
        data = bytes(data)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise VaultError("store.blob-damaged", file=sha256[:12])
        return data

    def add_file(self, source: Path) -> Stored:
        problem = source_problem(source)
        if problem is not None:
            key, params = problem
            raise VaultError(key, **params)
        data = image_to_pdf(source) if source.suffix.lower() in IMAGE_SUFFIXES else source.read_bytes()
        return self.add_bytes(data)

    def add_bytes(self, data: bytes) -> Stored:
        """Keep the content in this desk's cache; it goes into the database in the same transaction as
        the material row that refers to it (`_store_new_contents`), so a row never names a content
        the other desks cannot fetch, and a caller holding a write transaction is not blocked by a
        second one (SQLite)."""
        digest = hashlib.sha256(data).hexdigest()
        target = self._cache_path(digest)
        if not target.exists():
            private_dir(self.root)  # vault/ and its fan-out folders are owner-only (0700)
            private_dir(target.parent)
            atomic_write_bytes(target, data, mode=0o600)
        if self.engine is not None:
            _remember_pending(digest, target)
        return Stored(digest, count_pages(data), len(data))

    def put(self, digest: str, data: bytes) -> None:
        """Insert the content now, in its own transaction, unless a row already holds it (two desks
        attaching one scan at once both succeed). For contents that arrive without a material row:
        an old data folder's vault, a restore."""
        assert self.engine is not None
        checked_sha256(digest)
        with self.engine.begin() as conn:
            conn.execute(insert_blob(self.engine.dialect.name, digest, data))

    def remove(self, sha256: str) -> None:
        """Forget a content no material refers to (checked in the same statement: another desk may have
        attached the same scan a moment ago)."""
        if self.engine is not None:
            with self.engine.begin() as conn:
                conn.execute(
                    delete(m.Blob.__table__).where(
                        m.Blob.sha256 == sha256, ~exists().where(m.Material.sha256 == sha256)
                    )
                )
        self._cache_path(sha256).unlink(missing_ok=True)
        for derived in self._derived(sha256):
            derived.unlink(missing_ok=True)

    def _derived(self, sha256: str) -> list[Path]:
        """What this desk computed from a content and keeps by its hash (`cache/inspection/<hash>-v1.json`:
        OCR readings with names and ID numbers): it goes with the content."""
        sha256 = checked_sha256(sha256)
        return list((self.root.parent / "cache").glob(f"*/{sha256}-*.json"))

    def prune_derived_caches(self) -> int:
        """Remove what was computed from contents no material refers to any more (the trash emptied;
        readings left by earlier versions or by profiles read from elsewhere). Returns how many."""
        folder = self.root.parent / "cache"
        if not folder.exists():
            return 0
        keep = self.hashes()
        removed = 0
        for path in folder.glob("*/*.json"):
            digest = path.name.split("-", 1)[0]
            if digest not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def hashes(self) -> set[str]:
        if self.engine is not None:
            with self.engine.connect() as conn:
                return set(conn.execute(select(m.Blob.sha256)).scalars())
        return self.cached_hashes()

    def cached_hashes(self) -> set[str]:
        if not self.root.exists():
            return set()
        return {p.stem for p in self.root.glob("??/*.pdf") if is_sha256(p.stem)}

    def clean_temporary_files(self, now: float | None = None) -> int:
        """Remove half-written files a crash left behind (`.NAME.xxxx`, older than an hour: a younger
        one may be another process writing right now). Returns how many were removed."""
        if not self.root.exists():
            return 0
        now = time.time() if now is None else now
        removed = 0
        for tmp in self.root.glob("??/.*"):
            try:
                if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                    tmp.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


# Contents added to a cache but not yet in the database, by hash → cached file. Content-addressed, so
# one table serves every Vault in the process; bounded (oldest forgotten first).
_pending: dict[str, Path] = {}
MAX_PENDING = 10_000


def _remember_pending(digest: str, cached: Path) -> None:
    _pending.pop(digest, None)
    _pending[digest] = cached
    while len(_pending) > MAX_PENDING:
        _pending.pop(next(iter(_pending)))


@event.listens_for(OrmSession, "before_flush")
def _store_new_contents(session: OrmSession, _context: object, _instances: object) -> None:
    """Material rows about to be written that name a content added here: insert the content in the
    same transaction (a content already stored, e.g. by another desk, is left alone)."""
    wanted = {
        obj.sha256
        for obj in (*session.new, *session.dirty)
        if isinstance(obj, m.Material) and obj.sha256 and obj.sha256 in _pending
    }
    if wanted:
        store_pending_contents(session.connection(), wanted)


def store_pending_contents(conn: Any, digests: set[str]) -> None:
    """Insert the contents added here that `digests` name, in the caller's transaction, unless the
    database holds them already: for material rows written without the ORM (a bulk import), which the
    flush hook above does not see."""
    wanted = {d for d in digests if d in _pending}
    if not wanted:
        return
    have = set(conn.execute(select(m.Blob.sha256).where(m.Blob.sha256.in_(wanted))).scalars())
    for digest in wanted - have:
        try:
            data = _pending[digest].read_bytes()
        except OSError:
            raise VaultError("store.cache-lost", file=digest[:12]) from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise VaultError("store.cache-damaged", file=digest[:12])
        conn.execute(insert_blob(conn.dialect.name, digest, data))


def insert_blob(dialect: str, digest: str, data: bytes) -> Any:
    checked_sha256(digest)
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    return (
        insert(m.Blob.__table__)
        .values(sha256=digest, data=data, size_bytes=len(data), added_at=m.utcnow())
        .on_conflict_do_nothing(index_elements=["sha256"])
    )


def source_problem(source: Path) -> tuple[str, dict[str, Any]] | None:
    """Why the vault would refuse to take `source`, as a message key and its parameters, or None: missing,
    unreadable or not a file, empty, over MAX_BYTES, or a photo whose header is unreadable or declares more
    pixels than may be decoded. One answer for adding a scan and for an import that checks every file
    before it writes anything (`store.source-*`, `image.*`)."""
    from ..pdf.images import ImageRefused, check_image

    try:
        size = source.stat().st_size
    except OSError:
        return "store.source-missing", {"name": source.name}
    if not source.is_file():
        return "store.source-missing", {"name": source.name}
    if size == 0:
        return "store.source-empty", {"name": source.name}
    if size > MAX_BYTES:
        return "store.source-too-large", {"name": source.name, "mb": size // 2**20}
    if source.suffix.lower() in IMAGE_SUFFIXES:
        try:
            check_image(source)
        except ImageRefused as refused:
            return refused.key, refused.params
    return None


def image_to_pdf(source: Path) -> bytes:
    """The photo as a PDF: pixel budget checked from the header, decoded in the watchdog process."""
    from ..pdf.images import ImageRefused
    from ..pdf.images import image_to_pdf as convert

    try:
        return convert(source)
    except ImageRefused as exc:
        raise VaultError(exc.key, **exc.params) from None


def count_pages(data: bytes) -> int | None:
    """Pages of a PDF, or None when it cannot be read (the scan checks say why)."""
    import pymupdf

    try:
        with MUPDF, pymupdf.open(stream=data, filetype="pdf") as doc:
            if doc.needs_pass:
                return None
            return doc.page_count
    except Exception:
        return None
