"""User-facing texts outside Qt, keyed by a stable code with parameters, in Chinese or English.

Services and the command line name a text by its key (`cli.no-employee`, a finding code) and hand
over parameters; the edge that talks to the user turns it into words here. Texts live in
`resources/messages.toml` (rules) and `resources/cli.toml` (command line). English plurals: an entry
may have `en_one`, used when the parameter `n` is 1 ("1 deadline" / "2 deadlines").
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from .resources import bundled_toml

LANGS = ("zh", "en")
ENV_LANG = "HRDESK_LANG"


@cache
def _entries() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for name in ("messages.toml", "cli.toml"):
        out.update(bundled_toml(name))
    return out


def normal_lang(lang: str | None) -> str:
    return "en" if (lang or "").lower().startswith("en") else "zh"


def default_lang() -> str:
    return normal_lang(os.environ.get(ENV_LANG))


def has(key: str) -> bool:
    return key in _entries()


def text(key: str, lang: str = "zh", **params: Any) -> str:
    """The text of `key` in `lang`, filled with `params`. Counts are formatted with thousands
    separators; an unknown key returns the key (visible in a test, never a crash in front of HR)."""
    entry = _entries().get(key)
    if entry is None:
        return key
    lang = normal_lang(lang)
    template = None
    if lang == "en" and params.get("n") == 1:
        template = entry.get("en_one")
    template = template or entry.get(lang) or entry.get("zh", key)
    shown = {
        k: (f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in params.items()
    }
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template


class CodedError(Exception):
    """An error a service raises by key; the edge (CLI, GUI) translates it with `message(lang)`."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "zh") -> str:
        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message(default_lang())
