"""several desks on one database: versions, file contents, policy settings, per-user reminder state, change log

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-25

- `version` on employer, employee and material: a save names the version it read (store/versions.py).
- `blob`: the vault's file contents, by SHA-256 (the data folder's vault/ becomes a cache; existing
  files are copied in by store/legacy.py right after this migration, which knows the data folder).
- `policy_setting`: per-policy settings, formerly policy-settings.toml in each desk's data folder.
- `reminder_state` keyed by (desk_user, key).
- `change_log` filled by triggers on every table a desk shows, so other desks see changes.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None

# The list status columns are a cache refreshed daily by each desk: updating them is not a change
# another desk needs to hear about.
_EMPLOYEE_CACHE = {
    "status",
    "status_business",
    "next_deadline",
    "next_deadline_code",
    "status_on",
    "status_until",
    "urgency",
}

# table → (expression for employee_id, expression for employer_id); `r` is the row (NEW or OLD).
# Children, income records and the permit are written only with their employee row, whose version
# every save moves on (store/versions.py): the employee's entry covers them, at a third of the cost
# of logging each of their rows on a bulk import.
LOGGED = {
    "employee": ("r.id", "r.employer_id"),
    "employer": ("NULL", "r.id"),
    "agent": ("NULL", "r.employer_id"),
    "material": ("r.employee_id", "r.employer_id"),
    "application": ("r.employee_id", "NULL"),
    "applicationevent": ("(SELECT a.employee_id FROM application a WHERE a.id = r.application_id)", "NULL"),
    "wage_figure": ("NULL", "NULL"),
    "holiday_day": ("NULL", "NULL"),
    "policy_setting": ("NULL", "NULL"),
}


def _employee_columns() -> list[str]:
    cols = [c["name"] for c in sa.inspect(op.get_bind()).get_columns("employee")]
    return [c for c in cols if c not in _EMPLOYEE_CACHE]


def _create_triggers() -> None:
    bind = op.get_bind()
    for table, (employee, employer) in LOGGED.items():
        update = "UPDATE"
        if table == "employee":
            update = "UPDATE OF " + ", ".join(_employee_columns())
        if bind.dialect.name == "postgresql":
            op.execute(
                f"""
                CREATE OR REPLACE FUNCTION hrdesk_log_{table}() RETURNS trigger AS $$
                DECLARE r record;
                BEGIN
                    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
                    INSERT INTO change_log (entity, employee_id, employer_id)
                    VALUES ('{table}', {employee}, {employer});
                    RETURN NULL;
                END $$ LANGUAGE plpgsql"""
            )
            op.execute(
                f"CREATE TRIGGER trg_log_{table} AFTER INSERT OR {update} OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION hrdesk_log_{table}()"
            )
        else:
            for event, row in (("INSERT", "NEW"), (update, "NEW"), ("DELETE", "OLD")):
                name = f"trg_log_{table}_{event.split()[0].lower()}"
                values = f"'{table}', {employee}, {employer}".replace("r.", f"{row}.")
                op.execute(
                    f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN "
                    f"INSERT INTO change_log (entity, employee_id, employer_id) VALUES ({values}); END"
                )


def _drop_triggers() -> None:
    bind = op.get_bind()
    for table in LOGGED:
        if bind.dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS trg_log_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS hrdesk_log_{table}()")
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS trg_log_{table}_{event}")


def upgrade() -> None:
    for table in ("employer", "employee", "material"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.create_table(
        "blob",
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("added_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "policy_setting",
        sa.Column("policy_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("policy_id"),
    )
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_change_log_employee_id", "change_log", ["employee_id"])
    op.create_index("ix_change_log_entity_id", "change_log", ["entity", "id"])
    # reminder_state keyed by (desk_user, key): a new table, the old rows kept for user "".
    op.create_table(
        "reminder_state_new",
        sa.Column("desk_user", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("desk_user", "key"),
    )
    op.execute(
        "INSERT INTO reminder_state_new (desk_user, key, state, until, updated_at) "
        "SELECT '', key, state, until, updated_at FROM reminder_state"
    )
    op.drop_table("reminder_state")
    op.rename_table("reminder_state_new", "reminder_state")
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    op.create_table(
        "reminder_state_old",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.execute(
        "INSERT INTO reminder_state_old (key, state, until, updated_at) "
        "SELECT key, state, until, updated_at FROM reminder_state WHERE desk_user = ''"
    )
    op.drop_table("reminder_state")
    op.rename_table("reminder_state_old", "reminder_state")
    op.drop_index("ix_change_log_entity_id", table_name="change_log")
    op.drop_index("ix_change_log_employee_id", table_name="change_log")
    op.drop_table("change_log")
    op.drop_table("policy_setting")
    op.drop_table("blob")
    for table in ("material", "employee", "employer"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
