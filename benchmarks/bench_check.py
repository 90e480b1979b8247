"""Checks per second: 10,000 generated profiles through the rules engine in one process.

Run: uv run python benchmarks/bench_check.py   (target ≥ 5,000 checks/s on a 2-core machine)
"""

from __future__ import annotations

import copy
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compile_first import compile_first  # noqa: E402

compile_first()  # bytecode first: where no .pyc is written, every import would compile (benchmarks/compile_first.py)

from hrdesk.checks.check import policies  # noqa: E402
from hrdesk.rules.engine import check  # noqa: E402
from hrdesk.rules.idnumber import check_char  # noqa: E402
from hrdesk.rules.profile import parse_profile  # noqa: E402
from hrdesk.rules.workdays import WorkCalendar  # noqa: E402

BUSINESSES = ["new", "renewal", "employer-change", "basic-change", "business-change"]


def generate(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    base = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        d = copy.deepcopy(base)
        d["employer"]["district"] = rng.choice(["changping", "yanqing"])
        first17 = (
            f"110108{rng.randint(1965, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{i % 1000:03d}"
        )
        d["employee"]["id_number"] = first17 + check_char(first17)
        d["employee"]["monthly_income_cny"] = {
            f"{y}-{m:02d}": rng.randint(4000, 40000) for y in (2024, 2025, 2026) for m in range(1, 13)
        }
        d["employee"]["housing"]["kind"] = rng.choice(["rented", "owned", "borrowed", "residence-permit"])
        d["employee"]["permit"] = {
            "number": "",
            "issued_on": "2023-12-01",
            "expires_on": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "status": "active",
        }
        out.append(d)
    return out


def main() -> None:
    ps = policies()
    calendar = WorkCalendar()
    raw = generate(10_000)
    t0 = time.perf_counter()
    profiles = [parse_profile(d, ps.districts, tuple(ps.materials)) for d in raw]
    t1 = time.perf_counter()
    on = date(2026, 11, 23)
    eligible = 0
    for i, p in enumerate(profiles):
        eligible += check(p, BUSINESSES[i % 5], on, ps, calendar).eligible
    t2 = time.perf_counter()
    n = len(profiles)
    print(f"parse: {n / (t1 - t0):,.0f} profiles/s")
    print(f"check: {n / (t2 - t1):,.0f} checks/s ({(t2 - t1) * 1000:.0f} ms for {n}; {eligible} eligible)")


if __name__ == "__main__":
    main()
