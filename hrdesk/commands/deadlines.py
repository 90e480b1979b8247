"""`hrdesk deadlines [--days N] [--json] [--ics FILE]`: the stored employees' deadlines."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deadlines", help="list or export the deadlines of the stored employees")
    p.add_argument("--days", type=int, default=60, help="how many days ahead (default 60)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--ics", type=Path, help="write an .ics calendar file instead")
    p.add_argument("--on", type=date.fromisoformat, help="count from this day (YYYY-MM-DD; default today)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..paths import data_dir
    from ..pdf.files import atomic_write_bytes
    from ..services.deadlines import stored_deadlines
    from ..services.ics import to_ics
    from ..services.records import Records

    today = args.on or date.today()
    with Records.open(folder or data_dir(), lock=False) as records:
        records.refresh_statuses(today, records.stale_status_ids(today))
        everything = stored_deadlines(records, args.lang)
    # Overdue duties first (never hidden by --days), then what falls within the window.
    overdue = [d for d in everything if d.overdue(today)]
    items = overdue + [d for d in everything if 0 <= (d.date - today).days <= args.days]
    if args.ics:
        atomic_write_bytes(args.ics, to_ics(items))
        print(f"{args.ics}（{len(items)}）")
        return 0
    if args.json:
        json.dump(
            [
                {
                    "employee_id": d.employee_id,
                    "employee": d.employee_name,
                    "employer": d.employer_name,
                    "district": d.district,
                    "code": d.code,
                    "date": d.date.isoformat(),
                    "message": d.message,
                    "overdue": d.overdue(today),
                    **({"material": d.material} if d.material else {}),
                }
                for d in items
            ],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
        return 0
    for d in items:
        mark = "已逾期" if d.overdue(today) else ""
        print(
            f"{mark:<3} {d.date.isoformat()}  {(d.date - today).days:>4}天  {d.employee_name}  {d.code}  {d.message}"
        )
    return 0
