"""`hrdesk inspect (PROFILE.json | --employee ID) [--json]`: read every material's scan offline and say
what a reviewer would return it for (SPEC §6). Exit 0 when it ran, 2 for unreadable input."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import UsageError, add_business, date_arg, t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inspect", help=t("help.inspect"), description=t("help.inspect"))
    p.add_argument(
        "profile", type=Path, nargs="?", metavar="PROFILE.json", help=t("help.profile-or-employee")
    )
    p.add_argument("--employee", type=int, metavar="ID", help=t("help.employee"))
    p.add_argument("--json", action="store_true", help=t("help.inspect.json"))
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help=t("help.on"))
    add_business(p, help_key="help.inspect.business")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..materials.inspection import inspect as inspection
    from ..materials.inspection.reading import inspection_available
    from ..paths import data_dir

    if (args.profile is None) == (args.employee is None):
        raise UsageError("cli.profile-or-employee")
    if not inspection_available():
        raise UsageError("cli.no-ocr")
    lang = args.lang
    folder = folder or data_dir()
    if args.employee is not None:
        from ..desks.desk import Desk

        with Desk.open(folder, lock=False) as desk:
            try:
                results = inspection.inspect_employee(
                    desk, args.employee, on=args.on, business=args.business, lang=lang
                )
            except KeyError:
                raise UsageError("cli.no-employee", id=args.employee) from None
    else:
        from ..checks.check import load_profile_file, policies
        from ..rules.profile import ProfileError

        try:
            profile = load_profile_file(args.profile, policies(folder))
        except ProfileError as exc:
            raise UsageError(exc.message(args.lang)) from None
        results = inspection.inspect_profile(
            profile,
            args.profile.resolve().parent,
            on=args.on,
            business=args.business,
            data_dir=folder,
            lang=lang,
        )
    if args.json:
        json.dump({"materials": [r.to_dict() for r in results]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_text(results))
    return 0


def _text(results: list) -> str:
    if not results:
        return t("inspect.no-files") + "\n"
    out = []
    for r in results:
        out.append(t("inspect.material", kind=r.kind, file=r.file, n=len(r.pages)))
        if not r.findings:
            out.append("  " + t("inspect.clean"))
        for f in r.findings:
            page = t("inspect.page", page=f.page) + " " if f.page else ""
            out.append(f"  [{f.severity}] {f.code} {page}{f.message}")
    return "\n".join(out) + "\n"
