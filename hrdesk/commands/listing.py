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


def _status_label(status: str, urgency: str | None, lang: str) -> str:
    """The status as the window shows it: "挂起 · 已逾期" when a last safe day has passed."""
    from ..labels import label

    shown = label("status", status, lang)
    return f"{shown} · {label('status', urgency, lang)}" if urgency == "overdue" else shown


def _urgent_first(rows: list[dict]) -> list[dict]:
    from ..employees.views import urgency_rank

    return sorted(rows, key=lambda o: urgency_rank(o["urgency"]))


def _json_rows_in(folder: Path, lang: str) -> list[dict] | None:
    """The listing from a SQLite data folder without opening a desk (see `sqlite_list_rows`)."""
    import os

    from ..labels import label
    from ..rules.idnumber import mask
    from ..store.bulk_reads import sqlite_list_rows
    from ..store.errors import ENV_DATABASE_URL

    if os.environ.get(ENV_DATABASE_URL, "").strip():
        return None
    rows = sqlite_list_rows(folder / "hrdesk.sqlite")
    if rows is None:
        return None
    return [
        {
            "id": r[0],
            "name": r[1],
            "id_number_masked": mask(r[2]),
            "unit": r[3],
            "district": r[4],
            "status": r[5],
            "status_label": _status_label(r[5], r[8], lang),
            "urgency": r[8],
            "next_deadline": str(r[6])[:10] if r[6] else None,
            "next_deadline_code": r[7],
            "next_deadline_label": label("deadline", r[7], lang),
        }
        for r in rows
    ]


def _write_json(out: list[dict]) -> None:
    # One employee a line, written at once: the indenting encoder writes 40 pieces per employee, and
    # json.dumps(…, ensure_ascii=False) builds a new encoder for each of 10,000 lines; one encoder serves all.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    sys.stdout.write("[\n" + ",\n".join(map(encode, out)) + "\n]\n")


def run(args: argparse.Namespace, folder: Path | None) -> int:
    from ..labels import label
    from ..paths import data_dir

    folder = folder or data_dir()
    lang = args.lang
    if args.json:
        fast = _json_rows_in(folder, lang)
        if fast is not None:
            _write_json(_urgent_first(fast))
            return 0
    from ..desks.desk import Desk
    from ..text.pinyin import sort_key

    with Desk.open(folder, lock=False) as desk:
        rows = desk.employees.summaries(searchable=False)
    if args.json:
        out = [
            {
                "id": s.id,
                "name": s.name,
                "id_number_masked": s.id_masked,
                "unit": s.employer_name,
                "district": s.district,
                "status": s.status,
                "status_label": _status_label(s.status, s.urgency, lang),
                "urgency": s.urgency,
                "next_deadline": s.next_deadline.isoformat() if s.next_deadline else None,
                "next_deadline_code": s.next_deadline_code,
                "next_deadline_label": label("deadline", s.next_deadline_code, lang),
            }
            for s in rows
        ]
        _write_json(_urgent_first(out))
        return 0
    if not rows:
        print(text("cli.list-empty", lang))
        return 0
    table = [text("cli.list-header", lang).split("|")]
    from ..employees.views import urgency_rank

    for s in sorted(rows, key=lambda s: (urgency_rank(s.urgency), sort_key(s.name))):
        table.append(
            [
                str(s.id),
                s.name,
                s.employer_name,
                _status_label(s.status, s.urgency, lang),
                label("deadline", s.next_deadline_code, lang),
                s.next_deadline.isoformat() if s.next_deadline else "",
            ]
        )
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
    print(text("cli.list-count", lang, n=len(rows)))
    return 0
