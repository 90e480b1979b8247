"""`hrdesk list | head`: the reader closing the pipe early is not an error — no traceback on the
screen or in the log, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk

ROOT = Path(__file__).resolve().parent.parent


def test_a_reader_that_stops_early_is_not_an_error(data_dir: Path):
    with Desk.open(data_dir) as desk:
        desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is already gone when hrdesk writes
    proc = subprocess.run(
        [sys.executable, "-m", "hrdesk", "--data-dir", str(data_dir), "list"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write_end)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr
    logged = "".join(p.read_text(encoding="utf-8") for p in (data_dir / "logs").glob("*.log*"))
    assert "Traceback" not in logged and "output closed by the reader" in logged
