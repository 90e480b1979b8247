"""Budgets for reading untrusted PDFs: a scan must end in seconds and within bounded memory whatever the
file holds (a 2 GiB decompression bomb, a 100,000-page PDF, a 60,000-pixel image), and such a file is
refused as unreadable, never packed.

Two layers, because neither is enough alone:

1. **Structural pre-checks** (`structure_flags`, `oversized_images`): declared page count, declared image
   dimensions, and a bounded trial inflate of every Flate-compressed non-image stream (chains of Flate
   filters included). They read no pixels, take milliseconds, work the same on Windows, macOS and Linux,
   and give a precise message ("解压后超过 64 MB").
2. **A watchdog process** (`run_bounded`): the scan itself runs in a long-lived child process with a
   memory cap (RLIMIT_AS where the OS enforces it) and a deadline that each finished page extends. MuPDF
   cannot be interrupted from Python, so a thread cannot stop a render that spins; killing a process can.
   This catches whatever the pre-checks do not know (other filters, pathological content streams, MuPDF
   bugs). The process is reused across files (spawning and importing PyMuPDF per file would cost ~0.5 s)
   and replaced after any failure. Frozen builds must call `multiprocessing.freeze_support()` at start.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import re
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..catalogue import CodedError, coded
from .scan_flags import Flag, make_flag, threshold

log = logging.getLogger(__name__)

STARTUP_SECONDS = 90.0  # a cold start imports PyMuPDF and numpy from source on machines without bytecode


@dataclass(frozen=True)
class Budget:
    """How long and how much memory reading one file may take."""

    open_seconds: float = 10.0  # open the file and run the structural pre-checks
    page_seconds: float = 5.0  # each page (a 300-dpi A4 scan takes ~0.1 s)
    memory_mb: int = 1024  # address space the scan may add on top of the worker's own


class BudgetExceeded(CodedError):
    """The file took longer or more memory than its budget, said by key (`budget.*`) so the person reads
    it in their language; `detail` is the same as a coded text, to go inside a refusal's message."""

    @property
    def detail(self) -> str:
        return coded(self.key, **self.params)


class WorkerUnavailable(Exception):
    """No child process could be started (e.g. a frozen build without freeze_support)."""


# --- structural pre-checks (no pixels decoded) ------------------------------------------------------


def structure_flags(doc: Any) -> list[Flag]:
    """Refusals that follow from the file's structure alone: too many pages, decompression bombs, images
    whose declared size is beyond the budget or whose data inflates beyond what they declare. Every
    stream in the file is looked at, whatever refers to it (a page, an annotation's appearance, nothing),
    so what the scan does not draw is bounded too before any pack copies it."""
    pages = doc.page_count
    limit = int(threshold("max_pages"))
    if pages > limit:
        return [make_flag("SCAN_TOO_MANY_PAGES", pages=pages, limit=limit)]
    cap = int(threshold("max_stream_mb") * 1024 * 1024)
    for xref in range(1, doc.xref_length()):
        try:
            if not doc.xref_is_stream(xref):
                continue
            image = doc.xref_get_key(xref, "Subtype")[1] == "/Image"
            filters = _filters(doc.xref_get_key(xref, "Filter"))
            declared = _declared_image(doc, xref) if image else None
        except Exception:  # an object MuPDF cannot parse is the render's problem, not a bomb
            continue
        if declared is not None:
            width, height, data_bytes = declared
            if width * height > threshold("max_image_megapixels") * 1e6:
                return [_image_too_large(doc, xref, width, height)]
        if "/FlateDecode" not in filters[:1]:
            continue
        # An image's samples cannot be more than it declares (rows, components, bits, a predictor byte
        # per row); a non-image stream gets the fixed cap.
        stream_cap = cap if declared is None else declared[2] + 65536
        try:
            raw = doc.xref_stream_raw(xref)
        except Exception:
            continue
        if _inflates_beyond(raw, filters, stream_cap):
            return [make_flag("SCAN_DECOMPRESSION_BOMB", limit_mb=max(1, -(-stream_cap // (1024 * 1024))))]
    return []


def _declared_image(doc: Any, xref: int) -> tuple[int, int, int] | None:
    """(width, height, bytes its samples take at most) as the image dictionary declares them."""

    source = doc.xref_object(xref, compressed=True)

    def number(key: str, default: int) -> int:
        # From the dictionary's text: MuPDF keeps a number as a 32-bit int, so 2^31 reads as -2^31.
        found = re.search(rf"/{key}\s+(-?\d+)(?![\d.]|\s+\d+\s+R)", source)
        if found:
            return int(found.group(1))
        kind, value = doc.xref_get_key(xref, key)  # an indirect number
        return int(value) if kind == "int" else default

    width, height = number("Width", 0), number("Height", 0)
    if width <= 0 or height <= 0:
        return None  # MuPDF refuses to draw it; nothing to bound
    mask = doc.xref_get_key(xref, "ImageMask")[1] == "true"
    bits = 1 if mask else min(max(number("BitsPerComponent", 8), 1), 16)
    space = doc.xref_get_key(xref, "ColorSpace")
    if mask or space[1] in ("/DeviceGray", "/CalGray", "/G") or space[1].startswith("[/Indexed"):
        components = 1
    elif space[1] in ("/DeviceRGB", "/CalRGB", "/RGB", "/Lab"):
        components = 3
    else:
        components = 32 if "DeviceN" in space[1] else 4  # ICC and the rest: CMYK at most
    return width, height, height * ((width * components * bits + 7) // 8 + 1)


def _image_too_large(doc: Any, xref: int, width: int, height: int) -> Flag:
    megapixels = round(width * height / 1e6)
    limit = int(threshold("max_image_megapixels"))
    for number in range(1, doc.page_count + 1):  # at most max_pages, and only for a refused file
        try:
            if any(info[0] == xref for info in doc[number - 1].get_images(full=True)):
                return make_flag("SCAN_IMAGE_TOO_LARGE", number, megapixels=megapixels, limit=limit)
        except Exception:
            continue
    return make_flag(
        "SCAN_IMAGE_DECLARED_TOO_LARGE", width=width, height=height, megapixels=megapixels, limit=limit
    )


def oversized_images(page: Any, number: int) -> Flag | None:
    """An image on the page whose declared size is beyond the budget (checked before anything renders)."""
    limit = threshold("max_image_megapixels")
    for info in page.get_images(full=True):
        width, height = int(info[2] or 0), int(info[3] or 0)
        megapixels = width * height / 1e6
        if megapixels > limit:
            return make_flag("SCAN_IMAGE_TOO_LARGE", number, megapixels=round(megapixels), limit=int(limit))
    return None


def _filters(entry: tuple[str, str]) -> list[str]:
    kind, value = entry
    if kind == "name":
        return [value]
    if kind == "array":
        return value.strip("[]").replace("/", " /").split()
    return []


def _inflates_beyond(raw: bytes, filters: list[str], cap: int) -> bool:
    """Inflate through the leading Flate filters, never producing more than `cap` bytes at a stage. The
    last Flate stage is only counted, a block at a time (an image's cap can be hundreds of MB)."""
    flates = 0
    for name in filters:
        if name != "/FlateDecode":
            break
        flates += 1
    data = raw
    for stage in range(flates):
        inflater = zlib.decompressobj()
        if stage == flates - 1:
            return _counts_beyond(inflater, data, cap)
        try:
            out = inflater.decompress(data, cap)
        except zlib.error:
            return False  # corrupt, not a bomb: MuPDF will say so when it renders
        if len(out) >= cap and (inflater.unconsumed_tail or not inflater.eof):
            return True
        data = out
    return False


def _counts_beyond(inflater: Any, data: bytes, cap: int) -> bool:
    total = 0
    pending = data
    while pending and not inflater.eof:
        try:
            out = inflater.decompress(pending, 1 << 20)
        except zlib.error:
            return False
        total += len(out)
        if total > cap:
            return True
        pending = inflater.unconsumed_tail
        if not out and not pending:
            break
    return False


# --- the watchdog process ----------------------------------------------------------------------------


@dataclass
class _Worker:
    process: Any
    conn: Any
    memory_mb: int
    preload: tuple[str, ...] = ()


# One worker process per lane: scans (seconds a file) on one, the window's page previews on another, so
# a preview never waits behind a scan. Each lane serves one call at a time.
SCAN_LANE = "scan"
RENDER_LANE = "render"
_lanes_lock = threading.Lock()
_locks: dict[str, threading.Lock] = {}
_workers: dict[str, _Worker] = {}


def _lane_lock(lane: str) -> threading.Lock:
    with _lanes_lock:
        return _locks.setdefault(lane, threading.Lock())


def run_bounded(fn: Callable[..., Any], *args: Any, budget: Budget, lane: str = SCAN_LANE) -> Any:
    """Call `fn(*args, beat=...)` in the lane's worker process and return its result. `fn` calls `beat()`
    after each page: every beat gives it another `budget.page_seconds`. Raises BudgetExceeded when the
    time runs out, the memory cap is hit or the worker dies; the worker is then replaced.

    The calling thread waits without holding the interpreter lock (MuPDF holds it for a whole render or
    scan when it runs in this process, which would freeze the window however the work is threaded)."""
    # The worker imports the caller's module before its memory cap (by name: this module never imports
    # its callers, so there is no import circle), so the cap measures the scan, not the imports.
    preload = (fn.__module__,)
    with _lane_lock(lane):  # one call at a time in the lane's worker; callers on other threads wait here
        worker = _workers.get(lane)
        if worker is not None and (not worker.process.is_alive() or worker.memory_mb != budget.memory_mb):
            _stop(lane)  # dead, or started under another memory cap (another caller's module loads on use)
            worker = None
        if worker is None:
            worker = _workers[lane] = _start(budget.memory_mb, preload)
        try:
            worker.conn.send((fn, args))
        except OSError:  # it died since we looked: one fresh start
            _stop(lane)
            worker = _workers[lane] = _start(budget.memory_mb, preload)
            worker.conn.send((fn, args))
        deadline = time.monotonic() + budget.open_seconds
        started = time.monotonic()
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not worker.conn.poll(remaining):
                _stop(lane)
                raise BudgetExceeded("budget.too-slow", seconds=f"{time.monotonic() - started:.0f}")
            try:
                kind, payload = worker.conn.recv()
            except (EOFError, OSError):
                _stop(lane)
                raise BudgetExceeded("budget.worker-died") from None
            if kind == "beat":
                deadline = time.monotonic() + budget.page_seconds
            elif kind == "ok":
                return payload
            else:
                _stop(lane)  # a fresh process after any failure: its heap may be exhausted or corrupt
                if kind == "memory":
                    raise BudgetExceeded("budget.memory", memory_mb=str(budget.memory_mb))
                raise RuntimeError(payload)


def shutdown() -> None:
    """Stop the workers (tests, and the app at exit; a daemon process also ends with its parent)."""
    for lane in list(_workers):
        with _lane_lock(lane):
            _stop(lane)


_unavailable: str | None = None  # why the worker could not start; not retried in this process


def _start(memory_mb: int, preload: tuple[str, ...] = ()) -> _Worker:
    global _unavailable
    if _unavailable is not None:
        raise WorkerUnavailable(_unavailable)
    try:
        return _spawn(memory_mb, preload)
    except WorkerUnavailable as exc:
        _unavailable = str(exc)
        log.warning("scan worker unavailable, scanning in-process: %s", exc)
        raise


def _spawn(memory_mb: int, preload: tuple[str, ...] = ()) -> _Worker:
    ctx = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt process, absent on Windows
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_serve, args=(child, memory_mb, preload), name="hrdesk-scan", daemon=True)
    try:
        process.start()
    except Exception as exc:
        raise WorkerUnavailable(str(exc)) from exc
    child.close()
    waited = 0.0
    while waited < STARTUP_SECONDS:
        if parent.poll(0.2):
            try:
                if parent.recv() == ("ready", None):
                    return _Worker(process, parent, memory_mb, preload)
            except (EOFError, OSError):
                break
        if not process.is_alive():
            break
        waited += 0.2
    process.kill()
    raise WorkerUnavailable("the scan worker did not start")


def _stop(lane: str = SCAN_LANE) -> None:
    worker = _workers.pop(lane, None)
    if worker is None:
        return
    worker.process.kill()
    worker.process.join(5)
    worker.conn.close()


def _serve(conn: Any, memory_mb: int, preload: tuple[str, ...] = ()) -> None:
    """The worker's loop: run each call, report beats and the result; memory errors by name."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # numpy's BLAS reserves address space per thread
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import numpy  # noqa: F401  (loaded before the cap so the cap measures the scan, not the imports)
    import pymupdf

    for name in preload:
        importlib.import_module(name)

    pymupdf.TOOLS.mupdf_display_errors(False)
    _cap_memory(memory_mb)
    conn.send(("ready", None))

    def beat() -> None:
        conn.send(("beat", None))

    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = fn(*args, beat=beat)
        except MemoryError:
            conn.send(("memory", None))
            continue
        except Exception as exc:
            text = str(exc)
            if "malloc" in text or "out of memory" in text.lower():
                conn.send(("memory", None))
            else:
                conn.send(("error", f"{type(exc).__name__}: {text}"))
            continue
        conn.send(("ok", result))


def _cap_memory(memory_mb: int) -> None:
    """RLIMIT_AS = what the worker uses now + the budget. Linux enforces it; macOS ignores it (the time
    budget still holds); Windows has no resource module (a Job Object would be the equivalent)."""
    try:
        import resource
    except ImportError:
        return
    current = 0
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    current = int(line.split()[1]) * 1024
    except OSError:
        return  # not Linux: RLIMIT_AS is not enforced there anyway
    limit = current + memory_mb * 1024 * 1024
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError) as exc:
        log.info("scan worker runs without a memory cap: %s", exc)
