"""Reading a file's pages once: OCR over the worker pool (`pool.py`), page 1's head first so the first
findings show within seconds of a drop, the readings kept by the file's content in
`<data folder>/cache/inspection/`, and a second reader of the same content (the findings started at
attach, the confirmation view a second later) waiting for these pages instead of reading them again.
What the pages say about the record is `inspect.py` (findings) and `fields.py` (the record's fields);
this module only reads.

- `read_file(path, *, data_dir=None, pool=None, on_progress=None) -> list[PageReading]` — one file's
  pages, from the cache when this content was read before.
- `warm_up(pool=None, wait=True)` — start the OCR workers ahead of the first reading.
- `inspection_available()` — False in a build without the OCR engine; reading then raises
  `InspectionUnavailable` with a message for the user.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...fileio import sha256_of
from ...mupdf_lock import MUPDF
from ...pdf.images import IMAGE_SUFFIXES
from .pages import PageReading

if TYPE_CHECKING:
    from .pool import OcrPool

READER_VERSION = 3  # bump when what a reading holds changes: cached readings are then read again
# (2: lines under a seal read again without its red, `PageReading.unsealed`; 3: lines recognised one at a time)
MAX_PAGES_READ = 60
HEAD_LINES = 6  # lines of page 1 read first, for findings within seconds of the drop


class InspectionUnavailable(RuntimeError):
    """This installation carries no OCR engine (a build that left it out); the message is for the user."""


def inspection_available() -> bool:
    """Whether the OCR engine is installed (checked without importing it)."""
    from importlib.util import find_spec

    return find_spec("rapidocr_onnxruntime") is not None and find_spec("onnxruntime") is not None


def require_ocr() -> None:
    if not inspection_available():
        raise InspectionUnavailable(
            "此安装未包含文字识别组件（rapidocr-onnxruntime），无法读取扫描件内容；请安装完整版本。"
        )


def cache_dir(data_dir: Path) -> Path:
    return data_dir / "cache" / "inspection"


def warm_up(pool: OcrPool | None = None, wait: bool = True) -> None:
    ocr_pool(pool).warm_up(wait)


# --- reading (OCR, cached) ---------------------------------------------------------------------------


class _ReadingNow:
    """One file content on its way through the OCR workers. A second reader of the same content meanwhile
    (the findings started at attach, the confirmation view opened a second later) waits for these pages
    instead of reading them again on the same workers, which would double the wait of both."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.readings: list[PageReading] | None = None  # None once done: the first reader gave up
        self.page_count = 0

    def publish(self, readings: list[PageReading] | None, page_count: int) -> None:
        if not self.done.is_set():
            self.readings, self.page_count = readings, page_count
            self.done.set()


_reading_now: dict[str, _ReadingNow] = {}
_reading_now_lock = threading.Lock()


class PendingFile:
    """One file's pages on their way through the pool (or straight from the cache, or from another
    reader of the same content: `follows`)."""

    def __init__(self, path: Path, cache: Path | None, pool: OcrPool | None) -> None:
        self.path = path
        self.cache_file: Path | None = None
        self.readings: dict[int, PageReading] = {}
        self.futures: dict[Future[PageReading], int] = {}
        self.total = 0
        self.page_count = 0
        self.read_now = False  # read by OCR in this run (not from the cache)
        self.scratch: Path | None = None
        self.pool_given = pool
        self.digest = ""
        self.owns: _ReadingNow | None = None  # this reader reads the content; others may wait for it
        self.rest_parts: dict[int, list[PageReading | None]] = {}  # a page's rest, read in parts
        self.part_of: dict[Future[PageReading], int] = {}
        self.follows: _ReadingNow | None = None  # another reader reads it; this one waits for its pages
        try:
            digest = sha256_of(path)
        except OSError as exc:
            self.total = 1
            self.readings[1] = PageReading(page=1, error=f"open: {exc.__class__.__name__}")
            return
        if cache is not None:
            self.cache_file = cache / f"{digest}-v{READER_VERSION}.json"
            cached = _load_cache(self.cache_file)
            if cached is not None:
                self.readings = {r.page: r for r in cached}
                self.total = len(cached)
                self.page_count = page_count(path) or self.total
                return
        if path.suffix.lower() in IMAGE_SUFFIXES:  # a photo is read as the PDF it becomes when attached
            converted = self._as_pdf(path)
            if isinstance(converted, str):
                self.total = 1
                self.readings[1] = PageReading(page=1, error=converted)
                return
            path = self.path = converted
        refused = refusal_reason_of(path)
        if refused is not None:  # what the scan refuses is not opened page by page either
            self.total = 1
            self.readings[1] = PageReading(page=1, error=refused)
            return
        count = page_count(path)
        if count is None:
            self.total = 1
            self.readings[1] = PageReading(page=1, error="open: not a readable PDF")
            return
        self.total = min(count, MAX_PAGES_READ)
        self.page_count = count
        if pool is None:
            require_ocr()
        with _reading_now_lock:
            self.digest = digest
            self.follows = _reading_now.get(digest)
            if self.follows is None:
                self.owns = _reading_now[digest] = _ReadingNow()
        if self.follows is not None:
            return  # its pages are being read: `finish` takes them
        try:
            self.pool = ocr_pool(pool)
            # Page 1's head first: its findings (who, what kind, seal, orientation) show within seconds.
            futures = self.pool.read_pages(path, list(range(self.total)), head_lines=HEAD_LINES)
        except BaseException:
            self.abandon()
            raise
        self.futures = {f: i + 1 for i, f in enumerate(futures)}

    def _as_pdf(self, path: Path) -> Path | str:
        """The photo converted as attaching converts it (page size from its pixels), in a private scratch
        folder removed when the reading is done; a refusal's reason when it cannot be converted."""
        import tempfile

        from ...pdf.pack import SourceError, image_to_pdf

        try:
            data = image_to_pdf(path)
        except SourceError as exc:
            return f"open: {exc}"
        self.scratch = Path(tempfile.mkdtemp(prefix="hrdesk-read-"))
        converted = self.scratch / "image.pdf"
        converted.write_bytes(data)
        return converted

    @classmethod
    def unreadable(cls, path: Path, reason: str) -> PendingFile:
        pending = cls.__new__(cls)
        pending.scratch = None
        pending.path, pending.cache_file, pending.futures, pending.total = path, None, {}, 1
        pending.read_now, pending.page_count = False, 1
        pending.readings = {1: PageReading(page=1, error=reason)}
        pending.pool_given, pending.digest, pending.owns, pending.follows = None, "", None, None
        pending.rest_parts, pending.part_of = {}, {}
        return pending

    def ordered(self) -> list[PageReading]:
        return [self.readings[p] for p in sorted(self.readings)]

    def take(self, future: Future[PageReading]) -> list[Future[PageReading]]:
        """Record a finished page, head of a page or part of a page's rest; returns the futures of the
        rest of that page, if any. The rest of a page is cut into as many parts as there are workers
        (each part renders the page again, ~0.1 s): the workers free at that moment share it instead of
        one reading it while the other waits, so the page that holds most fields is whole sooner."""
        page = self.futures.pop(future)
        reading = page_result(future, page)
        self.read_now = True
        part = self.part_of.pop(future, None)
        if part is not None:
            parts = self.rest_parts[page]
            parts[part] = reading
            if all(p is not None for p in parts):
                whole = self.readings[page]
                for p in parts:
                    whole = whole.merged(p)
                self.readings[page] = whole
                del self.rest_parts[page]
        else:
            self.readings[page] = reading
            if reading.pending and not reading.error:
                rest = [
                    self.pool.read_rest(self.path, page - 1, boxes)
                    for boxes in _parts(reading.pending, getattr(self.pool, "workers", 1))
                ]
                self.rest_parts[page] = [None] * len(rest)
                for k, f in enumerate(rest):
                    self.futures[f], self.part_of[f] = page, k
                return rest
        if not self.futures:
            self._release(self.ordered())  # every page read: a reader waiting for them goes on now
        return []

    def _release(self, readings: list[PageReading] | None) -> None:
        """Hand the pages to whoever waits for this content (None: read it yourself) and let the next
        reader of it start afresh."""
        owned, self.owns = self.owns, None
        if owned is None:
            return
        with _reading_now_lock:
            if _reading_now.get(self.digest) is owned:
                del _reading_now[self.digest]
        owned.publish(readings, self.page_count)

    def abandon(self) -> None:
        """The run stopped before every page was read (an error, a cancel): a reader waiting for this
        content reads it itself."""
        self._release(None)

    def _followed(self) -> list[PageReading]:
        """The pages another reader of this content read (or, when it gave up, read here)."""
        assert self.follows is not None
        self.follows.done.wait()
        if self.follows.readings is not None:
            self.page_count = self.follows.page_count or self.page_count
            return self.follows.readings
        alone = PendingFile(self.path, self.cache_file.parent if self.cache_file else None, self.pool_given)
        return _read_through(alone)

    @property
    def pages_done(self) -> int:
        return sum(1 for r in self.readings.values() if r.complete)

    def finish(self) -> list[PageReading]:
        if self.follows is not None:
            readings = self._followed()
            self._drop_scratch()
            return readings
        readings = self.ordered()
        self._release(readings)
        if self.cache_file is not None and self.read_now and all(not r.error for r in readings):
            _save_cache(self.cache_file, readings)
        self._drop_scratch()
        return readings

    def _drop_scratch(self) -> None:
        if self.scratch is not None:
            import shutil

            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


MIN_PART_LINES = 6  # a page's rest is cut in parts of at least this many lines


def _parts(boxes: list[Any], workers: int) -> list[list[Any]]:
    """The line boxes of a page's rest in `workers` runs of neighbouring lines (reading order kept)."""
    count = max(1, min(workers, len(boxes) // MIN_PART_LINES))
    size = -(-len(boxes) // count)
    return [boxes[i : i + size] for i in range(0, len(boxes), size)]


def page_result(future: Future[PageReading], page: int) -> PageReading:
    try:
        return future.result()
    except Exception as exc:  # a worker that died on a hostile page: that page is unreadable, not the run
        return PageReading(page=page, error=f"worker: {exc.__class__.__name__}")


def refusal_reason_of(path: Path) -> str | None:
    """The scan's structural refusal (too many pages, bombs, giant images), checked in seconds in its
    watchdog process before any OCR worker opens the file."""
    from ...pdf.scan import refusal
    from ...pdf.scan_flags import refusal_reason

    flag = refusal(path)
    return None if flag is None else refusal_reason(flag)


def page_count(path: Path) -> int | None:
    import pymupdf

    try:
        with MUPDF, pymupdf.open(path) as doc:
            if doc.needs_pass or not doc.is_pdf:
                return None
            return doc.page_count or None
    except Exception:
        return None


def _load_cache(path: Path) -> list[PageReading] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [PageReading.from_dict(page) for page in data["pages"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save_cache(path: Path, readings: list[PageReading]) -> None:
    """Readings hold names and ID numbers in clear: owner-only (folders 0700, the file 0600 from its
    first byte); they go when the last material with this content does (store/vault.py)."""
    from ...fileio import atomic_write_bytes, private_dir

    try:
        private_dir(path.parent.parent)
        private_dir(path.parent)
        data = json.dumps({"pages": [r.to_dict() for r in readings]}, ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(path, data, mode=0o600)
    except OSError:
        pass  # a cache that cannot be written costs time, never a result


def ocr_pool(pool: OcrPool | None) -> OcrPool:
    """The pool given, else the process's one (started on first use)."""
    if pool is not None:
        return pool
    from .pool import default_pool

    return default_pool()


def cached_readings(path: Path, data_dir: Path | None) -> list[PageReading] | None:
    if data_dir is None:
        return None
    try:
        digest = sha256_of(path)
    except OSError:
        return None
    return _load_cache(cache_dir(data_dir) / f"{digest}-v{READER_VERSION}.json")


def read_file(
    path: Path,
    *,
    data_dir: Path | None = None,
    pool: OcrPool | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[PageReading]:
    """One file's page readings, from the cache when this content was read before, else read once and
    cached: filling the record from a scan and checking it rest on the same reading of each page."""
    return _read_through(PendingFile(path, cache_dir(data_dir) if data_dir else None, pool), on_progress)


def _read_through(
    pending: PendingFile, on_progress: Callable[[int, int], None] | None = None
) -> list[PageReading]:
    futures = set(pending.futures)
    try:
        while futures:
            done, _ = wait(list(futures), return_when=FIRST_COMPLETED)
            for future in done:
                futures.discard(future)
                futures.update(pending.take(future))
                if on_progress is not None:
                    on_progress(pending.pages_done, pending.total)
    except BaseException:
        pending.abandon()
        raise
    return pending.finish()
