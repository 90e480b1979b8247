"""Moving a data folder written by hrdesk before migration 0006 into the database: vault files become
`blob` rows, and the TOML copies of wage figures, holiday data and policy settings are read in and
renamed `*.imported` (the database is the one source of truth from then on). Runs once, right after the
migration, because only the desk that migrates knows which data folder it has."""

from __future__ import annotations

import hashlib
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from ..paths import policy_overrides_file, user_holidays_file, user_wages_file
from . import models as m
from .vault import Vault


def import_data_folder(engine: Engine, data_dir: Path) -> None:
    vault = Vault(data_dir / "vault", engine)
    known = vault.hashes()
    for path in sorted((data_dir / "vault").glob("??/*.pdf")):
        if path.stem in known:
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() == path.stem:  # a damaged cache file is not imported
            vault.put(path.stem, data)
    with engine.begin() as conn:
        wages = _read(user_wages_file(data_dir))
        have = set(conn.execute(select(m.WageFigureRow.year)).scalars())
        for row in wages.get("figure", []):
            if int(row["year"]) in have:
                continue
            monthly = int(row["monthly"])
            conn.execute(
                m.WageFigureRow.__table__.insert().values(
                    year=int(row["year"]),
                    monthly=monthly,
                    x1_2=int(row.get("x1_2", round(monthly * 1.2))),
                    x3=int(row.get("x3", monthly * 3)),
                    x6=int(row.get("x6", monthly * 6)),
                    effective_on=row.get("effective_on"),
                    source=str(row.get("source", "")),
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
    for path in (user_wages_file(data_dir), user_holidays_file(data_dir), policy_overrides_file(data_dir)):
        if path.exists():
            path.replace(path.with_name(path.name + ".imported"))


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # Left in place (not renamed) for the user to look at; the database keeps what it had.
        return {}
