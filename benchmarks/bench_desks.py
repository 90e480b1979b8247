"""Several desks on one PostgreSQL database, each its own process: the write race (every write path,
read–change–save against the version read), the change feed under a 10,000-person import while two
desks save every 100 ms, and the save latency under that contention.

Run: uv run python benchmarks/bench_desks.py [--url postgresql://…] [--desks 4] [--rounds 10]
(default server: HRDESK_TEST_POSTGRES_URL; a fresh schema is made and dropped). Targets: 0 lost, 0
missed; save latency reported (median, maximum).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from compile_first import compile_first  # noqa: E402

compile_first()

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hrdesk.desks.changes import FeedPosition, changes_since, current_counter  # noqa: E402
from hrdesk.desks.desk import Desk  # noqa: E402
from tests.conftest import drop_postgres_schema, fresh_postgres_schema  # noqa: E402
from tests.shared_db import desk_work  # noqa: E402


def ms(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms (n={len(values)})"
    )


def race(url: str, folder: Path, desks: int, rounds: int) -> None:
    with Desk.open(folder / "setup", url) as desk:
        ids = desk_work.setup_race(desk)
        capital0 = desk.units.employer(ids["unit"]).registered_capital_cny
        position0 = desk.materials.material(ids["material"]).position
    t0 = time.perf_counter()
    with ProcessPoolExecutor(desks, mp_context=get_context("spawn")) as pool:
        results = list(
            pool.map(
                desk_work.race,
                [url] * desks,
                [str(folder / f"race-{i}") for i in range(desks)],
                range(desks),
                [rounds] * desks,
                [ids] * desks,
            )
        )
    wall = time.perf_counter() - t0
    done = {k: sum(r["done"][k] for r in results) for k in results[0]["done"]}
    conflicts = {k: sum(r["conflicts"][k] for r in results) for k in results[0]["conflicts"]}
    with Desk.open(folder / "check", url) as desk:
        found = {
            "unit": desk.units.employer(ids["unit"]).registered_capital_cny - capital0,
            "agent": int(desk.units.agents(ids["unit"])[0].phone),
            "material": desk.materials.material(ids["material"]).position - position0,
            "application": len(desk.applications.application_events(ids["application"])) - 1,
            "employee": sum(
                v
                for k, v in desk.employees.profile(ids["employee"]).employee.monthly_income_cny.items()
                if k.startswith("2030-")
            ),
            "children": desks * rounds * 2
            - (
                len(desk.employees.children(ids["employee"]))
                - len(desk_work.example_profile().employee.children)
            ),
        }
    lost = {k: done[k] - found[k] for k in done}
    print(f"race, {desks} desks × {rounds} rounds × 6 write paths in {wall:.1f} s")
    print(f"  acknowledged saves: {sum(done.values())}; lost: {sum(lost.values())} {lost}")
    print(f"  refused (conflict reported, redone on a fresh read): {sum(conflicts.values())} {conflicts}")
    print(f"  save latency under contention: {ms([x for r in results for x in r['latencies']])}")


def feed(url: str, folder: Path, people: int, batch: int) -> None:
    with Desk.open(folder / "watcher", url) as watcher:
        saver_ids = [watcher.employees.add_profile(desk_work.person(900_000 + i)) for i in range(2)]
        position = current_counter(watcher)
        id_only = FeedPosition(position.id)  # the id-only reading this design replaced
        seen: set[int] = set()
        seen_id_only: set[int] = set()
        polls = 0
        with ProcessPoolExecutor(3, mp_context=get_context("spawn")) as pool:
            savers = [
                pool.submit(desk_work.keep_saving, url, str(folder / f"saver-{i}"), sid, 12.0, 0.1)
                for i, sid in enumerate(saver_ids)
            ]
            # The import starts once both desks are saving (their processes take seconds to start).
            while not set(saver_ids) <= seen:
                position, ids = changes_since(watcher, position)
                seen |= set(ids)
                id_only, ids = changes_since(watcher, id_only)
                id_only = FeedPosition(id_only.id)  # the old reading: the highest id seen, nothing else
                seen_id_only |= set(ids)
                time.sleep(0.05)
            t0 = time.perf_counter()
            imported = pool.submit(desk_work.bulk_add, url, str(folder / "import"), 0, people, batch)
            while not (imported.done() and all(s.done() for s in savers)):
                position, ids = changes_since(watcher, position)
                seen |= set(ids)
                id_only, ids = changes_since(watcher, id_only)
                id_only = FeedPosition(id_only.id)  # the old reading: the highest id seen, nothing else
                seen_id_only |= set(ids)
                polls += 1
                time.sleep(0.05)
            new_ids = set(imported.result())
            import_s = time.perf_counter() - t0
            saves = [s.result() for s in savers]
        position, ids = changes_since(watcher, position)
        seen |= set(ids)
        id_only, ids = changes_since(watcher, id_only)
        seen_id_only |= set(ids)
    print(f"change feed: {people} people imported in transactions of {batch} while 2 desks save every 100 ms")
    print(f"  watcher polled {polls} times; missed: {len(new_ids - seen)} of {len(new_ids)}")
    print(f"  the id-only reading (before) on the same run: missed {len(new_ids - seen_id_only)}")
    print(f"  import + saves wall {import_s:.1f} s; saves refused {sum(s['refused'] for s in saves)}")
    print(f"  save latency during the import: {ms([x for s in saves for x in s['latencies']])}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--url", default=os.environ.get("HRDESK_TEST_POSTGRES_URL", "postgresql://hr@127.0.0.1:5432/hrdesk")
    )
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=2_000)
    args = parser.parse_args()
    schema, url = fresh_postgres_schema(args.url)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            race(url, Path(tmp), args.desks, args.rounds)
            feed(url, Path(tmp), args.people, args.batch)
    finally:
        drop_postgres_schema(args.url, schema)


if __name__ == "__main__":
    main()
