"""`hrdesk form FORM-ID PROFILE.json -o OUT.pdf` and `hrdesk pack PROFILE.json --business B -o OUTDIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import UsageError, business_arg, date_arg

FORM_CHOICES = ("integrity-unit", "integrity-individual", "housing-borrowing", "checklist")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("form", help="print a form to sign by hand, pre-filled from a profile")
    p.add_argument("form_id", metavar="FORM-ID", help=" | ".join(FORM_CHOICES))
    p.add_argument("profile", type=Path, nargs="?", help="profile JSON (or --employee for a stored employee)")
    p.add_argument("--employee", type=int, help="id of a stored employee instead of a profile file")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--business", type=business_arg, default="new", help="for the checklist (default new)")
    p.add_argument("--on", type=date_arg)
    p.set_defaults(handler=run_form)

    p = sub.add_parser("pack", help="assemble the upload PDFs for one profile and business")
    p.add_argument("profile", type=Path, nargs="?", help="profile JSON (or --employee for a stored employee)")
    p.add_argument("--employee", type=int, help="id of a stored employee instead of a profile file")
    p.add_argument("--business", type=business_arg, required=True)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--zip", action="store_true", help="also write OUTDIR.zip")
    p.add_argument("--force", action="store_true", help="pack even with missing or defective materials")
    p.add_argument("--on", type=date_arg)
    p.set_defaults(handler=run_pack)


def _profile(args: argparse.Namespace, folder: Path | None):
    from ..rules.profile import ProfileError
    from ..services.check import load_profile_file, policies

    if (args.profile is None) == (args.employee is None):
        raise UsageError("give either PROFILE.json or --employee ID")
    if args.employee is not None:
        with _stored(folder) as records:
            try:
                return records.profile(args.employee)
            except KeyError:
                raise UsageError(f"no stored employee with id {args.employee}") from None
    try:
        return load_profile_file(args.profile, policies(folder))
    except ProfileError as exc:
        raise UsageError(str(exc)) from None


def _stored(folder: Path | None):
    from ..paths import data_dir
    from ..services.records import Records

    return Records.open(folder or data_dir(), lock=False)


def run_form(args: argparse.Namespace, folder: Path | None) -> int:
    if args.form_id not in FORM_CHOICES:
        raise UsageError(f"unknown form '{args.form_id}'; expected one of {', '.join(FORM_CHOICES)}")
    profile = _profile(args, folder)
    from ..pdf.files import atomic_write_bytes
    from ..services.forms import make_form

    data = make_form(args.form_id, profile, args.business, args.on, folder)
    try:
        atomic_write_bytes(args.output, data)
    except OSError as exc:
        raise UsageError(f"{args.output}: cannot write ({exc.strerror})") from None
    print(f"{args.output}")
    return 0


def run_pack(args: argparse.Namespace, folder: Path | None) -> int:
    """Scan, then pack. Exit 1 when the pack is refused: one line per missing material or defective
    file (material：file：defect) on stderr; `--force` packs anyway and the checklist marks them."""
    from ..pdf.files import OutputError
    from ..services.materials import MaterialPathError
    from ..services.packs import PackRefused, build_pack, build_pack_for_stored

    try:
        if args.employee is not None:
            if args.profile is not None:
                raise UsageError("give either PROFILE.json or --employee ID")
            with _stored(folder) as records:
                try:
                    result = build_pack_for_stored(
                        records,
                        args.employee,
                        args.business,
                        args.output,
                        force=args.force,
                        make_zip=args.zip,
                        on=args.on,
                    )
                except KeyError:
                    raise UsageError(f"no stored employee with id {args.employee}") from None
        else:
            profile = _profile(args, folder)
            result = build_pack(
                profile,
                args.business,
                args.output,
                args.profile.resolve().parent,
                args.on,
                force=args.force,
                make_zip=args.zip,
                data_dir=folder,
            )
    except PackRefused as exc:
        print(
            "hrdesk: pack refused — materials are missing or defective (use --force to pack anyway):",
            file=sys.stderr,
        )
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except MaterialPathError as exc:
        raise UsageError(str(exc)) from None
    except (OutputError, OSError) as exc:
        raise UsageError(str(exc)) from None
    for line in result.overridden:
        print(f"hrdesk: packed anyway (--force): {line}", file=sys.stderr)
    for name in result.files:
        print(result.folder / name)
    if result.zip_path:
        print(result.zip_path)
    return 0
