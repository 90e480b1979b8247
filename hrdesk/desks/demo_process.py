"""`hrdesk --demo` builds its demo in a child process. The build draws and checks each person's scans with
PyMuPDF, which holds Python's interpreter lock while it works: on a thread of the window's process it froze
the window for up to 195 ms at a time over the minute of the build. In a process of its own (below the
window's priority) it takes nothing from the window; it reports each employee made, and stops at the next
employee when the app quits."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEMO_NICE = 10  # below the window: on two cores the build would otherwise take the CPU from the UI
STOP_WAIT_S = 20.0  # a stopped build ends at the next employee (a few seconds); then it is killed
POLL_S = 0.1


class DemoBuildFailed(RuntimeError):
    """The child could not build the demo; the message is the child's own (what `create_demo` raised)."""


class _Stopped(Exception):
    pass


def build_demo_apart(
    folder: Path, progress: Callable[[int, int], object], cancelled: Callable[[], bool] = lambda: False
) -> bool:
    """Build the demo in `folder` in a child process and wait for it, handing each `(done, total)` to
    `progress`. Returns True once built, False when `cancelled()` said to stop (and `progress` may raise
    to stop too). The child is told to stop and waited for before this returns or raises: nothing
    writes into `folder` after."""
    ctx = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt process, absent on Windows
    reader, writer = ctx.Pipe(duplex=False)
    stop = ctx.Event()
    child = ctx.Process(target=_build, args=(str(folder), writer, stop), name="hrdesk-demo", daemon=False)
    child.start()
    writer.close()  # the child holds the only writing end: its death is an end of file here
    try:
        while True:
            if cancelled():
                return False
            if not reader.poll(POLL_S):
                continue
            try:
                kind, *values = reader.recv()
            except EOFError:
                raise DemoBuildFailed(f"demo build ended unexpectedly (exit code {child.exitcode})") from None
            if kind == "progress":
                progress(*values)
            elif kind == "failed":
                raise DemoBuildFailed(values[0])
            else:  # "done"
                return True
    finally:
        stop.set()
        child.join(STOP_WAIT_S)
        if child.is_alive():
            child.terminate()
            child.join()
        reader.close()


def _build(folder: str, conn: Any, stop: Any) -> None:
    """The child: the demo built with each employee said to the parent, stopping when it asks."""
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows: the build runs as it is
        os.nice(DEMO_NICE)
    from .demo import create_demo

    def progress(done: int, total: int) -> None:
        if stop.is_set():
            raise _Stopped()
        conn.send(("progress", done, total))

    try:
        create_demo(Path(folder), progress=progress)
    except _Stopped:
        return
    except Exception as exc:  # said to the parent, which says it to the person
        conn.send(("failed", str(exc) or type(exc).__name__))
    else:
        conn.send(("done",))
    finally:
        conn.close()
