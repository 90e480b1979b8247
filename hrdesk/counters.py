"""How often the expensive reads happen (profile loads, rules checks), so the benchmark can show that
selecting an employee loads one profile and runs one check. Plain integers; no data."""

from __future__ import annotations

from collections import Counter

COUNTS: Counter[str] = Counter()
