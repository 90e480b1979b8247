"""cached status holds until a date; urgency; every employee's deadlines stored with the status

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

The list status and the deadlines are a function of (profile, day). They are computed together by one
rules check and stored, with the earliest day on which any input changes (`status_until`): a new day
recomputes only the employees whose day has come, and the calendar, tray and CLI read one table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("employee") as batch_op:
        batch_op.add_column(sa.Column("status_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("urgency", sa.String(), nullable=True))
        batch_op.create_index("ix_employee_status_until", ["status_until"])
    op.create_table(
        "deadline_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "employee_id", sa.Integer(), sa.ForeignKey("employee.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("material", sa.String(), nullable=True),
        sa.Column("params", sa.JSON(), nullable=True),
    )
    op.create_index("ix_deadline_item_employee_id", "deadline_item", ["employee_id"])
    op.create_index("ix_deadline_item_day", "deadline_item", ["day"])
    # Every stored status is recomputed (with its deadlines) on the next start.
    op.execute("UPDATE employee SET status_on = NULL")


def downgrade() -> None:
    op.drop_index("ix_deadline_item_day", table_name="deadline_item")
    op.drop_index("ix_deadline_item_employee_id", table_name="deadline_item")
    op.drop_table("deadline_item")
    with op.batch_alter_table("employee") as batch_op:
        batch_op.drop_index("ix_employee_status_until")
        batch_op.drop_column("urgency")
        batch_op.drop_column("status_until")
