import json
import subprocess
import sys


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hrdesk", *args], capture_output=True, text=True, encoding="utf-8"
    )


def test_example_profile_is_ready(examples_dir):
    proc = run_cli(
        "check",
        str(examples_dir / "changping-new-ready.json"),
        "--business",
        "new",
        "--on",
        "2026-11-23",
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["eligible"] is True and out["ready"] is True
    assert out["thresholds"]["x1_2"] == 14324


def test_missing_file_is_exit_2_one_line(tmp_path):
    proc = run_cli("check", str(tmp_path / "none.json"), "--business", "new")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
