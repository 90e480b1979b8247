"""Changes made elsewhere — another HR desk on the shared database, an import from the command line —
reach the window without a restart: every few seconds a worker asks the change log what changed since
the last look (`desks.changes.changes_since`, one indexed query) and the window reloads those rows,
their deadlines and the open case (`MainWindow.apply_changes`).

The starting position is taken before the window reads its list (`feed_position`, on the same
worker): a change committed between the two is named by the first poll instead of being lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..workers import run_task

POLL_MS = 5000


def feed_position(desk: Any) -> Any:
    """Where the change log stands; call on a worker, before reading what the window shows."""
    from ...desks.changes import current_counter

    return current_counter(desk)


class ChangeWatcher(QObject):
    changed = Signal(list)  # employee ids

    def __init__(self, desk: Any, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.desk = desk
        self.counter: Any = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self, on_ready: Callable[[], None] | None = None, position: Any = None) -> None:
        """Poll from `position` (taken before the list was read); without one, from where the log
        stands now."""
        desk = self.desk

        def ready(counter: Any) -> None:
            self.counter = counter
            self.timer.start()
            if on_ready is not None:
                on_ready()

        if position is not None:
            ready(position)
            return
        run_task(lambda _task: feed_position(desk), ready)

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
