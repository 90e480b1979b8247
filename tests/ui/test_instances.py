"""The real program in subprocesses, offscreen: a second launch on the same data folder brings the first
window forward and exits quietly (no error box), and Ctrl+Q ends the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_second_launch_activates_the_first_and_ctrl_q_quits(tmp_path: Path):
    folder = tmp_path / "desk"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("HRDESK_DATA_DIR", None)
    # Not under a preloaded libfaketime (the date-shift runs): activating a running window has nothing
    # to do with the date, and the real app's timed waits fail under it (time.sleep → EINVAL).
    for name in ("LD_PRELOAD", "FAKETIME"):
        env.pop(name, None)
    first = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "ui" / "drive_app.py"), "--data-dir", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout.readline().strip() == "ready"
        second = subprocess.run(
            [sys.executable, "-m", "hrdesk", "--data-dir", str(folder)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 0, second.stderr
        assert "already open" not in second.stderr + second.stdout
        assert first.stdout.readline().strip() == "activated"
        assert first.wait(timeout=60) == 0  # Ctrl+Q ended the process (no tray offscreen, nothing unsaved)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    logs = "".join(p.read_text(encoding="utf-8") for p in (folder / "logs").glob("*.log*"))
    assert "a second launch asked for the window" in logs
    # --data-dir keeps the preferences in the data folder, never in the user's real settings.
    assert list((folder / "settings").rglob("*.ini"))
