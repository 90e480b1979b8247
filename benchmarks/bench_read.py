"""How exactly `hrdesk read` takes each field off generated scans, and how long from dropping a two-page
document to the confirmation view.

    uv run python benchmarks/bench_read.py --out /tmp/read_corpus [--people 8] [--seed 32] [--json out.json]
    uv run python benchmarks/bench_read.py --out /tmp/read_corpus --reuse --drop-only [--src /work/before]

Scans are drawn by the scan corpus's own layouts and capture (`scan_corpus/fields_truth.py`, which also
says what each document prints): every kind as a clean 300-dpi flatbed scan, and the single-page kinds
as a phone photo too. People are split into halves (even: calibration, odd: held-out); the figures to
quote are the held-out half's. A field is exact when the value read equals the printed one; a field
read with another value is a false reading (counted apart: it would be proposed wrongly), a missing one
is only not exact.

The drop: a two-page lease dropped on its slot in the materials panel, then 从扫描件填写 as soon as the
attach is done, until the view shows its fields; wall seconds with the CPU seconds of the app and its
worker processes, and the load. `--src DIR` measures another checkout (the code before a change).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "scan_corpus"))
sys.path.insert(0, str(HERE))
SRC = Path(sys.argv[sys.argv.index("--src") + 1]) if "--src" in sys.argv else HERE.parent
sys.path.insert(0, str(SRC.resolve()))  # the checkout measured (`--src /work/before`: the code before)

import fields_truth  # noqa: E402

PHONE_KINDS = {
    "id-card",
    "hukou-pages",
    "diploma",
    "degree-certificate",
    "diploma-verification",
    "marriage-certificate",
}


def make_corpus(out: Path, people: int, seed: int) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    for i in range(people):
        who = fields_truth.person(seed * 1000 + i, i, "changping" if i % 2 == 0 else "yanqing")
        half = "heldout" if i % 2 else "calibration"
        for k, kind in enumerate(fields_truth.FILE_KINDS):
            styles = [("flatbed", 300)] + ([("phone", 200)] if kind in PHONE_KINDS else [])
            for style, dpi in styles:
                look = "song" if (i + k) % 2 == 0 else "hei"
                data, suffix = fields_truth.draw(
                    kind, who, seed * 7919 + i * 31 + k, style=style, dpi=dpi, look=look
                )
                path = out / f"p{i:02d}-{kind}-{style}{suffix}"
                path.write_bytes(data)
                entries.append(
                    {
                        "file": path.name,
                        "kind": kind,
                        "style": style,
                        "dpi": dpi,
                        "font": look,
                        "half": half,
                        "truth": fields_truth.truth(kind, who),
                    }
                )
    (out / "fields-manifest.json").write_text(
        json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return entries


def score(out: Path, entries: list[dict], data_dir: Path) -> dict:
    from concurrent.futures import ThreadPoolExecutor

    from hrdesk.materials.inspection.fields import read_document, readings_of

    tally: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # exact, all, false
    misses = []
    started = time.perf_counter()
    with ThreadPoolExecutor(4) as files:  # several files at once: one-page files keep both workers busy
        list(files.map(lambda e: readings_of(out / e["file"], data_dir=data_dir), entries))
    for e in entries:
        reading = read_document(out / e["file"], e["kind"], data_dir=data_dir, on=fields_truth.ON)
        got = {f.field: f.value for f in reading.fields}
        for field, value in e["truth"].items():
            name = field.split(".")[0] + ".<month>" if "." in field else field
            ok = field in got if value == "*" else got.get(field) == value
            cell = tally[(e["half"], e["style"], e["kind"], name)]
            cell[0] += ok
            cell[1] += 1
            if not ok:
                misses.append({"file": e["file"], "field": field, "read": got.get(field), "half": e["half"]})
                cell[2] += field in got and value != "*"  # read, but not what is printed
    return {"tally": tally, "misses": misses, "seconds": time.perf_counter() - started}


def _cpu_seconds() -> float:
    """CPU seconds of this process and every process under it (the OCR workers, the scan's watchdog),
    read from /proc: worker processes stay alive, so getrusage's children figure would miss them."""
    import os

    def tree(pid: int) -> list[int]:
        kids = []
        for task in Path(f"/proc/{pid}/task").glob("*"):  # a child belongs to the thread that started it
            try:
                kids += (task / "children").read_text().split()
            except OSError:
                continue
        return [pid] + [p for kid in kids for p in tree(int(kid))]

    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in tree(os.getpid()):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def drop_to_view(out: Path, entries: list[dict], runs: int = 3) -> dict:
    """Seconds from dropping a two-page lease on its slot in the materials panel (a file never read
    before: stored, scanned, read by OCR) to the confirmation view showing its fields, the way a person
    gets there: the drop, then 从扫描件填写 as soon as the attach is done (the findings' reading started
    by the attach is running then). The first run starts the OCR workers (cold); CPU seconds of the app
    and its worker processes beside each."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hrdesk.desks.desk import Desk
    from hrdesk.rules.profile import Employee, Employer, Profile
    from hrdesk.ui import workers
    from hrdesk.ui.materials.materials_panel import MaterialsPanel

    app = QApplication.instance() or QApplication([])

    def settle(until) -> None:
        while not until():
            app.processEvents()
            time.sleep(0.002)

    leases = [e for e in entries if e["kind"] == "lease-contract" and e["style"] == "flatbed"][:runs]
    timings = {}
    with tempfile.TemporaryDirectory() as tmp, Desk.open(Path(tmp)) as desk:
        employer = Employer(
            name="北京测试科技有限公司", credit_code="91110114TEST0001X", district="changping"
        )
        panel = MaterialsPanel(desk, Path(tmp))
        panel.show()
        for n, lease in enumerate(leases):
            employee_id = desk.employees.add_profile(
                Profile(employer=employer, employee=Employee(name=f"测试{n}", id_number=""), materials=[])
            )
            panel.set_employee(employee_id)
            settle(lambda: not workers.busy())
            panel._select_slot("lease-contract")
            cpu, started = _cpu_seconds(), time.perf_counter()
            panel.attach_files("lease-contract", [str(out / lease["file"])])
            settle(lambda: not panel.is_busy())
            attached = time.perf_counter() - started
            panel._select_slot("lease-contract")
            panel._case = None  # the record is read with the files (before: a standalone panel's own
            # checklist reading was taken for a case, and the view failed)
            panel.fill_button.click()
            dialog = panel.fill_dialog
            settle(lambda dialog=dialog: dialog.loaded)
            seconds = time.perf_counter() - started
            fields = len(dialog.rows)
            spent = _cpu_seconds() - cpu
            timings["cold pool" if n == 0 else f"warm pool {n}"] = {
                "view_s": round(seconds, 2),
                "attach_s": round(attached, 2),
                "cpu_s": round(spent, 2),
                "fields": fields,
                "load": Path("/proc/loadavg").read_text().split()[0],
            }
            dialog.close()
            settle(lambda: not workers.busy())
    return timings


def markdown(result: dict, timings: dict) -> str:
    rows = []
    for style in ("flatbed", "phone"):
        for half in ("heldout", "calibration"):
            total = [0, 0, 0]
            for (h, s, kind, field), (ok, n, false) in sorted(result["tally"].items()):
                if h != half or s != style:
                    continue
                total[0] += ok
                total[1] += n
                total[2] += false
                rows.append(f"| {half} | {style} | {kind} | `{field}` | {ok}/{n} | {ok / n:.0%} | {false} |")
            if total[1]:
                rows.append(
                    f"| {half} | **{style}** | **all** | | **{total[0]}/{total[1]}** | **{total[0] / total[1]:.1%}**"
                    f" | **{total[2]}** |"
                )
    head = "| half | style | kind | field | exact | share | false |\n|---|---|---|---|---:|---:|---:|\n"
    return head + "\n".join(rows) + f"\n\nDrop to view (two-page lease): {timings}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--people", type=int, default=8)
    parser.add_argument("--seed", type=int, default=32)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--reuse", action="store_true", help="score the corpus already in --out")
    parser.add_argument("--src", type=Path, help="the checkout measured (default: this one)")
    parser.add_argument("--drop-only", action="store_true", help="only the drop to the view")
    parser.add_argument("--score-only", action="store_true", help="no drop to the view")
    parser.add_argument("--runs", type=int, default=3, help="drops of a lease (the first: cold pool)")
    parser.add_argument("--half", choices=["both", "heldout", "calibration"], default="both")
    args = parser.parse_args(argv)
    from compile_first import compile_first

    compile_first()
    if args.reuse:
        entries = json.loads((args.out / "fields-manifest.json").read_text(encoding="utf-8"))
        entries = [e for e in entries if args.half in ("both", e["half"])]
    else:
        t0 = time.perf_counter()
        entries = make_corpus(args.out, args.people, args.seed)
        print(f"generated {len(entries)} files in {time.perf_counter() - t0:.0f} s", flush=True)
    import hrdesk

    print(f"hrdesk from {Path(hrdesk.__file__).parent}, load {Path('/proc/loadavg').read_text().strip()}")
    if args.drop_only:
        print(json.dumps(drop_to_view(args.out, entries, args.runs), ensure_ascii=False, indent=1))
        return 0
    with tempfile.TemporaryDirectory() as data:
        result = score(args.out, entries, Path(data))
    timings = {} if args.score_only else drop_to_view(args.out, entries, args.runs)
    print(markdown(result, timings))
    print(f"read in {result['seconds']:.0f} s")
    for miss in result["misses"]:
        print("miss", miss)
    if args.json:
        tally = {"|".join(k): v for k, v in result["tally"].items()}
        args.json.write_text(
            json.dumps(
                {"tally": tally, "misses": result["misses"], "drop_to_view": timings},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
