"""`hrdesk import`: the preview (new / changed field by field / unchanged / errors) printed, then the
write unless --dry-run. All or nothing unless --keep-good-rows; --errors-out saves the refused rows as a
workbook with an error column."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .common import UsageError

if TYPE_CHECKING:
    from ..desks.desk import Desk
    from ..rosters.importing import ImportPreview

PREVIEW_LIMIT = 200  # rows listed per kind; the counts are always complete

_LABELS = {
    "zh": {
        "new": "新增",
        "changed": "变更",
        "row": "第 {row} 行",
        "more": "……另有 {n} 行",
        "saved": "错误行已保存到",
    },
    "en": {
        "new": "New",
        "changed": "Changed",
        "row": "row {row}",
        "more": "… {n} more rows",
        "saved": "Refused rows saved to",
    },
}


def print_preview(plan: ImportPreview, lang: str, out=None) -> None:
    out = out or sys.stdout  # looked up per call: a default bound at import outlives a replaced stdout
    labels = _LABELS[lang]
    for notice in plan.notices:
        print(notice.text(lang), file=out)
    for kind in ("new", "changed"):
        rows = [r for r in plan.rows if r.kind == kind]
        for r in rows[:PREVIEW_LIMIT]:
            where = labels["row"].format(row=r.row) if r.row else ""
            changes = "；".join(f"{c.column}：{c.old or '（空）'} → {c.new or '（空）'}" for c in r.changes)
            print(
                f"{labels[kind]} {where} {r.name} {r.id_masked}" + (f"  {changes}" if changes else ""),
                file=out,
            )
        if len(rows) > PREVIEW_LIMIT:
            print(labels["more"].format(n=len(rows) - PREVIEW_LIMIT), file=out)
    for issue in plan.errors:
        print(f"  - {issue.text(lang)}", file=sys.stderr)
    print(plan.summary(lang), file=out)


def run_import(args: argparse.Namespace, desk: Desk) -> int:
    from ..rosters.export import write_bad_rows
    from ..rosters.importing import ImportInterrupted, ImportRejected, apply, message_text, preview

    if not args.file.exists():
        desk.close()
        raise UsageError(f"{args.file}: no such file")
    lang = args.lang
    with desk:
        plan = preview(desk, args.file, sheet=args.sheet)
        print_preview(plan, lang)
        if args.errors_out and plan.errors:
            write_bad_rows(plan, args.errors_out, lang)
            print(f"{_LABELS[lang]['saved']} {args.errors_out}", file=sys.stderr)
        if args.dry_run:
            return 0 if plan.ok else 1
        try:
            result = apply(desk, plan, keep_good_rows=args.keep_good_rows)
        except ImportRejected as exc:
            print(
                f"hrdesk: {message_text('roster.rejected', {'count': len(exc.errors)}, lang)}",
                file=sys.stderr,
            )
            return 1
        except ImportInterrupted as exc:  # counts only: the driver's text would quote people's names
            params = {"stored": exc.stored, "total": exc.total}
            print(f"hrdesk: {message_text('roster.interrupted', params, lang)}", file=sys.stderr)
            return 1
    for row in result.conflicts[:PREVIEW_LIMIT]:
        print(
            message_text("roster.conflict-row", {"row": row.row, "id": row.id_masked}, lang), file=sys.stderr
        )
    if result.conflicts:
        print(message_text("roster.conflicts", {"count": len(result.conflicts)}, lang), file=sys.stderr)
    print(result.summary(lang))
    return 1 if result.conflicts else 0
