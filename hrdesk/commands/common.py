"""What every subcommand shares: the run's language and its texts, the one-line usage error, date and
business arguments. The entry point (`hrdesk.cli`) sets the language before anything is parsed."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..catalogue import has, text

_lang = "zh"  # the language of this run, fixed in main() before anything is parsed


def lang() -> str:
    return _lang


def set_lang(value: str) -> None:
    global _lang
    _lang = value


def t(key: str, **params: Any) -> str:
    """A command-line text in this run's language."""
    return text(key, _lang, **params)


class UsageError(Exception):
    """Bad input: printed as one line, exit 2. Raised with a catalogue key and parameters
    (`UsageError("cli.no-employee", id=3)`); a plain message is shown as it is."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str) -> str:
        return text(self.key, lang, **self.params) if has(self.key) else self.key

    def __str__(self) -> str:
        return self.message(_lang)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line instead of usage + message
        raise UsageError(message)

    def format_help(self) -> str:
        # argparse closes each section's heading with an ASCII colon; Chinese help uses the full-width
        # one, as its 用法： line already does.
        help_text = super().format_help()
        if _lang != "zh":
            return help_text
        return "\n".join(
            line[:-1] + "：" if line.endswith(":") and line[:1] not in (" ", "") else line
            for line in help_text.split("\n")
        )


def date_arg(value: str) -> date:
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad-date", value=value)) from None


def _businesses() -> tuple[str, ...]:
    from ..rules.policy import BUSINESSES  # not at import: the window's start reads no rules

    return BUSINESSES


def business_arg(value: str) -> str:
    if value not in _businesses():
        raise argparse.ArgumentTypeError(
            t("cli.unknown-business", value=value, choices=", ".join(_businesses()))
        )
    return value


def business_help(key: str = "help.business") -> str:
    from ..labels import label

    return t(key, choices=", ".join(f"{b} ({label('business', b, _lang)})" for b in _businesses()))


def add_business(parser: argparse.ArgumentParser, **kwargs: Any) -> None:
    """`--business` with its choices in the usage line and each choice explained in the help."""
    help_key = kwargs.pop("help_key", "help.business")
    parser.add_argument(
        "--business",
        type=business_arg,
        metavar="{" + ",".join(_businesses()) + "}",
        help=business_help(help_key),
        **kwargs,
    )
