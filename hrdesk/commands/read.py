"""`hrdesk read FILE [--kind K] [--json]`: the facts one scan states (name, ID number, dates, terms …),
each with the page and box it was read from and the OCR confidence, for proposing the record from the
documents. Exit 0 when it ran, 2 for unreadable input (one line)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import UsageError, date_arg, t


def register(sub: argparse._SubParsersAction) -> None:
    from ..materials.inspection.fields import kinds

    p = sub.add_parser("read", help=t("help.read"), description=t("help.read"))
    p.add_argument("file", type=Path, metavar="FILE", help=t("help.read.file"))
    p.add_argument(
        "--kind", choices=kinds(), metavar="K", help=t("help.read.kind", choices=", ".join(kinds()))
    )
    p.add_argument("--json", action="store_true", help=t("help.read.json"))
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help=t("help.on"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..materials.inspection import inspect as inspection
    from ..materials.inspection.fields import UnreadableFile, read_document
    from ..paths import data_dir

    if not inspection.inspection_available():
        raise UsageError("cli.no-ocr")
    if not args.file.is_file():
        raise UsageError("read.no-file", file=args.file.name)
    try:
        result = read_document(args.file, args.kind, data_dir=folder or data_dir(), on=args.on)
    except UnreadableFile:
        raise UsageError("read.unreadable", file=args.file.name) from None
    if args.json:
        json.dump({"file": args.file.name, **result.to_dict()}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    out = [t("read.header", file=args.file.name, kind=result.kind or "?", n=result.pages)]
    if not result.fields:
        out.append("  " + t("read.nothing"))
    for f in result.fields:
        out.append(f"  {f.field}: {f.value}  ({t('inspect.page', page=f.page)}, {f.confidence:.2f})")
    for name in result.refused:
        out.append("  " + t("read.refused", field=name))
    sys.stdout.write("\n".join(out) + "\n")
    return 0
