"""Opening the database: engine set-up, migrations (backed up first), the single-writer lock.

Everything SQLite-specific lives here (pragmas, the file path, the backup API); the rest of the store
only sees an SQLAlchemy engine, so a PostgreSQL URL can replace the file later.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DB_NAME = "hrdesk.sqlite"


class StoreLocked(RuntimeError):
    """Another hrdesk is writing to this data folder."""


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def _owner_only(path: Path) -> None:
    if os.name == "posix" and path.exists():
        path.chmod(0o700 if path.is_dir() else 0o600)


def make_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False} if url.startswith("sqlite") else {})
    if url.startswith("sqlite"):

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()
            # Let SQLAlchemy, not the sqlite3 module, open transactions: the module would run DDL in
            # autocommit mode, and a migration killed half-way would leave half a schema behind.
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # IMMEDIATE: take the write lock at the start and wait for it (busy_timeout). A deferred
            # transaction that reads and then writes cannot wait: SQLite refuses the upgrade at once
            # ("database is locked") while another connection writes — a save lost during the daily
            # refresh. Transactions here are short (the refresh commits in small batches).
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, data_dir: Path | None = None, target: str = "head") -> None:
    """Upgrade to `target`; an existing database is copied to `backups/` first."""
    current = current_revision(engine)
    db_file = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if current is not None and current != head_revision() and db_file:
        folder = (data_dir or Path(db_file).parent) / "backups"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        snapshot(Path(db_file), folder / f"before-migration-{current}-{stamp}.sqlite")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def snapshot(db: Path, target: Path) -> Path:
    """A consistent copy of a live database (SQLite online backup API: safe while the app writes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _owner_only(target.parent)
    src = sqlite3.connect(db)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _owner_only(target)
    return target


class InstanceLock:
    """An OS file lock on the data folder: released by the OS if the process dies, so a crash never
    leaves the folder locked. A second writer gets StoreLocked with a message for the user."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "hrdesk.lock"
        self._fh: Any = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")  # noqa: SIM115 (held open for the process lifetime)
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise StoreLocked(
                f"hrdesk is already open on this data folder ({self.path.parent}). "
                "Close the other window first, or use another data folder."
            ) from None
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
