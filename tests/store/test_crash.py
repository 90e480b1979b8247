"""Kill a writer at random moments: the database stays consistent and keeps every committed record."""

from __future__ import annotations

import random
import select
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

WRITER = r"""
import sys
from pathlib import Path
from hrdesk.desks.desk import Desk
from hrdesk.rules.profile import Employer
desk = Desk.open(Path(sys.argv[1]))
unit = desk.units.save_employer(Employer(name="单位", district="changping"))
n = 0
while True:
    n += 1
    agent = desk.units.save_agent(unit, f"经办人{n}", phone=str(n))
    print(agent, flush=True)   # printed only after the commit returned
"""


def test_sigkill_never_corrupts_or_loses_committed_rows(tmp_path: Path):
    rng = random.Random(11)
    committed: set[int] = set()
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        lines: list[str] = []
        reader = threading.Thread(
            target=lambda lines=lines, proc=proc: lines.extend(proc.stdout), daemon=True
        )
        reader.start()
        deadline = time.monotonic() + 30
        while not lines and time.monotonic() < deadline:  # start-up (imports, migration) is not timed
            time.sleep(0.02)
        # then kill at a random moment of the write loop (select, not sleep: libfaketime, used for the
        # date-shift runs, turns some absolute-deadline sleeps into EINVAL)
        select.select([], [], [], rng.random() * 0.4)
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        proc.wait()
        reader.join(5)
        committed |= {int(line) for line in lines if line.strip().isdigit()}
        db = sqlite3.connect(tmp_path / "hrdesk.sqlite")
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in db.execute("SELECT id FROM agent")}
        finally:
            db.close()
        assert committed <= stored
    assert len(committed) > 10
