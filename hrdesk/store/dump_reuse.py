"""What a daily backup can take from the day before instead of from the database: a fingerprint of each
table's rows and of the set of stored files, and the copy of one zip entry, as stored, from the previous
backup into the new one.

An HR desk with 10,000 people and their scans wrote every row as JSON and every scan again each day.
Now the day's backup compares fingerprints first: nothing changed → no new copy at all (the caller links
the previous file under today's name); a table or a file unchanged → its entry is copied as it is stored
(a table's compressed rows are not encoded and compressed again, a scan is not read from the database
and hashed again). Each backup stays whole: it restores on its own, whatever was rotated away.

A fingerprint is the SHA-256 of the rows as the database driver returns them (their `repr`, which names
every value and its type unambiguously), in primary-key order, with the columns, the schema revision
and the dump's format: equal fingerprints mean the dump would write the same bytes. Anything that could
make the same rows print differently (another driver, a session time zone) only makes the fingerprints
differ, which costs a fresh entry, never a wrong one.

A copied entry is checked on the way (its CRC-32, by reading it through zipfile: a bit turned on the
disk since yesterday is caught here, and the entry is then written from the database instead), so a
damaged backup is not carried forward day after day.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
from typing import IO, Any

from sqlalchemy import Connection, Table, select

# Moves when the dump's row encoding changes (store/dump.py `_encode`): yesterday's entries are then
# written again, not copied.
ENCODING = "rows-json-1"
FILES = "files"  # the fingerprint of the set of stored files' hashes
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip local file header (30 bytes)
_CHUNK = 1 << 20


def fingerprints(conn: Connection, tables: list[Table], revision: str, blob: Table | None) -> dict[str, str]:
    """Entry name → fingerprint, for each table's rows and for the stored files ("files"), read in
    the caller's transaction (the same view of the database the dump writes)."""
    out: dict[str, str] = {}
    for table in tables:
        digest = hashlib.sha256(f"{ENCODING}\n{revision}\n{table.name}\n".encode())
        digest.update(repr([(c.name, str(c.type)) for c in table.columns]).encode())
        # The driver's own values on its own cursor, in the same transaction: no JSON decoded, no dates
        # parsed, no row objects made (a quarter of the time the same read takes through SQLAlchemy).
        query = str(select(table).order_by(*table.primary_key.columns).compile(dialect=conn.dialect))
        cursor = conn.connection.cursor()
        try:
            cursor.execute(query)
            while rows := cursor.fetchmany(5000):
                digest.update(repr(rows).encode())
        finally:
            cursor.close()
        out[f"rows/{table.name}.jsonl"] = digest.hexdigest()
    if blob is not None:
        digest = hashlib.sha256(f"{ENCODING}\n".encode())
        result = conn.execute(select(blob.c.sha256).order_by(blob.c.sha256))
        while hashes := result.scalars().fetchmany(50_000):
            digest.update("\n".join(hashes).encode())
        out[FILES] = digest.hexdigest()
    return out


def copy_entry(source: zipfile.ZipFile, name: str, target: zipfile.ZipFile, raw: IO[bytes]) -> bool:
    """Copy entry `name` of `source`, as stored (compressed bytes stay compressed), to the end of
    `target`, whose underlying file is `raw`, checking its CRC-32 on the way (zipfile checks it as the
    entry is read to its end). False, with nothing left in `target`, when the entry is missing, damaged
    or not a plain entry: the caller then writes it from the database."""
    try:
        info = source.getinfo(name)
    except KeyError:
        return False
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return False  # encrypted or unusual: never ours
    copied = zipfile.ZipInfo(name, info.date_time)
    copied.compress_type = info.compress_type
    copied.CRC, copied.compress_size, copied.file_size = info.CRC, info.compress_size, info.file_size
    copied.external_attr = info.external_attr
    raw.seek(target.start_dir)  # after the last entry written
    copied.header_offset = raw.tell()
    try:
        if info.compress_type == zipfile.ZIP_DEFLATED:
            with source.open(info) as entry:  # rows: inflated once to check, then copied compressed
                while entry.read(_CHUNK):
                    pass
        raw.write(copied.FileHeader(max(info.file_size, info.compress_size) >= zipfile.ZIP64_LIMIT))
        if info.compress_type == zipfile.ZIP_STORED:
            with source.open(info) as entry:  # a scan: its bytes as they are, checked as they pass
                while chunk := entry.read(_CHUNK):
                    raw.write(chunk)
        else:
            fp: Any = source.fp
            fp.seek(info.header_offset)
            header = _LOCAL_HEADER.unpack(fp.read(_LOCAL_HEADER.size))
            if header[0] != b"PK\x03\x04":
                raise zipfile.BadZipFile("no local header")
            fp.seek(info.header_offset + _LOCAL_HEADER.size + header[9] + header[10])
            _copy_bytes(fp, raw, info.compress_size)
    except (OSError, EOFError, zipfile.BadZipFile, struct.error, ValueError):
        raw.seek(copied.header_offset)
        raw.truncate()
        return False
    target.filelist.append(copied)
    target.NameToInfo[name] = copied
    target.start_dir = raw.tell()
    target._didModify = True  # the central directory is written on close, naming this entry too
    return True


def _copy_bytes(source: Any, target: IO[bytes], size: int) -> None:
    left = size
    while left:
        chunk = source.read(min(_CHUNK, left))
        if not chunk:
            raise zipfile.BadZipFile("entry shorter than its header says")
        target.write(chunk)
        left -= len(chunk)


__all__ = ["ENCODING", "FILES", "copy_entry", "fingerprints"]
