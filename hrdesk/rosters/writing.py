"""Writing what the user confirmed in a preview: new people in batches of a few hundred rows per
transaction (a save elsewhere waits at most for one batch), changed people at the version the preview
read (a later save by anyone is a conflict, never overwritten), units created on first use.

Each batch's reads-then-writes go through `write` (the window hands in its one writer thread): the
window's saves queue between two batches instead of waiting on the database's lock."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.exc import DBAPIError

from ..rules.profile import Employer
from .batch_store import (
    StoredUnit,
    employees_by_id_number,
    ensure_unique_index,
    insert_profiles,
    stored_units,
)
from .matching import unit_of
from .plan import ImportPreview, ImportRejected, ImportResult, PreviewRow, RowIssue

if TYPE_CHECKING:
    from ..desks.desk import Desk

BATCH_ROWS = 500  # rows per transaction: a user's save elsewhere waits at most for one batch
Progress = Callable[[int, int], Any]  # (done, total); may raise to cancel
T = TypeVar("T")
Write = Callable[[Callable[[], T]], T]  # runs one batch's database work (where: the caller's choice)


def _here(fn: Callable[[], T]) -> T:
    """The command line writes on its own thread: nothing else writes in its process."""
    return fn()


log = logging.getLogger(__name__)


def apply(
    desk: Desk,
    plan: ImportPreview,
    keep_good_rows: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    write: Write | None = None,
) -> ImportResult:
    """Write the new and changed rows of a preview, against the preview: a person anyone saved (or
    deleted) since the preview read them, or a new person someone else added meanwhile, is a conflict
    (skipped and listed in `result.conflicts`), never overwritten. Unchanged rows are not written.
    Refuses (ImportRejected, nothing written) when the preview has errors, unless `keep_good_rows`;
    file-level errors always refuse. A database lost part-way raises ImportInterrupted with the count
    of rows stored: each batch is its own transaction, and the same file imported again finishes it.
    `write(fn)` runs each batch's database work: the window passes its writer thread, so a save made
    during a long import waits for one batch, not for the import."""
    errors = plan.errors
    if plan.file_errors or (errors and not keep_good_rows):
        raise ImportRejected(errors)
    if not plan.rows:
        raise ImportRejected([RowIssue("", 0, "", "roster.file-empty", {"file": plan.file.name})])
    write = write or _here
    write(lambda: ensure_unique_index(desk.uow.engine))
    result = ImportResult(
        unchanged=plan.count("unchanged") + plan.count("repeat"), skipped_rows=plan.count("error")
    )
    new_rows = [r for r in plan.rows if r.kind == "new"]
    changed_rows = [r for r in plan.rows if r.kind == "changed"]
    total = len(new_rows) + len(changed_rows)
    try:
        on = today or desk.clock.today()
        _apply_rows(desk, plan, result, new_rows, changed_rows, total, progress, on, write)
    except _Cancel:
        result.cancelled = True
    except DBAPIError as exc:
        # The server stopped or the connection dropped: what is committed stays (batch by batch), and
        # the same file imported again skips it as unchanged. Only the kind of fault is logged: the
        # driver's text quotes the statement, and with it people's names.
        log.warning(
            "roster import interrupted: %s", type(exc.orig).__name__ if exc.orig else type(exc).__name__
        )
        raise ImportInterrupted(len(result.new_ids) + len(result.updated_ids), total) from None
    if progress and not result.cancelled:
        progress(total, total)
    write(lambda: ensure_unique_index(desk.uow.engine))
    return result


def _apply_rows(
    desk: Desk,
    plan: ImportPreview,
    result: ImportResult,
    new_rows: list[PreviewRow],
    changed_rows: list[PreviewRow],
    total: int,
    progress: Progress | None,
    today: date,
    write: Write,
) -> None:
    from ..employees.service import ProfileChange

    done = 0
    units = stored_units(desk.uow.engine)
    from_json = plan.base_dir is not None  # profile JSON carries the unit's facts and material files
    for start in range(0, len(new_rows), BATCH_ROWS):
        batch = new_rows[start : start + BATCH_ROWS]
        if progress:
            progress(done, total)
        built = [(r, r.new_profile()) for r in batch]

        def store_new(built: list[tuple[PreviewRow, Any]] = built) -> tuple[list[PreviewRow], list[int]]:
            # Someone else may have added one of these people since the preview: theirs stays.
            taken = employees_by_id_number(desk.uow.engine, [p.employee.id_number for _, p in built])
            profiles = [p for _, p in built if p.employee.id_number not in taken]
            unit_ids = [unit_id_for(desk, units, p.employer, full=from_json) for p in profiles]
            with desk.uow.session() as s:
                # Their list statuses go in with them: the window's first start has nothing left to compute.
                ids = insert_profiles(desk, s, profiles, unit_ids, plan.base_dir, statuses_on=today)
            return [r for r, p in built if p.employee.id_number in taken], ids

        conflicts, ids = write(store_new)
        result.conflicts += conflicts
        result.new_ids += ids
        done += len(batch)
    # Changed people in batches too, each one transaction at the versions the preview read (a save by
    # anyone since refuses that row only), their statuses refreshed per batch.
    for start in range(0, len(changed_rows), BATCH_ROWS):
        batch = changed_rows[start : start + BATCH_ROWS]
        if progress:
            progress(done, total)

        def store_changed(batch: list[PreviewRow] = batch) -> tuple[list[int], list[int]]:
            changes = []
            for r in batch:
                assert r.profile is not None and r.employee_id is not None
                unit_id = unit_id_for(desk, units, r.profile.employer, full=from_json)
                changes.append(ProfileChange(r.employee_id, r.profile, unit_id, r.version))
            return desk.employees.update_profiles(changes)

        written, refused = write(store_changed)
        result.updated_ids += written
        result.conflicts += [batch[i] for i in refused]
        done += len(batch)


class ImportInterrupted(RuntimeError):
    """The database went away part-way through an import: `stored` of `total` rows were written."""

    def __init__(self, stored: int, total: int) -> None:
        super().__init__(f"import interrupted after {stored} of {total} rows")
        self.stored, self.total = stored, total


class _Cancel(Exception):
    """Raised by a progress callback to stop after the current batch (see `Cancelled`)."""


Cancelled = _Cancel


def unit_id_for(desk: Desk, units: list[StoredUnit], employer: Employer, full: bool = False) -> int:
    """The stored unit for a row (by credit code, then name), created on first use. `full`: a profile
    from JSON brings the unit's own facts for a new unit (a roster row only its name, code and district)."""
    values = {"credit_code": employer.credit_code, "employer_name": employer.name}
    unit = unit_of(values, units)
    if unit is None:
        # A new unit gets only what the file says of it, never another unit's facts.
        fresh = (
            employer
            if full
            else Employer(name=employer.name, credit_code=employer.credit_code, district=employer.district)
        )
        new_id = desk.units.save_employer(fresh)
        unit = StoredUnit(new_id, employer.name, employer.credit_code, employer.district)
        units.append(unit)
    return unit.id
