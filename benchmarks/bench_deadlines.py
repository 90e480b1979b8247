"""Deadline calendar: all deadlines and due reminders for 10,000 employees.

Run: uv run python benchmarks/bench_deadlines.py   (target < 200 ms for the computation; loading the
profiles from the database is measured apart)
"""

from __future__ import annotations

import time
from datetime import datetime

from compile_first import compile_first  # noqa: E402

compile_first()  # bytecode first: where no .pyc is written, every import would compile (benchmarks/compile_first.py)

from fixtures import big_data_dir  # noqa: E402

from hrdesk.services.check import policies, work_calendar  # noqa: E402
from hrdesk.services.deadlines import all_deadlines  # noqa: E402
from hrdesk.services.records import Records  # noqa: E402
from hrdesk.services.reminders import due_reminders  # noqa: E402


def main() -> None:
    folder = big_data_dir()
    with Records.open(folder) as records:
        t = time.perf_counter()
        profiles = records.profiles()
        load = time.perf_counter() - t
    ps, cal = policies(folder), work_calendar(folder)
    all_deadlines(list(profiles.items())[:10], ps, cal)  # warm the imports
    t = time.perf_counter()
    items = all_deadlines(profiles.items(), ps, cal)
    due = due_reminders(items, {}, datetime(2026, 11, 24, 9))
    compute = time.perf_counter() - t
    print(f"loading {len(profiles)} profiles from the database: {load * 1000:.0f} ms")
    print(f"deadlines + due reminders: {len(items)} deadlines, {len(due)} due, {compute * 1000:.0f} ms")


if __name__ == "__main__":
    main()
