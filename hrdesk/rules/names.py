"""Limits on the names of people and units, checked wherever a name comes in (profile JSON, roster).

A name flows into printed forms, pack file names, the window and the log's neighbours: a 100,000-character
name, a line break or a right-to-left override (U+202E, which makes 「张三gpj.exe」 display as
「张三exe.jpg」) would break the layout or mislead the reader. Such names are refused with a message
that says how to fix them; nothing is silently trimmed or rewritten.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache

from ..resources import resources_dir

# Longest accepted, in characters. People: Chinese transliterations of foreign names with their
# middle dots (e.g. 「亚历山大·谢尔盖耶维奇·…」) stay well under 64; units: registered names stay under 100.
LIMITS = {"person": 64, "unit": 100}
_FIELD_KEY = {"person": "field.person-name", "unit": "field.unit-name"}
# Private-use and unassigned code points stay allowed: rare name characters sometimes live there
# (GB 18030 private-use mappings, CJK extensions newer than this Python's Unicode tables).
# Bidirectional controls are format characters (Cf) and are refused with the others; named here because
# they are the ones that change what the reader sees.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class NameRejected(ValueError):
    """The name cannot be stored; the text says why and how to fix it (Chinese, or English on request)."""


@cache
def _messages() -> dict[str, dict[str, str]]:
    with open(resources_dir() / "messages.toml", "rb") as fh:
        return tomllib.load(fh)


def _say(key: str, lang: str, **params: object) -> str:
    entry = _messages()[key]
    return entry["en" if lang == "en" else "zh"].format(**params)


def check_name(value: str, kind: str = "person", lang: str = "zh") -> str:
    """Return `value` unchanged if it is an acceptable name of this kind ('person' or 'unit'); raise
    NameRejected otherwise. An empty string is accepted (a missing name is the caller's business)."""
    field = _say(_FIELD_KEY[kind], lang)
    if len(value) > LIMITS[kind]:
        raise NameRejected(_say("name.too-long", lang, field=field, length=len(value), limit=LIMITS[kind]))
    for char in value:
        category = unicodedata.category(char)
        if char in "\n\r\t\v\f\x85\u2028\u2029":
            raise NameRejected(_say("name.line-break", lang, field=field))
        if category in ("Cc", "Cf", "Cs", "Zl", "Zp") or char in BIDI_CONTROLS:
            raise NameRejected(_say("name.invisible", lang, field=field, code=f"U+{ord(char):04X}"))
    if value and not value.strip():
        raise NameRejected(_say("name.blank", lang, field=field))
    return value
