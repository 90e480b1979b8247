"""Cold start to a usable main window with 10,000 employees, one search keystroke over 10,000 rows,
and an empty PySide6 window measured the same way as the floor.

Run: uv run python benchmarks/bench_startup.py   (targets: start < 1.5 s, keystroke < 50 ms)
Each start is a fresh process (imports included) timed until the window has painted.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from fixtures import ROOT, big_data_dir

EMPTY = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 800); w.show(); app.processEvents()
print(time.time() - t0)
"""

FULL = r"""
import time, sys
t0 = float(sys.argv[1])
from pathlib import Path
from hrdesk.ui.app import make_application
app = make_application()
from hrdesk.services.records import Records
from hrdesk.ui.main_window import MainWindow
records = Records.open(Path(sys.argv[2]))
w = MainWindow(records, Path(sys.argv[2])); w.resize(1400, 860); w.show(); app.processEvents()
started = time.time() - t0
times = []
for text in ["员", "员工", "员工0", "员工00", "员工001", "", "北京", "测试单位0"]:
    t = time.perf_counter(); w.search.setText(text); app.processEvents(); times.append(time.perf_counter() - t)
print(started, max(times), sorted(times)[len(times) // 2], w.proxy.rowCount(), file=sys.stdout)
print([round(t*1000) for t in times], file=sys.stderr)
"""


def run(script: str, *args: str) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", script, str(time.time()), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "HOME": "/tmp/hrdesk-bench-home"},
    )
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return [float(x) for x in out.stdout.split()]


def main() -> None:
    folder = big_data_dir()
    empty = [run(EMPTY)[0] for _ in range(3)]
    full = [run(FULL, str(folder)) for _ in range(3)]
    print(f"empty PySide6 window (floor): {statistics.median(empty) * 1000:.0f} ms")
    print(f"hrdesk main window, 10,000 employees: {statistics.median(f[0] for f in full) * 1000:.0f} ms")
    print(
        f"search keystroke on 10,000 rows: median {statistics.median(f[2] for f in full) * 1000:.1f} ms, "
        f"worst {max(f[1] for f in full) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
