"""Work that should wait until what the person is looking at has been drawn: begun beside a paint, a
worker's Python takes the interpreter lock from it, and each of the hundreds of calls the paint makes
into Python (the list's cells) waits its turn — the window freezes for a moment instead of showing the
rows it already has."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LONGEST_WAIT_MS = 250  # a window that is not drawn (minimised, covered) does not hold the work back


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget, self.then, self.done = widget, then, False
        widget.installEventFilter(self)
        QTimer.singleShot(LONGEST_WAIT_MS, self._run)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._run)  # after this paint has been drawn
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        self.then()
        self.deleteLater()


def after_next_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """`then()` once `widget` has next been drawn, at the latest after a quarter of a second; at once
    when the widget is not on screen (a window started in the tray, a test's window never shown)."""
    if not widget.isVisible():
        then()
        return
    _AfterPaint(widget, then)
