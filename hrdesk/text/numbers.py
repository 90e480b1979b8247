"""Amounts of money as HR staff type them: "12,500", "12500元", "¥12 500", "1.25万", full-width
digits. A wrong amount is refused with a reason code, never guessed (a dropped digit is a wrong fact)."""

from __future__ import annotations

import re
import unicodedata

_UNITS = {"万": 10_000, "千": 1_000, "亿": 100_000_000}
_PATTERN = re.compile(r"^(\d+(?:\.\d+)?)([万千亿]?)$")


class AmountError(ValueError):
    """`code` is `amount.not-a-number` or `amount.negative`: the edge says how to fix it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_cny(text: str | None) -> float | None:
    """The amount in CNY, or None for an empty field."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return None
    cleaned = re.sub(r"[\s,，_]", "", raw)
    cleaned = cleaned.removeprefix("¥").removeprefix("￥").removeprefix("CNY").removeprefix("RMB")
    cleaned = cleaned.removesuffix("元").removesuffix("人民币").removesuffix("CNY")
    if cleaned.startswith("-"):
        raise AmountError("amount.negative")
    match = _PATTERN.match(cleaned)
    if not match:
        raise AmountError("amount.not-a-number")
    value = float(match.group(1)) * _UNITS.get(match.group(2), 1)
    return round(value, 2)
