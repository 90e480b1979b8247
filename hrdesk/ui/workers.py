"""Background work for the GUI: a function runs on a QThreadPool thread and its result (or error)
comes back as a signal on the main thread. Never touch a widget from the function itself."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Cancelled(Exception):
    pass


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)


class Task(QRunnable):
    """Runs `fn(task)`; `fn` may call `task.report(done, total)`, which raises Cancelled once
    `task.cancel()` was called from the GUI."""

    def __init__(self, fn: Callable[[Task], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def report(self, done: int, total: int) -> bool:
        if self._cancelled:
            raise Cancelled()
        self.signals.progress.emit(done, total)
        return True

    def run(self) -> None:
        try:
            result = self.fn(self)
        except Cancelled:
            self._emit(self.signals.failed, "")
        except Exception as exc:  # reported to the GUI; the log names the kind and the place, never the
            # text: a database error's text quotes the statement's values (names, ID numbers).
            log.error(
                "background task failed: %s in %s",
                type(exc).__name__,
                getattr(self.fn, "__qualname__", type(self.fn).__name__),
            )
            self._emit(self.signals.failed, str(exc) or exc.__class__.__name__)
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver was closed while the task ran (e.g. at quit)
            log.debug("task finished after its receiver was deleted")


# Tasks in flight. The pool must not delete a task (and its signal object) before its queued result
# reaches the main thread: for lambda slots the sender is the only context, and deleting it drops
# the pending call.
_in_flight: set[Task] = set()


_writer: QThreadPool | None = None
_background: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """The one thread that writes to the database (picard's pattern): writes queue instead of fighting
    over the lock, and none of them runs on the UI thread."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
        _writer.setExpiryTimeout(-1)
    return _writer


def background_pool() -> QThreadPool:
    """One thread for long background work that hands its writes to the writer (the status refresh):
    it never holds one of the general pool's threads, which load what the user opens, for seconds."""
    global _background
    if _background is None:
        _background = QThreadPool()
        _background.setMaxThreadCount(1)
    return _background


def extra_pools() -> list[QThreadPool]:
    return [p for p in (_writer, _background) if p is not None]


_stopping = threading.Event()


def stop_background(timeout_ms: int = 10000) -> None:
    """At quit: the background thread's next hand-over to the writer stops it (Cancelled), and it is
    waited for, so nothing writes to a database being closed."""
    _stopping.set()
    try:
        if _background is not None:
            _background.waitForDone(timeout_ms)
    finally:
        _stopping.clear()


class _WriteAndWait(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # handed to the waiting thread, which raises it
            self.error = exc
        finally:
            self.done.set()


def on_writer(fn: Callable[[], Any]) -> Any:
    """Run `fn` on the writer thread, queued behind the saves already waiting, and return its result
    (or raise its error). For a background thread that computes and hands each small batch of writes to
    the one writer: a save the user makes meanwhile goes in between two batches, not after all of
    them. Never call it from the UI thread (it waits)."""
    if _stopping.is_set():
        raise Cancelled()
    job = _WriteAndWait(fn)
    job.setAutoDelete(False)
    writer_pool().start(job)
    job.done.wait()
    if job.error is not None:
        raise job.error
    return job.result


def run_write(
    fn: Callable[[Task], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> Task:
    return run_task(fn, on_done, on_error, pool=writer_pool())


def busy() -> bool:
    """True while any background task has not delivered its result (tests and the benchmark wait on it)."""
    return bool(_in_flight)


def run_task(
    fn: Callable[[Task], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    task = Task(fn)
    task.setAutoDelete(False)
    _in_flight.add(task)
    task.signals.finished.connect(lambda _result: _in_flight.discard(task))
    task.signals.failed.connect(lambda _message: _in_flight.discard(task))
    if on_done:
        task.signals.finished.connect(_while_alive(on_done))
    if on_error:
        task.signals.failed.connect(_while_alive(on_error))
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def _owners(callback: Callable[..., Any]) -> list[QObject]:
    """The widgets a result handler belongs to: a bound method's object, or the QObjects its closure
    holds (`self` in a handler defined inside a method)."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        return [owner]
    cells = getattr(callback, "__closure__", None) or ()
    found = []
    for cell in cells:
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(value, QObject):
            found.append(value)
    return found


def _while_alive(callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """A result that arrives after its window was closed (the user quit, a test ended) is dropped
    instead of touching a deleted widget."""
    owners = _owners(callback)
    if not owners:
        return callback

    def deliver(value: Any) -> None:
        if all(shiboken6.isValid(o) for o in owners):
            callback(value)
        else:
            log.debug("result dropped: its window is gone")

    return deliver
