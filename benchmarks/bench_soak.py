"""Soak: the real window (`hrdesk --data-dir DIR` on the demo data) saves one employee N times the way the
window saves (the writer thread, then the list row, the calendar agenda and the open case refreshed), and
stays alive. Reports the window's resident memory and the reference count of None before and after: with
the Qt binding that leaked (PySide6 6.12.0 on CPython 3.11) the count fell by two per save and the window
aborted (`Fatal Python error: none_dealloc`) after a few hundred saves.

Run: uv run python benchmarks/bench_soak.py [--saves 1000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_app import run_probe
from compile_first import compile_first
from fixtures import ROOT


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=1000)
    opts = parser.parse_args()
    compile_first()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        data = home / "data"
        subprocess.run(
            [sys.executable, "-m", "hrdesk", "demo", "--data-dir", str(data)], cwd=ROOT, check=True
        )
        import os

        os.environ["HRDESK_PROBE_SOAK"] = str(opts.saves)
        os.environ.setdefault("HRDESK_PROBE_TIMEOUT", "3600")
        result = run_probe([sys.executable, "-m", "hrdesk", "--data-dir", str(data)], home)
    soak = result.get("soak") or {}
    print(json.dumps(soak, ensure_ascii=False))
    alive = soak.get("saves") == opts.saves
    print(
        f"{soak.get('saves')} saves, {soak.get('errors')} errors, window alive: {alive}; "
        f"RSS {soak.get('rss_before_mb')} → {soak.get('rss_after_mb')} MB; "
        f"refs to None {soak.get('none_refs_before')} → {soak.get('none_refs_after')}"
    )


if __name__ == "__main__":
    main()
