"""Bulk reads that leave the window responsive: the cyclic garbage collector paused around them, and
rows fetched in parts.

Building thousands of small objects (profiles, check results, deadlines) triggers generation-2
collections that walk the whole heap while holding the GIL: in a worker thread that is a stall of the
window. The objects built here form no cycles, so the collector has nothing to find in them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic collection while thousands of rows are read. `freeze` (the whole list or all the
    deadlines, read a few times a session): what was read is then kept out of the collector's passes
    (`gc.freeze`; plain rows are freed by their reference counts all the same). Re-enabled as it was,
    the collector's next pass walked every object made meanwhile, 10 ms with the interpreter lock held
    (the window stood still), and again at each older generation. Not for the small reads of every save:
    a freeze also keeps whatever cyclic garbage is about from ever being collected."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def fetch_in_parts(conn: Any, stmt: Any, size: int = 1000) -> list[Any]:
    """All rows of `stmt`, fetched a few thousand at a time. The database driver's row processing
    holds the GIL for a whole fetch: 175,000 deadlines at once would freeze the window for a moment,
    a thousand at a time (a few milliseconds each) lets it paint in between."""
    rows: list[Any] = []
    for part in conn.execute(stmt).partitions(size):
        rows.extend(part)
    return rows


LIST_COLUMNS = """SELECT e.id, e.name, e.id_number, u.name, u.district, e.status, e.next_deadline,
       e.next_deadline_code, e.urgency
  FROM employee e JOIN employer u ON u.id = e.employer_id ORDER BY e.id"""


def sqlite_list_rows(path: Path) -> list[tuple[Any, ...]] | None:
    """The list's rows (id, name, ID number, unit, district, status, next deadline as ISO text, its
    code, urgency) straight from a SQLite data folder with the standard library, read-only: a listing for a
    script is a few milliseconds of SQL after a second of importing the database layers. None when
    the folder needs the full path: no database yet, or a schema this code has not migrated to its
    newest revision (the full open upgrades it or refuses a newer one)."""
    import sqlite3

    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if [tuple(v) for v in version] != [(_newest_revision(),)]:
            return None
        return conn.execute(LIST_COLUMNS).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _newest_revision() -> str:
    """The revision of the last migration file (`NN_REVISION_what.py`, numbered in applied order)."""
    files = sorted(
        (p.name for p in (Path(__file__).parent / "migrations" / "versions").glob("[0-9]*_*.py")),
        key=lambda name: int(name.split("_", 1)[0]),
    )
    return files[-1].split("_", 2)[1] if files else ""


class Income(NamedTuple):
    kind: str
    period: str
    amount_cny: float


def income_rows(conn: Any, employee_ids: list[int] | None) -> Iterator[tuple[int, Income]]:
    """(employee id, income) for these employees (None: everyone) through the driver's own cursor:
    forty months a person make income the largest table a profile reads, and a result row object per
    month cost more than the rest of the profile."""
    from .models import IncomeRecord

    sql = f"SELECT employee_id, kind, period, amount_cny FROM {IncomeRecord.__tablename__}"
    if employee_ids is not None:
        if not employee_ids:
            return
        # Integers from the database itself, never text a person typed: written into the statement.
        sql += f" WHERE employee_id IN ({','.join(str(int(i)) for i in employee_ids)})"
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        while part := cursor.fetchmany(20000):
            for employee_id, kind, period, amount in part:
                yield employee_id, Income(kind, period, amount)
    finally:
        cursor.close()
