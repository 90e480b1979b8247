"""`hrdesk check PROFILE.json --business B [--on DATE] [--json]` (SPEC §5)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..cli import UsageError, business_arg, date_arg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check one profile for one business")
    p.add_argument("profile", type=Path)
    p.add_argument("--business", required=True, type=business_arg)
    p.add_argument("--on", type=date_arg, help="date of the application (default today)")
    p.add_argument("--json", action="store_true", help="print the SPEC §5 JSON object")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..rules.profile import ProfileError
    from ..services.check import load_profile_file, policies, run_check
    from ..services.report import format_check

    try:
        policy_set = policies(folder)
        profile = load_profile_file(args.profile, policy_set)
        result = run_check(profile, args.business, args.on, folder, args.lang)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_check(result, profile, args.lang))
    return 0
