"""Moving a data folder written by hrdesk before migration 0006 into the database: vault files become
`blob` rows, and the TOML copies of wage figures, holiday data and policy settings are read in and
renamed `*.imported` (the database is the one source of truth from then on).

The import cannot half-finish (a kill -9 during the upgrade lost scans and the wage figure): the rows
go in inside the migration's own transaction (`import_data_folder(conn, …)`), so the schema reaches
0006 together with them or not at all. Renaming the TOML files comes after the commit; a marker file
(`legacy-import.pending`, written before the commit) makes that step resumable: a start that finds
the marker runs the (idempotent) import again and finishes, and only then removes the marker.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from ..fileio import atomic_write_bytes
from ..paths import policy_overrides_file, user_holidays_file, user_wages_file
from ..rules.policy import parse_wage_figures
from . import models as m
from .vault import insert_blob, is_sha256

PENDING = "legacy-import.pending"


def pending_marker(data_dir: Path) -> Path:
    return data_dir / PENDING


def mark_pending(data_dir: Path) -> None:
    """Written (and synced) before the migration commits: whoever starts next finishes the import."""
    atomic_write_bytes(pending_marker(data_dir), b"hrdesk: data folder import not finished\n", mode=0o600)


def is_pending(data_dir: Path) -> bool:
    return pending_marker(data_dir).exists()


def import_data_folder(conn: Connection, data_dir: Path) -> int:
    """Copy the data folder's vault files and settings files into the database, inside the caller's
    transaction. Idempotent: what the database already holds is left alone. Returns files added."""
    known = set(conn.execute(select(m.Blob.sha256)).scalars())
    added = 0
    for path in sorted((data_dir / "vault").glob("??/*.pdf")):
        if path.stem in known or not is_sha256(path.stem):
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() == path.stem:  # a damaged cache file is not imported
            conn.execute(insert_blob(conn.dialect.name, path.stem, data))
            known.add(path.stem)
            added += 1
    wages = _read(user_wages_file(data_dir))
    have = set(conn.execute(select(m.WageFigureRow.year)).scalars())
    # Read as the rules read a wages table (the multiples' default rounding is theirs, in one place).
    for figure in parse_wage_figures(wages.get("figure", []), user_wages_file(data_dir).name):
        if figure.year in have:
            continue
        conn.execute(
            m.WageFigureRow.__table__.insert().values(
                year=figure.year,
                monthly=figure.monthly,
                x1_2=figure.x1_2,
                x3=figure.x3,
                x6=figure.x6,
                effective_on=figure.effective_on,
                source=figure.source,
            )
        )
    days = set(conn.execute(select(m.HolidayDay.day)).scalars())
    for year, table in _read(user_holidays_file(data_dir)).items():
        for kind, name in (("holiday", "holidays"), ("workday", "workdays")):
            for value in table.get(name, []):
                day = value if isinstance(value, date) else date.fromisoformat(str(value))
                if day not in days and str(day.year) == year:
                    conn.execute(m.HolidayDay.__table__.insert().values(day=day, kind=kind))
                    days.add(day)
    settings = set(conn.execute(select(m.PolicySetting.policy_id)).scalars())
    for policy_id, data in _read(policy_overrides_file(data_dir)).items():
        if policy_id not in settings and isinstance(data, dict):
            conn.execute(
                m.PolicySetting.__table__.insert().values(
                    policy_id=policy_id, data=data, updated_at=m.utcnow()
                )
            )
    return added


def finish_data_folder_import(data_dir: Path) -> None:
    """After the commit: the settings files are renamed (the database holds them now), then the marker
    goes. A kill in between leaves the marker, and the next start does this again."""
    for path in (user_wages_file(data_dir), user_holidays_file(data_dir), policy_overrides_file(data_dir)):
        if path.exists():
            path.replace(path.with_name(path.name + ".imported"))
    _sync_folder(data_dir)
    pending_marker(data_dir).unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the renames durable before the marker that guards them goes (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # Left in place (not renamed) for the user to look at; the database keeps what it had.
        return {}
