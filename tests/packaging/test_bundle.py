"""The PyInstaller one-folder build of this platform builds and passes `--self-test` (about 40 s)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bundle_builds_and_self_test_passes(tmp_path: Path):
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the dev dependency group")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "packaging" / "hrdesk.spec"),
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "hrdesk" / ("hrdesk.exe" if sys.platform == "win32" else "hrdesk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HRDESK_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env, timeout=60)
    from hrdesk.version import __version__

    assert version.stdout.strip() == f"hrdesk {__version__}"
