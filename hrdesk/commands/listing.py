"""`hrdesk list [--json]`: the stored employees with the ids that `--employee` takes."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from ..catalogue import text
from .common import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help=t("help.list"), description=t("help.list"))
    p.add_argument("--json", action="store_true", help=t("help.json"))
    p.set_defaults(handler=run)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..desks.desk import Desk
    from ..labels import label
    from ..paths import data_dir
    from ..text.pinyin import sort_key

    with Desk.open(folder or data_dir(), lock=False) as desk:
        rows = desk.employees.summaries()
    lang = args.lang
    if args.json:
        out = [
            {
                "id": s.id,
                "name": s.name,
                "id_number_masked": s.id_masked,
                "unit": s.employer_name,
                "district": s.district,
                "status": s.status,
                "status_label": label("status", s.status, lang),
                "next_deadline": s.next_deadline.isoformat() if s.next_deadline else None,
                "next_deadline_code": s.next_deadline_code,
                "next_deadline_label": label("deadline", s.next_deadline_code, lang),
            }
            for s in rows
        ]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print(text("cli.list-empty", lang))
        return 0
    table = [text("cli.list-header", lang).split("|")]
    for s in sorted(rows, key=lambda s: sort_key(s.name)):
        table.append(
            [
                str(s.id),
                s.name,
                s.employer_name,
                label("status", s.status, lang),
                label("deadline", s.next_deadline_code, lang),
                s.next_deadline.isoformat() if s.next_deadline else "",
            ]
        )
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
    print(text("cli.list-count", lang, n=len(rows)))
    return 0
