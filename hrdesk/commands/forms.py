"""`hrdesk form FORM-ID PROFILE.json -o OUT.pdf` and `hrdesk pack PROFILE.json --business B -o OUTDIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import UsageError, add_business, date_arg, t

FORM_CHOICES = ("integrity-unit", "integrity-individual", "housing-borrowing", "checklist")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("form", help=t("help.form"), description=t("help.form"))
    p.add_argument("form_id", metavar="FORM-ID", help=t("help.form.id", choices=" | ".join(FORM_CHOICES)))
    p.add_argument(
        "profile", type=Path, nargs="?", metavar="PROFILE.json", help=t("help.profile-or-employee")
    )
    p.add_argument("--employee", type=int, metavar="ID", help=t("help.employee"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf", help=t("help.form.output"))
    add_business(p, help_key="help.form.business")
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help=t("help.on"))
    p.set_defaults(handler=run_form)

    p = sub.add_parser("pack", help=t("help.pack"), description=t("help.pack"))
    p.add_argument(
        "profile", type=Path, nargs="?", metavar="PROFILE.json", help=t("help.profile-or-employee")
    )
    p.add_argument("--employee", type=int, metavar="ID", help=t("help.employee"))
    add_business(p, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR", help=t("help.pack.output"))
    p.add_argument("--zip", action="store_true", help=t("help.pack.zip"))
    p.add_argument("--force", action="store_true", help=t("help.pack.force"))
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help=t("help.on"))
    p.set_defaults(handler=run_pack)


def _profile(args: argparse.Namespace, folder: Path | None):
    from ..checks.check import load_profile_file, policies
    from ..rules.profile import ProfileError

    if (args.profile is None) == (args.employee is None):
        raise UsageError("cli.profile-or-employee")
    if args.employee is not None:
        with _stored(folder) as desk:
            try:
                return desk.employees.profile(args.employee)
            except KeyError:
                raise UsageError("cli.no-employee", id=args.employee) from None
    try:
        return load_profile_file(args.profile, policies(folder))
    except ProfileError as exc:
        raise UsageError(exc.message(args.lang)) from None


def _stored(folder: Path | None):
    from ..desks.desk import Desk
    from ..paths import data_dir

    return Desk.open(folder or data_dir(), lock=False)


def _business_now(profile, on):
    """The business the person's permit calls for on that day, as the list's status says it (a
    suspended permit: employer change; a live one: renewal; none: new) — a checklist printed for a
    renewal must not say 新办."""
    from ..employees.status import business_for

    return business_for(profile, on)


def run_form(args: argparse.Namespace, folder: Path | None) -> int:
    if args.form_id not in FORM_CHOICES:
        raise UsageError("cli.unknown-form", value=args.form_id, choices=", ".join(FORM_CHOICES))
    profile = _profile(args, folder)
    from ..clock import Clock
    from ..forms.documents import make_form
    from ..pdf.files import atomic_write_bytes

    today = Clock().today()  # the command's clock: a run is one day
    business = args.business or _business_now(profile, args.on or today)
    data = make_form(args.form_id, profile, business, args.on, folder, today=today)
    try:
        atomic_write_bytes(args.output, data)
    except OSError as exc:
        raise UsageError("cli.cannot-write", path=args.output, reason=exc.strerror) from None
    print(f"{args.output}")
    return 0


def run_pack(args: argparse.Namespace, folder: Path | None) -> int:
    """Scan, then pack. Exit 1 when the pack is refused: one line per missing material or defective
    file (material：file：defect) on stderr; `--force` packs anyway and the checklist marks them."""
    from ..materials.paths import MaterialPathError
    from ..packs.upload_pack import PackRefused, build_pack, build_pack_for_stored
    from ..pdf.files import OutputError

    try:
        if args.employee is not None:
            if args.profile is not None:
                raise UsageError("cli.profile-or-employee")
            with _stored(folder) as desk:
                try:
                    result = build_pack_for_stored(
                        desk,
                        args.employee,
                        args.business,
                        args.output,
                        force=args.force,
                        make_zip=args.zip,
                        on=args.on,
                        lang=args.lang,
                    )
                except KeyError:
                    raise UsageError("cli.no-employee", id=args.employee) from None
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
                lang=args.lang,
            )
    except PackRefused as exc:
        print(t("cli.pack-refused"), file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except MaterialPathError as exc:
        raise UsageError(str(exc)) from None
    except (OutputError, OSError) as exc:
        raise UsageError(str(exc)) from None
    for line in result.overridden:
        print(t("cli.pack-forced", problem=line), file=sys.stderr)
    for line in result.warnings:  # open warnings of packed files: nothing stops, a person looks
        print(t("cli.pack-warning", problem=line), file=sys.stderr)
    for name in result.files:
        print(result.folder / name)
    if result.zip_path:
        print(result.zip_path)
    return 0
