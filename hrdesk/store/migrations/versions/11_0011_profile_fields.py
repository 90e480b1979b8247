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
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("employee") as batch_op:
        batch_op.add_column(sa.Column("social_insurance_months", sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column("hukou_changed", sa.Boolean(), nullable=False, server_default=sa.text("false"))
        )
    with op.batch_alter_table("employer") as batch_op:
        batch_op.add_column(sa.Column("filing_notice_on", sa.Date(), nullable=True))
    with op.batch_alter_table("agent") as batch_op:
        batch_op.add_column(
            sa.Column("contract", sa.Boolean(), nullable=False, server_default=sa.text("true"))
        )
        batch_op.add_column(sa.Column("tax", sa.Boolean(), nullable=False, server_default=sa.text("true")))
    with op.batch_alter_table("permit") as batch_op:
        batch_op.add_column(sa.Column("unit_history", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("permit") as batch_op:
        batch_op.drop_column("unit_history")
    with op.batch_alter_table("agent") as batch_op:
        batch_op.drop_column("tax")
        batch_op.drop_column("contract")
    with op.batch_alter_table("employer") as batch_op:
        batch_op.drop_column("filing_notice_on")
    with op.batch_alter_table("employee") as batch_op:
        batch_op.drop_column("hukou_changed")
        batch_op.drop_column("social_insurance_months")
