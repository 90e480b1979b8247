"""`hrdesk deadlines [--days N] [--json] [--ics FILE] [--on DATE]`: the stored employees' deadlines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..catalogue import text
from ..clock import Clock
from .common import UsageError, date_arg, t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deadlines", help=t("help.deadlines"), description=t("help.deadlines"))
    p.add_argument("--days", type=int, default=60, metavar="N", help=t("help.deadlines.days"))
    p.add_argument("--json", action="store_true", help=t("help.json"))
    p.add_argument("--ics", type=Path, metavar="FILE.ics", help=t("help.deadlines.ics"))
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help=t("help.deadlines.on"))
    p.set_defaults(handler=run)


def _when(days: int, lang: str) -> str:
    if days == 0:
        return text("cli.days-today", lang)
    return text("cli.days-left", lang, n=days) if days > 0 else text("cli.days-ago", lang, n=-days)


def run(args: argparse.Namespace, folder: Path | None, clock: Clock | None = None) -> int:
    """`clock`: the desk's day and time (the real clock from the command line); `--on` looks at the
    deadlines from another day, but the calendar file is still stamped with the clock's time."""
    from ..deadlines.ics import export_ics
    from ..deadlines.stored import stored_deadlines
    from ..desks.desk import Desk
    from ..labels import label
    from ..paths import data_dir

    lang = args.lang
    if args.days < 0:
        raise UsageError("cli.negative-days")
    clock = clock or Clock()
    today = getattr(args, "on", None) or clock.today()
    folder = folder or data_dir()
    with Desk.open(folder, lock=False) as desk:
        desk.employees.refresh_statuses(today, desk.employees.stale_status_ids(today))
        everything = stored_deadlines(desk, lang)
    # Overdue duties first (never hidden by --days), then what falls within the window.
    overdue = [d for d in everything if d.overdue(today)]
    items = overdue + [d for d in everything if 0 <= (d.date - today).days <= args.days]
    if args.ics:
        try:
            # Deadlines outside the window still exist: they are left out, not cancelled.
            n = export_ics(
                args.ics, items, folder, now=clock.now(), still_exist=[d.key for d in everything], lang=lang
            )
        except OSError as exc:
            raise UsageError("cli.cannot-write", path=args.ics, reason=exc.strerror) from None
        print(text("cli.deadlines-written", lang, path=args.ics, n=n))
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
                    "label": label("deadline", d.code, lang),
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
    if not items:
        print(text("cli.no-deadlines", lang, days=args.days, n=args.days))
    mark = text("cli.overdue", lang)
    for d in items:
        flag = mark if d.overdue(today) else " " * len(mark)
        when = _when((d.date - today).days, lang)
        print(f"{flag}  {d.date.isoformat()}  {when}  {d.employee_name}  {d.message}")
    return 0
