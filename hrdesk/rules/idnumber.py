"""PRC resident identity numbers (GB 11643-1999).

The check digit catches most typing errors in an 18-digit number; the birth date and sex encoded in
it drive the retirement-age rule, so a number that fails here cannot be trusted for either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..clock import Clock

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")


def check_char(first17: str) -> str:
    """The check character (ISO 7064 MOD 11-2) for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


@dataclass(frozen=True)
class IdNumber:
    number: str
    birth_date: date
    sex: str  # "male" | "female"


class IdNumberError(ValueError):
    """Why a number is not a valid resident ID; the text is safe to show (it never repeats the number)."""


def normalise(raw: str) -> str:
    return raw.strip().upper().replace(" ", "")


# No 居民身份证号码 encodes a birth before 1900 or after the day it is read (GB 11643: the birth date
# is the holder's own, written as it is registered).
EARLIEST_BIRTH = date(1900, 1, 1)


def parse_id_number(raw: str, on: date | None = None) -> IdNumber:
    """The number's parts, or IdNumberError; `on` is the day it is read: a birth date after it cannot be
    real. The rules pass the check's day; a form typed in now may leave it to the clock."""
    number = normalise(raw)
    if not _SHAPE.match(number):
        raise IdNumberError("not-18-digits")
    if check_char(number[:17]) != number[17]:
        raise IdNumberError("check-digit")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdNumberError("birth-date") from None
    if birth < EARLIEST_BIRTH:
        raise IdNumberError("birth-date-before-1900")
    if birth > (on or Clock().today()):
        raise IdNumberError("birth-date-future")
    sex = "male" if int(number[16]) % 2 == 1 else "female"
    return IdNumber(number, birth, sex)


def is_valid(raw: str, on: date | None = None) -> bool:
    try:
        parse_id_number(raw, on)
    except IdNumberError:
        return False
    return True


def mask(raw: str) -> str:
    """A form safe for lists and logs: region and check digit hidden with the birth date."""
    number = normalise(raw)
    if len(number) < 8:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
