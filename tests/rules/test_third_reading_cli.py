"""Rules, third reading, item 1: `hrdesk check` reads the data folder (HRDESK_DATA_DIR / the user's
folder) like `deadlines` does, so a wage figure entered in the app changes the CLI's verdict too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _check(profile: Path, env_dir: Path) -> dict:
    env = {**os.environ, "HRDESK_DATA_DIR": str(env_dir)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdesk",
            "check",
            str(profile),
            "--business",
            "new",
            "--on",
            "2026-11-23",
            "--json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_check_without_data_dir_flag_reads_hrdesk_data_dir(tmp_path):
    from hrdesk.desks.desk import Desk

    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / "data"
    before = _check(profile, folder)
    assert before["thresholds"]["reference_year"] == 2024
    # A figure entered in the app (Settings → wages), effective before the check date.
    with Desk.open(folder) as desk:
        desk.rule_data.save_wage_figure(2025, 30000, date(2026, 7, 20), "用户录入", on=date(2026, 9, 1))
    after = _check(profile, folder)
    assert after["thresholds"]["reference_year"] == 2025
    assert after["thresholds"]["x1_2"] == 36000
    assert "INCOME_BELOW_THRESHOLD" in {f["code"] for f in after["findings"]}
