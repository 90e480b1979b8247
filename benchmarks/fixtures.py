"""Shared benchmark data: a data folder with N employees (and 10 materials each), built once and cached
under /tmp so repeated runs measure the app, not the set-up."""

from __future__ import annotations

import copy
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def big_data_dir(n: int = 10_000, materials_each: int = 10) -> Path:
    from sqlalchemy import insert

    from hrdesk.checks.check import policies
    from hrdesk.desks.desk import Desk
    from hrdesk.rules.idnumber import check_char
    from hrdesk.rules.profile import parse_profile
    from hrdesk.store import models as m

    final = Path(f"/tmp/hrdesk-bench-{n}")
    if (final / "ready").exists():
        return final
    # Built beside the cache and renamed when complete: a run that was stopped half-way (or another run
    # building at the same time) never leaves a half-filled folder that a later run would take as ready.
    folder = Path(tempfile.mkdtemp(prefix=f"hrdesk-bench-{n}-building-", dir="/tmp"))
    rng = random.Random(1)
    base = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    ps = policies()
    kinds = [mm["kind"] for mm in base["materials"]]
    t0 = time.perf_counter()
    with Desk.open(folder) as desk:
        with desk.uow.session() as s:
            for i in range(n):
                d = copy.deepcopy(base)
                d["employer"]["district"] = "changping" if i % 2 else "yanqing"
                d["employer"]["name"] = f"北京测试单位{i % 20:02d}有限公司"
                d["employer"]["credit_code"] = f"9111011{i % 20:02d}MA0BENCH{i % 20:02d}"
                # ID numbers are unique per person: the area code and the sequence number together are `i`.
                birth = f"{rng.randint(1970, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                first17 = f"{110101 + i // 1000}{birth}{i % 1000:03d}"
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
                desk.employees.add_profile(parse_profile(d, ps.districts, tuple(ps.materials)), session=s)
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
    if (final / "ready").exists():  # another run finished first: use its folder
        shutil.rmtree(folder, ignore_errors=True)
        return final
    if final.exists():  # a half-built folder left by a stopped run
        shutil.rmtree(final, ignore_errors=True)
    folder.rename(final)
    return final
