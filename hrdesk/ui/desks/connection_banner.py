"""The database server cannot be reached (stopped, restarting, a pulled cable): a banner across the top
of the window says so, with 重试, instead of a frozen window or a crash box.

Why it watches the writer: a save to a stalled server does not fail, it waits (the server holds the
connection and answers nothing). So when the one writer thread has been busy on a single write for
`stall_ms`, or a write or read failed with a connection error, the banner shows, writes the user makes
meanwhile are held (the write queue is paused, their edits stay in the form), and a probe on a worker
asks the server every `probe_ms` with a fresh connection. When the server answers and the stuck write
has finished, the banner goes, the held writes run in order, and a write that failed for the
connection runs again — by itself, no restart."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QToolBar, QWidget

from ..workers import run_task, writer_pool

STALL_MS = 3000
PROBE_MS = 2000
# Failures that mean "the connection", not "this write is wrong": the driver's class names (the text
# after them quotes SQL and values and is never shown).
CONNECTION_ERRORS = ("OperationalError", "InterfaceError", "无法连接数据库")


def is_connection_error(message: str) -> bool:
    head = message[:80]
    return any(name in head for name in CONNECTION_ERRORS)


class ConnectionBanner(QFrame):
    lost = Signal()
    restored = Signal()

    def __init__(
        self, desk: Any, parent: QWidget | None = None, stall_ms: int = STALL_MS, probe_ms: int = PROBE_MS
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.stall_ms = stall_ms
        self.paused = False
        self._held: list[Callable[[], None]] = []
        self._busy_since: float | None = None
        self._probing = False
        self.window_to_show_in: QMainWindow | None = None  # until the bar is placed (first loss)
        self.setStyleSheet("QFrame { background: #fdecea; } QLabel { color: #b71c1c; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.probe)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        self.retranslate()
        self.watch = QTimer(self)
        self.watch.setInterval(250)
        self.watch.timeout.connect(self._check_writer)
        self.watch.start()
        self.prober = QTimer(self)
        self.prober.setInterval(probe_ms)
        self.prober.timeout.connect(self.probe)
        self.hide()

    def retranslate(self) -> None:
        self.label.setText(
            self.tr("无法连接数据库服务器…正在自动重试。您的修改仍在窗口中，连接恢复后会自动保存。")
        )
        self.retry_button.setText(self.tr("重试"))

    # --- the write queue ----------------------------------------------------------------------------

    def hold(self, submit: Callable[[], None]) -> bool:
        """While the server is unreachable, keep `submit` (a write) for later and say True."""
        if not self.paused:
            return False
        self._held.append(submit)
        return True

    def failed(self, message: str, resubmit: Callable[[], None]) -> bool:
        """A write failed: for the connection (True), show the banner and run it again once the server
        answers; for anything else (False), the caller shows the message."""
        if not is_connection_error(message):
            return False
        self._held.append(resubmit)
        self.show_lost()
        return True

    def _set_shown(self, shown: bool) -> None:
        if shown and self.window_to_show_in is not None:
            _place(self, self.window_to_show_in)
            self.window_to_show_in = None
        bar = self.parentWidget()
        if isinstance(bar, QToolBar):
            bar.setVisible(shown)
        self.setVisible(shown)

    # --- lost and found -----------------------------------------------------------------------------

    def _check_writer(self) -> None:
        if writer_pool().activeThreadCount() == 0:
            self._busy_since = None
            return
        now = time.monotonic()
        if self._busy_since is None:
            self._busy_since = now
        elif not self.paused and (now - self._busy_since) * 1000 >= self.stall_ms:
            self.show_lost()

    def show_lost(self) -> None:
        if not self.paused:
            self.paused = True
            self._set_shown(True)
            self.lost.emit()
        if not self.prober.isActive():
            self.prober.start()
            self.probe()

    def probe(self) -> None:
        if self._probing:
            return
        from ...desks.changes import server_reachable

        self._probing = True
        desk = self.desk
        run_task(lambda _task: server_reachable(desk), self._probed, lambda _m: self._probed(False))

    def _probed(self, ok: Any) -> None:
        self._probing = False
        # Back only when the server answers and the write that was stuck has finished.
        if ok and self.paused and writer_pool().activeThreadCount() == 0:
            self._restore()

    def _restore(self) -> None:
        self.paused = False
        self.prober.stop()
        self._set_shown(False)
        held, self._held = self._held, []
        for submit in held:
            submit()
        self.restored.emit()


def install_connection_banner(window: QMainWindow, desk: Any) -> ConnectionBanner:
    """The banner's watch on the writer, for `window`. Its bar across the top of the window is added
    the first time the server is lost: adding a tool bar to a window on screen lays the whole window out
    again (tens of milliseconds at the start, for a banner most days never show)."""
    existing = getattr(window, "connection_banner", None)
    if existing is not None:
        existing.desk = desk
        return existing
    banner = ConnectionBanner(desk)
    banner.window_to_show_in = window
    window.connection_banner = banner  # type: ignore[attr-defined]
    window.destroyed.connect(banner.deleteLater)
    return banner


def _place(banner: ConnectionBanner, window: QMainWindow) -> None:
    """The banner in its own fixed bar across the top of `window`."""
    bar = QToolBar(window)
    bar.setObjectName("connectionBanner")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.addWidget(banner)
    banner.setVisible(False)
    bar.hide()


def active_banner() -> ConnectionBanner | None:
    """The banner of the open window, if any (the crash hook shows it for a lost connection)."""
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        banner = getattr(widget, "connection_banner", None)
        if isinstance(banner, ConnectionBanner):
            return banner
    return None
