"""Bulk reads that leave the window responsive: the cyclic garbage collector paused around them, and
rows fetched in parts.

Building thousands of small objects (profiles, check results, deadlines) triggers generation-2
collections that walk the whole heap while holding the GIL: in a worker thread that is a stall of the
window. The objects built here form no cycles, so the collector has nothing to find in them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def fetch_in_parts(conn: Any, stmt: Any, size: int = 5000) -> list[Any]:
    """All rows of `stmt`, fetched a few thousand at a time. The database driver's row processing
    holds the GIL for a whole fetch: 175,000 deadlines at once would freeze the window for a moment,
    5,000 at a time lets it paint in between."""
    rows: list[Any] = []
    for part in conn.execute(stmt).partitions(size):
        rows.extend(part)
    return rows
