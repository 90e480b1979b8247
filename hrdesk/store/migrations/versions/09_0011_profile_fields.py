"""profile facts the rules read that the store did not keep

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-06

The guides' third reading gave the profile new facts: social insurance per month and a changed household
register (employee), the unit's filing call date (employer), who the unit is to its agents (agent), and
the units that held a permit (permit). Without these columns a stored employee was checked without them,
and the window's verdict differed from `hrdesk check` on the same JSON. Existing rows get the profile's
defaults: nothing recorded, the unit signs and withholds for its agents.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


_COLUMNS = (
    ("employee", sa.Column("social_insurance_months", sa.JSON(), nullable=True)),
    ("employee", sa.Column("hukou_changed", sa.Boolean(), nullable=False, server_default=sa.text("false"))),
    ("employer", sa.Column("filing_notice_on", sa.Date(), nullable=True)),
    ("agent", sa.Column("contract", sa.Boolean(), nullable=False, server_default=sa.text("true"))),
    ("agent", sa.Column("tax", sa.Boolean(), nullable=False, server_default=sa.text("true"))),
    ("permit", sa.Column("unit_history", sa.JSON(), nullable=True)),
)


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy: on SQLite a batch rebuilds the table, and dropping the old
    # `employee` with foreign keys on deletes every employee's children, income and permit (cascade).
    for table, column in _COLUMNS:
        op.add_column(table, column)


def downgrade() -> None:
    for table, column in reversed(_COLUMNS):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column.name}"')  # SQLite 3.35+, no rebuild
        else:
            op.drop_column(table, column.name)
