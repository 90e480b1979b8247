"""OCR on worker processes. Reading a page takes 1–3 s of CPU; on worker processes the window stays
responsive and a multi-page file reads on every core.

The pool is created on first use (never at start-up) with the "spawn" method — a forked copy of a Qt
application is unsafe — and each worker loads the models once, in its initializer. Workers use one ONNX
thread each: two workers on two cores beat one worker with two threads (no oversubscription).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .pages import PageReading

ENV_WORKERS = "HRDESK_OCR_WORKERS"


def default_workers() -> int:
    configured = os.environ.get(ENV_WORKERS)
    if configured and configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(4, os.cpu_count() or 1))


class OcrPool:
    """A process pool that reads PDF pages. Thread-safe; `close()` ends the workers."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is not None and getattr(self._executor, "_broken", False):
                # A worker died (a crashing page, out of memory): its pages came back unreadable; a fresh
                # pool serves what comes next.
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None
            if self._executor is None:
                import multiprocessing

                from . import ocr

                self._executor = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=ocr.start_worker,
                )
            return self._executor

    def warm_up(self, wait: bool = True) -> None:
        """Start the workers and load the models now (e.g. while a file is being attached); `wait` False:
        return at once, the workers load their models meanwhile."""
        from . import ocr

        executor = self._started()
        futures = [executor.submit(ocr.warm_up) for _ in range(self.workers)]
        for future in futures if wait else ():
            future.result()

    def read_pages(
        self, path: Path, pages: list[int], head_lines: int | None = None
    ) -> list[Future[PageReading]]:
        """One future per page index (0-based), in the order given; pages read in parallel. With
        `head_lines`, the first page given is read only that far (see `read_rest`)."""
        from . import ocr

        def submit_all(executor: ProcessPoolExecutor) -> list[Future[PageReading]]:
            return [
                executor.submit(ocr.read_page, str(path), index, ocr.OCR_DPI, head_lines if i == 0 else None)
                for i, index in enumerate(pages)
            ]

        return submit_all(self._started())

    def read_rest(self, path: Path, index: int, boxes: list[list[list[float]]]) -> Future[PageReading]:
        """The lines of a page a head reading left `pending`."""
        from . import ocr

        return self._started().submit(ocr.read_page, str(path), index, ocr.OCR_DPI, None, boxes)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            with contextlib.suppress(BrokenProcessPool):
                executor.shutdown(wait=True, cancel_futures=True)


_default: OcrPool | None = None
_default_lock = threading.Lock()


def default_pool() -> OcrPool:
    """The process-wide pool, shut down at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = OcrPool()
            atexit.register(_default.close)
        return _default
