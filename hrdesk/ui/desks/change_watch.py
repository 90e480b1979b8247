"""Changes made elsewhere — another HR desk on the shared database, an import from the command line —
reach the window without a restart: every few seconds a worker asks the change log what changed since
the last look (`services.changes.changes_since`, one indexed query) and the window reloads those rows,
their deadlines and the open case (`MainWindow.apply_changes`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..workers import run_task

POLL_MS = 5000


class ChangeWatcher(QObject):
    changed = Signal(list)  # employee ids

    def __init__(self, desk: Any, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.desk = desk
        self.counter: int | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self, on_ready: Callable[[], None] | None = None) -> None:
        """Start from where the log stands now (the window has just loaded everything)."""
        from ...desks.changes import current_counter

        desk = self.desk

        def ready(counter: Any) -> None:
            self.counter = counter
            self.timer.start()
            if on_ready is not None:
                on_ready()

        run_task(lambda _task: current_counter(desk), ready)

    def poll(self) -> None:
        if self._busy or self.counter is None:
            return
        from ...desks.changes import changes_since

        self._busy = True
        desk, counter = self.desk, self.counter
        run_task(lambda _task: changes_since(desk, counter), self._polled, self._failed)

    def _polled(self, result: Any) -> None:
        self._busy = False
        self.counter, ids = result
        if ids:
            self.changed.emit(ids)

    def _failed(self, _message: str) -> None:
        self._busy = False  # a server that went away: try again at the next tick

    def stop(self) -> None:
        self.timer.stop()
