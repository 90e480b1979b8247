"""The daily automatic backup on 10,000 people with a scan each, three days running: the first backup, a day
when nothing changed, and a day when one person was edited and one scan added. Wall and CPU seconds and
what each day left on disk.

Run: uv run python benchmarks/bench_daily_backup.py
     (an older hrdesk: PYTHONPATH=/path/to/its/tree, same command; `rotate_daily` took `today=` then)

The data folder (benchmarks/fixtures.py `big_data_dir`, 10,000 people and 100,000 materials) gets one
distinct 100 KB scan per person in the database (1 GB), built once and cached beside it; each run works
on a copy. 100 KB stands in for a scan (real 300-dpi pages are ~730 KB each): the copy of scans is I/O,
so a real desk's scans make the first backup longer, not the comparison different.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import random
import shutil
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from compile_first import compile_first  # noqa: E402

compile_first()  # bytecode first: where no .pyc is written, every import would compile

from fixtures import big_data_dir  # noqa: E402

SCAN_BYTES = 100 * 1024
DAY1 = date(2031, 2, 26)


def with_scans(n: int = 10_000) -> Path:
    base = big_data_dir(n)
    folder = base.with_name(base.name + "-scans")
    if (folder / "ready").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(base, folder)
    (folder / "ready").unlink()
    rng = random.Random(2)
    db = sqlite3.connect(folder / "hrdesk.sqlite")
    with db:
        people = [r[0] for r in db.execute("SELECT id FROM employee ORDER BY id")]
        for i, employee_id in enumerate(people):
            data = b"%PDF-1.4\n" + rng.randbytes(SCAN_BYTES)
            digest = hashlib.sha256(data).hexdigest()
            db.execute(
                "INSERT INTO blob (sha256, data, size_bytes, added_at) VALUES (?, ?, ?, ?)",
                (digest, data, len(data), "2026-11-01 00:00:00"),
            )
            db.execute(
                "UPDATE material SET sha256 = ? WHERE id = (SELECT min(id) FROM material WHERE employee_id = ?)",
                (digest, employee_id),
            )
            if i % 2000 == 1999:
                print(f"  ({i + 1} scans)", flush=True)
    db.execute("VACUUM")
    db.close()
    (folder / "ready").write_text("ok")
    return folder


def change_one_person(folder: Path) -> None:
    """What a day's work might be, at its smallest: one person renamed and one new scan."""
    data = b"%PDF-1.4\n" + random.Random(3).randbytes(SCAN_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    db = sqlite3.connect(folder / "hrdesk.sqlite")
    with db:
        db.execute("UPDATE employee SET name = '员工改名', version = version + 1 WHERE id = 1")
        db.execute(
            "INSERT INTO blob (sha256, data, size_bytes, added_at) VALUES (?, ?, ?, ?)",
            (digest, data, len(data), "2031-02-28 09:00:00"),
        )
        db.execute(
            "UPDATE material SET sha256 = ? WHERE id = (SELECT max(id) FROM material WHERE employee_id = 1)",
            (digest,),
        )
    db.close()


def daily(folder: Path, day: date) -> Path | None:
    from hrdesk.desks.backup import rotate_daily

    if "clock" in inspect.signature(rotate_daily).parameters:
        from hrdesk.clock import FixedClock

        return rotate_daily(folder, clock=FixedClock(datetime(day.year, day.month, day.day, 12)))
    return rotate_daily(folder, today=day)  # hrdesk before the desk's clock reached backups


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def main() -> None:
    import hrdesk

    source = with_scans()
    work = source.with_name(source.name + f"-work-{os.getpid()}")
    shutil.copytree(source, work)
    try:
        print(f"hrdesk at {Path(hrdesk.__file__).parent}; load {_load()}")
        db_mb = (work / "hrdesk.sqlite").stat().st_size / 1048576
        print(
            f"database {db_mb:.0f} MB (10,000 people, 100,000 materials, 10,000 scans of {SCAN_BYTES // 1024} KB)"
        )
        for n, label in enumerate(
            ("first daily backup", "a day with no change", "one person changed, one scan added")
        ):
            if n == 2:
                change_one_person(work)
            day = DAY1 + timedelta(days=n)
            wall, cpu = time.perf_counter(), time.process_time()
            made = daily(work, day)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            assert made is not None
            st = made.stat()
            print(
                f"{label}: {wall:.1f} s wall, {cpu:.1f} s CPU; {made.name} {st.st_size / 1048576:.0f} MB"
                f"{' (same file as the day before)' if st.st_nlink > 1 else ''}; load {_load()}",
                flush=True,
            )
        kept = list((work / "backups").glob("daily-*.zip"))
        names = sum(p.stat().st_size for p in kept)
        distinct = sum({p.stat().st_ino: p.stat().st_size for p in kept}.values())
        print(
            f"three days kept: {distinct / 1048576:.0f} MB on disk ({names / 1048576:.0f} MB if each were a copy)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
