"""The real app the way a user starts it (`hrdesk --data-dir DIR`, with the daily backup, the tray and the
deadlines), on 10,000 (and with --50k, 50,000) employees the day after the data was stored, watched by
a 10 ms timer (hrdesk/ui/probe.py). An empty PySide6 window measured the same way is the floor.

Run: uv run python benchmarks/bench_app.py [--50k] [--after-import] [--runs N] [--src DIR]
Targets (2-core machine), the day after, 10k: first paint ≤ 2× the empty window; settled (background
done, worker processes included) ≤ 3 s after first paint; no stall over 50 ms; peak RSS ≤ 200 MB.
50k: settled ≤ 10 s; no stall over 100 ms; RSS ≤ 600 MB; a search keystroke ≤ 80 ms.
`--after-import`: the first start after `hrdesk import` of 10,000 people (JSON, 40 income months each;
every list status still to compute): settled ≤ 10 s after first paint, no stall over 100 ms.
`--src DIR` starts another checkout's app (e.g. the code before a change) on the same data; `--import-src DIR`
imports with another checkout's code (one that left every status to the first start: a refresh of all).
The child's CPU seconds (the window and its worker processes) are printed beside the wall figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from compile_first import compile_first
from fixtures import ROOT, big_data_dir

EMPTY = r"""
import os, time, json, resource, sys
t0 = float(os.environ["HRDESK_PROBE_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1400, 860)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            open(os.environ["HRDESK_PROBE"], "w").write(json.dumps({"first_paint_s": round(time.time() - t0, 3),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""


def day_after(folder: Path) -> Path:
    """A fresh copy of the cached data folder whose stored statuses date from yesterday."""
    work = Path(tempfile.mkdtemp(prefix="hrdesk-bench-run-"))
    shutil.copytree(folder, work / "data")
    sys.path.insert(0, str(ROOT))
    from hrdesk.desks.desk import Desk

    with Desk.open(work / "data") as desk:
        desk.employees.refresh_statuses(on=date.today() - timedelta(days=1))
    return work


# The user's cache folder lives from one start to the next, as on a real machine: "the day after" is not
# the first start ever (hrdesk keeps its parsed data files there, as Python keeps compiled bytecode).
USER_CACHE = Path(os.environ.get("HRDESK_BENCH_CACHE", tempfile.gettempdir())) / "hrdesk-bench-user-cache"


def run_probe(args: list[str], home: Path, src: Path = ROOT) -> dict:
    out = home / "probe.json"
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CACHE_HOME": str(USER_CACHE),
        "HRDESK_PROBE": str(out),
        "HRDESK_PROBE_T0": repr(time.time()),
    }
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    subprocess.run(args, env=env, cwd=src, check=True, timeout=900, stdout=subprocess.DEVNULL)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.read_text())
    # The window's and its reaped worker processes' CPU: the work a laptop does for this start.
    result["cpu_s"] = round(usage.ru_utime + usage.ru_stime - cpu_before, 1)
    return result


def after_import(n: int, src: Path) -> Path:
    """A fresh data folder right after `hrdesk import` of n people (JSON, 40 income months each) by the
    code in `src`: the list statuses of all of them are left to the window's first start."""
    from bench_import import roster_json

    work = Path(tempfile.mkdtemp(prefix="hrdesk-bench-import-"))
    file = roster_json(work / "roster.json", n)
    env = {**os.environ, "PYTHONPATH": str(src)}
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "hrdesk", "--data-dir", str(work / "data"), "import", str(file)],
        env=env,
        cwd=src,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"(imported {n:,} people in {time.perf_counter() - t:.1f} s)")
    return work


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--50k", dest="big", action="store_true", help="also 50,000 employees")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--after-import", action="store_true", help="the first start after a 10,000 import")
    parser.add_argument("--src", type=Path, default=ROOT, help="the checkout whose app is started")
    parser.add_argument(
        "--import-src",
        type=Path,
        help="with --after-import: the checkout whose `hrdesk import` made the data (default --src); code"
        " that left every status to the first start gives the window a refresh of all 10,000",
    )
    opts = parser.parse_args()
    compile_first()
    hrdesk = [sys.executable, "-m", "hrdesk"]
    sizes = [10_000, 50_000] if opts.big else [10_000]
    with tempfile.TemporaryDirectory() as tmp:
        empty = [run_probe([sys.executable, "-c", EMPTY], Path(tmp)) for _ in range(3)]
    floor = sorted(e["first_paint_s"] for e in empty)[1]
    print(f"empty PySide6 window: first paint {floor * 1000:.0f} ms, RSS {empty[0]['peak_rss_mb']} MB")
    print(f"code from {opts.src}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if opts.after_import:
        work = after_import(10_000, opts.import_src or opts.src)
        try:
            r = run_probe([*hrdesk, "--data-dir", str(work / "data")], work, opts.src)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print("first start after importing 10,000: " + json.dumps(r, ensure_ascii=False))
        return
    for n in sizes:
        folder = big_data_dir(n)
        if not any(USER_CACHE.glob("hrdesk/*/*")):  # a machine where hrdesk never ran: run it once first
            work = day_after(folder)
            try:
                run_probe([*hrdesk, "--data-dir", str(work / "data")], work, opts.src)
            finally:
                shutil.rmtree(work, ignore_errors=True)
        for _ in range(opts.runs):
            work = day_after(folder)
            try:
                r = run_probe([*hrdesk, "--data-dir", str(work / "data")], work, opts.src)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            print(f"{n:,} employees: " + json.dumps(r, ensure_ascii=False))
            print(f"  first paint = {r['first_paint_s'] / floor:.1f}× the empty window")


if __name__ == "__main__":
    main()
