"""Backups: one .zip in hrdesk's own logical format (store/dump.py: every row and every stored file,
verified by its manifest), the same from SQLite and PostgreSQL, so a backup restores into either.

Restore verifies the whole file first, keeps a safety copy of what it replaces (rotated), and replaces
the database — rows and file contents together, since the files live in the database — in one
transaction: it happens completely or not at all. Automatic daily backups rotate in the data folder;
one that cannot run raises BackupError with the reason, for the window to show.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from ..catalogue import CodedError
from ..checks.rule_data import forget_stored_settings
from ..clock import Clock, FixedClock
from ..fileio import owner_only
from ..store import models as m
from ..store.db import (
    StoreUnavailable,
    alembic_config,
    connect,
    database_path,
    is_postgresql,
    known_revisions,
    make_engine,
    migrate,
    migration_lock,
    registered_engine,
    require_owner,
    resolve_url,
    rotate,
)
from ..store.dump import MANIFEST, DumpError, Manifest, load_dump, unchanged_since, verify_dump, write_dump
from ..store.vault import MAX_BYTES

__all__ = [
    "MANIFEST",
    "BackupError",
    "RestorePlan",
    "create_backup",
    "plan_restore",
    "restore_backup",
    "daily_backup_quietly",
    "rotate_daily",
    "verify_backup",
]

KEEP_BEFORE_RESTORE = 3
_log = logging.getLogger("hrdesk.backup")


class BackupError(CodedError, RuntimeError):
    """What went wrong and what to do, for the HR user: `message(lang)` (older texts are Chinese only).
    A reason that is itself coded (a DumpError) is put in the same language."""

    def message(self, lang: str = "zh") -> str:
        from ..catalogue import has, text

        params = {k: (v.message(lang) if isinstance(v, CodedError) else v) for k, v in self.params.items()}
        return text(self.key, lang, **params) if has(self.key) else self.key


def _not_restored(exc: Any) -> BackupError:
    if isinstance(exc, CodedError) and exc.key.startswith("dump."):
        return BackupError("backup.not-restored", reason=exc)
    return BackupError(f"恢复没有完成，数据库保持原样：{exc}")


@dataclass(frozen=True)
class RestorePlan:
    """Counts before and after a restore, for the question the window or the command line asks
    before a restore that would remove people."""

    backup_employees: int
    backup_materials: int
    current_employees: int
    current_materials: int
    people_removed: int  # current employees (by ID number) the backup does not hold

    @property
    def removes_people(self) -> bool:
        return self.people_removed > 0


def _engine(data_dir: Path, url: str | None) -> tuple[Engine, bool] | None:
    """The engine the data folder works on: the open one, or a new one that the caller disposes;
    None for a SQLite data folder that has no database yet."""
    if url is None:
        engine = registered_engine(data_dir)
        if engine is not None:
            return engine, False
    resolved = resolve_url(data_dir, url)
    if not is_postgresql(resolved) and not database_path(data_dir).exists() and url is None:
        return None
    try:
        return make_engine(resolved), True
    except StoreUnavailable as exc:
        raise BackupError(str(exc)) from None


def create_backup(data_dir: Path, target: Path, url: str | None = None, clock: Clock | None = None) -> Path:
    """A backup of the database the data folder works on, to `target`; `clock` (the desk's) dates it."""
    _make_backup(data_dir, target, url, (clock or Clock()).now())
    return target


def _make_backup(
    data_dir: Path,
    target: Path,
    url: str | None,
    created: datetime,
    since: Path | None = None,
    daily: bool = False,
) -> Manifest:
    """`daily`: fingerprinted, for the next day to compare; `since`: its predecessor, whose unchanged
    entries are copied (store/dump_reuse.py); the manifest says `unchanged` (and nothing is written)
    when nothing changed since."""
    if url is None and not is_postgresql(resolve_url(data_dir, None)) and database_path(data_dir).exists():
        return _backup_from_snapshot(data_dir, target, created, since, daily)
    return _backup_from_engine(data_dir, target, url, created, since, daily)


SNAPSHOT_PAGES = 256  # pages copied at a time by SQLite's online backup: a save elsewhere waits for one step


def _backup_from_snapshot(
    data_dir: Path, target: Path, created: datetime, since: Path | None, fingerprint: bool
) -> Manifest:
    """SQLite: first a copy of the database made with SQLite's online backup API, a few hundred pages
    at a time (a desk's save is never held up for more than a step, and no read transaction stays
    open on the live database while the dump is written), then the dump written from that copy."""
    import sqlite3

    if since is not None:  # nothing changed: no copy of the database at all (it holds the scans)
        engine = make_engine(f"sqlite:///{database_path(data_dir)}")
        try:
            with connect(engine) as conn:
                same = unchanged_since(conn, since)
        except (StoreUnavailable, OSError, SQLAlchemyError) as exc:
            raise BackupError(f"备份没有完成（{type(exc).__name__}）：请检查磁盘空间。") from None
        finally:
            engine.dispose()
        if same is not None:
            return same
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    snapshot = folder / f".{target.stem}.snapshot.sqlite"
    try:
        source = sqlite3.connect(f"{database_path(data_dir).resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(snapshot)
            owner_only(snapshot)
            try:
                source.backup(copy, pages=SNAPSHOT_PAGES, sleep=0.005)
            finally:
                copy.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        snapshot.unlink(missing_ok=True)
        raise BackupError(f"备份没有完成（{type(exc).__name__}）：请检查磁盘空间。") from None
    try:
        engine = make_engine(f"sqlite:///{snapshot}")
        try:
            with connect(engine) as conn:
                return write_dump(conn, target, created=created, since=since, fingerprint=fingerprint)
        finally:
            engine.dispose()
    except (StoreUnavailable, DumpError) as exc:
        raise BackupError(f"备份没有完成：{exc}") from None
    except (OSError, SQLAlchemyError) as exc:
        raise BackupError(f"备份没有完成（{type(exc).__name__}）：请检查磁盘空间和数据库连接。") from None
    finally:
        for leftover in folder.glob(f".{target.stem}.snapshot.sqlite*"):  # and its -wal / -shm
            leftover.unlink(missing_ok=True)


def _backup_from_engine(
    data_dir: Path, target: Path, url: str | None, created: datetime, since: Path | None, fingerprint: bool
) -> Manifest:
    found = _engine(data_dir, url)
    if found is None:
        raise BackupError(f"{data_dir}: 没有数据库可备份")
    engine, owned = found
    try:
        with connect(engine) as conn:
            return write_dump(conn, target, created=created, since=since, fingerprint=fingerprint)
    except (StoreUnavailable, DumpError) as exc:
        raise BackupError(f"备份没有完成：{exc}") from None
    except (OSError, SQLAlchemyError) as exc:
        raise BackupError(f"备份没有完成（{type(exc).__name__}）：请检查磁盘空间和数据库连接。") from None
    finally:
        if owned:
            engine.dispose()


def verify_backup(path: Path) -> Manifest:
    """Every entry listed in the manifest, present, within its size and matching its hash; nothing
    else in the file. Raises BackupError."""
    if _format(path) == LEGACY_FORMAT:
        with tempfile.TemporaryDirectory() as tmp:
            return verify_backup(_convert_legacy(path, Path(tmp)))
    try:
        manifest = verify_dump(path)
    except DumpError as exc:
        raise BackupError(exc.key, **exc.params) from None
    if manifest.revision not in known_revisions():
        raise BackupError(
            f"{path.name}: 这个备份来自更新版本的 hrdesk（数据库结构 {manifest.revision}），请先升级 hrdesk 再恢复。"
        )
    return manifest


def restore_backup(
    path: Path, data_dir: Path, url: str | None = None, clock: Clock | None = None
) -> Manifest:
    """Replace the database the data folder works on (SQLite in it, or the shared database) with the
    backup's rows and files, after verifying it. What it replaces is kept first in
    `backups/before-restore-*.zip` (the newest three are kept), named and dated by `clock` (the desk's)."""
    clock = clock or Clock()
    if _format(path) == LEGACY_FORMAT:
        with tempfile.TemporaryDirectory() as tmp:
            return restore_backup(_convert_legacy(path, Path(tmp)), data_dir, url, clock)
    manifest = verify_backup(path)
    data_dir.mkdir(parents=True, exist_ok=True)
    engine, owned = _engine(data_dir, url) or (make_engine(resolve_url(data_dir, url)), True)
    try:
        with connect(engine) as conn, migration_lock(conn):
            require_owner(conn, "restore")  # it drops and creates tables: a desk account cannot
            if "employee" in inspect(conn).get_table_names():
                conn.rollback()
                now = clock.now()
                folder = data_dir / "backups"
                write_dump(conn, folder / f"before-restore-{now:%Y%m%d-%H%M%S}.zip", created=now)
                rotate(folder, "before-restore-*.zip", KEEP_BEFORE_RESTORE)
            conn.rollback()
            load_dump(conn, path, alembic_config())
        forget_stored_settings()  # the restored wage figures and holidays apply at once
    except (StoreUnavailable, DumpError) as exc:
        raise _not_restored(exc) from None
    except (OSError, SQLAlchemyError) as exc:
        raise BackupError(f"恢复没有完成，数据库保持原样（{type(exc).__name__}）。") from None
    finally:
        if owned:
            engine.dispose()
    if not is_postgresql(resolve_url(data_dir, url)) and database_path(data_dir).exists():
        owner_only(database_path(data_dir))
    return manifest


def plan_restore(path: Path, data_dir: Path, url: str | None = None) -> RestorePlan:
    """Verify the backup (BackupError when it would be refused) and count what it holds against what
    the database the data folder works on holds now. Writes nothing."""
    manifest = verify_backup(path)
    contents = manifest.contents
    assert contents is not None
    current_employees = current_materials = 0
    current_ids: list[str] = []
    found = _engine(data_dir, url)
    if found is not None:
        engine, owned = found
        try:
            with connect(engine) as conn:
                names = inspect(conn).get_table_names()
                if "employee" in names:
                    current_ids = [str(i or "") for i in conn.execute(select(m.Employee.id_number)).scalars()]
                    current_employees = len(current_ids)
                if "material" in names:
                    live = select(func.count()).select_from(m.Material).where(m.Material.deleted_at.is_(None))
                    current_materials = int(conn.execute(live).scalar_one())
                conn.rollback()
        except StoreUnavailable as exc:
            raise BackupError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise BackupError(f"无法读取当前数据库（{type(exc).__name__}）。") from None
        finally:
            if owned:
                engine.dispose()
    return RestorePlan(
        contents.employees,
        contents.materials,
        current_employees,
        current_materials,
        sum(1 for i in current_ids if not i or i not in contents.id_numbers),
    )


def rotate_daily(
    data_dir: Path, keep: int = 7, clock: Clock | None = None, url: str | None = None
) -> Path | None:
    """Make today's automatic backup (the desk's `clock` says which day) if there is none yet; keep the
    newest `keep` days. None when there is nothing to do; BackupError with the reason when it cannot be
    made.

    Incremental against the latest earlier daily backup: when nothing changed since, today's name is a
    second name (a hard link; a copy where the disk has none) for that file, and no dump is written;
    otherwise what did not change (tables, scans) is copied from it as stored (store/dump_reuse.py).
    Either way each kept day is a whole backup that restores on its own, and rotation counts days."""
    clock = clock or Clock()
    folder = data_dir / "backups"
    target = folder / f"daily-{clock.today().isoformat()}.zip"
    if target.exists() or _engine_exists(data_dir, url) is False:
        return None
    earlier = _latest_daily(folder, target.name)
    made = _make_backup(data_dir, target, url, clock.now(), since=earlier, daily=True)
    if made.unchanged and earlier is not None:
        how = _second_name(earlier, target)
        _log.info(
            "daily backup %s: nothing changed since %s, %s (no new copy)", target.name, earlier.name, how
        )
    else:
        _log.info(
            "daily backup %s written%s",
            target.name,
            f" (unchanged parts from {earlier.name})" if earlier else "",
        )
    rotate(folder, "daily-*.zip", keep)
    return target


def _latest_daily(folder: Path, today: str) -> Path | None:
    """The newest daily backup before today's (names sort by day), or None."""
    earlier = [p for p in folder.glob("daily-*.zip") if p.name < today and p.is_file()]
    return max(earlier, default=None)


def _second_name(earlier: Path, target: Path) -> str:
    """Today's name for an unchanged backup: a hard link (no space, no writing); a copy made beside it
    and renamed where the file system has no links (FAT, some network shares)."""
    try:
        os.link(earlier, target)
        return "linked"
    except OSError:
        partial = target.with_name(f".{target.name}.partial")
        shutil.copyfile(earlier, partial)
        owner_only(partial)
        os.replace(partial, target)
        return "copied"


def daily_backup_quietly(
    data_dir: Path, keep: int = 7, clock: Clock | None = None, url: str | None = None
) -> Path | None:
    """Today's automatic backup (as `rotate_daily`) in a child process at the lowest CPU and I/O
    priority, waited for here: the dump is Python work for every row, and on a thread of the window's
    own process it would take turns with the window for the interpreter. A frozen (packaged) app
    has no `python -m`: there it runs here. BackupError with the child's reason when it fails."""
    import os
    import subprocess
    import sys

    clock = clock or Clock()
    now = clock.now()
    target = data_dir / "backups" / f"daily-{now.date().isoformat()}.zip"
    if target.exists() or _engine_exists(data_dir, url) is False:
        return None
    if getattr(sys, "frozen", False):
        return rotate_daily(data_dir, keep, clock, url)
    env = dict(os.environ)
    if url:
        env["HRDESK_DATABASE_URL"] = url
    kwargs: dict[str, Any] = {}
    if os.name != "posix":  # POSIX: the child lowers its own priority (no code between fork and exec)
        kwargs["creationflags"] = getattr(subprocess, "IDLE_PRIORITY_CLASS", 0)
    proc = subprocess.run(
        [sys.executable, "-m", "hrdesk.desks.backup", str(data_dir), now.isoformat(), str(keep)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        **kwargs,
    )
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        raise BackupError(lines[-1] if lines else "备份没有完成。")
    for line in proc.stdout.splitlines():  # what the child did (file names only), into this desk's log
        _log.info("%s", line)
    return target


def _lowest_priority() -> None:
    """In the backup's child process (POSIX): CPU and disk after everything else on the machine."""
    import os

    os.nice(19)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall(251 if os.uname().machine == "x86_64" else 30, 1, 0, (3 << 13))  # ioprio: idle
    except (OSError, AttributeError):
        pass


def _engine_exists(data_dir: Path, url: str | None) -> bool:
    if url is None and registered_engine(data_dir) is not None:
        return True
    return is_postgresql(resolve_url(data_dir, url)) or database_path(data_dir).exists()


# --- backups written before the logical format ----------------------------------------------------------

LEGACY_FORMAT = "hrdesk-backup/1"
_LEGACY_NAME = re.compile(
    r"hrdesk\.sqlite|vault/[0-9a-f]{2}/[0-9a-f]{64}\.pdf|wages\.toml|holidays\.toml|policy-settings\.toml"
)
_LEGACY_DB_LIMIT = 4 * 1024 * 1024 * 1024


def _format(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(MANIFEST)
            if info.file_size > 64 * 1024 * 1024:
                return None
            return json.loads(zf.read(info)).get("format")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, AttributeError):
        return None  # verify_dump says what is wrong with it


def _convert_legacy(path: Path, workdir: Path) -> Path:
    """A backup from before the shared database (an SQLite snapshot and the vault folder, format 1) →
    the logical format: only the manifest's entries, each checked, bounded and named as format 1 names
    them, are written to `workdir`; the snapshot is migrated (its vault and settings files move in)
    and dumped, dated when the old backup was written (its manifest's time in the zip)."""
    with zipfile.ZipFile(path) as zf:
        created = datetime(*zf.getinfo(MANIFEST).date_time)
        files = json.loads(zf.read(MANIFEST)).get("files")
        if not isinstance(files, dict) or "hrdesk.sqlite" not in files:
            raise BackupError(f"{path.name}: 备份清单不完整")
        extra = set(zf.namelist()) - set(files) - {MANIFEST}
        if extra:
            raise BackupError(f"{path.name}: 备份中有清单以外的条目（{sorted(extra)[0]}），已拒绝恢复")
        for name, digest in files.items():
            limit = _LEGACY_DB_LIMIT if name == "hrdesk.sqlite" else MAX_BYTES
            if not _LEGACY_NAME.fullmatch(name):
                raise BackupError(f"{path.name}: 备份中有无法识别的条目 {name}")
            try:
                info = zf.getinfo(name)
            except KeyError:
                raise BackupError(f"{path.name}: 备份不完整，缺少 {name}") from None
            if info.file_size > limit:
                raise BackupError(f"{path.name}: {name} 超出大小上限")
            target = workdir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            digest_now = hashlib.sha256()
            with zf.open(info) as src, open(target, "wb") as out:
                written = 0
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    written += len(chunk)
                    if written > limit:
                        raise BackupError(f"{path.name}: {name} 超出大小上限")
                    digest_now.update(chunk)
                    out.write(chunk)
            if digest_now.hexdigest() != digest:
                raise BackupError(f"{path.name}: {name} 已损坏（校验不符）")
    engine = make_engine(f"sqlite:///{workdir / 'hrdesk.sqlite'}")
    try:
        with engine.connect() as conn:
            if conn.exec_driver_sql("PRAGMA integrity_check").scalar() != "ok":
                raise BackupError(f"{path.name}: 数据库完整性检查失败")
        migrate(engine, workdir)
        converted = workdir / "converted.zip"
        with connect(engine) as conn:
            write_dump(conn, converted, created=created)
    except (StoreUnavailable, DumpError) as exc:
        raise BackupError(f"{path.name}: 旧格式备份无法转换：{exc}") from None
    finally:
        engine.dispose()
    return converted


if __name__ == "__main__":  # the child of `daily_backup_quietly`: DATA_DIR NOW KEEP (NOW: the desk's clock)
    import os
    import sys

    if os.name == "posix":
        _lowest_priority()
    logging.basicConfig(stream=sys.stdout, format="%(message)s")
    _log.setLevel(logging.INFO)
    try:
        rotate_daily(Path(sys.argv[1]), int(sys.argv[3]), FixedClock(datetime.fromisoformat(sys.argv[2])))
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        sys.exit(1)
