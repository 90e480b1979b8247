"""Preview and scan checks on 300-dpi A4 colour scans, each against pdftoppm in the same run.

Run: uv run python benchmarks/bench_scan.py
Targets: first preview page < 150 ms; scan checks ≥ 20 pages/s.
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

from scans import scan_pdf  # noqa: E402

from hrdesk.pdf import render  # noqa: E402
from hrdesk.pdf.scan import check_file  # noqa: E402


def main() -> None:
    one = scan_pdf(1, "single")
    many = scan_pdf(40, "many")
    firsts = []
    for _ in range(5):
        render._cache.clear()
        t = time.perf_counter()
        page = render.render_page(one, 0, dpi=110)
        firsts.append(time.perf_counter() - t)
    print(
        f"first preview page (110 dpi, in-process, raw samples): {statistics.median(firsts) * 1000:.0f} ms "
        f"({page.width}×{page.height})"
    )
    t = time.perf_counter()
    render.render_page(one, 0, dpi=110)
    print(f"revisit from the render cache: {(time.perf_counter() - t) * 1000:.2f} ms")
    if shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            runs = []
            for _ in range(3):
                t = time.perf_counter()
                subprocess.run(
                    ["pdftoppm", "-r", "110", "-f", "1", "-l", "1", "-png", str(one), f"{tmp}/p"], check=True
                )
                runs.append(time.perf_counter() - t)
            print(f"pdftoppm, same page, 110 dpi: {statistics.median(runs) * 1000:.0f} ms")
    t = time.perf_counter()
    report = check_file(many)
    elapsed = time.perf_counter() - t
    print(
        f"scan checks: {report.checked_pages / elapsed:.0f} pages/s ({report.checked_pages} pages, "
        f"{len(report.flags)} flags)"
    )
    if shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            subprocess.run(["pdftoppm", "-r", "12", "-png", str(many), f"{tmp}/p"], check=True)
            print(
                f"pdftoppm rendering the same {report.pages} pages at 12 dpi: "
                f"{report.pages / (time.perf_counter() - t):.0f} pages/s"
            )


if __name__ == "__main__":
    main()
