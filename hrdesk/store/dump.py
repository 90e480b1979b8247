"""The logical backup format (`hrdesk-backup/2`): the rows of every table and the stored files, with a
manifest that names every entry, its size and its SHA-256. The same file comes from SQLite and from
PostgreSQL and restores into either, at the schema revision it names (then migrated to this hrdesk's).

A zip:
    hrdesk-backup.json      {"format", "created", "revision", "source", "tables": {name: rows},
                             "entries": {name: {"sha256", "size"}}}
    rows/<table>.jsonl      one JSON object per row (dates ISO, times ISO in UTC)
    files/<ab>/<sha256>.pdf the vault's contents

Reading trusts nothing in the zip: an entry the manifest does not list, a size above the limit or
different from the manifest's, a hash that does not match — each refuses the whole file before
anything is replaced. Nothing is extracted to disk; entries are read with a bounded read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Date, DateTime, MetaData, Table, select
from sqlmodel import SQLModel

from ..catalogue import CodedError
from . import models as m
from .dump_reuse import copy_entry, fingerprints
from .transactions import read_only
from .vault import MAX_BYTES, is_sha256

FORMAT = "hrdesk-backup/2"
MANIFEST = "hrdesk-backup.json"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_ROWS_BYTES = 2 * 1024 * 1024 * 1024
# Not copied: the change log is each database's own history (other desks' counters point into it), the
# contents of `blob` travel as files, alembic_version is the manifest's "revision".
SKIPPED = {"alembic_version", "change_log", "blob"}
# A backup without these is not a backup of hrdesk's records (a zip holding only a manifest restored
# "successfully" and left 0 employees): refused. Present since revision 0001.
REQUIRED_TABLES = ("employer", "employee", "material")
BATCH = 1000


class DumpError(CodedError, RuntimeError):
    """A backup that cannot be written or read. Raised with a catalogue key and parameters
    (`message(lang)` for the user's language) or, for older texts, with the Chinese text itself."""


@dataclass(frozen=True)
class Contents:
    """Who and what a backup holds, read while verifying it (for the question before a restore)."""

    employees: int
    materials: int  # live materials (not in the trash)
    id_numbers: frozenset[str]


@dataclass(frozen=True)
class Manifest:
    revision: str
    source: str
    created: str
    tables: dict[str, int]
    entries: dict[str, dict[str, Any]]
    contents: Contents | None = None  # filled by verify_dump
    # Entry name → fingerprint of what it was written from (daily backups; store/dump_reuse.py).
    fingerprints: dict[str, str] = field(default_factory=dict)
    # Set by write_dump when nothing changed since `since`: no file was written, this is `since`'s.
    unchanged: bool = False

    @property
    def files(self) -> list[str]:
        return [name for name in self.entries if name.startswith("files/")]


# --- writing -----------------------------------------------------------------------------------------


def app_tables(conn: Connection) -> list[Table]:
    """hrdesk's tables present in this database, parents before children (insert order)."""
    meta = MetaData()
    meta.reflect(conn)
    ours = set(SQLModel.metadata.tables) | {"alembic_version"}
    return [t for t in meta.sorted_tables if t.name in ours]


def write_dump(
    conn: Connection, target: Path, *, created: datetime, since: Path | None = None, fingerprint: bool = False
) -> Manifest:
    """Write every row and file to `target` (a consistent view: one transaction, REPEATABLE READ on
    PostgreSQL). Written beside the target and renamed, owner-only. `created`: when, by the desk's clock
    (a naive time is local time), written in UTC as the manifest's "created".

    `fingerprint`: record what each entry was written from, so that the next daily backup can reuse
    it. `since`: such an earlier backup (the previous day's): entries whose fingerprint is unchanged are
    copied from it as stored; when nothing changed at all, nothing is written and its manifest comes
    back with `unchanged` set (store/dump_reuse.py)."""
    _begin_read(conn)
    try:
        revision, dumped, blob = _schema(conn)
        marks = fingerprints(conn, dumped, revision, blob) if fingerprint or since else {}
        with contextlib.ExitStack() as stack:
            before = _earlier(since, stack) if since else None
            if before is not None and before[1].fingerprints == marks:
                return replace(before[1], unchanged=True)
            return _write(conn, target, created, revision, dumped, blob, marks, before)
    finally:
        _end_read(conn)


def unchanged_since(conn: Connection, since: Path) -> Manifest | None:
    """`since`'s manifest (with `unchanged` set) when the database holds exactly what that backup holds,
    compared by fingerprints in one read transaction; None otherwise. Writes nothing: on SQLite this
    spares the day's copy of the database when nothing changed."""
    with contextlib.ExitStack() as stack:
        before = _earlier(since, stack)
        if before is None:
            return None
        _begin_read(conn)
        try:
            revision, dumped, blob = _schema(conn)
            marks = fingerprints(conn, dumped, revision, blob)
        finally:
            _end_read(conn)
        return replace(before[1], unchanged=True) if marks == before[1].fingerprints else None


def _begin_read(conn: Connection) -> None:
    if conn.in_transaction():
        conn.rollback()
    read_only(conn)  # SQLite: a snapshot read that does not hold up other desks' saves
    if conn.dialect.name == "postgresql":
        # The whole dump sees one state of the database (the first statement of the transaction the
        # driver opens).
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        # A whole database may take longer than a desk's statement timeout (store/db.py) allows.
        conn.exec_driver_sql(
            "SET LOCAL statement_timeout = 0; SET LOCAL idle_in_transaction_session_timeout = 0"
        )


def _end_read(conn: Connection) -> None:
    if conn.in_transaction():
        conn.rollback()
    read_only(conn, False)


def _schema(conn: Connection) -> tuple[str, list[Table], Table | None]:
    """The schema revision, the tables whose rows are dumped (parents first) and the file table."""
    revision = MigrationContext.configure(conn).get_current_revision() or ""
    tables = app_tables(conn)
    blob = next((t for t in tables if t.name == "blob"), None)
    return revision, [t for t in tables if t.name not in SKIPPED], blob


def _earlier(path: Path, stack: contextlib.ExitStack) -> tuple[zipfile.ZipFile, Manifest] | None:
    """An earlier backup to reuse entries from, open, with its manifest; None when it cannot serve
    (gone, unreadable, another format, or written without fingerprints)."""
    try:
        zf = stack.enter_context(zipfile.ZipFile(path))
        manifest = read_manifest(zf, path.name)
    except (OSError, zipfile.BadZipFile, DumpError):
        return None
    return (zf, manifest) if manifest.fingerprints else None


def _write(
    conn: Connection,
    target: Path,
    created: datetime,
    revision: str,
    dumped: list[Table],
    blob: Table | None,
    marks: dict[str, str],
    before: tuple[zipfile.ZipFile, Manifest] | None,
) -> Manifest:
    entries: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    stamp = created.timetuple()[:6]  # each entry dated by the desk's clock (zipfile would read the machine's)

    def entry(name: str, stored: bool = False) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, stamp)
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        return info

    def reused(name: str, zf: zipfile.ZipFile, raw: Any) -> bool:
        """Copy `name` from the earlier backup when it holds the same thing (and reads back whole)."""
        if before is None or name not in before[1].entries:
            return False
        if name.startswith("rows/") and before[1].fingerprints.get(name) != marks.get(name):
            return False
        if not copy_entry(before[0], name, zf, raw):
            return False
        entries[name] = dict(before[1].entries[name])
        return True

    target.parent.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        target.parent.chmod(0o700)
    partial = target.with_name(f".{target.name}.partial")
    try:
        # Owner-only from the first byte: a killed backup leaves rows of personal data behind.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # a partial file an older hrdesk left at 0644
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            for table in dumped:
                name = f"rows/{table.name}.jsonl"
                if before is not None and table.name in before[1].tables and reused(name, zf, raw):
                    counts[table.name] = before[1].tables[table.name]
                    continue
                digest, size, n = hashlib.sha256(), 0, 0
                with zf.open(entry(name), "w", force_zip64=True) as out:
                    for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings():
                        line = (json.dumps(dict(row), ensure_ascii=False, default=_encode) + "\n").encode()
                        out.write(line)
                        digest.update(line)
                        size += len(line)
                        n += 1
                entries[name] = {"sha256": digest.hexdigest(), "size": size}
                counts[table.name] = n
            if blob is not None:
                for sha256 in list(conn.execute(select(m.Blob.sha256).order_by(m.Blob.sha256)).scalars()):
                    name = f"files/{sha256[:2]}/{sha256}.pdf"
                    if reused(name, zf, raw):  # a scan already in the earlier backup: not read again
                        continue
                    data = bytes(
                        conn.execute(select(m.Blob.data).where(m.Blob.sha256 == sha256)).scalar_one()
                    )
                    if hashlib.sha256(data).hexdigest() != sha256:
                        raise DumpError(f"文件 {sha256[:12]}… 在数据库中已损坏，备份未完成")
                    zf.writestr(entry(name, stored=True), data)
                    entries[name] = {"sha256": sha256, "size": len(data)}
            manifest = {
                "format": FORMAT,
                "created": created.astimezone(UTC).isoformat(),
                "revision": revision,
                "source": conn.dialect.name,
                "tables": counts,
                "entries": entries,
            }
            if marks:
                manifest["fingerprints"] = marks
            zf.writestr(entry(MANIFEST), json.dumps(manifest, ensure_ascii=False, indent=1))
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return Manifest(revision, conn.dialect.name, manifest["created"], counts, entries, fingerprints=marks)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:  # SQLite keeps UTC without an offset
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        raise TypeError("binary column outside the blob table")
    raise TypeError(type(value).__name__)


# --- reading ------------------------------------------------------------------------------------------


def read_manifest(zf: zipfile.ZipFile, label: str) -> Manifest:
    """The manifest, checked against the zip's directory: every entry listed once, nothing else, sizes
    as declared and within limits. Raises DumpError."""
    names = zf.namelist()
    if len(names) != len(set(names)):
        raise DumpError(f"{label}: 备份文件中有重复的条目，不是 hrdesk 生成的备份")
    try:
        raw = _bounded(zf, zf.getinfo(MANIFEST), MAX_MANIFEST_BYTES)
        data = json.loads(raw)
    except (KeyError, json.JSONDecodeError, UnicodeDecodeError):
        raise DumpError(f"{label}: 缺少备份清单，不是 hrdesk 备份文件") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DumpError(f"{label}: 备份格式 {data.get('format') if isinstance(data, dict) else '?'} 无法恢复")
    entries = data.get("entries")
    if not isinstance(entries, dict):
        raise DumpError(f"{label}: 备份清单不完整")
    extra = set(names) - set(entries) - {MANIFEST}
    if extra:
        raise DumpError(f"{label}: 备份中有清单以外的条目（{sorted(extra)[0]}），已拒绝恢复")
    missing = set(entries) - set(names)
    if missing:
        raise DumpError(f"{label}: 备份不完整，缺少 {sorted(missing)[0]}")
    for name, entry in entries.items():
        limit = MAX_BYTES if name.startswith("files/") else MAX_ROWS_BYTES
        size = entry.get("size") if isinstance(entry, dict) else None
        if not isinstance(size, int) or not 0 <= size <= limit or zf.getinfo(name).file_size != size:
            raise DumpError(f"{label}: {name} 的大小与清单不符或超出上限")
        if not (name.startswith("rows/") and name.endswith(".jsonl")) and not name.startswith("files/"):
            raise DumpError(f"{label}: 备份中有无法识别的条目 {name}")
        if name.startswith("files/"):
            digest = entry.get("sha256")
            if not is_sha256(digest) or name != f"files/{digest[:2]}/{digest}.pdf":
                raise DumpError("dump.bad-file-entry", name=label, entry=name[:80])
    marks = data.get("fingerprints")
    if not isinstance(marks, dict) or not all(isinstance(v, str) for v in marks.values()):
        marks = {}
    return Manifest(
        str(data.get("revision") or ""),
        str(data.get("source") or ""),
        str(data.get("created") or ""),
        dict(data.get("tables") or {}),
        entries,
        fingerprints={str(k): v for k, v in marks.items()},
    )


def _bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read an entry, never more than `limit` bytes whatever its header claims (a zip bomb stops here)."""
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise DumpError(f"{info.filename}: 超出大小上限")
    return data


def read_entry(zf: zipfile.ZipFile, manifest: Manifest, name: str, label: str) -> bytes:
    entry = manifest.entries[name]
    try:
        data = _bounded(zf, zf.getinfo(name), entry["size"])
    except (zipfile.BadZipFile, OSError, EOFError):
        raise DumpError(f"{label}: {name} 无法读取，备份已损坏") from None
    if len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise DumpError(f"{label}: {name} 已损坏（校验不符）")
    return data


def verify_dump(path: Path) -> Manifest:
    """Read every entry and check it against the manifest, touching no database: the application's
    tables are there, every material names its file by a real SHA-256 and the file is in the backup.
    Returns the manifest with what the backup holds (`contents`). Raises DumpError."""
    with _open_zip(path) as zf:
        manifest = read_manifest(zf, path.name)
        absent = [t for t in REQUIRED_TABLES if f"rows/{t}.jsonl" not in manifest.entries]
        if absent:
            raise DumpError("dump.tables-missing", name=path.name, table=absent[0])
        files = {manifest.entries[n]["sha256"] for n in manifest.files}
        refs = _References()
        for name in manifest.entries:
            data = read_entry(zf, manifest, name, path.name)
            if name.startswith("rows/"):
                table = name[len("rows/") : -len(".jsonl")]
                if data.count(b"\n") != manifest.tables.get(table):
                    raise DumpError(f"{path.name}: {table} 的行数与清单不符")
                refs.read(table, data, path.name)
        for material, digest in refs.files:
            if digest not in files:
                raise DumpError("dump.file-missing", name=path.name, material=material, sha=digest[:12])
        contents = Contents(manifest.tables.get("employee", 0), refs.live_materials, frozenset(refs.ids))
        return replace(manifest, contents=contents)


class _References:
    """What the rows refer to outside themselves: the files materials name (live, in the trash, and in
    deleted employees' snapshots), checked to be hashes; and who is in the backup."""

    def __init__(self) -> None:
        self.files: list[tuple[str, str]] = []
        self.live_materials = 0
        self.ids: set[str] = set()

    def read(self, table: str, data: bytes, label: str) -> None:
        if table not in ("material", "employee", "trashed_employee"):
            return
        for line in data.splitlines():
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise DumpError(f"{label}: {table} 的数据无法读取，备份已损坏") from None
            if not isinstance(row, dict):
                raise DumpError(f"{label}: {table} 的数据无法读取，备份已损坏")
            if table == "employee":
                self.ids.add(str(row.get("id_number") or ""))
            elif table == "material":
                self._file(row.get("id"), row.get("sha256"), label)
                self.live_materials += row.get("deleted_at") is None
            else:
                snapshot = row.get("snapshot")
                if isinstance(snapshot, str):
                    with contextlib.suppress(ValueError):
                        snapshot = json.loads(snapshot)
                for item in (snapshot or {}).get("materials", []) if isinstance(snapshot, dict) else []:
                    if isinstance(item, dict):
                        self._file(f"回收站 {row.get('id')}", item.get("sha256"), label)

    def _file(self, material: object, digest: object, label: str) -> None:
        if digest is None:
            return  # recorded without a file
        if not is_sha256(digest):
            raise DumpError("dump.bad-hash", name=label, material=str(material), value=repr(digest)[:40])
        self.files.append((str(material), str(digest)))


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise DumpError(f"{path.name}: 不是 hrdesk 备份文件（{exc.__class__.__name__}）") from None


def load_dump(conn: Connection, path: Path, alembic_cfg: Any) -> Manifest:
    """Replace everything in the database `conn` points at with the backup, in ONE transaction: the old
    tables are dropped, the schema is built at the backup's revision, rows and files go in, and the
    schema is migrated to this hrdesk's head. A failure anywhere rolls all of it back. The caller holds
    the migration lock and has verified the file (verify_dump)."""
    with _open_zip(path) as zf:
        manifest = read_manifest(zf, path.name)
        with conn.begin():
            meta = MetaData()
            meta.reflect(conn)
            ours = set(SQLModel.metadata.tables) | {"alembic_version"}
            for table in reversed(meta.sorted_tables):
                if table.name in ours:
                    table.drop(conn)
            alembic_cfg.attributes["connection"] = conn
            command.upgrade(alembic_cfg, manifest.revision)
            targets = {t.name: t for t in app_tables(conn)}
            absent = sorted(set(targets) - SKIPPED - set(manifest.tables))
            if absent:
                raise DumpError("dump.tables-missing", name=path.name, table=absent[0])
            for table_name in manifest.tables:
                table = targets.get(table_name)
                if table is None:
                    raise DumpError(f"{path.name}: 备份中的表 {table_name} 在该版本中不存在")
                data = read_entry(zf, manifest, f"rows/{table_name}.jsonl", path.name)
                batch: list[dict[str, Any]] = []
                for row in _rows(data, table, conn.dialect.name):
                    batch.append(row)
                    if len(batch) >= BATCH:
                        conn.execute(table.insert(), batch)
                        batch = []
                if batch:
                    conn.execute(table.insert(), batch)
            for name in manifest.files:
                data = read_entry(zf, manifest, name, path.name)
                sha256 = manifest.entries[name]["sha256"]
                conn.execute(
                    m.Blob.__table__.insert().values(
                        sha256=sha256, data=data, size_bytes=len(data), added_at=m.utcnow()
                    )
                )
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn, targets.values())
            command.upgrade(alembic_cfg, "head")
            # The change log starts after the restored rows: desks that poll it reload everything.
            conn.execute(m.ChangeLogEntry.__table__.insert().values(entity="restore"))
    return manifest


def _rows(data: bytes, table: Table, dialect: str) -> Iterator[dict[str, Any]]:
    kinds = {}
    for col in table.columns:
        if isinstance(col.type, DateTime):
            kinds[col.name] = "datetime"
        elif isinstance(col.type, Date):
            kinds[col.name] = "date"
    for line in data.splitlines():
        row = json.loads(line)
        unknown = set(row) - set(table.columns.keys())
        if unknown:
            raise DumpError(f"{table.name}: 备份中有未知的列 {sorted(unknown)[0]}")
        if table.name == "material" and row.get("sha256") is not None and not is_sha256(row["sha256"]):
            raise DumpError(
                "dump.bad-hash", name=table.name, material=str(row.get("id")), value=repr(row["sha256"])[:40]
            )
        for key, kind in kinds.items():
            value = row.get(key)
            if value is None:
                continue
            if kind == "date":
                row[key] = date.fromisoformat(value)
            else:
                moment = datetime.fromisoformat(value)
                if moment.tzinfo is None:
                    moment = moment.replace(tzinfo=UTC)
                moment = moment.astimezone(UTC)
                row[key] = moment.replace(tzinfo=None) if dialect == "sqlite" else moment
        yield row


def _reset_sequences(conn: Connection, tables: Any) -> None:
    """Rows went in with their ids: move each id sequence past them, or the next insert collides."""
    for table in tables:
        if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto"):
            seq = conn.exec_driver_sql(f"SELECT pg_get_serial_sequence('\"{table.name}\"', 'id')").scalar()
            if seq:
                conn.exec_driver_sql(
                    f'SELECT setval(%s, COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)',
                    (seq,),
                )
