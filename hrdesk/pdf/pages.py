"""Page edits a person makes on a stored scan: turn one page a quarter either way, move a page. Each returns
the new file's bytes (the caller stores them as a new version; the original waits in the trash).

The edit runs in the render worker process (`limits.RENDER_LANE`): MuPDF keeps Python's interpreter lock
while it rewrites a file, and in the window's process that froze the window for as long."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..mupdf_lock import MUPDF


def turned(path: Path, page: int, degrees: int) -> bytes:
    """The file with page `page` (0-based) turned by `degrees` (90 clockwise, -90 anticlockwise)."""
    return _edited(_turn, path, page, degrees)


def moved(path: Path, source: int, target: int) -> bytes:
    """The file with page `source` put at `target` (0-based)."""
    return _edited(_move, path, source, target)


def _edited(fn: Callable[..., bytes], *args: Any) -> bytes:
    from .limits import RENDER_LANE, Budget, WorkerUnavailable, run_bounded

    try:
        return run_bounded(fn, *args, budget=Budget(open_seconds=30.0), lane=RENDER_LANE)
    except WorkerUnavailable:
        return fn(*args, beat=lambda: None)


def _turn(path: Path, page: int, degrees: int, beat: Callable[[], None]) -> bytes:
    import pymupdf

    with MUPDF, pymupdf.open(path) as doc:
        target = doc[page]
        target.set_rotation((target.rotation + degrees) % 360)
        return doc.tobytes(garbage=3, deflate=True)


def _move(path: Path, source: int, target: int, beat: Callable[[], None]) -> bytes:
    import pymupdf

    with MUPDF, pymupdf.open(path) as doc:
        order = list(range(doc.page_count))
        order.insert(target, order.pop(source))
        doc.select(order)
        return doc.tobytes(garbage=3, deflate=True)
