"""Record commands: demo, import, export, backup, restore — all honour --data-dir / HRDESK_DATA_DIR."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import UsageError, lang, t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=t("help.demo-command"), description=t("help.demo-command"))
    p.set_defaults(handler=run_demo)
    p = sub.add_parser("import", help=t("help.import"), description=t("help.import"))
    p.add_argument("file", type=Path, metavar="FILE", help=t("help.import.file"))
    p.add_argument("--dry-run", action="store_true", help=t("help.import.dry-run"))
    p.add_argument("--keep-good-rows", action="store_true", help=t("help.import.keep-good-rows"))
    p.add_argument("--sheet", help=t("help.import.sheet"))
    p.add_argument("--errors-out", type=Path, metavar="FILE.xlsx", help=t("help.import.errors-out"))
    p.set_defaults(handler=run_import)
    p = sub.add_parser("template", help=t("help.template"), description=t("help.template"))
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.xlsx", help=t("help.template.output")
    )
    p.set_defaults(handler=run_template)
    p = sub.add_parser("export", help=t("help.export"), description=t("help.export"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help=t("help.export.output"))
    p.set_defaults(handler=run_export)
    p = sub.add_parser("backup", help=t("help.backup"), description=t("help.backup"))
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.zip", help=t("help.backup.output")
    )
    p.set_defaults(handler=run_backup)
    p = sub.add_parser("restore", help=t("help.restore"), description=t("help.restore"))
    p.add_argument("file", type=Path, metavar="FILE.zip", help=t("help.restore.file"))
    p.add_argument("--yes", action="store_true", help=t("help.restore.yes"))
    p.set_defaults(handler=run_restore)


def _folder(folder: Path | None) -> Path:
    from ..paths import data_dir

    return folder or data_dir()


def _open(folder: Path | None, lock: bool = True):
    from ..desks.desk import Desk
    from ..store.db import StoreLocked

    try:
        return Desk.open(_folder(folder), lock=lock)
    except StoreLocked as exc:
        raise UsageError(exc.message(lang())) from None


def run_demo(args: argparse.Namespace, folder: Path | None) -> int:
    from ..desks.demo import create_demo

    target = _folder(folder)
    create_demo(target)
    print(target)
    return 0


def run_import(args: argparse.Namespace, folder: Path | None) -> int:
    from .roster_import import run_import as run

    return run(args, _open(folder))


def run_template(args: argparse.Namespace, folder: Path | None) -> int:
    from ..rosters.api import write_template

    write_template(args.output)
    print(args.output)
    return 0


def run_export(args: argparse.Namespace, folder: Path | None) -> int:
    from ..rosters.api import export_json, export_xlsx

    suffix = args.output.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise UsageError("cli.export-kind", name=args.output.name)
    with _open(folder, lock=False) as desk:
        if suffix == ".json":
            n = export_json(desk, args.output)
        else:
            deadlines = []
            try:
                from ..deadlines.stored import upcoming_rows

                deadlines = upcoming_rows(desk)
            except ImportError:
                deadlines = None
            n = export_xlsx(desk, args.output, deadlines)
    print(t("cli.exported", path=str(args.output), n=n))
    return 0


def run_backup(args: argparse.Namespace, folder: Path | None) -> int:
    from ..desks.backup import BackupError, create_backup

    try:
        create_backup(_folder(folder), args.output)
    except BackupError as exc:
        raise UsageError(exc.message(lang())) from None
    print(args.output)
    return 0


def run_restore(args: argparse.Namespace, folder: Path | None) -> int:
    """Verify, print the counts before and after, ask when current employees would be gone (unless
    --yes), restore. Exit 0 restored, 1 declined (nothing changed), 2 a refused or unreadable backup."""
    import sys

    from ..desks.backup import BackupError, plan_restore, restore_backup
    from ..store.db import InstanceLock, StoreLocked
    from .common import lang

    target = _folder(folder)
    lock = InstanceLock(target)
    try:
        lock.acquire()
        plan = plan_restore(args.file, target)
        print(
            t(
                "cli.restore-plan",
                name=args.file.name,
                backup_employees=plan.backup_employees,
                backup_materials=plan.backup_materials,
                current_employees=plan.current_employees,
                current_materials=plan.current_materials,
            )
        )
        if plan.removes_people and not args.yes:
            print(t("cli.restore-removes", n=plan.people_removed))
            try:
                answer = input(t("cli.restore-confirm"))
            except (EOFError, OSError):  # no terminal to ask at: no answer is no
                answer = ""
            if answer.strip().lower() not in ("y", "yes", "是"):
                print(t("cli.restore-cancelled"), file=sys.stderr)
                return 1
        restore_backup(args.file, target)
    except BackupError as exc:
        raise UsageError(exc.message(lang())) from None
    except StoreLocked as exc:
        raise UsageError(exc.message(lang())) from None
    finally:
        lock.release()
    print(t("cli.restored", name=args.file.name, folder=target))
    return 0
