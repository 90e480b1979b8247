"""Roster import in two steps: `preview` reads the file and says, before anything is written, which
rows are new people, which change a known person (field by field), which change nothing, and which are
wrong and how to fix them; `apply` writes what the user confirmed.

One person, one record: rows are matched to stored employees by ID number. All-or-nothing stays the
default; `keep_good_rows=True` is the explicit choice to write the good rows and leave the bad ones (which
`write_bad_rows` saves as a workbook with an error column, ready to fix and import again). Writes go in
batches of a few hundred rows per transaction, so a save elsewhere never waits long; re-importing the
same file after a cancel completes it (known people come out unchanged).

The steps live beside this door: `sheet_rows.py` (a spreadsheet's rows and income sheets),
`matching.py` (rows against the stored employees), `json_profiles.py` (profile JSON), `writing.py`
(the batches written).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .json_profiles import preview_json
from .matching import classify
from .plan import (
    FieldChange,
    ImportPreview,
    ImportRejected,
    ImportResult,
    Notice,
    PreviewRow,
    RowIssue,
    message_text,
    roster_values,
    shown,
)
from .read import RosterReadError, read_file
from .sheet_rows import Progress, choose_table, drop_good_rows, read_income_sheets, read_roster
from .writing import BATCH_ROWS, Cancelled, ImportInterrupted, apply

if TYPE_CHECKING:
    from ..desks.desk import Desk

log = logging.getLogger(__name__)


def preview(
    desk: Desk,
    path: Path,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read and check the whole file against the stored employees; writes nothing."""
    out = ImportPreview(path)
    if path.suffix.lower() == ".json":
        return preview_json(desk, path, out)
    try:
        book = read_file(path)
    except RosterReadError as exc:
        out.file_errors.append(RowIssue("", 0, "", exc.problem.code, exc.problem.params))
        return out
    except Exception:  # whatever a hostile file does to a reader, the user gets a line, not a traceback
        log.exception("roster read failed: %s", path.suffix)
        out.file_errors.append(RowIssue("", 0, "", "roster.file-unreadable", {"file": path.name}))
        return out
    table = choose_table(book, sheet, out)
    if table is None:
        return out
    out._sheets = {s.name: s for s in book.sheets}
    parsed = read_roster(table, out, progress)
    incomes, income_issues = read_income_sheets(book, table)
    out.file_errors.extend(income_issues)
    classify(desk, table, parsed, incomes, out)
    drop_good_rows(table, out)
    if progress:
        progress(len(table.sheet.rows) - table.header_row - 1, len(table.sheet.rows) - table.header_row - 1)
    return out


def import_file(
    desk: Desk,
    path: Path,
    keep_good_rows: bool = False,
    sheet: str | None = None,
    today: date | None = None,
) -> ImportResult:
    """Preview and apply in one go (the CLI without --dry-run, and scripts)."""
    return apply(desk, preview(desk, path, sheet), keep_good_rows, today)


__all__ = [
    "BATCH_ROWS",
    "Cancelled",
    "FieldChange",
    "ImportInterrupted",
    "ImportPreview",
    "ImportRejected",
    "ImportResult",
    "Notice",
    "PreviewRow",
    "RowIssue",
    "apply",
    "import_file",
    "message_text",
    "shown",
    "preview",
    "roster_values",
]
