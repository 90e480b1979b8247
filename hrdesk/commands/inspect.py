"""`hrdesk inspect (PROFILE.json | --employee ID) [--json]`: read every material's scan offline and say
what a reviewer would return it for (SPEC §6, issue 18). Exit 0 when it ran, 2 for unreadable input."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..cli import UsageError, business_arg, date_arg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inspect", help="read the material scans and compare them with the record")
    p.add_argument("profile", type=Path, nargs="?", help="profile JSON (or --employee for a stored employee)")
    p.add_argument("--employee", type=int, help="id of a stored employee instead of a profile file")
    p.add_argument("--json", action="store_true", help="print the SPEC §6 JSON object")
    p.add_argument("--on", type=date_arg, help="date of the application (default today)")
    p.add_argument("--business", type=business_arg, help="business (default: from the permit)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..paths import data_dir
    from ..services import inspection

    if (args.profile is None) == (args.employee is None):
        raise UsageError("give either PROFILE.json or --employee ID")
    if not inspection.inspection_available():
        raise UsageError("this installation has no OCR engine (rapidocr-onnxruntime): cannot read scans")
    lang = getattr(args, "lang", "zh")
    folder = folder or data_dir()
    if args.employee is not None:
        from ..services.records import Records

        with Records.open(folder, lock=False) as records:
            try:
                results = inspection.inspect_employee(
                    records, args.employee, on=args.on, business=args.business, lang=lang
                )
            except KeyError:
                raise UsageError(f"no stored employee with id {args.employee}") from None
    else:
        from ..rules.profile import ProfileError
        from ..services.check import load_profile_file, policies

        try:
            profile = load_profile_file(args.profile, policies(folder))
        except ProfileError as exc:
            raise UsageError(str(exc)) from None
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
        sys.stdout.write(_text(results, lang))
    return 0


def _text(results: list, lang: str) -> str:
    if not results:
        return "No material names a file.\n" if lang == "en" else "没有附带文件的材料。\n"
    out = []
    for r in results:
        head = f"{r.kind}  {r.file}  ({len(r.pages)} {'pages' if lang == 'en' else '页'})"
        out.append(head)
        if not r.findings:
            out.append("  ok" if lang == "en" else "  未发现问题")
        for f in r.findings:
            page = f"p.{f.page} " if f.page else ""
            out.append(f"  [{f.severity}] {f.code} {page}{f.message}")
    return "\n".join(out) + "\n"
