"""`hrdesk read FILE [--kind K] [--json]`: the facts one scan states (name, ID number, dates, terms …),
each with the page and box it was read from and the OCR confidence, for proposing the record from the
documents. `hrdesk read FOLDER`: each scan's kind and fields, and the record its ID card proposes.
Exit 0 when it ran, 2 for unreadable input (one line)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import UsageError, date_arg, lang, t


def register(sub: argparse._SubParsersAction) -> None:
    from ..materials.inspection.field_readers import kinds

    p = sub.add_parser("read", help=t("help.read"), description=t("help.read"))
    p.add_argument("file", type=Path, metavar="FILE", help=t("help.read.file"))
    p.add_argument(
        "--kind", choices=kinds(), metavar="K", help=t("help.read.kind", choices=", ".join(kinds()))
    )
    p.add_argument("--json", action="store_true", help=t("help.read.json"))
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help=t("help.on"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..materials.inspection.fields import UnreadableFile, read_document, read_folder
    from ..materials.inspection.reading import inspection_available
    from ..paths import data_dir

    if not inspection_available():
        raise UsageError("cli.no-ocr")
    if args.file.is_dir():  # a folder of one person's scans: sorted into slots, a record proposed
        folder_result = read_folder(args.file, data_dir=folder or data_dir(), on=args.on)
        if args.json:
            json.dump(folder_result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return 0
        lines = []
        for path, kind, reading in folder_result.files:
            count = len(reading.fields) if reading else 0
            lines.append(t("read.folder-file", file=path.name, kind=kind or "?", n=count))
        if folder_result.identity:
            ident = folder_result.identity
            lines.append(t("read.folder-record", file=folder_result.identity_file, name=ident["name"].value))
        sys.stdout.write("\n".join(lines) + "\n")
        return 0
    if not args.file.is_file():
        raise UsageError("read.no-file", file=args.file.name)
    try:
        result = read_document(args.file, args.kind, data_dir=folder or data_dir(), on=args.on)
    except UnreadableFile as unreadable:
        # What is wrong and what to do (encrypted: save it unencrypted …), as attaching the file says.
        why = unreadable.message(lang())
        raise UsageError(why or "read.unreadable", **({} if why else {"file": args.file.name})) from None
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
