"""Preview and scan checks on 300-dpi A4 colour scans, each against pdftoppm in the same run; the image
checks' share of the time; hostile files; false alarms on the demo's good scans.

Run: uv run python benchmarks/bench_scan.py [--compare-with REV] [--demo]
  --compare-with REV  also time the scan check of git revision REV (its hrdesk/pdf/scan.py, loaded
                      beside this one) on the same pages: "before" and "after" in one run
  --demo              build the demo in a temporary folder and scan every good material file with its
                      material code; prints the false alarms (target 0)
Targets: first preview page < 150 ms; scan checks incl. image checks < 100 ms a page; 2 GiB bomb
refused < 30 s (aim: a few).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from compile_first import compile_first  # noqa: E402

compile_first()  # bytecode first: where no .pyc is written, every import would compile (benchmarks/compile_first.py)

from scans import scan_pdf  # noqa: E402

from hrdesk.pdf import render  # noqa: E402
from hrdesk.pdf.scan import ScanSettings, check_file  # noqa: E402


def preview(one: Path) -> None:
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


def timed(check, many: Path, *args) -> tuple[float, float, object]:
    """Median wall and CPU (this process) seconds a page over three runs, and the last report."""
    walls, cpus = [], []
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        report = check(many, *args)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    pages = report.checked_pages
    return statistics.median(walls) / pages, statistics.median(cpus) / pages, report


def scan_speed(many: Path, compare_with: str | None) -> None:
    check_file(many)  # start the worker process once (as the app does at its first attach)
    wall, _cpu, report = timed(check_file, many, ScanSettings())
    print(
        f"scan checks with image checks, worker process: {wall * 1000:.0f} ms a page, {1 / wall:.0f} pages/s "
        f"({report.checked_pages} pages, {len(report.flags)} flags)"
    )
    wall, cpu, _ = timed(check_file, many, ScanSettings(isolate=False))
    print(f"scan checks with image checks, in-process: {wall * 1000:.0f} ms a page (CPU {cpu * 1000:.0f} ms)")
    image_checks_only(many)
    if compare_with:
        wall, cpu, _ = timed(_load_revision(compare_with).check_file, many)
        print(
            f"scan checks at {compare_with} (before), in-process: {wall * 1000:.0f} ms a page (CPU {cpu * 1000:.0f} ms)"
        )
    if shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            subprocess.run(["pdftoppm", "-r", "12", "-png", str(many), f"{tmp}/p"], check=True)
            print(
                f"pdftoppm rendering the same pages at 12 dpi: {40 / (time.perf_counter() - t):.0f} pages/s"
            )


def image_checks_only(many: Path) -> None:
    """The render at the check's resolution and the numpy measurements, timed apart."""
    import numpy as np
    import pymupdf

    from hrdesk.pdf import quality
    from hrdesk.pdf.scan_flags import threshold

    dpi = threshold("check_dpi")
    renders, measures = [], []
    with pymupdf.open(many) as doc:
        for page in doc:
            t = time.perf_counter()
            pix = page.get_pixmap(dpi=int(dpi), colorspace=pymupdf.csRGB, alpha=False)
            t1 = time.perf_counter()
            rgb = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3)
            quality.colour_and_ink(rgb, 8, 24)
            g = quality.grey(rgb)
            quality.measure_skew(g)
            quality.measure_borders(g, threshold("border_strip_share"))
            quality.measure_focus(g)
            t2 = time.perf_counter()
            renders.append(t1 - t)
            measures.append(t2 - t1)
    print(
        f"  of which: render at {dpi:g} dpi {statistics.median(renders) * 1000:.0f} ms, "
        f"image measurements (colour, skew, borders, blur) {statistics.median(measures) * 1000:.0f} ms a page"
    )


def hostile() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "pdf"))
    import hostile as corpus

    with tempfile.TemporaryDirectory() as tmp:
        for case in corpus.CASES:
            path = corpus.write(case, Path(tmp))
            t = time.perf_counter()
            report = check_file(path)
            print(f"  {case.name:20} {(time.perf_counter() - t) * 1000:6.0f} ms  {', '.join(report.codes())}")


def demo_false_alarms() -> None:
    from hrdesk.desks.demo import create_demo
    from hrdesk.desks.desk import Desk

    bad_files = {"greyscale-scan.pdf", "rotated-scan.pdf", "blank-page.pdf"}
    with tempfile.TemporaryDirectory() as tmp:
        create_demo(Path(tmp) / "demo")
        checked, alarms, pages = 0, [], 0
        seen: set[tuple[str, str]] = set()
        with Desk.open(Path(tmp) / "demo") as desk:
            for eid in desk.employees.employee_ids():
                for material in desk.materials.materials(eid):
                    if not material.sha256 or material.original_name in bad_files:
                        continue
                    key = (material.sha256, material.kind)
                    if key in seen:
                        continue
                    seen.add(key)
                    report = check_file(desk.uow.vault.path(material.sha256), kind=material.kind)
                    checked += 1
                    pages += report.checked_pages
                    alarms += [(material.kind, m) for m in report.messages()]
        print(
            f"demo good scans: {checked} distinct (file, material) pairs, {pages} pages, {len(alarms)} flags"
        )
        for kind, message in alarms:
            print(f"  {kind}: {message}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compare-with", metavar="REV")
    parser.add_argument("--demo", action="store_true")
    args = parser.parse_args()
    one = scan_pdf(1, "single")
    many = scan_pdf(40, "many")
    preview(one)
    scan_speed(many, args.compare_with)
    print("hostile files (tests/pdf/hostile.py):")
    hostile()
    if args.demo:
        demo_false_alarms()


def _load_revision(rev: str):
    """hrdesk/pdf/scan.py as it was at `rev`, as a module of its own (it must import only PyMuPDF)."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:hrdesk/pdf/scan.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="hrdesk-scan-"))
    (folder / "scan_before.py").write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("scan_before", folder / "scan_before.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["scan_before"] = module
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    main()
