"""Roster import: 50,000 rows through the real `hrdesk import` command, timed from the outside with the
child's peak RSS; then the same file again (everyone unchanged), then a dry run.

Run: uv run python benchmarks/bench_import.py [ROWS] [--python PYTHON] [--src DIR] [--json] [--again] [--changed]
(`--changed`: then a roster in which every person's hiring date differs, the re-import that writes them all)
(target: 50,000 rows ≤ 30 s and ≤ 300 MB peak RSS). `--src` runs the command from another checkout
(e.g. the code before the roster rework) with this environment, for before/after figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hrdesk.rules.idnumber import check_char  # noqa: E402

HEADERS = [
    "姓名",
    "身份证号",
    "单位名称",
    "统一社会信用代码",
    "所在区",
    "户籍类型",
    "入职日期",
    "参加工作日期",
    "最高学位",
    "职称",
    "婚姻状况",
    "住所类型",
    "住所有效期至",
    "劳动合同终止日期",
    "证件编号",
    "证件签发日期",
    "证件有效期至",
    "证件状态",
]


def roster(path: Path, rows: int, hired_on: str = "2024-03-01") -> Path:
    """A one-sheet roster in the template's columns; every row a different, valid person."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("员工名单")
    ws.append(HEADERS)
    for i in range(rows):
        birth = f"{1970 + i % 30}{1 + i % 12:02d}{1 + i % 28:02d}"
        first17 = f"{110101 + (i // 1000) % 900:06d}{birth}{i % 1000:03d}"
        ws.append(
            [
                f"员工{i:05d}",
                first17 + check_char(first17),
                "北京示例科技有限公司",
                "91110114MA01ABCD1X",
                "昌平区",
                "外省市",
                hired_on,
                "2018-07-01",
                "学士",
                "无",
                "已婚",
                "租赁",
                "2027-06-30",
                "2028-12-31",
                "",
                "",
                "",
                "",
            ]
        )
    wb.save(path)
    return path


def roster_json(path: Path, rows: int, months: int = 40) -> Path:
    """Profile JSON for `rows` people (the agency's export from another system): the example profile with
    a different valid person per row, 20 units (a unit's credit code is its identity) and `months`
    months of income each."""
    import copy
    import json

    base = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    base["materials"] = []
    periods = [f"{2023 + (k + 8) // 12}-{(k + 8) % 12 + 1:02d}" for k in range(months)]
    out = []
    for i in range(rows):
        d = copy.deepcopy(base)
        birth = f"{1970 + i % 30}{1 + i % 12:02d}{1 + i % 28:02d}"
        first17 = f"{110101 + (i // 1000) % 900:06d}{birth}{i % 1000:03d}"
        d["employee"]["id_number"] = first17 + check_char(first17)
        d["employee"]["name"] = f"员工{i:05d}"
        d["employee"]["monthly_income_cny"] = {p: 20000 + (i % 7) * 100 for p in periods}
        d["employer"]["name"] = f"北京测试单位{i % 20:02d}有限公司"
        d["employer"]["credit_code"] = f"9111011{i % 20:02d}MA0BENCH{i % 20:02d}"
        out.append(d)
    path.write_text(json.dumps({"profiles": out}, ensure_ascii=False), encoding="utf-8")
    return path


def run(python: str, src: Path, data: Path, *args: str) -> tuple[float, float, float, int, str]:
    """Wall seconds, CPU seconds (user + system: fairer on a shared machine), peak RSS (MB) of the
    child, exit code, last line of output."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    t = time.perf_counter()
    proc = subprocess.run(
        [python, "-m", "hrdesk", "--data-dir", str(data), "import", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=src,
    )
    seconds = time.perf_counter() - t
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    # ru_maxrss of children is the largest child so far (this run's peak when it is the largest).
    return seconds, cpu, max(usage.ru_maxrss, before) / 1024, proc.returncode, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=50_000)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--src", type=Path, default=ROOT)
    parser.add_argument("--json", action="store_true", help="profile JSON with 40 income months a person")
    parser.add_argument("--again", action="store_true", help="also import the same file a second time")
    parser.add_argument(
        "--changed",
        action="store_true",
        help="then a roster where every person's hiring date changed (.xlsx)",
    )
    parser.add_argument(
        "--statuses",
        action="store_true",
        help="then time the list statuses the app computes in the background",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.json:
            file = roster_json(Path(tmp) / "roster.json", args.rows)
        else:
            file = roster(Path(tmp) / "roster.xlsx", args.rows)
        print(f"{args.rows} rows, {file.stat().st_size / 1048576:.1f} MB {file.suffix}; code from {args.src}")
        data = Path(tmp) / "data"
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        seconds, cpu, peak, code, last = run(args.python, args.src, data, str(file))
        print(f"first import: {seconds:.1f} s ({cpu:.1f} s CPU), peak RSS {peak:.0f} MB, exit {code}: {last}")
        if args.again:
            seconds, cpu, peak, code, last = run(args.python, args.src, data, str(file))
            print(
                f"same file again: {seconds:.1f} s ({cpu:.1f} s CPU), peak RSS so far {peak:.0f} MB,"
                f" exit {code}: {last}"
            )
        if args.changed:
            changed = roster(Path(tmp) / "changed.xlsx", args.rows, hired_on="2024-04-01")
            seconds, cpu, peak, code, last = run(args.python, args.src, data, str(changed))
            print(
                f"every person changed: {seconds:.1f} s ({cpu:.1f} s CPU), peak RSS so far {peak:.0f} MB: {last}"
            )
        if args.statuses:
            # What the import left for the app's background refresh (stale_status_ids): before the import
            # stored the new people's statuses with them, every one of them; now none.
            from hrdesk.desks.desk import Desk

            with Desk.open(data) as desk:
                stale = desk.employees.stale_status_ids()
                t = time.perf_counter()
                desk.employees.refresh_statuses(ids=stale)
                print(
                    f"background status refresh afterwards: {len(stale)} employees in {time.perf_counter() - t:.1f} s"
                )


if __name__ == "__main__":
    main()
