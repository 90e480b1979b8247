"""A line under the materials panel's buttons saying what the writer or a reader thread is doing. Work
that ends within 300 ms shows nothing (no flicker); longer work says what it is, with a bar that moves
(or counts, for a task with steps)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

BUSY_AFTER_MS = 300


class BusyRow:
    def __init__(self, parent: QWidget, layout: QHBoxLayout) -> None:
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.label.hide()
        self.bar.hide()
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show_now)
        self._message = ""

    def begin(self, message: str) -> None:
        """Say `message` if the work is still going in 300 ms."""
        self._message = message
        self._timer.start(BUSY_AFTER_MS)

    def show_now(self) -> None:
        self.label.setText(self._message)
        self.bar.setRange(0, 0)  # busy, no known length (a task with steps sets its own range)
        self.label.show()
        self.bar.show()

    def progress(self, done: int, total: int) -> None:
        if total > 1:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def end(self) -> None:
        self._timer.stop()
        self.label.hide()
        self.bar.hide()
