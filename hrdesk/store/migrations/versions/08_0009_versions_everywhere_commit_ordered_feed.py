"""a version on agents, applications, children and incomes; the writing transaction on each change

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-06

Several desks on one database: every write names the version it read (store/versions.py), so the
rows a desk edits on their own — an agent, an application, a child — carry a version like units,
employees and materials already do.

The change feed (desks/changes.py) must not skip an entry whose transaction commits after a
later-numbered one: on PostgreSQL each change-log entry records the id of the transaction that wrote
it (`pg_current_xact_id()`, 64 bits, never wraps), so a reader can tell which entries may still be
in flight (those of transactions at or after its snapshot's xmin) and read them again next time.
SQLite has one writer at a time: ids are handed out in commit order and need no transaction id.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None

VERSIONED = ("agent", "application", "child", "incomerecord")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("change_log", sa.Column("xid", sa.BigInteger(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        # A column default runs in the inserting transaction: the triggers of 0006 need no change.
        op.execute("ALTER TABLE change_log ALTER COLUMN xid SET DEFAULT (pg_current_xact_id()::text::bigint)")
    op.create_index("ix_change_log_xid", "change_log", ["xid"])


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch copy of the table would trip the change-log
    # triggers of 0006, which name these tables.
    op.drop_index("ix_change_log_xid", table_name="change_log")
    op.drop_column("change_log", "xid")
    for table in VERSIONED:
        op.drop_column(table, "version")
