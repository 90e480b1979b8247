"""Backups: one .zip file holding a consistent database snapshot (SQLite backup API, safe while the
app runs) and the vault; restore verifies the file completely before replacing anything; automatic
daily backups rotate in the data folder."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

from ..fileio import private_dir
from ..store.db import database_path, snapshot

MANIFEST = "hrdesk-backup.json"


class BackupError(RuntimeError):
    pass


def create_backup(data_dir: Path, target: Path) -> Path:
    db = database_path(data_dir)
    if not db.exists():
        raise BackupError(f"{data_dir}: 没有数据库可备份")
    with tempfile.TemporaryDirectory() as tmp:
        snap = snapshot(db, Path(tmp) / "hrdesk.sqlite")
        files = {"hrdesk.sqlite": _sha256(snap)}
        vault = data_dir / "vault"
        vault_files = sorted(vault.glob("??/*.pdf")) if vault.exists() else []
        partial = target.with_name(f".{target.name}.partial")
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.write(snap, "hrdesk.sqlite")
            for path in vault_files:
                arc = f"vault/{path.parent.name}/{path.name}"
                zf.write(path, arc, compress_type=zipfile.ZIP_STORED)
                files[arc] = path.stem  # content-addressed: the name is the hash
            for extra in ("wages.toml", "holidays.toml", "policy-settings.toml"):
                if (data_dir / extra).exists():
                    zf.write(data_dir / extra, extra)
                    files[extra] = _sha256(data_dir / extra)
            zf.writestr(
                MANIFEST,
                json.dumps(
                    {"format": "hrdesk-backup/1", "created": datetime.now().isoformat(), "files": files},
                    indent=1,
                ),
            )
        os.replace(partial, target)
    if os.name == "posix":
        target.chmod(0o600)
    return target


def verify_backup(path: Path) -> dict[str, str]:
    """Every file present with its hash, the database passes integrity_check. Raises BackupError."""
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(f"{path.name}: 不是 hrdesk 备份文件（{exc.__class__.__name__}）") from None
    with zf, tempfile.TemporaryDirectory() as tmp:
        try:
            manifest = json.loads(zf.read(MANIFEST))
        except (KeyError, json.JSONDecodeError):
            raise BackupError(f"{path.name}: 缺少备份清单，不是 hrdesk 备份文件") from None
        files = manifest.get("files", {})
        for name, digest in files.items():
            try:
                data = zf.read(name)
            except (KeyError, zipfile.BadZipFile, OSError):
                raise BackupError(f"{path.name}: 备份不完整，缺少 {name}") from None
            if hashlib.sha256(data).hexdigest() != digest:
                raise BackupError(f"{path.name}: {name} 已损坏（校验不符）")
        db = Path(tmp) / "check.sqlite"
        db.write_bytes(zf.read("hrdesk.sqlite"))
        conn = sqlite3.connect(db)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if result != "ok":
            raise BackupError(f"{path.name}: 数据库完整性检查失败")
        return files


def restore_backup(path: Path, data_dir: Path) -> None:
    """Replace the data folder's database and vault with the backup's, after verifying it. The
    current state is kept in `backups/before-restore-*.zip` first."""
    verify_backup(path)
    data_dir.mkdir(parents=True, exist_ok=True)
    if database_path(data_dir).exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        create_backup(data_dir, private_dir(data_dir / "backups") / f"before-restore-{stamp}.zip")
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    try:
        with zipfile.ZipFile(path) as zf:
            zf.extractall(staging)
        for suffix in ("-wal", "-shm"):
            Path(str(database_path(data_dir)) + suffix).unlink(missing_ok=True)
        os.replace(staging / "hrdesk.sqlite", database_path(data_dir))
        if (data_dir / "vault").exists():
            shutil.rmtree(data_dir / "vault")
        if (staging / "vault").exists():
            os.replace(staging / "vault", data_dir / "vault")
        for extra in ("wages.toml", "holidays.toml", "policy-settings.toml"):
            if (staging / extra).exists():
                os.replace(staging / extra, data_dir / extra)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def rotate_daily(data_dir: Path, keep: int = 7, today: date | None = None) -> Path | None:
    """Make today's automatic backup if there is none yet; keep the newest `keep`."""
    today = today or date.today()
    folder = data_dir / "backups"
    target = folder / f"daily-{today.isoformat()}.zip"
    if target.exists() or not database_path(data_dir).exists():
        return None
    private_dir(folder)
    create_backup(data_dir, target)
    for old in sorted(folder.glob("daily-*.zip"))[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
