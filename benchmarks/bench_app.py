"""The real app the way a user starts it (`hrdesk --data-dir DIR`, with the daily backup, the tray and the
deadlines), on 10,000 (and with --50k, 50,000) employees the day after the data was stored, watched by
a 10 ms timer (hrdesk/ui/probe.py). An empty PySide6 window measured the same way is the floor.

Run: uv run python benchmarks/bench_app.py [--50k] [--runs N]
Targets (2-core machine), 10k: first paint ≤ 5× the empty window; background done ≤ 5 s after first
paint; no stall over 100 ms; peak RSS ≤ 300 MB; selecting an employee ≤ 50 ms.
50k: background ≤ 20 s; no stall over 200 ms; RSS ≤ 700 MB.
"""

from __future__ import annotations

import argparse
import json
import os
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


def run_probe(args: list[str], home: Path) -> dict:
    out = home / "probe.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "share"),
        "HRDESK_PROBE": str(out),
        "HRDESK_PROBE_T0": repr(time.time()),
    }
    subprocess.run(args, env=env, cwd=ROOT, check=True, timeout=900, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--50k", dest="big", action="store_true", help="also 50,000 employees")
    parser.add_argument("--runs", type=int, default=1)
    opts = parser.parse_args()
    compile_first()
    hrdesk = [sys.executable, "-m", "hrdesk"]
    sizes = [10_000, 50_000] if opts.big else [10_000]
    with tempfile.TemporaryDirectory() as tmp:
        empty = [run_probe([sys.executable, "-c", EMPTY], Path(tmp)) for _ in range(3)]
    floor = sorted(e["first_paint_s"] for e in empty)[1]
    print(f"empty PySide6 window: first paint {floor * 1000:.0f} ms, RSS {empty[0]['peak_rss_mb']} MB")
    for n in sizes:
        folder = big_data_dir(n)
        for _ in range(opts.runs):
            work = day_after(folder)
            try:
                r = run_probe([*hrdesk, "--data-dir", str(work / "data")], work)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            print(f"{n:,} employees: " + json.dumps(r, ensure_ascii=False))
            print(f"  first paint = {r['first_paint_s'] / floor:.1f}× the empty window")


if __name__ == "__main__":
    main()
