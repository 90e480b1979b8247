"""`hrdesk check PROFILE.json --business B [--on DATE] [--json]` (SPEC §5)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import UsageError, add_business, date_arg, t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help=t("help.check"), description=t("help.check"))
    p.add_argument("profile", type=Path, metavar="PROFILE.json", help=t("help.check.profile"))
    add_business(p, required=True)
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help=t("help.on"))
    p.add_argument("--json", action="store_true", help=t("help.check.json"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..checks.check import load_profile_file, policies, run_check
    from ..checks.report import format_check
    from ..materials.profile_files import with_file_problems
    from ..paths import data_dir
    from ..rules.profile import ProfileError

    # The data folder as `deadlines` finds it: --data-dir, else HRDESK_DATA_DIR, else the user's folder;
    # its wage figures, holidays and policy settings decide the verdict the app shows too.
    folder = folder or data_dir()
    try:
        policy_set = policies(folder)
        profile = load_profile_file(args.profile, policy_set)
        # Papers it never opened are not 齐全: each material's file is looked at (its structure only).
        profile = with_file_problems(profile, args.profile.resolve().parent, args.lang)
        result = run_check(profile, args.business, args.on, folder, args.lang)
    except ProfileError as exc:
        raise UsageError(exc.message(args.lang)) from None
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_check(result, profile, args.lang))
    return 0
