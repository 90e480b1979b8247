"""one employee per ID number: a unique index on employee.id_number

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

A database from before this revision may already hold the same person twice (a roster imported twice
gave every employee twice). Failing the migration would lock the user out of the app, and merging two
records automatically could throw away facts only one of them has. So the index is created only when
there are no duplicates; otherwise the migration logs how many ID numbers are affected (never the
numbers) and leaves the index for later: `services.roster_store.duplicate_id_numbers` lists them, the
import preview reports them for the user to merge, refuses rows for those people, and
`ensure_unique_index` creates the index as soon as none are left. Blank ID numbers are left out of the
index (a partial index, the same on SQLite and PostgreSQL).
"""

import logging

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)
INDEX = "ux_employee_id_number"


def upgrade() -> None:
    bind = op.get_bind()
    duplicates = bind.execute(
        sa.text(
            "SELECT COUNT(*) FROM (SELECT id_number FROM employee WHERE id_number <> ''"
            " GROUP BY id_number HAVING COUNT(*) > 1) AS d"
        )
    ).scalar()
    if duplicates:
        log.warning(
            "migration 0004: %d ID numbers are held by more than one employee; the unique index waits"
            " until they are merged",
            duplicates,
        )
        return
    op.create_index(
        INDEX,
        "employee",
        ["id_number"],
        unique=True,
        sqlite_where=sa.text("id_number <> ''"),
        postgresql_where=sa.text("id_number <> ''"),
    )


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
