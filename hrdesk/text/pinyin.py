"""Pinyin search and sort keys for personal names, with surnames read as surnames.

HR staff type "zhang" or "zs" to find 张三, and expect a list sorted the way a Chinese roster is
(by pinyin, not by code point). pypinyin reads characters as ordinary words, which misreads many
surnames (曾 ceng, 单 dan, 解 jie); the readings of those are data in `resources/surnames.toml`, and the
words a name may hold that read otherwise than their characters (长江, 重庆) in `resources/name_phrases.toml`.
Pure functions of the name, cached: the list of 10,000 employees computes each key once.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache, partial
from typing import Any

from ..resources import bundled_toml

_NO_PHRASES = {"PYPINYIN_NO_PHRASES": "1", "PYPINYIN_NO_DICT_COPY": "1"}
_SEPARATOR = "\x01"  # sorts before every letter and is never typed into a search box


@cache
def _surnames() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    data = bundled_toml("surnames.toml")
    compound = {k: v.split() for k, v in data["compound"].items()}
    single = {k: v.split() for k, v in data["single"].items()}
    return compound, single


def _is_han(char: str) -> bool:
    return "CJK" in unicodedata.name(char, "")


@cache
def _name_phrases() -> dict[str, tuple[str, ...]]:
    """The words read otherwise than character by character (长江, 重庆), from `name_phrases.toml`."""
    return {
        word: tuple(reading.split()) for word, reading in bundled_toml("name_phrases.toml")["phrases"].items()
    }


@cache
def _characters() -> Callable[[str], list[str]]:
    """pypinyin reading character by character (TONE3), without loading its phrase dictionary: that
    dictionary is 43 MB in every process that keys names and holds the interpreter for 50 ms while it
    loads (a stall of the window). The words a name needs from it are in `name_phrases.toml`."""
    saved = {var: os.environ.get(var) for var in _NO_PHRASES}
    os.environ.update(_NO_PHRASES)  # read once, when pypinyin is first imported
    try:
        from pypinyin import Style, lazy_pinyin  # 0.1 s: only when a name is first keyed
    finally:
        for var, value in saved.items():
            if value is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = value
    return partial(lazy_pinyin, style=Style.TONE3, neutral_tone_with_five=True, errors="default")


@cache
def _character(char: str) -> tuple[str, ...]:
    """One Han character's reading, asked of pypinyin once per character: names share a few thousand
    characters, and pypinyin's call (segmenting, then styling) was nine tenths of keying 10,000 names
    (0.45 s of a worker at every start of the window)."""
    return tuple(_characters()(char))


@cache
def _hans() -> Callable[[str], Any]:
    _characters()  # pypinyin first imported without its phrase dictionary
    from pypinyin.constants import RE_HANS  # pypinyin's own test of what it reads as Han

    return RE_HANS.match


def _run(text: str) -> list[str]:
    """pypinyin's reading of a run without its phrase dictionary: Han characters one by one (what
    pypinyin itself does without phrases), anything else as one piece, handed to pypinyin as it is."""
    hans, out, i = _hans(), [], 0
    while i < len(text):
        if hans(text[i]):
            out.extend(_character(text[i]))
            i += 1
            continue
        j = i + 1
        while j < len(text) and not hans(text[j]):
            j += 1
        out.extend(_characters()(text[i:j]))
        i = j
    return out


def _readings(text: str) -> list[str]:
    """pypinyin's pieces for `text`: the longest word of the phrase table at each place (as pypinyin's own
    forward maximum matching does), the characters between them one by one."""
    phrases = _name_phrases()
    out: list[str] = []
    start = i = 0
    while i < len(text):
        word = next((text[i : i + n] for n in (4, 3, 2) if text[i : i + n] in phrases), None)
        if word is None:
            i += 1
            continue
        if start < i:
            out.extend(_run(text[start:i]))
        out.extend(phrases[word])
        i = start = i + len(word)
    if start < len(text):
        out.extend(_run(text[start:]))
    return out


@lru_cache(maxsize=65536)
def syllables(name: str) -> tuple[str, ...]:
    """The name's syllables in TONE3 style (`zeng1`, `xiao3`); non-Han runs lower-cased as one item
    each ("Anna Li" → ("anna", "li")). The surname comes from the surname table when it is there."""
    text = unicodedata.normalize("NFKC", name).strip()
    compound, single = _surnames()
    head: list[str] = []
    if text[:2] in compound:
        head, text = compound[text[:2]], text[2:]
    elif text[:1] in single:
        head, text = single[text[:1]], text[1:]
    out = list(head)
    for part in _readings(text):
        if any(_is_han(c) for c in part):
            out.append(part)  # a rare character pypinyin does not know: keep it, it still sorts
            continue
        out.extend(w.lower() for w in part.replace("·", " ").replace("-", " ").split())
    return tuple(s for s in out if s)


def _plain(syllable: str) -> str:
    return syllable.rstrip("012345")


def search_key(name: str) -> str:
    """Full pinyin and initials, e.g. 曾小明 → "zengxiaoming\\x01zxm\\x01曾小明".

    A search matches when the typed text (lower-cased, spaces removed, see `search_text`) is a
    substring: "zeng", "xiaoming", "zxm", "曾小" all find 曾小明."""
    plain = [_plain(s) for s in syllables(name)]
    return _SEPARATOR.join(("".join(plain), "".join(s[:1] for s in plain), name.lower()))


def search_text(query: str) -> str:
    """What to look for in a `search_key`: the query normalised the same way."""
    return "".join(unicodedata.normalize("NFKC", query).split()).lower()


def matches(name_or_key: str, query: str, *, is_key: bool = False) -> bool:
    key = name_or_key if is_key else search_key(name_or_key)
    needle = search_text(query)
    return not needle or any(needle in part for part in key.split(_SEPARATOR))


def sort_key(name: str) -> str:
    """A string that sorts names like a Chinese roster: by pinyin letters syllable by syllable
    (张 before 赵, 李明 before 林), then by tone, then by the characters themselves.

    A string rather than a tuple so that a Qt sort role can carry it."""
    sy = syllables(name)
    return _SEPARATOR.join((" ".join(_plain(s) for s in sy), " ".join(sy), name))
