"""How exactly `hrdesk read` takes each field off generated scans, and how long from dropping a two-page
document to the confirmation view.

    uv run python benchmarks/bench_read.py --out /tmp/read_corpus [--people 8] [--seed 32] [--json out.json]

Scans are drawn by the scan corpus's own layouts and capture (`scan_corpus/fields_truth.py`, which also
says what each document prints): every kind as a clean 300-dpi flatbed scan, and the single-page kinds
as a phone photo too. People are split into halves (even: calibration, odd: held-out); the figures to
quote are the held-out half's. A field is exact when the value read equals the printed one; a missing
field counts as not exact.
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
sys.path.insert(0, str(HERE.parent))

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
    from hrdesk.materials.inspection.fields import read_document

    tally: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    started = time.perf_counter()
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
    return {"tally": tally, "misses": misses, "seconds": time.perf_counter() - started}


def drop_to_view(out: Path, entries: list[dict]) -> dict:
    """Seconds from attaching a two-page lease to a record to the confirmation view showing its fields
    (OCR of both pages included: a file never read before), with the OCR workers cold and warm."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hrdesk.desks.desk import Desk
    from hrdesk.materials.inspection import inspect as inspection
    from hrdesk.rules.profile import Employee, Employer, Profile
    from hrdesk.ui.materials.confirm_fields import ConfirmFieldsDialog, sources_for

    app = QApplication.instance() or QApplication([])
    leases = [e for e in entries if e["kind"] == "lease-contract" and e["style"] == "flatbed"][:3]
    timings = {}
    with tempfile.TemporaryDirectory() as tmp, Desk.open(Path(tmp)) as desk:
        employer = Employer(
            name="北京测试科技有限公司", credit_code="91110114TEST0001X", district="changping"
        )
        for n, lease in enumerate(leases):
            if n == 1:
                inspection.warm_up()
            employee_id = desk.employees.add_profile(
                Profile(employer=employer, employee=Employee(name=f"测试{n}", id_number=""), materials=[])
            )
            started = time.perf_counter()
            desk.materials.add_page(employee_id, "lease-contract", out / lease["file"])
            dialog = ConfirmFieldsDialog(desk, employee_id, sources_for(desk, employee_id, "lease-contract"))
            dialog.show()
            while not dialog.loaded:
                app.processEvents()
                time.sleep(0.005)
            timings["cold pool" if n == 0 else f"warm pool {n}"] = round(time.perf_counter() - started, 2)
            dialog.close()
    return timings


def markdown(result: dict, timings: dict) -> str:
    rows = []
    for style in ("flatbed", "phone"):
        for half in ("heldout",):
            total = [0, 0]
            for (h, s, kind, field), (ok, n) in sorted(result["tally"].items()):
                if h != half or s != style:
                    continue
                total[0] += ok
                total[1] += n
                rows.append(f"| {style} | {kind} | `{field}` | {ok}/{n} | {ok / n:.0%} |")
            if total[1]:
                rows.append(
                    f"| **{style}** | **all** | | **{total[0]}/{total[1]}** | **{total[0] / total[1]:.1%}** |"
                )
    head = "| style | kind | field | exact | share |\n|---|---|---|---:|---:|\n"
    return head + "\n".join(rows) + f"\n\nDrop to view (two-page lease): {timings}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--people", type=int, default=8)
    parser.add_argument("--seed", type=int, default=32)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--reuse", action="store_true", help="score the corpus already in --out")
    args = parser.parse_args(argv)
    if args.reuse:
        entries = json.loads((args.out / "fields-manifest.json").read_text(encoding="utf-8"))
    else:
        t0 = time.perf_counter()
        entries = make_corpus(args.out, args.people, args.seed)
        print(f"generated {len(entries)} files in {time.perf_counter() - t0:.0f} s", flush=True)
    with tempfile.TemporaryDirectory() as data:
        result = score(args.out, entries, Path(data))
    timings = drop_to_view(args.out, entries)
    print(markdown(result, timings))
    print(f"read in {result['seconds']:.0f} s")
    for miss in result["misses"]:
        if miss["half"] == "heldout":
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
