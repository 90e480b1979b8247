"""Builds `resources/name_phrases.toml`: the words whose reading is not their characters' first readings
(长江 chang jiang, not zhang jiang; 重庆 chong qing, not zhong qing), taken from pypinyin's phrase dictionary.

A name needs only these, not pypinyin's whole dictionary of 47,000 phrases: loaded, that costs every
process that keys names 43 MB and a 50 ms hold of the interpreter (the window's list stalled on it).
`text.pinyin` reads the names with pypinyin's single characters and this table. Run after upgrading
pypinyin: `uv run python -m hrdesk.text.name_phrases` (`--check`, run by the tests, says when it is out
of date).
"""

from __future__ import annotations

from pathlib import Path

from ..resources import resources_dir

LONGEST = 4  # a given name, or a name whose surname is not in surnames.toml, holds no longer word

HEADER = """\
# Words whose pinyin differs from their characters' first readings, for reading personal names
# (长江 chang2 jiang1, not zhang3 jiang1). Generated from pypinyin's phrase dictionary by
# `uv run python -m hrdesk.text.name_phrases` (pypinyin, MIT licence: resources/licenses); do not edit by
# hand (surname readings: surnames.toml).
"""


def table_path() -> Path:
    return resources_dir() / "name_phrases.toml"


def build_table() -> dict[str, str]:
    """Every word of 2–4 characters in pypinyin's phrase dictionary that it reads otherwise than
    character by character, with that reading in TONE3 (the style `text.pinyin` keys names in)."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT

    if not PHRASES_DICT:  # this process read names first (text.pinyin leaves the dictionary out)
        raise RuntimeError(
            "pypinyin was imported without its phrase dictionary: run this in a process of its own"
        )

    def tone3(text: str) -> list[str]:
        return lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors="default")

    table = {}
    for word in sorted(PHRASES_DICT):
        if 2 <= len(word) <= LONGEST:
            reading = tone3(word)
            if len(reading) == len(word) and reading != [tone3(c)[0] for c in word]:
                table[word] = " ".join(reading)
    return table


def render(table: dict[str, str]) -> str:
    return HEADER + "\n[phrases]\n" + "".join(f'"{word}" = "{reading}"\n' for word, reading in table.items())


if __name__ == "__main__":
    import sys

    wanted = render(build_table())
    if sys.argv[1:] == ["--check"]:  # the tests: is the table the installed pypinyin's?
        sys.exit(
            0 if table_path().read_text(encoding="utf-8") == wanted else "name_phrases.toml is out of date"
        )
    table_path().write_text(wanted, encoding="utf-8")
