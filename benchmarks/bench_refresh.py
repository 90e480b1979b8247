"""The status refresh after a big import or on the first of a month (every status to compute): the
per-person cost of each part on one core, then the whole refresh as the app runs it (worker processes
on every core). Data: a data folder imported by `bench_import.py --json` or any folder given.

Run: uv run python benchmarks/bench_refresh.py DATA_DIR [--on 2026-12-07]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from hrdesk.desks.desk import Desk

    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--on", type=date.fromisoformat, default=date(2026, 12, 7))
    parser.add_argument("--sample", type=int, default=1000)
    args = parser.parse_args()
    with Desk.open(args.data, lock=False) as desk:
        ids = desk.employees.employee_ids()
        sample = ids[: args.sample]
        print(f"{len(ids)} employees; load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        cpu, t = time.process_time(), time.perf_counter()
        profiles = desk.employees.profiles(sample)
        load = time.process_time() - cpu
        cpu = time.process_time()
        computed = desk.employees.compute_batch(sample, args.on)
        compute = time.process_time() - cpu - load  # compute_batch loads the profiles again
        cpu = time.process_time()
        desk.employees.store_statuses(computed)
        store = time.process_time() - cpu
        n = len(profiles)
        print(
            f"per person (CPU, one core): profile load {load / n * 1000:.2f} ms, rules and horizon "
            f"{compute / n * 1000:.2f} ms, store {store / n * 1000:.2f} ms"
        )
        t = time.perf_counter()
        desk.employees.refresh_statuses(on=args.on)
        print(f"whole refresh of {len(ids)} (worker processes): {time.perf_counter() - t:.1f} s wall")


if __name__ == "__main__":
    main()
