"""One code → one Chinese and one English label (`resources/labels.toml`), with no Qt.

The form, roster import and export, status columns, .ics and the CLI all name a code the same way,
so what a user copies from one place into another (a hukou from the form into a roster) is read back
as the same code. `code_for` accepts every variant a person may type: the Chinese and English labels,
the listed aliases and the code itself, ignoring case, spaces and full-width forms.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache

from .resources import resources_dir

LANGS = ("zh", "en")


@dataclass(frozen=True)
class Label:
    code: str
    zh: str
    en: str
    also: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class LabelError(KeyError):
    """An unknown group or code: a programming error, never user input (that is `code_for` → None)."""


def _normal(text: str) -> str:
    # NFKC folds full-width letters and digits (ＹＥＳ, １) that Chinese input methods produce.
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


@cache
def _table() -> dict[str, dict[str, Label]]:
    with open(resources_dir() / "labels.toml", "rb") as fh:
        data = tomllib.load(fh)
    return {
        group: {
            code: Label(code, entry["zh"], entry["en"], tuple(entry.get("also", ())))
            for code, entry in entries.items()
        }
        for group, entries in data.items()
    }


@cache
def _lookup(group: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, entry in labels(group).items():
        for variant in (code, entry.zh, entry.en, *entry.also):
            out.setdefault(_normal(variant), code)
    return out


def groups() -> tuple[str, ...]:
    return tuple(_table())


def labels(group: str) -> dict[str, Label]:
    """Every code of `group` with its labels, in the file's order (the order choices are shown in)."""
    try:
        return _table()[group]
    except KeyError:
        raise LabelError(f"no label group '{group}'") from None


def label(group: str, code: str | bool | None, lang: str = "zh") -> str:
    """The label of `code` in `lang` ("zh" | "en"). None gives ""; booleans use their text form
    ("true"/"false"), so `label("yes_no", True)` works. An unknown code is shown as itself rather
    than crashing an export, but only for data from outside; tests check every code has a label."""
    if code is None:
        return ""
    key = str(code).lower() if isinstance(code, bool) else code
    entry = labels(group).get(key)
    return entry.text(lang) if entry else str(code)


def code_for(group: str, text: str | None) -> str | None:
    """The code a typed label stands for, or None when it is not one of the group's variants."""
    if text is None:
        return None
    return _lookup(group).get(_normal(str(text)))


def choices(group: str, lang: str = "zh") -> list[tuple[str, str]]:
    """(code, label) pairs for a drop-down or a template's list of accepted values."""
    return [(code, entry.text(lang)) for code, entry in labels(group).items()]
