"""trash times with their time zone on PostgreSQL (the model's UTCDateTime, like every other time)

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-26

Migration 0005 created `trashed_employee.deleted_at` as a plain TIMESTAMP; the model (and every other
time column) is TIMESTAMP WITH TIME ZONE. Found by walking the chain on PostgreSQL and comparing the
schema with the models (tests/store/test_migration_chain.py). PostgreSQL reads the stored values in the
session's time zone, the one they were written in. SQLite has one kind of time: nothing to do.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "trashed_employee",
            "deleted_at",
            type_=sqlmodel.sql.sqltypes.UTCDateTime(),
            existing_type=sa.DateTime(),
            existing_nullable=False,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "trashed_employee",
            "deleted_at",
            type_=sa.DateTime(),
            existing_type=sqlmodel.sql.sqltypes.UTCDateTime(),
            existing_nullable=False,
        )
