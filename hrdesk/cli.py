"""Command line: the desktop app by default, and the same services for batch work (SPEC §5).

Exit codes: 0 whenever a command ran (whatever the verdict), 2 for input that cannot be read, with
one line on stderr that says what and where — never a traceback. Subcommands live in
`hrdesk/commands/`, one module per area.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from datetime import date
from pathlib import Path

from .rules.policy import BUSINESSES


class UsageError(Exception):
    """Bad input: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line instead of usage + message
        raise UsageError(message)


def date_arg(value: str) -> date:
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date YYYY-MM-DD") from None


def business_arg(value: str) -> str:
    if value not in BUSINESSES:
        raise argparse.ArgumentTypeError(
            f"unknown business '{value}'; expected one of {', '.join(BUSINESSES)}"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    from .commands import MODULES

    parser = _Parser(prog="hrdesk", description="Beijing Work Residence Permit workbench for HR staff.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--demo", action="store_true", help="start the app on a fresh demo database")
    parser.add_argument("--tray", action="store_true", help="start in the system tray (used at login)")
    parser.add_argument(
        "--self-test", action="store_true", help="check that this installation works, then exit"
    )
    parser.add_argument("--data-dir", help="data folder (default: the user data folder, or HRDESK_DATA_DIR)")
    parser.add_argument(
        "--lang", choices=["zh", "en"], default="zh", help="language of messages (default zh)"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in MODULES:
        importlib.import_module(name).register(sub)
    for subparser in sub.choices.values():
        # Accept the global options after the subcommand too: `hrdesk check X --lang en`.
        for flag, kwargs in (("--data-dir", {}), ("--lang", {"choices": ["zh", "en"]})):
            if flag not in subparser._option_string_actions:
                subparser.add_argument(flag, default=argparse.SUPPRESS, **kwargs)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        # Windows consoles default to a legacy code page; names like 䶮 must not crash a report.
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as exc:
        print(f"hrdesk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `hrdesk check … | head`
        sys.stderr.close()
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    from .paths import data_dir

    if args.version:
        from .version import __version__

        print(f"hrdesk {__version__}")
        return 0
    if args.self_test:
        from .selftest import run as self_test

        return self_test()
    if args.command is None:
        return _start_gui(args)
    folder = data_dir(args.data_dir) if args.data_dir else None
    return _run_logged(args, folder)


def _run_logged(args: argparse.Namespace, folder: Path | None) -> int:
    """Run a subcommand with its events in the data folder's log (when there is a data folder): the
    command, its exit code, and a failure by exception type only (see logging_setup)."""
    import logging

    from .paths import data_dir

    target = folder or data_dir()
    if target.is_dir():
        from .logging_setup import setup_logging

        setup_logging(target)
    log = logging.getLogger("hrdesk.cli")
    log.info("command %s", args.command)
    try:
        code = args.handler(args, folder)
    except UsageError as exc:
        log.info("command %s: input refused (%s)", args.command, type(exc).__name__)
        raise
    except Exception:
        log.exception("command %s failed", args.command)
        raise
    log.info("command %s: exit %s", args.command, code)
    return code


def _start_gui(args: argparse.Namespace) -> int:
    from .qt_system_libs import check as missing_qt_libraries

    missing = missing_qt_libraries()  # Linux: one line naming the packages instead of Qt's SIGABRT
    if missing is not None:
        print(missing.message(), file=sys.stderr)
        return 1
    try:
        from .ui.app import run_app
    except ImportError as exc:
        print(f"hrdesk: the desktop window is not available in this build yet ({exc.name}).", file=sys.stderr)
        print("Use the command line meanwhile: hrdesk check PROFILE.json --business new", file=sys.stderr)
        return 0
    return run_app(demo=args.demo, data_dir=args.data_dir, lang=args.lang, tray_only=args.tray)
