"""Valid, distinct resident ID numbers for tests that store several people (ID numbers are unique)."""

from __future__ import annotations

from hrdesk.rules.idnumber import check_char


def id_number(n: int, birth: str = "19900101") -> str:
    """The n-th ID number (n < 1000) born on `birth`, with its GB 11643 check digit."""
    body = f"130102{birth}{n:03d}"
    return body + check_char(body)


def two_sharing_last_four() -> tuple[str, str]:
    """Two different people whose ID numbers end in the same four characters."""
    seen: dict[str, str] = {}
    for day in range(1, 29):
        number = id_number(123, f"199001{day:02d}")
        if number[-4:] in seen:
            return seen[number[-4:]], number
        seen[number[-4:]] = number
    raise AssertionError("no pair found")
