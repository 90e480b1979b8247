"""Shared benchmark data: a data folder with N employees (and 10 materials each), built once and cached
under /tmp so repeated runs measure the app, not the set-up."""

from __future__ import annotations

import copy
import json
import os
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def big_data_dir(n: int = 10_000, materials_each: int = 10) -> Path:
    from sqlalchemy import insert

    from hrdesk.checks.check import policies
    from hrdesk.desks.desk import Desk
    from hrdesk.rosters.batch_store import insert_profiles
    from hrdesk.rules.idnumber import check_char
    from hrdesk.rules.profile import parse_profile
    from hrdesk.store import models as m

    # HRDESK_BENCH_CACHE keeps one engineer's cached folders apart from another's on a shared machine.
    folder = Path(os.environ.get("HRDESK_BENCH_CACHE", "/tmp")) / f"hrdesk-bench-{n}"
    if (folder / "ready").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    base = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    ps = policies()
    kinds = [mm["kind"] for mm in base["materials"]]
    t0 = time.perf_counter()
    with Desk.open(folder) as desk:
        units: dict[str, int] = {}
        profiles, unit_ids = [], []
        for i in range(n):
            d = copy.deepcopy(base)
            d["employer"]["district"] = "changping" if i % 2 else "yanqing"
            d["employer"]["name"] = f"北京测试单位{i % 20:02d}有限公司"
            d["employer"]["credit_code"] = f"9111011{i % 20:02d}MA0BENCH{i % 20:02d}"
            # The area code and sequence number make every ID number unique (the store refuses a second
            # person with the same number); the birth date is random.
            birth = f"{rng.randint(1970, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            first17 = f"{110101 + i // 1000:06d}{birth}{i % 1000:03d}"
            d["employee"]["id_number"] = first17 + check_char(first17)
            d["employee"]["name"] = f"员工{i:05d}"
            if i % 3 == 0:
                d["employee"]["permit"] = {
                    "number": f"GZ{i}",
                    "issued_on": "2024-01-01",
                    "expires_on": f"{2026 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "status": "active",
                }
            d["materials"] = []
            profile = parse_profile(d, ps.districts, tuple(ps.materials))
            code = profile.employer.credit_code
            if code not in units:
                units[code] = desk.units.save_employer(profile.employer)
            profiles.append(profile)
            unit_ids.append(units[code])
        # The roster import's batch writer (one statement per table): 50,000 people in a minute, not an hour.
        for start in range(0, n, 2000):
            with desk.uow.session() as s:
                insert_profiles(desk, s, profiles[start : start + 2000], unit_ids[start : start + 2000])
        ids = desk.employees.employee_ids()
        rows = [
            {
                "employee_id": eid,
                "kind": kinds[j % len(kinds)],
                "sha256": None,
                "original_name": "scan.pdf",
                "pages": 2,
                "issued_on": date(2026, 11, 1),
                "valid_until": date(2028, 12, 31),
                "position": 0,
                "added_at": m.utcnow(),
            }
            for eid in ids
            for j in range(materials_each)
        ]
        with desk.uow.engine.begin() as conn:
            conn.execute(insert(m.Material), rows)
        desk.employees.refresh_statuses()
    (folder / "ready").write_text("ok")
    print(f"(built {n} employees, {len(rows)} materials in {time.perf_counter() - t0:.1f}s)")
    return folder
