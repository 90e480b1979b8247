"""Score hrdesk's scan checks on a generated corpus (generate.py): per finding code recall, precision and
false blockers on good documents, per fault the detection rate, and pages per second.

    uv run python benchmarks/scan_corpus/evaluate.py --corpus /tmp/scan_corpus [--half heldout]
        [--adapter today | MODULE:FUNCTION] [--md OUT.md] [--json OUT.json]

The checks are reached through one function, `findings_for(path, kind, person) -> [{code, severity, page}]`.
`today_findings_for` below is that function for today's two systems (the image checks of
`hrdesk.pdf.scan.check_file`, fed JPEGs the way attaching and packing feed them, and `hrdesk inspect
PROFILE.json --json`); `--adapter hrdesk.some.module:findings_for` points the same scoring at a unified entry
point once there is one. Severities are normalised to blocker / warning / info.
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

Finding = dict  # {"code": str, "severity": "blocker" | "warning" | "info", "page": int | None, ...}
FindingsFor = Callable[[Path, str, dict], list[Finding]]

TIMING: dict[str, float] = defaultdict(float)  # seconds spent per system (the adapter fills it in)


# --- the adapter for today's code: the ONLY place that knows about hrdesk's current entry points ---------


class _Inspect:
    """`hrdesk inspect PROFILE.json --json --on DAY` once per person (the CLI reads a whole profile), results
    kept by file path. A fresh data folder, so no reading comes from the inspection cache."""

    def __init__(self, as_attached: bool) -> None:
        self.by_file: dict[Path, list[Finding]] = {}
        self.done: set[Path] = set()
        self.data_dir = Path(tempfile.mkdtemp(prefix="scan-corpus-eval-"))
        self.as_attached = as_attached

    def run(self, profile: Path, on: str) -> None:
        if profile in self.done:
            return
        self.done.add(profile)
        target, names = profile, {}
        if self.as_attached:
            target, names = self._as_attached(profile)
        cmd = [
            sys.executable,
            "-m",
            "hrdesk",
            "--data-dir",
            str(self.data_dir),
            "inspect",
            str(target),
            "--json",
            "--on",
            on,
        ]
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
        TIMING["ocr"] += time.perf_counter() - started
        if proc.returncode != 0:
            print(
                f"hrdesk inspect {profile}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}",
                file=sys.stderr,
            )
            return
        for material in json.loads(proc.stdout)["materials"]:
            path = (profile.parent / names.get(material["file"], material["file"])).resolve()
            self.by_file[path] = [
                {
                    "code": f["code"],
                    "severity": f["severity"],
                    "page": f["page"],
                    "system": "inspect",
                    "message": f["message"],
                }
                for f in material["findings"]
            ]

    def _as_attached(self, profile: Path) -> tuple[Path, dict[str, str]]:
        """A copy of the person's folder as the vault stores it: JPG/PNG converted to PDF the way attaching
        does (hrdesk/store/vault.py), so `inspect` reads phone photos too (it refuses images given as such)."""
        from hrdesk.pdf.pack import image_to_pdf

        shadow = self.data_dir / "as-attached" / profile.parent.name
        shadow.mkdir(parents=True, exist_ok=True)
        data = json.loads(profile.read_text(encoding="utf-8"))
        names = {}
        for material in data["materials"]:
            source = profile.parent / material["file"]
            if source.suffix.lower() in (".jpg", ".jpeg", ".png"):
                names[material["file"] + ".pdf"] = material["file"]
                material["file"] += ".pdf"
                (shadow / material["file"]).write_bytes(image_to_pdf(source))
            else:
                (shadow / material["file"]).write_bytes(source.read_bytes())
        target = shadow / "profile.json"
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return target, names


_INSPECT: _Inspect | None = None
AS_ATTACHED = (
    False  # --adapter today-as-attached: inspect reads images converted to PDF, as the vault stores them
)
_IMAGE_SEVERITY = {"refused": "blocker", "defect": "blocker", "warning": "warning"}


def today_findings_for(path: Path, kind: str, person: dict) -> list[Finding]:
    """Today's two systems for one file. `person` carries the profile (`profile`: path of the person's
    profile.json) and the application day (`on`). Image checks: JPG/PNG are converted to a PDF first, as the
    vault (attaching) and `hrdesk pack` do (hrdesk/store/vault.py, hrdesk/services/packs.py); defects and
    refusals are blockers. Inspection: the CLI's findings for this file as they are."""
    global _INSPECT
    from hrdesk.pdf.pack import image_to_pdf
    from hrdesk.pdf.scan import check_file

    started = time.perf_counter()
    if path.suffix.lower() in (".jpg", ".jpeg", ".png"):
        with tempfile.TemporaryDirectory(prefix="scan-corpus-") as tmp:
            converted = Path(tmp) / "image.pdf"
            converted.write_bytes(image_to_pdf(path))
            report = check_file(converted, kind=kind)
    else:
        report = check_file(path, kind=kind)
    TIMING["image"] += time.perf_counter() - started
    found = [
        {
            "code": f.code,
            "severity": _IMAGE_SEVERITY.get(f.severity, f.severity),
            "page": f.page,
            "system": "image",
            "message": f.message,
        }
        for f in report.flags
    ]
    _INSPECT = _INSPECT or _Inspect(AS_ATTACHED)
    _INSPECT.run(Path(person["profile"]).resolve(), person["on"])
    return found + _INSPECT.by_file.get(path.resolve(), [])


# --- scoring ------------------------------------------------------------------------------------------


def load_adapter(spec: str) -> FindingsFor:
    global AS_ATTACHED
    if spec in ("today", "today-as-attached"):
        AS_ATTACHED = spec == "today-as-attached"
        return today_findings_for
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name or "findings_for")


# Codes added since a corpus was generated that target one of its faults (a manifest made before them
# lists only the codes of its day; generate.py lists them now).
LATER_CODES = {"id_expired": ("SCAN_ID_EXPIRED",)}


def run(corpus: Path, half: str, findings_for: FindingsFor) -> tuple[dict, list[dict]]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    files = [f for f in manifest["files"] if half == "all" or f["half"] == half]
    for f in files:
        for code in LATER_CODES.get(f["fault"] or "", ()):
            if code not in f["expected_codes"]:
                f["expected_codes"] = [*f["expected_codes"], code]
    rows = []
    started = time.perf_counter()
    for i, f in enumerate(files, 1):
        person = f["person"] | {
            "profile": str(corpus / f["person"]["key"] / "profile.json"),
            "on": manifest["on"],
        }
        t0 = time.perf_counter()
        found = findings_for(corpus / f["path"], f["kind"], person)
        rows.append(f | {"found": found, "seconds": time.perf_counter() - t0})
        print(
            f"[{i}/{len(files)}] {f['path']} {f['fault'] or 'good'}: {sorted({x['code'] for x in found})}",
            file=sys.stderr,
        )
    return manifest | {"wall_seconds": time.perf_counter() - started}, rows


def score(rows: list[dict]) -> dict:
    codes: set[str] = set()
    for r in rows:
        codes |= {x["code"] for x in r["found"]} | set(r["expected_codes"]) | set(r["also_expected"])
    per_code = {}
    for code in sorted(codes):
        pos = [r for r in rows if code in r["expected_codes"] or code in r["also_expected"]]
        any_hit = [r for r in rows if any(x["code"] == code for x in r["found"])]
        blk_hit = [
            r for r in rows if any(x["code"] == code and x["severity"] == "blocker" for x in r["found"])
        ]
        tp = [r for r in any_hit if r in pos]
        per_code[code] = {
            "expected_files": len(pos),
            "recall": _ratio(len(tp), len(pos)),
            "recall_blocker": _ratio(len([r for r in blk_hit if r in pos]), len(pos)),
            "reported_files": len(any_hit),
            "precision": _ratio(len(tp), len(any_hit)),
            "false_blockers_good": len([r for r in blk_hit if r["good"] and code not in r["also_expected"]]),
            "false_warnings_good": len(
                [r for r in any_hit if r["good"] and r not in blk_hit and code not in r["also_expected"]]
            ),
            "other_faulty_files": len([r for r in any_hit if not r["good"] and r not in pos]),
        }
    per_fault = {}
    for fault in sorted({r["fault"] for r in rows if r["fault"]}):
        fr = [r for r in rows if r["fault"] == fault]
        hit = [r for r in fr if any(x["code"] in r["expected_codes"] for x in r["found"])]
        hit_b = [
            r
            for r in fr
            if any(x["code"] in r["expected_codes"] and x["severity"] == "blocker" for x in r["found"])
        ]
        seen = Counter(x["code"] for r in fr for x in {y["code"]: y for y in r["found"]}.values())
        per_fault[fault] = {
            "files": len(fr),
            "expected_codes": fr[0]["expected_codes"],
            "detected": len(hit),
            "detected_as_blocker": len(hit_b),
            "codes_seen": dict(seen.most_common()),
        }
    good = [r for r in rows if r["good"]]
    bad = [r for r in rows if not r["good"]]
    blocked_good = [
        r
        for r in good
        if any(x["severity"] == "blocker" and x["code"] not in r["also_expected"] for x in r["found"])
    ]
    by_style = {}
    for style in sorted({r["style"] for r in good}):
        g = [r for r in good if r["style"] == style]
        by_style[style] = {"good_files": len(g), "blocked": len([r for r in g if r in blocked_good])}
    by_dpi = {}
    for dpi in sorted({r["dpi"] for r in good}):
        g = [r for r in good if r["dpi"] == dpi]
        by_dpi[str(dpi)] = {"good_files": len(g), "blocked": len([r for r in g if r in blocked_good])}
    pages = sum(r["pages"] for r in rows)
    return {
        "files": len(rows),
        "good_files": len(good),
        "faulty_files": len(bad),
        "pages": pages,
        "good_files_blocked": len(blocked_good),
        "good_files_clean": len([r for r in good if not r["found"]]),
        "faulty_files_detected": len(
            [r for r in bad if any(x["code"] in r["expected_codes"] for x in r["found"])]
        ),
        "good_blocked_by_style": by_style,
        "good_blocked_by_dpi": by_dpi,
        "per_code": per_code,
        "per_fault": per_fault,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.0f}%"


def markdown(result: dict) -> str:
    s, t = result["score"], result["throughput"]
    out = [
        f"Corpus seed {result['seed']}, half `{result['half']}`, adapter `{result['adapter']}`: {s['files']} files "
        f"({s['good_files']} good, {s['faulty_files']} faulty), {s['pages']} pages.",
        "",
        f"- good files with at least one blocker: **{s['good_files_blocked']} / {s['good_files']}**; good files with no "
        f"finding at all: {s['good_files_clean']} / {s['good_files']}",
        f"- faulty files where an expected code was reported (any severity): {s['faulty_files_detected']} / {s['faulty_files']}",
        "- good files blocked, by source style: "
        + ", ".join(f"{k} {v['blocked']}/{v['good_files']}" for k, v in s["good_blocked_by_style"].items())
        + "; by dpi: "
        + ", ".join(f"{k} {v['blocked']}/{v['good_files']}" for k, v in s["good_blocked_by_dpi"].items()),
        "- throughput: "
        + ", ".join(f"{k} {v['pages_per_second']:.2f} pages/s ({v['seconds']:.0f} s)" for k, v in t.items()),
        "",
        "| code | expected files | recall (any) | recall (blocker) | reported files | precision | false blockers on good | false warnings on good | on faulty files for another fault |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for code, c in s["per_code"].items():
        out.append(
            f"| `{code}` | {c['expected_files']} | {_pct(c['recall'])} | {_pct(c['recall_blocker'])} | {c['reported_files']} | "
            f"{_pct(c['precision'])} | {c['false_blockers_good']} | {c['false_warnings_good']} | {c['other_faulty_files']} |"
        )
    out += [
        "",
        "| fault | files | expected | detected (any) | as blocker | codes reported on these files |",
        "|---|---:|---|---:|---:|---|",
    ]
    for fault, f in s["per_fault"].items():
        seen = ", ".join(f"{k} {v}" for k, v in f["codes_seen"].items())
        out.append(
            f"| {fault} | {f['files']} | {', '.join(f['expected_codes'])} | {f['detected']} | {f['detected_as_blocker']} | {seen} |"
        )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--half", choices=["all", "calibration", "heldout"], default="all")
    ap.add_argument(
        "--adapter",
        default="today",
        help="today (the CLI on the files as they are), today-as-attached (JPG/PNG converted to PDF first, as "
        "attaching stores them), or MODULE:FUNCTION with findings_for's signature",
    )
    ap.add_argument("--md", type=Path, help="write the markdown report here too")
    ap.add_argument("--json", type=Path, help="write the full result (per file findings included) here")
    args = ap.parse_args(argv)
    manifest, rows = run(args.corpus, args.half, load_adapter(args.adapter))
    if _INSPECT is not None:
        shutil.rmtree(_INSPECT.data_dir, ignore_errors=True)
    s = score(rows)
    pages = s["pages"]
    throughput = {k: {"seconds": v, "pages_per_second": pages / v if v else 0.0} for k, v in TIMING.items()}
    throughput["total"] = {
        "seconds": manifest["wall_seconds"],
        "pages_per_second": pages / manifest["wall_seconds"],
    }
    result = {
        "seed": manifest["seed"],
        "half": args.half,
        "adapter": args.adapter,
        "on": manifest["on"],
        "score": s,
        "throughput": throughput,
        "files": [
            {
                k: r[k]
                for k in ("path", "kind", "style", "dpi", "pages", "good", "fault", "expected_codes", "found")
            }
            for r in rows
        ],
    }
    md = markdown(result)
    sys.stdout.write(md)
    if args.md:
        args.md.write_text(md, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
