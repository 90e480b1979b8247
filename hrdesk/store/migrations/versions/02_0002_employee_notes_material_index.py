"""employee notes; index for an employee's live materials

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("employee") as batch_op:
        batch_op.add_column(sa.Column("notes", sa.String(), nullable=False, server_default=""))
    op.create_index("ix_material_employee_live", "material", ["employee_id", "deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_material_employee_live", table_name="material")
    with op.batch_alter_table("employee") as batch_op:
        batch_op.drop_column("notes")
