"""One code → one Chinese and one English label (`resources/labels.toml`), with no Qt.

The form, roster import and export, status columns, .ics and the CLI all name a code the same way,
so what a user copies from one place into another (a hukou from the form into a roster) is read back
as the same code. `code_for` accepts every variant a person may type: the Chinese and English labels,
the listed aliases and the code itself, ignoring case, spaces and full-width forms.
"""

from __future__ import annotations

import re
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


_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CIRCLED = {chr(0x2460 + i): str(i + 1) for i in range(20)}  # ① … ⑳
_EN_WORDS = (
    ("注意", " note "),
    ("注", " note "),
    ("附件", " annex "),
    ("、", ", "),
    ("，", ", "),
    ("第", " step "),
)


def _section_zh(section: str) -> str:
    """The guide's numbering as printed in the guide: 二(二)6 → 二（二）6."""
    return section.replace("(", "（").replace(")", "）")


def _section_en(section: str) -> str:
    """A guide section in Latin script (二(二)6(5) → 2(2)6(5)): English screens show no Han text."""
    out = section
    for zh, en in _EN_WORDS:
        out = out.replace(zh, en)
    out = out.replace("步", "")
    for zh, n in sorted(_CN_DIGITS.items(), key=lambda kv: -len(kv[0])):
        out = out.replace(zh, str(n))
    for circled, n in _CIRCLED.items():
        out = out.replace(circled, f" {n}")
    return " ".join(out.split()).replace("( ", "(").replace(" )", ")")


# National sources a rule may cite beside the district guides (the work calendar's), by their Chinese names.
_NATIONAL_EN = {
    "国务院办公厅节假日安排": "State Council holiday arrangements",
    "全国年节及纪念日放假办法": "National Holidays Regulations",
}


def _national(piece: str, lang: str) -> str | None:
    """A national source in the reader's language (第二条 → Art. 2), or None for anything else."""
    name, _, section = piece.partition(" ")
    if name not in _NATIONAL_EN:
        return None
    if lang != "en":
        return piece
    article = section.removeprefix("第").removesuffix("条")
    number = _CN_DIGITS.get(article, article)
    return _NATIONAL_EN[name] + (f", Art. {number}" if section else "")


def cite(source: str, lang: str = "zh") -> str:
    """A rule's source as people read it: `changping-2026 二(二)6(5)` → 昌平区指南 二（二）6（5） (the
    guide's own full-width brackets) / Changping guide 2(2)6(5) (English screens show no Han text).
    The code form stays in JSON, logs and the rules; only what a person reads goes through here. Several sources (", " or "; " between them) keep their order, and
    sections of the same guide follow its name once: 昌平区指南 二(四)3、二(二)4."""
    sep = "、" if lang != "en" else ", "
    parts: list[list[str]] = []  # [guide name, section, section, …]
    last_guide = None
    for piece in (p.strip() for p in source.replace("; ", ", ").split(", ")):
        guide, _, section = piece.partition(" ")
        district = guide.rsplit("-", 1)[0]
        national = _national(piece, lang)
        if national is not None:
            parts.append(["", national])
            last_guide = None
        elif district in labels("district"):
            name = label("district", district, lang)
            shown = _section_zh(section) if lang != "en" else _section_en(section)
            if guide == last_guide:
                parts[-1].append(shown)
            else:
                parts.append([f"{name}指南" if lang != "en" else f"{name} guide", shown])
            last_guide = guide
        elif parts:  # "changping-2026 二(四)2, 三(五)": a second section of the same guide
            parts[-1].append(_section_zh(piece) if lang != "en" else _section_en(piece))
        else:
            parts.append(["", _section_zh(piece) if lang != "en" else _section_en(piece)])
    return ("；" if lang != "en" else "; ").join(f"{p[0]} {sep.join(p[1:])}".strip() for p in parts)


_NUMERALS = "一二三四五六七八九十"
# One section as the guides number them: 三(一), 二(二)6(5), 四(二)1(8)④, 三(二)1(4)B, 四(二)1(9)-(10),
# 三(一)第一步, 附件1; then perhaps a note of it (注, 注意②, 第二步).
_SECTION = (
    rf"(?:\([{_NUMERALS}\d]+\)|[{_NUMERALS}\dA-F①-⑳]|-|第[{_NUMERALS}]+步|附件\d+)+"
    rf"(?: (?:注意[①-⑳]*|注|第[{_NUMERALS}]+步))?"
)


@cache
def _citation_pattern() -> re.Pattern[str]:
    guides = "|".join(re.escape(d) for d in labels("district"))
    # A guide code and its section, and further sections of the same guide after ", " (三(一), 四(二)1).
    return re.compile(rf"\b(?:{guides})-\d{{4}} {_SECTION}(?:, (?=[{_NUMERALS}附]){_SECTION})*")


def cite_in(text: str, lang: str = "zh") -> str:
    """A stored text (a finding, a reason) with every guide code in it shown as `cite` shows it:
    "…（changping-2026 三(一)）" → "…（昌平区指南 三（一））". Texts are stored with the codes (they
    stay in JSON and logs); this is for the screen."""
    if not text:
        return text
    return _citation_pattern().sub(lambda m: cite(m.group(0), lang), text)


def join_notes(texts: list[str], lang: str = "zh") -> str:
    """Several notes on one line as a sentence reads: each note's own full stop dropped before the
    separator (never "。；"), and a note said twice shown once."""
    seen: list[str] = []
    for text in texts:
        text = text.strip().rstrip("。.；;").strip()
        if text and text not in seen:
            seen.append(text)
    return ("；" if lang != "en" else "; ").join(seen)


def with_page(page: int | None, message: str, page_label: str) -> str:
    """A finding on a page, its page named once: messages that already begin with the page (第 1 页…,
    Page 1 …) are left as they are."""
    if not page:
        return message
    prefix = page_label.format(page=page)
    normalised = message.replace(" ", "")
    if normalised.startswith(prefix.replace(" ", "")) or normalised.lower().startswith(f"page{page}"):
        return message
    return f"{prefix}{message}"
