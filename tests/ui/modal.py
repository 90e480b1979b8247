"""Answer a modal dialog when it shows, however long the work before it takes on a busy machine: a fixed
single-shot delay fires before a dialog that opens after a worker finishes, and the test then hangs on a
dialog nobody answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

_keep: list[QTimer] = []


def when_modal(answer: Callable[[Any], object], kind: type = QDialog, every_ms: int = 20) -> QTimer:
    """Call `answer(dialog)` once, as soon as a modal widget of `kind` is active."""
    timer = QTimer()
    timer.setInterval(every_ms)

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, kind):
            timer.stop()
            _keep.remove(timer)
            answer(box)

    timer.timeout.connect(look)
    _keep.append(timer)
    timer.start()
    return timer
