"""Opening the database: which database (a URL, the environment, or SQLite in the data folder), engine
set-up, migrations (backed up first, one desk at a time), the single-writer lock on the data folder.

Engine-specific details live here (SQLite pragmas and its backup API, the PostgreSQL driver and its
advisory lock); the rest of the store sees an SQLAlchemy engine and runs the same on both.

Several desks on one PostgreSQL database: there is no database-wide writer lock. Each desk still locks
its own data folder (its file cache, logs and settings), and writes from different desks are kept apart
by transactions and by the version on each employee, unit and material (`store/versions.py`): a save
against a version another desk has replaced is refused, never silently merged. Only migrations are
serialised across desks, under a PostgreSQL advisory lock.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import weakref
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from . import legacy
from .dump import write_dump
from .errors import (
    ENV_DATABASE_URL,
    DatabaseUnreachable,
    NeedsOwnerRole,
    SchemaTooNew,
    StoreLocked,
    StoreUnavailable,
)
from .integrity import FileCheck, check_material_files
from .transactions import READ_ONLY, read_only

__all__ = [
    "ENV_DATABASE_URL",
    "READ_ONLY",
    "DatabaseUnreachable",
    "NeedsOwnerRole",
    "SchemaTooNew",
    "StoreLocked",
    "StoreUnavailable",
    "read_only",
]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DB_NAME = "hrdesk.sqlite"
KEYRING_SERVICE = "hrdesk"
# pg_advisory_lock key for migrations and restores: any constant the desks agree on ("hrdesk" in ASCII).
MIGRATION_LOCK_KEY = 0x687264657368
KEEP_SAFETY_COPIES = 5


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def _owner_only(path: Path) -> None:
    if os.name == "posix" and path.exists():
        path.chmod(0o700 if path.is_dir() else 0o600)


# --- which database ---------------------------------------------------------------------------------


def resolve_url(data_dir: Path, url: str | None = None) -> str:
    """The URL given, else HRDESK_DATABASE_URL, else SQLite in the data folder (the default)."""
    url = url or os.environ.get(ENV_DATABASE_URL) or ""
    return url.strip() or f"sqlite:///{database_path(data_dir)}"


def is_postgresql(url: str | URL) -> bool:
    return make_url(str(url) if isinstance(url, str) else url).get_backend_name() == "postgresql"


def keyring_account(url: URL) -> str:
    """The account name the password is kept under in the system keyring: user@host:port/database."""
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def engine_url(url: str) -> URL:
    """A URL as users write it (`postgresql://user@host:5432/db`, `postgres://…`) with the driver
    chosen (psycopg 3) and the password filled in from the system keyring when the URL has none.
    Without a keyring entry libpq's own sources still apply (PGPASSWORD, ~/.pgpass)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreUnavailable(
            f"数据库地址无法识别：{_redacted(url)}（格式如 postgresql://用户名@服务器:5432/数据库名）"
        ) from None
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif parsed.get_backend_name() not in ("postgresql", "sqlite"):
        raise StoreUnavailable(f"不支持的数据库：{parsed.get_backend_name()}（可用 PostgreSQL 或 SQLite）")
    if parsed.get_backend_name() == "postgresql" and parsed.username and parsed.password is None:
        password = keyring_password(parsed)
        if password:
            parsed = parsed.set(password=password)
    return parsed


def keyring_password(url: URL) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except Exception:  # no keyring backend on this machine: libpq's own sources still apply
        return None


def set_keyring_password(url: str, password: str) -> None:
    """Keep the database password in the system keyring (Settings); never in a file."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, keyring_account(make_url(url)), password)


def _redacted(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(?)"


def describe(engine: Engine) -> str:
    """The database for messages: the SQLite file, or user@host:port/db (never the password)."""
    if engine.url.get_backend_name() == "sqlite":
        return str(engine.url.database)
    return keyring_account(engine.url)


# Every PostgreSQL session a desk opens (milliseconds). A stalled server, a pulled cable or a desk
# that hangs in a transaction must end in an error the window can show within seconds, never in a
# save (and every write queued behind it) waiting for ever:
#   statement_timeout   no single statement of daily work runs this long (the 10,000-person list
#                       reads in well under a second); migrations, backups and restores lift it;
#   lock_timeout        a save waiting for a row another desk holds gives up instead of queueing;
#   idle_in_transaction_session_timeout   a desk that stopped half-way (frozen, suspended laptop)
#                       releases its locks for the others;
#   TCP keepalives and tcp_user_timeout   a server that vanished is noticed on an idle or busy
#                       connection in about 20 s, not after the operating system's two hours.
STATEMENT_TIMEOUT_MS = 60_000
LOCK_TIMEOUT_MS = 10_000
IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 2}
TCP_USER_TIMEOUT_MS = 20_000
CONNECT_TIMEOUT_S = 10


def session_options(url: URL) -> str:
    """libpq `options` for a desk's session: the URL's own (a schema's search_path) and the timeouts."""
    own = url.query.get("options", "")
    own = own if isinstance(own, str) else " ".join(own)
    timeouts = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS} "
        f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT_MS}"
    )
    return f"{own} {timeouts}".strip()


def make_engine(url: str | URL) -> Engine:
    url = engine_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "postgresql":
        # pool_pre_ping: a desk left open overnight gets a fresh connection after the server restarted.
        # application_name: the operator sees which sessions are hrdesk desks (pg_stat_activity).
        return create_engine(
            url,
            pool_pre_ping=True,
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": "hrdesk",
                "options": session_options(url),
                "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
                **KEEPALIVE,
            },
        )
    engine = create_engine(url, connect_args={"check_same_thread": False})

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
        # refresh. Transactions here are short (the refresh commits in small batches). A long read
        # (a backup: `read_only(conn)`) takes no write lock, so saves go on meanwhile.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")

    return engine


# Engines opened by Records, by data folder: the rules' settings (wage figures, holidays, policy
# settings) are read from the database the data folder is working on (services/check.py).
_open_engines: weakref.WeakValueDictionary[Path, Engine] = weakref.WeakValueDictionary()


_file_checks: dict[Path, FileCheck] = {}


def material_file_check(data_dir: Path) -> FileCheck | None:
    """What the last start's file check found for this data folder (None: not checked in this process)."""
    return _file_checks.get(data_dir.resolve())


def register_engine(data_dir: Path, engine: Engine) -> None:
    _open_engines[data_dir.resolve()] = engine


def registered_engine(data_dir: Path) -> Engine | None:
    return _open_engines.get(data_dir.resolve())


def open_database(
    data_dir: Path, url: str | None = None, lock: bool = True, migrate_schema: bool = True
) -> tuple[Engine, InstanceLock | None]:
    """Lock the data folder (when writing), connect, migrate (backed up first); raise StoreUnavailable
    with a message for the user when any of it cannot be done. Nothing is written before the schema
    check passes."""
    data_dir.mkdir(parents=True, exist_ok=True)
    _owner_only(data_dir)
    instance_lock = None
    if lock:
        instance_lock = InstanceLock(data_dir)
        instance_lock.acquire()
    try:
        engine = make_engine(resolve_url(data_dir, url))
        if migrate_schema:
            migrate(engine, data_dir)
            # Every start: every material has its file (repaired from this desk's cache where it
            # can be); the window and the command line show `material_file_check(data_dir)`.
            _file_checks[data_dir.resolve()] = check_material_files(engine, data_dir / "vault")
        _owner_only(database_path(data_dir))
        register_engine(data_dir, engine)
    except BaseException:
        if instance_lock:
            instance_lock.release()
        raise
    return engine, instance_lock


# --- migrations -------------------------------------------------------------------------------------


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_schema_known(revision: str | None, where: str) -> None:
    """A database migrated by a newer hrdesk: stop before writing anything (this desk's code would
    misread the newer tables)."""
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNew(
            f"这台电脑上的 hrdesk 版本比数据库旧，请先升级（{where} 的数据库结构为 {revision}，"
            f"本机的 hrdesk 只认识到 {head_revision()}）。"
        )


def connect(engine: Engine) -> Connection:
    """A connection, or DatabaseUnreachable saying which server and what to check."""
    try:
        return engine.connect()
    except OperationalError as exc:
        # The driver's text can carry the user name and host; the class name is enough in logs.
        raise DatabaseUnreachable(
            f"无法连接数据库 {describe(engine)}（{type(exc.orig).__name__}）。请检查服务器是否开启、"
            "地址、用户名和密码（密码保存在系统钥匙串中：设置 → 数据库）。"
        ) from None


def reachable(engine: Engine, timeout_s: int = 3) -> bool:
    """Does the server answer now? A fresh connection (not one from the pool, whose socket may be
    stuck on a stalled server) with a short connect timeout; SQLite: always."""
    if engine.url.get_backend_name() != "postgresql":
        return True
    from sqlalchemy.pool import NullPool

    probe = create_engine(
        engine.url,
        poolclass=NullPool,
        connect_args={
            "connect_timeout": timeout_s,
            "options": f"-c statement_timeout={timeout_s * 1000}",
            "application_name": "hrdesk-probe",
        },
    )
    try:
        with probe.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return True
    except OperationalError:
        return False
    finally:
        probe.dispose()


# --- roles -------------------------------------------------------------------------------------------
# Two PostgreSQL accounts (docs/SHARED-DATABASE.md): the owner, which owns the schema and its tables
# (first start, upgrades, restores), and a desk account for daily work (SELECT, INSERT, UPDATE, DELETE
# on the tables, USAGE on the sequences). What a desk account cannot do is refused up front, saying
# which account it takes, instead of failing half-way with the driver's "permission denied".

OWNER_ACTIONS = {
    "first-start": "第一次启动（在空数据库中建表）",
    "upgrade": "升级数据库结构",
    "restore": "恢复备份",
}


def is_owner(conn: Connection) -> bool:
    """Can this account do what the owner does here: create tables in the schema and (when there
    are tables) own them? SQLite: always."""
    if conn.dialect.name != "postgresql":
        return True
    row = conn.exec_driver_sql(
        "SELECT has_schema_privilege(current_schema(), 'CREATE'),"
        " (SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE'))"
        "    FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
        "     AND c.relkind = 'r')"
    ).one()
    return bool(row[0]) and row[1] is not False


def require_owner(conn: Connection, action: str) -> None:
    """NeedsOwnerRole naming the action and the account, when this account is a desk account."""
    if is_owner(conn):
        return
    user = conn.exec_driver_sql("SELECT current_user").scalar()
    what = OWNER_ACTIONS[action]
    raise NeedsOwnerRole(
        f"{what}需要数据库所有者账户（owner role）。当前账户 {user} 只有日常工作的读写权限。"
        "请用所有者账户做这一步（例如 --database-url postgresql://所有者@服务器/数据库），"
        "之后各台电脑继续用日常账户。"
    )


class migration_lock:
    """Serialise migrations and restores across desks: a PostgreSQL session advisory lock held on
    `conn` (released by the server if the desk dies). SQLite needs none: its write lock covers it."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.pg = conn.dialect.name == "postgresql"

    def __enter__(self) -> Connection:
        if self.pg:
            # A migration or restore may run for minutes, and waits for the other desks' upgrade.
            self.conn.exec_driver_sql("SET statement_timeout = 0; SET lock_timeout = 0")
            self.conn.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
            self.conn.commit()
        return self.conn

    def __exit__(self, *exc: object) -> None:
        if self.pg:
            if self.conn.in_transaction():
                self.conn.rollback()
            self.conn.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
            self.conn.exec_driver_sql("RESET statement_timeout; RESET lock_timeout")
            self.conn.commit()


def migrate(engine: Engine, data_dir: Path | None = None, target: str = "head") -> None:
    """Upgrade to `target`. An existing database is copied to `backups/` first; on PostgreSQL the
    desks take turns (advisory lock) and the second one finds nothing left to do."""
    with connect(engine) as conn, migration_lock(conn):
        current = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
        check_schema_known(current, describe(engine))
        goal = head_revision() if target == "head" else target
        if current == goal:
            if data_dir is not None and legacy.is_pending(data_dir) and _crossed(None, current or "", "0006"):
                _finish_legacy_import(conn, data_dir)  # an earlier start was killed before the end
            return
        require_owner(conn, "first-start" if current is None else "upgrade")
        conn.rollback()
        if current is not None:
            _safety_copy(engine, conn, current, data_dir)
        cfg = alembic_config()
        # A data folder from before 0006: its files and settings go in with the schema, in the same
        # transaction (a kill leaves either the old schema and folder or both moved in); the marker
        # written first makes the renames after the commit resumable.
        folder_import = data_dir is not None and _crossed(current, goal, "0006")
        if folder_import:
            legacy.mark_pending(data_dir)
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            if folder_import:
                legacy.import_data_folder(conn, data_dir)
        if folder_import:
            legacy.finish_data_folder_import(data_dir)


def _finish_legacy_import(conn: Connection, data_dir: Path) -> None:
    with conn.begin():
        legacy.import_data_folder(conn, data_dir)
    legacy.finish_data_folder_import(data_dir)


def _crossed(before: str | None, after: str, revision: str) -> bool:
    """Did an upgrade from `before` to `after` apply `revision`?"""
    if revision not in known_revisions():
        return False
    script = ScriptDirectory.from_config(alembic_config())

    def lineage(rev: str | None) -> set[str]:
        return {s.revision for s in script.iterate_revisions(rev, "base")} if rev else set()

    return revision in lineage(after) and revision not in lineage(before)


def _safety_copy(engine: Engine, conn: Connection, current: str, data_dir: Path | None) -> None:
    # Before any desk (and its clock) exists: the copy is named for the moment it is made.
    moment = datetime.now()
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    if engine.url.get_backend_name() == "sqlite":
        db_file = Path(str(engine.url.database))
        folder = (data_dir or db_file.parent) / "backups"
        snapshot(db_file, folder / f"before-migration-{current}-{stamp}.sqlite")
        rotate(folder, "before-migration-*.sqlite", KEEP_SAFETY_COPIES)
        return
    if data_dir is None:
        return
    folder = data_dir / "backups"
    write_dump(conn, folder / f"before-migration-{current}-{stamp}.zip", created=moment)
    conn.rollback()
    rotate(folder, "before-migration-*.zip", KEEP_SAFETY_COPIES)


def rotate(folder: Path, pattern: str, keep: int) -> None:
    """Keep the newest `keep` files matching `pattern` (names sort by their time stamp)."""
    for old in sorted(folder.glob(pattern))[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)


def snapshot(db: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite database (online backup API: safe while the app writes)."""
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
        # Owner-only, like every file in the data folder.
        fh = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600), "a+b")
        if sys.platform != "win32":
            os.fchmod(fh.fileno(), 0o600)
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
            raise StoreLocked(self.path.parent) from None
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
