"""The evaluator's adapter for hrdesk's one findings list per file (`hrdesk/materials/findings.py`):

    uv run python benchmarks/scan_corpus/evaluate.py --corpus /tmp/corpus27 --half heldout \
        --adapter unified:findings_for

Each person's profile is inspected once, in this process, with `inspect_profile` — the code path of
`hrdesk inspect PROFILE.json --json` and of the materials panel: image checks and the reading merged,
JPG/PNG read as the PDFs attaching makes of them. A fresh data folder, so nothing comes from a cache
(the timing is that of a first look). `FIRST_FINDINGS` records, per multi-page file, the seconds until
the first partial findings came back (what the panel shows after a drop).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from evaluate import TIMING

_DATA = Path(tempfile.mkdtemp(prefix="scan-corpus-unified-"))
_BY_FILE: dict[Path, list[dict]] = {}
_DONE: set[Path] = set()
FIRST_FINDINGS: dict[str, float] = {}
_POOL = None


def _pool():
    global _POOL
    if _POOL is None:
        from hrdesk.materials.inspection.pool import OcrPool

        _POOL = OcrPool()
        _POOL.warm_up()
    return _POOL


def _run(profile_path: Path, on: date) -> None:
    from hrdesk.checks.check import load_profile_file, policies
    from hrdesk.materials.inspection.inspect import inspect_profile

    profile = load_profile_file(profile_path, policies(_DATA))
    pool = _pool()
    started = time.perf_counter()
    first: dict[str, float] = {}

    def progress(done: int, total: int, partial) -> None:
        first.setdefault(partial.file, time.perf_counter() - started)

    results = inspect_profile(
        profile, profile_path.parent, on=on, data_dir=_DATA, pool=pool, on_progress=progress
    )
    TIMING["unified"] += time.perf_counter() - started
    for r in results:
        path = (profile_path.parent / r.file).resolve()
        _BY_FILE[path] = [
            {"code": f.code, "severity": f.severity, "page": f.page, "message": f.message} for f in r.findings
        ]
        if len(r.pages) >= 3 and r.file in first:
            FIRST_FINDINGS[str(path)] = first[r.file]


def findings_for(path: Path, kind: str, person: dict) -> list[dict]:
    profile = Path(person["profile"]).resolve()
    if profile not in _DONE:
        _DONE.add(profile)
        _run(profile, date.fromisoformat(person["on"]))
    return _BY_FILE.get(path.resolve(), [])


def first_findings_seconds(path: Path) -> float:
    """Seconds from a cold look at one file (no cache) to its first partial findings: the figure of a drop
    on the panel. The pool is warm, as the panel warms it when it opens."""
    from hrdesk.materials.inspection.inspect import inspect_material
    from hrdesk.rules.profile import Profile

    data = Path(tempfile.mkdtemp(prefix="scan-corpus-first-"))
    pool = _pool()
    profile = Profile()
    started = time.perf_counter()
    seen: list[float] = []

    def progress(done: int, total: int, partial) -> None:
        if not seen:
            seen.append(time.perf_counter() - started)

    inspect_material(profile, "labour-contract", path, data_dir=data, pool=pool, on_progress=progress)
    return seen[0] if seen else time.perf_counter() - started


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(f"{arg}: first findings after {first_findings_seconds(Path(arg)):.2f} s")
