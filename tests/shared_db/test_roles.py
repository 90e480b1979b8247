"""The owner account and the desk account on a shared PostgreSQL database: the desk account does the
daily work; first start, upgrade and restore with it are refused up front, saying which account each
one takes — through the command line, without a traceback."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest

from hrdesk.cli import main
from hrdesk.desks.desk import Desk
from hrdesk.store.errors import NeedsOwnerRole
from tests.conftest import drop_postgres_schema, fresh_postgres_schema
from tests.shared_db import desk_work


def _with_user(url: str, user: str, password: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{user}:{password}@{rest.split('@', 1)[1]}"


@pytest.fixture
def desk_role(postgres_server: str):
    """A login role with the daily-work grants the docs give (rows, not tables)."""
    name, password = f"desk_{uuid.uuid4().hex[:10]}", uuid.uuid4().hex
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
    yield name, password
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP OWNED BY {name}")
        conn.execute(f"DROP ROLE {name}")


def _grant_daily_work(server: str, schema: str, role: str) -> None:
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}")
        conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}")


def test_desk_account_works_daily_but_restore_and_first_start_name_the_owner_account(
    tmp_path: Path, postgres_server: str, desk_role: tuple[str, str], capsys: pytest.CaptureFixture
):
    role, password = desk_role
    schema, owner_url = fresh_postgres_schema(postgres_server)
    empty_schema, empty_owner_url = fresh_postgres_schema(postgres_server)
    try:
        with Desk.open(tmp_path / "owner", owner_url) as owner:  # the owner's first start makes the tables
            employee_id = owner.employees.add_profile(desk_work.example_profile())
        backup = tmp_path / "backup.zip"
        assert (
            main(
                [
                    "--data-dir",
                    str(tmp_path / "owner"),
                    "--database-url",
                    owner_url,
                    "backup",
                    "-o",
                    str(backup),
                ]
            )
            == 0
        )
        _grant_daily_work(postgres_server, schema, role)
        desk_url = _with_user(owner_url, role, password)

        # Daily work with the desk account: open, read, save, add.
        with Desk.open(tmp_path / "desk", desk_url) as desk:
            version = desk.employees.employee(employee_id).version
            base = desk.employees.profile(employee_id)
            desk.employees.update_profile(employee_id, base, expected_version=version, base=base)
            desk.employees.add_profile(desk_work.person(7))
            assert len(desk.employees.summaries()) == 2

        # Restore with the desk account: refused before anything is touched, naming the owner account.
        capsys.readouterr()
        code = main(
            [
                "--data-dir",
                str(tmp_path / "desk"),
                "--database-url",
                desk_url,
                "restore",
                str(backup),
                "--yes",
            ]
        )
        out = capsys.readouterr()
        assert code != 0
        assert "恢复备份需要数据库所有者账户（owner role）" in out.out + out.err
        assert "Traceback" not in out.out + out.err
        with Desk.open(tmp_path / "owner", owner_url) as owner:
            assert len(owner.employees.summaries()) == 2  # nothing was dropped

        # First start on an empty database with the desk account (no CREATE on the schema).
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f"GRANT USAGE ON SCHEMA {empty_schema} TO {role}")
        empty_desk_url = _with_user(empty_owner_url, role, password)
        with pytest.raises(NeedsOwnerRole, match="第一次启动"):
            Desk.open(tmp_path / "first", empty_desk_url)
        capsys.readouterr()
        code = main(["--data-dir", str(tmp_path / "first2"), "--database-url", empty_desk_url, "list"])
        out = capsys.readouterr()
        assert code != 0 and "所有者账户（owner role）" in out.out + out.err
        assert "Traceback" not in out.out + out.err
    finally:
        drop_postgres_schema(postgres_server, schema)
        drop_postgres_schema(postgres_server, empty_schema)
