"""`hrdesk --demo` shows its window at once: the demo (about a minute of work) is built in a child process
while the overview counts its employees and the buttons that need the desk wait; then the desk opens with
them, and at exit — or at a quit while it is being built — the demo leaves nothing behind."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _start_demo(tmp_path: Path, quit_at: int = 0) -> dict:
    """`hrdesk --demo` in a child, driven by drive_demo_start.py; what it saw."""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}]}
        ),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # a demo keeps its settings in its folder; never these
        "TMPDIR": str(tmp_path),  # where the demo folder is made (and must be gone after)
        "HRDESK_DRIVE_QUIT_AT": str(quit_at),
    }
    for name in ("HRDESK_DATA_DIR", "HRDESK_DATABASE_URL", "HRDESK_PROBE"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "ui" / "drive_demo_start.py"), "--demo", "--lang", "zh"],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        cwd=ROOT,
    )
    lines = done.stdout.strip().splitlines()
    assert lines and lines[-1] == "ok", done.stdout[-3000:] + done.stderr[-6000:]
    seen = json.loads(lines[-2])
    assert seen["errors"] == [], seen["errors"]
    assert done.returncode == 0 and seen["exit"] == 0, done.stderr[-3000:]
    return seen


def _counts(seen: dict) -> list[tuple[int, int]]:
    return [tuple(map(int, m.groups())) for t in seen["titles"] if (m := re.search(r"(\d+) / (\d+)", t))]


def test_the_window_shows_at_once_and_opens_the_demo_when_it_is_built(tmp_path: Path) -> None:
    seen = _start_demo(tmp_path)
    first = seen["first"]
    # On screen before the demo exists: says what it is doing, with a bar; nothing to act on yet.
    assert not first["desk_open"]
    assert first["title"].startswith("概览（正在生成演示数据…"), first
    assert first["progress_bar"] and not first["new_employee_enabled"]
    # It counted the employees as they were made …
    counts = _counts(seen)
    assert counts and all(done <= total for done, total in counts), seen["titles"]
    assert [d for d, _ in counts] == sorted(d for d, _ in counts)
    total = counts[0][1]
    # … then opened the desk with all of them.
    last = seen["last"]
    assert last["employees"] == total
    assert last["title"] == "概览" and not last["progress_bar"] and last["new_employee_enabled"]
    assert not seen["folder_left"]  # a demo leaves nothing behind


def test_quitting_while_the_demo_is_built_stops_it_and_leaves_nothing(tmp_path: Path) -> None:
    seen = _start_demo(tmp_path, quit_at=3)
    counts = _counts(seen)
    assert counts and counts[-1][0] < counts[-1][1], seen["titles"]  # quit before the demo was finished
    assert "last" not in seen  # the desk never opened
    assert [name for name in seen["children_left"] if name == "hrdesk-demo"] == []  # the build stopped
    assert not seen["folder_left"]  # and its folder is gone
