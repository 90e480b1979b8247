"""Deadlines the way the window gets them: the stored deadlines of 10,000 employees read back with one
query, then the due reminders — the path the calendar and the tray take (not a pure function apart).

Run: uv run python benchmarks/bench_deadlines.py   (target < 1 s on a worker thread)
"""

from __future__ import annotations

import time
from datetime import datetime

from compile_first import compile_first  # noqa: E402

compile_first()  # bytecode first: where no .pyc is written, every import would compile (benchmarks/compile_first.py)

from fixtures import big_data_dir  # noqa: E402

from hrdesk.deadlines.reminders import due_reminders  # noqa: E402
from hrdesk.deadlines.stored import stored_deadlines  # noqa: E402
from hrdesk.desks.desk import Desk  # noqa: E402


def main() -> None:
    folder = big_data_dir()
    with Desk.open(folder) as desk:
        stored_deadlines(desk, ids=[1])  # warm the imports
        t = time.perf_counter()
        items = stored_deadlines(desk)
        load = time.perf_counter() - t
        t = time.perf_counter()
        due = due_reminders(items, {}, datetime.now())
        compute = time.perf_counter() - t
    print(f"stored deadlines: {len(items)} in {load * 1000:.0f} ms (one query)")
    print(f"due reminders: {len(due)} in {compute * 1000:.0f} ms")


if __name__ == "__main__":
    main()
