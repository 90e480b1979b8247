"""Pausing Python's cyclic garbage collector around bulk work.

Building thousands of small objects (profiles, check results, deadlines) triggers generation-2
collections that walk the whole heap while holding the GIL: in a worker thread that is a stall of the
window. The objects built here form no cycles, so the collector has nothing to find in them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
