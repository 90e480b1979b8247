"""trash for deleted employees (回收站): a snapshot per deleted employee, restorable until emptied

Revision ID: 0005
Revises: 0006
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trashed_employee",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False, server_default=""),
        sa.Column("id_masked", sa.String(), nullable=False, server_default=""),
        sa.Column("employer_name", sa.String(), nullable=False, server_default=""),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=True),
    )
    op.create_index("ix_trashed_employee_deleted_at", "trashed_employee", ["deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_trashed_employee_deleted_at", table_name="trashed_employee")
    op.drop_table("trashed_employee")
