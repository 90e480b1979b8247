"""The migration chain, walked from an empty database to head on SQLite and on PostgreSQL, gives
exactly the schema the models describe (tables, columns, types, indexes: alembic's compare_metadata);
and the migration files read in the order they are applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

from hrdesk.store import models  # noqa: F401  (the tables on SQLModel.metadata)
from hrdesk.store.db import MIGRATIONS, alembic_config, current_revision, head_revision, make_engine, migrate

from ..conftest import drop_postgres_schema, fresh_postgres_schema


def _chain() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [s.revision for s in reversed(list(script.walk_revisions("base", "heads")))]


def test_file_names_read_in_the_order_applied():
    script = ScriptDirectory.from_config(alembic_config())
    files = sorted(p.name for p in (MIGRATIONS / "versions").glob("*.py"))
    by_file = {Path(script.get_revision(rev).path).name: rev for rev in _chain()}
    assert [by_file[name] for name in files] == _chain()
    assert _chain() == [
        "0001",
        "0002",
        "0003",
        "0004",
        "0006",
        "0005",
        "0007",
        "0009",
        "0011",
    ]  # ids in databases never change
    for name in files:
        order, revision, _rest = name.split("_", 2)
        assert by_file[name] == revision and int(order) == _chain().index(revision) + 1


def _differences(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        for step in _chain():  # one revision at a time: each step must run on its own
            migrate(engine, target=step)
            assert current_revision(engine) == step
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = [repr(d) for d in compare_metadata(context, SQLModel.metadata)]
            tables = set(inspect(conn).get_table_names())
        assert set(SQLModel.metadata.tables) <= tables
        return diffs
    finally:
        engine.dispose()


def test_chain_gives_the_models_schema_on_sqlite(tmp_path: Path):
    assert _differences(f"sqlite:///{tmp_path / 'walk.sqlite'}") == []


def test_chain_gives_the_models_schema_on_postgresql(postgres_server: str):
    schema, url = fresh_postgres_schema(postgres_server)
    try:
        assert _differences(url) == []
    finally:
        drop_postgres_schema(postgres_server, schema)


@pytest.mark.parametrize("start", ["0001", "0003", "0004", "0006"])
def test_chain_from_each_older_revision_ends_at_the_models_schema(tmp_path: Path, start: str):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    try:
        migrate(engine, target=start)
        migrate(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert [repr(d) for d in compare_metadata(context, SQLModel.metadata)] == []
    finally:
        engine.dispose()
