"""Store: loading the employee list with each one's status for 10,000 employees and 100,000 materials.

Run: uv run python benchmarks/bench_store.py   (target: list with status < 300 ms)
"""

from __future__ import annotations

import statistics
import time

from compile_first import compile_first  # noqa: E402

compile_first()  # bytecode first: where no .pyc is written, every import would compile (benchmarks/compile_first.py)

from fixtures import big_data_dir  # noqa: E402

from hrdesk.desks.desk import Desk  # noqa: E402


def main() -> None:
    folder = big_data_dir()
    with Desk.open(folder) as desk:
        times = []
        for _ in range(5):
            t = time.perf_counter()
            rows = desk.employees.summaries()
            times.append(time.perf_counter() - t)
        print(
            f"employee list with status: {len(rows)} rows in {statistics.median(times) * 1000:.0f} ms (median of 5)"
        )
        t = time.perf_counter()
        desk.employees.refresh_statuses()
        print(
            f"daily status recompute (all rules, all employees, background): {time.perf_counter() - t:.1f} s"
        )
        with desk.uow.engine.connect() as conn:
            n = conn.exec_driver_sql("SELECT count(*) FROM material").scalar()
    size = sum(p.stat().st_size for p in folder.glob("hrdesk.sqlite*"))
    print(f"database: {n} materials, {size / 1048576:.1f} MB")


if __name__ == "__main__":
    main()
