"""Test set-up shared by every test: Qt runs offscreen, and every test gets its own data folder so
nothing touches the real user data (or another test's).

The `records` fixture runs a test on both engines: SQLite in the data folder, and a real PostgreSQL
server (HRDESK_TEST_POSTGRES_URL, default postgresql://hr@127.0.0.1:5432/hrdesk) with a fresh schema
per test. The PostgreSQL variants are skipped when no server answers, unless HRDESK_REQUIRE_PG is set
(as .ci/run does): then an unreachable server fails them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

if "faketime" in os.environ.get("LD_PRELOAD", ""):
    # The date-shift runs (the clock 3, 40 and 400 days ahead under libfaketime, PLATFORM-NOTES):
    # libfaketime 0.9.10 turns Python 3.11's time.sleep (clock_nanosleep with an absolute deadline)
    # into EINVAL, whatever the offset. select() waits the same time and is not faked; dates stay
    # shifted, which is what these runs test.
    import select
    import time

    time.sleep = lambda seconds: select.select([], [], [], max(0.0, seconds))  # type: ignore[assignment]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent

# The suite runs on every core (pytest-xdist, `-n auto` in pyproject.toml). A worker is its own process:
# its own QApplication (offscreen), its own temporary folders, its own PostgreSQL schemas (named at random
# per test). What must stay on one worker is what a test module or a folder builds once and shares: a
# module's tests go together (the app bundle is built once, a module-scoped demo once), and these folders
# go whole, because their session fixtures read the scan corpus with OCR (built once per worker).
ONE_WORKER_FOLDERS = {"inspection", "read"}
# The longest groups start first, so that no worker is left with a three-minute bundle build at the end
# while the other has finished.
LONG_GROUPS_FIRST = ("tests/packaging/test_bundle.py", "tests/inspection", "tests/read")


def _group(nodeid: str) -> str:
    """The test's module, or its folder when the folder shares session fixtures."""
    path = nodeid.split("::", 1)[0]
    parts = path.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 and parts[1] in ONE_WORKER_FOLDERS else path


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Whole groups to a worker (`_group`). The xdist_group mark would say the same, but pytest-xdist 3.8
    renames node ids in a way pytest 9.2 no longer sees, so the scheduler is told directly."""
    from xdist.scheduler import LoadScopeScheduling

    class ByGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _group(nodeid)

    return ByGroup(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    rank = {group: i for i, group in enumerate(LONG_GROUPS_FIRST)}
    items.sort(key=lambda item: rank.get(_group(item.nodeid), len(rank)))


def pytest_configure(config: pytest.Config) -> None:
    """Bytecode for the package and its dependencies before the first test. These machines set
    PYTHONDONTWRITEBYTECODE (PLATFORM-NOTES), so without it every process the suite starts (each test
    worker, each `hrdesk` command a test runs, each scan-reading child process) compiles SQLAlchemy,
    PyMuPDF, ReportLab and the rest from source again: about 3 s of CPU a process instead of 1 s.
    Compiled once here (every core; files already compiled are only looked at), by the controller,
    not by each worker."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    import compileall
    import site

    for folder in [ROOT / "hrdesk", ROOT / "tests", *map(Path, site.getsitepackages())]:
        if folder.is_dir():
            compileall.compile_dir(folder, quiet=2, workers=0)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "hrdesk-data"
    monkeypatch.setenv("HRDESK_DATA_DIR", str(folder))
    # Never the operator's shared database; and a `--database-url` a test passed to the CLI (which sets
    # the variable for its process) is gone after the test (setenv first, so teardown restores).
    monkeypatch.setenv("HRDESK_DATABASE_URL", "")
    monkeypatch.delenv("HRDESK_DATABASE_URL")
    return folder


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


@pytest.fixture
def examples_dir() -> Path:
    return ROOT / "examples"


@pytest.fixture
def settings_dir(tmp_path: Path, qapp) -> Path:
    """Qt preferences in a temporary folder, never the user's."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("hrdesk-tests")
    QCoreApplication.setApplicationName("hrdesk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return tmp_path / "settings"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The PostgreSQL server URL for tests (its own database: each test makes a schema in it)."""
    url = os.environ.get("HRDESK_TEST_POSTGRES_URL", "postgresql://hr@127.0.0.1:5432/hrdesk")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception as exc:
        if os.environ.get("HRDESK_REQUIRE_PG"):
            pytest.fail(
                f"HRDESK_REQUIRE_PG is set but PostgreSQL at {url} is unreachable: {type(exc).__name__}"
            )
        pytest.skip(f"no PostgreSQL server at {url}")
    return url


def fresh_postgres_schema(server: str) -> tuple[str, str]:
    """A new empty schema on the test server and the URL that works in it: a fresh database for
    hrdesk's purposes, made in milliseconds (CREATE DATABASE takes much longer)."""
    import uuid

    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    return schema, f"{server}{sep}options=-csearch_path%3D{schema}"


def drop_postgres_schema(server: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest):
    """None (SQLite in the data folder) or the URL of a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield None
        return
    server = request.getfixturevalue("postgres_server")
    schema, url = fresh_postgres_schema(server)
    yield url
    drop_postgres_schema(server, schema)


@pytest.fixture
def desk(data_dir: Path, database_url: str | None):
    from hrdesk.desks.desk import Desk

    with Desk.open(data_dir, database_url) as r:
        yield r
