"""Alembic environment: run against the connection hrdesk hands over (no alembic.ini needed).

Migration files are named `NN_REVISION_what.py`: NN is the order they are applied in, REVISION the id
stored in users' databases (never changed). The chain is 0001 → 0002 → 0003 → 0004 → 0006 → 0005 → 0007 → 0009 → 0011
(0006 was written before 0005 landed); the file names read in that order
(tests/store/test_migration_chain.py checks it and compares the schema at head with the models)."""

from alembic import context
from sqlmodel import SQLModel

from hrdesk.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("hrdesk migrations run through hrdesk.store.db.migrate()")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
