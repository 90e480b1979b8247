"""Hostile rosters through the real `hrdesk import` command (python -m hrdesk --data-dir DIR import FILE),
one child process each: peak RSS of that child (os.wait4), wall time, exit code, whether a traceback
reached the user, and the last line it printed. The files are the ones the tests use
(`tests/roster/hostile.py`): a far cell at XFD1048576, two zip bombs, a 1904 workbook, `inf` income,
a Big5 name in a GB18030 CSV, a UTF-32 CSV, formula cells, footer rows.

Run: uv run python benchmarks/bench_hostile_rosters.py [--limit-mb MB] [--src DIR] [--only NAME]
(target: every hostile file answered with a message, ≤ 300 MB peak RSS and ≤ 10 s).
`--limit-mb` caps the child's address space (RLIMIT_AS), to measure code that would otherwise take
gigabytes (the code before the fix: `git archive REV | tar -x -C DIR`, then `--src DIR`).
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.roster.hostile import HOSTILE  # noqa: E402


def run(python: str, src: Path, data: Path, file: Path, limit_mb: int | None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src), "HRDESK_LANG": "zh"}

    def limit() -> None:
        if limit_mb:
            size = limit_mb << 20
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    t = time.perf_counter()
    proc = subprocess.Popen(
        [python, "-m", "hrdesk", "--data-dir", str(data), "import", str(file), "--keep-good-rows"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=src,
        preexec_fn=limit,
    )
    # The pipes are small here (a few lines); read them after the child ends, with its own rusage.
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    code = proc.returncode
    lines = [line for line in (out + err).splitlines() if line.strip()]
    errors = [line.strip(" -") for line in lines if line.startswith("  - ")]
    message = f"{len(errors)} refused: {errors[0]}" if errors else (lines[-1] if lines else "")
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "exit": code if code >= 0 else f"signal {signal.Signals(-code).name}",
        "traceback": "Traceback" in err or "memory allocation" in err,
        "message": message[:120],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--src", type=Path, default=ROOT)
    parser.add_argument("--limit-mb", type=int, default=None, help="RLIMIT_AS for each child")
    parser.add_argument("--only", default=None, help="run the hostile files whose name contains this")
    args = parser.parse_args()
    print(f"code from {args.src}; limit {args.limit_mb or 'none'} MB; load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for hostile in HOSTILE:
            if args.only and args.only not in hostile.name:
                continue
            folder = Path(tmp) / hostile.name.replace(" ", "-").replace("/", "-")
            folder.mkdir()
            file = hostile.build(folder)
            size = file.stat().st_size
            r = run(args.python, args.src, folder / "data", file, args.limit_mb)
            print(
                f"{hostile.name:42} {size / 1024:9.0f} KB  {r['peak_mb']:7.0f} MB {r['seconds']:6.1f} s"
                f"  exit {r['exit']}{'  TRACEBACK' if r['traceback'] else ''}  {r['message']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
