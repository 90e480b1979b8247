"""User-facing texts outside Qt, keyed by a stable code with parameters, in Chinese or English.

Services and the command line name a text by its key (`cli.no-employee`, a finding code) and hand
over parameters; the edge that talks to the user turns it into words here. Texts live in
`resources/messages.toml` (rules) and `resources/cli.toml` (command line); the scan checks' texts
(`resources/scan_checks.toml`, keys `scan.CODE` and `scan.CODE.warning`), the reading's
(`resources/scan_keywords.toml`, keys `reading.KEY`) and the material names (`resources/materials.toml`,
keys `material-name.CODE`) are read here too. English plurals: an entry may have `en_one`, used when the
parameter `n` is 1 ("1 deadline" / "2 deadlines").

What a check found and a record keeps (a material's defects) is kept as its key and parameters
(`coded`), never as words: an HR officer who switches to English reads it in English (`said`). A
parameter may itself be such a coded text (a material's name, the reason inside a refusal) or a list
(pages, sides), said in the reader's language too.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from typing import Any

from .resources import bundled_toml

LANGS = ("zh", "en")
ENV_LANG = "HRDESK_LANG"


CODED = "coded:"  # a stored text that is a key and its parameters (`coded`), not words
_LIST_SEPARATOR = {"zh": "、", "en": ", "}


def _load(name: str) -> dict[str, Any]:
    return bundled_toml(name)


def _with_source(template: str, source: str, lang: str) -> str:
    """The guide section after a scan check's text, so HR can point the reviewer to it; hrdesk's own
    limits (source "hrdesk") cite nothing."""
    if not source or source == "hrdesk":
        return template
    source = source.replace("{", "{{").replace("}", "}}")
    return f"{template}（{source}）" if lang == "zh" else f"{template} ({source})"


def _scan_entries() -> dict[str, dict[str, str]]:
    """The scan checks' texts with their guide section appended, the reading's, and material names."""
    out: dict[str, dict[str, str]] = {}
    for code, entry in _load("scan_checks.toml").items():
        if not isinstance(entry, dict) or "zh" not in entry:
            continue
        source = entry.get("source", "")
        out[f"scan.{code}"] = {lang: _with_source(entry[lang], source, lang) for lang in LANGS}
        warning = entry.get("warning")
        if isinstance(warning, dict):
            out[f"scan.{code}.warning"] = {lang: _with_source(warning[lang], source, lang) for lang in LANGS}
    keywords = _load("scan_keywords.toml")
    for key, entry in keywords.get("messages", {}).items():
        out[f"reading.{key}"] = {lang: entry[lang] for lang in LANGS if lang in entry}
    english = keywords.get("lease_fields_en", {})
    for key, zh in keywords.get("lease_fields", {}).items():
        if not key.startswith("source_"):
            out[f"lease-field.{key}"] = {"zh": zh, "en": english.get(key, zh)}
    for code, entry in _load("materials.toml").items():
        if isinstance(entry, dict) and "zh" in entry:
            out[f"material-name.{code}"] = {lang: entry[lang] for lang in LANGS if lang in entry}
    return out


@cache
def _entries() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = _scan_entries()
    for name in ("messages.toml", "cli.toml"):
        out.update(_load(name))
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
    shown = {k: _shown(v, lang) for k, v in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template


def _shown(value: Any, lang: str) -> Any:
    """A parameter as the reader sees it: counts with thousands separators, a coded text said in
    `lang`, a list joined the way `lang` joins one."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, str) and value.startswith(CODED):
        return said(value, lang)
    if isinstance(value, list | tuple):
        return _LIST_SEPARATOR[normal_lang(lang)].join(str(_shown(v, lang)) for v in value)
    return value


def said_value(value: Any, lang: str = "zh") -> str:
    """One parameter as the reader sees it (a measured value quoted as evidence)."""
    return str(_shown(value, lang))


def coded(key: str, **params: Any) -> str:
    """A text kept as its key and parameters (JSON values: text, numbers, lists, other coded texts), to
    be said later in whichever language the reader chose (`said`)."""
    return CODED + json.dumps({"key": key, "params": params}, ensure_ascii=False, sort_keys=True)


def said(stored: str, lang: str = "zh") -> str:
    """A stored text in `lang`: a coded one from the catalogue; words stored by an older hrdesk (the
    scan checks' and the reading's Chinese texts) recognised by their template and said again in
    `lang`; anything else (a note a person typed) as it is."""
    if stored.startswith(CODED):
        try:
            data = json.loads(stored[len(CODED) :])
            return text(data["key"], lang, **data["params"])
        except (ValueError, KeyError, TypeError):
            return stored
    if normal_lang(lang) == "zh":
        return stored
    recognised = recognise(stored)
    if recognised is None:
        return stored
    prefix, key, params = recognised
    return prefix + text(key, lang, **params)


def recognise(stored: str) -> tuple[str, str, dict[str, str]] | None:
    """(a file-name prefix, key, parameters) of a Chinese scan text an older hrdesk stored as words, or
    None. The parameters are the words as read (a measured value, or a Chinese name inside them)."""
    for key, pattern in _zh_patterns():
        found = pattern.fullmatch(stored)
        if found is not None:
            params = {k: v for k, v in found.groupdict().items() if not k.startswith("_")}
            return found.group("_file") or "", key, params
    return None


@cache
def _zh_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The Chinese templates of the scan texts as patterns, the most specific (longest) first."""
    out = []
    for key, entry in _entries().items():
        if not key.startswith(("scan.", "reading.")) or "zh" not in entry:
            continue
        pieces = re.split(r"\{(\w+)\}", entry["zh"])
        seen: set[str] = set()
        body = ""
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                body += re.escape(piece)
            elif piece in seen:
                body += f"(?P={piece})"
            else:
                seen.add(piece)
                body += f"(?P<{piece}>.+?)"
        out.append((key, re.compile(r"(?P<_file>[^\n：:]+[：:] ?)?" + body, re.S)))
    return sorted(out, key=lambda kp: -len(kp[1].pattern))


class CodedError(Exception):
    """An error a service raises by key; the edge (CLI, GUI) translates it with `message(lang)`."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "zh") -> str:
        return text(self.key, lang, **self.params)

    def coded(self) -> str:
        """The error as a record or another process keeps it (`coded`), said later in the reader's language."""
        return coded(self.key, **self.params)

    def __str__(self) -> str:
        return self.message(default_lang())
