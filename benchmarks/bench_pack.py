"""Submission pack of 30 PDFs totalling 300 scanned pages, against `qpdf --empty --pages … -- out.pdf`
on the same files in the same run; and one printed form.

Run: uv run python benchmarks/bench_pack.py   (targets: pack within 2× of qpdf; a form < 200 ms)
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from compile_first import compile_first  # noqa: E402

compile_first()  # bytecode first: where no .pyc is written, every import would compile (benchmarks/compile_first.py)

from scans import CACHE, scan_pdf  # noqa: E402

from hrdesk.checks.check import load_profile_file  # noqa: E402
from hrdesk.pdf.pack import Slot, Source, write_slot  # noqa: E402
from hrdesk.printing.forms import render_form  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sources = []
    template = scan_pdf(10, "ten")
    for i in range(30):
        path = CACHE / f"material-{i:02d}.pdf"
        if not path.exists():
            shutil.copy(template, path)
        sources.append(path)
    total_mb = sum(p.stat().st_size for p in sources) / 1048576
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        ours, theirs = [], []
        for _ in range(3):
            t = time.perf_counter()
            # The pack's heavy part: every page of every file merged, with bookmarks (one upload slot per
            # material in a real pack; here one slot, the worst case).
            slot = Slot(1, "全部材料", "all.pdf", [Source(p, p.stem) for p in sources])
            pages = write_slot(slot, out)
            ours.append(time.perf_counter() - t)
            if shutil.which("qpdf"):
                t = time.perf_counter()
                subprocess.run(
                    ["qpdf", "--empty", "--pages", *map(str, sources), "--", str(out / "qpdf.pdf")],
                    check=True,
                )
                theirs.append(time.perf_counter() - t)
        print(f"pack: {pages} pages from 30 PDFs ({total_mb:.0f} MB) in {statistics.median(ours):.2f} s")
        if theirs:
            print(
                f"qpdf --empty --pages: {statistics.median(theirs):.2f} s "
                f"(ratio {statistics.median(ours) / statistics.median(theirs):.2f}×)"
            )
    profile = load_profile_file(ROOT / "examples" / "changping-business-change-borrowed.json")
    t = time.perf_counter()
    render_form("integrity-unit", profile)  # fonts registered once per process
    print(
        f"first form in a process (registers the embedded fonts): {(time.perf_counter() - t) * 1000:.0f} ms"
    )
    times = []
    for _ in range(10):
        t = time.perf_counter()
        render_form("integrity-individual", profile)
        times.append(time.perf_counter() - t)
    print(f"one form (integrity-individual): {statistics.median(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
