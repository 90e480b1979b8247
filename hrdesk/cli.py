"""Command line: the desktop app by default, and the same services for batch work (SPEC §5).

Exit codes: 0 whenever a command ran (whatever the verdict), 2 for input that cannot be read, with
one line on stderr that says what and where — never a traceback. Subcommands live in
`hrdesk/commands/`, one module per area.

Language: `--lang zh|en` (or HRDESK_LANG), Chinese by default, for help, errors and results alike.
Texts come from `resources/cli.toml` through `hrdesk.catalogue`; argparse's own texts ("usage:",
"the following arguments are required") are translated through the gettext hook argparse calls.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .catalogue import default_lang, has, normal_lang, text
from .commands import common
from .commands.common import Parser, UsageError, t
from .store.errors import ENV_DATABASE_URL, StoreUnavailable

# The options of hrdesk itself (not of a command), with and without a value. Those with a value are
# also accepted after a command (`hrdesk check X --lang en`): this one table names them for the start's
# fast path, the top-level parser and every command's parser (help: a catalogue key).
_GLOBAL_FLAGS = ("--version", "--demo", "--tray", "--self-test")
_GLOBAL_VALUE_OPTIONS: dict[str, dict[str, Any]] = {
    "--data-dir": {"metavar": "DIR", "help": "help.data-dir"},
    "--database-url": {"metavar": "URL", "help": "help.database-url"},
    "--lang": {"choices": ["zh", "en"], "help": "help.lang"},
}


def _names_no_command(argv: list[str]) -> bool:
    """True when `argv` holds only hrdesk's own options: the window's start (`hrdesk --data-dir D`),
    `--version`, `--self-test`. Then no command module is imported to build the parser: they are
    about 40 ms the window would wait before its first paint."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_FLAGS:
            i += 1
        elif arg in _GLOBAL_VALUE_OPTIONS:
            i += 2
        elif "=" in arg and arg.split("=", 1)[0] in _GLOBAL_VALUE_OPTIONS:
            i += 1
        else:
            return False
    return True


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    from .commands import MODULES

    parser = Parser(prog="hrdesk", description=t("help.description"))
    parser.add_argument("--version", action="store_true", help=t("help.version"))
    parser.add_argument("--demo", action="store_true", help=t("help.demo"))
    parser.add_argument("--tray", action="store_true", help=t("help.tray"))
    parser.add_argument("--self-test", action="store_true", help=t("help.self-test"))
    for flag in _GLOBAL_VALUE_OPTIONS:
        parser.add_argument(flag, **_global_option(flag), default=common.lang() if flag == "--lang" else None)
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    for name in MODULES:
        importlib.import_module(name).register(sub)
    for subparser in sub.choices.values():
        # Accept the global options after the subcommand too: `hrdesk check X --lang en`. Not given
        # there, they leave the value given before the command (SUPPRESS: no default overwrites it).
        for flag in _GLOBAL_VALUE_OPTIONS:
            if flag not in subparser._option_string_actions:
                subparser.add_argument(flag, **_global_option(flag), default=argparse.SUPPRESS)
    return parser


def _global_option(flag: str) -> dict[str, Any]:
    """argparse's keywords for one of hrdesk's own value options, its help in the run's language."""
    spec = dict(_GLOBAL_VALUE_OPTIONS[flag])
    spec["help"] = t(spec["help"])
    return spec


def _lang_from_argv(argv: list[str]) -> str:
    """The language asked for, read before parsing so that help and parse errors use it too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return normal_lang(argv[i + 1])
        if arg.startswith("--lang="):
            return normal_lang(arg.split("=", 1)[1])
    return default_lang()


@contextmanager
def _argparse_texts(lang: str) -> Iterator[None]:
    """argparse fetches its texts through gettext (`argparse._`); hand it ours while parsing."""
    original = argparse._
    if lang == "zh":
        argparse._ = lambda msgid: (
            text(f"argparse.{msgid}", "zh") if has(f"argparse.{msgid}") else original(msgid)
        )
    try:
        yield
    finally:
        argparse._ = original


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        # Windows consoles default to a legacy code page; names like 䶮 must not crash a report.
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    common.set_lang(_lang_from_argv(argv))
    try:
        with _argparse_texts(common.lang()):
            args = build_parser(with_commands=not _names_no_command(argv)).parse_args(argv)
        args.lang = normal_lang(getattr(args, "lang", common.lang()))
        common.set_lang(args.lang)
        return _dispatch(args)
    except UsageError as exc:
        print(t("cli.error", message=exc.message(common.lang())), file=sys.stderr)
        return 2
    except StoreUnavailable as exc:  # locked folder, unreachable server, a newer schema: say so
        shown = exc.message(common.lang()) if hasattr(exc, "message") else str(exc)
        print(f"hrdesk: {shown}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `hrdesk check … | head`
        sys.stderr.close()
        return 0
    except Exception as exc:
        message = _shared_database_message(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 1


def _shared_database_message(exc: Exception) -> str | None:
    """A database error (a lost connection, a damaged or altered database, another desk's save or
    deletion) as one line in the run's language: never the driver's text (it quotes SQL and the values
    of the row, people's names among them) and never a traceback. None for anything else."""
    name = type(exc).__name__
    if name in ("StaleVersion", "RecordGone"):
        return t("cli.conflict", reason=str(exc))
    # SQLAlchemy wraps every driver error in a DBAPIError; matched by name so that a command that never
    # touched the database does not import SQLAlchemy here.
    if not any(k.__name__ == "DBAPIError" for k in type(exc).__mro__):
        return None
    orig = getattr(exc, "orig", None)
    kind = type(orig).__name__ if orig is not None else name
    if getattr(exc, "connection_invalidated", False) or name == "InterfaceError":
        return t("cli.database-lost", kind=kind)
    return t("cli.database-error", kind=kind)


def _dispatch(args: argparse.Namespace) -> int:
    from .paths import data_dir

    if args.version:
        from .version import __version__

        print(f"hrdesk {__version__}")
        return 0
    if args.self_test:
        from .selftest import run as self_test

        return self_test()
    if args.database_url:  # every Records.open in this process resolves it (store.db.resolve_url)
        os.environ[ENV_DATABASE_URL] = args.database_url
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
        sys.stdout.flush()  # a closed pipe shows here, not as an error at exit
    except UsageError as exc:
        log.info("command %s: input refused (%s)", args.command, type(exc).__name__)
        raise
    except BrokenPipeError:
        # The reader went away (`hrdesk list | head`): nothing is wrong, nothing more to say.
        log.info("command %s: output closed by the reader", args.command)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
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
        print(t("cli.no-gui", module=exc.name), file=sys.stderr)
        return 0
    return run_app(demo=args.demo, data_dir=args.data_dir, lang=args.lang, tray_only=args.tray)
