"""One window per data folder: a second launch hands over to the running one instead of failing.

The first instance listens on a local socket (a named pipe on Windows, a Unix socket elsewhere)
whose name is derived from the data folder; a second launch on the same folder connects, asks the
first to bring its window forward and exits quietly. Two different data folders (a demo beside the
real desk) are two independent instances.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"


def server_name(folder: Path) -> str:
    """Stable per data folder and user; short enough for a Unix socket path."""
    key = str(Path(folder).expanduser().resolve()).encode("utf-8")
    return "hrdesk-" + hashlib.sha1(key).hexdigest()[:16]


def ask_running_instance(folder: Path, timeout_ms: int = 500) -> bool:
    """True when an instance already serves `folder` and was asked to show its window."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for second launches; `on_activate` runs on the UI thread for each."""

    def __init__(self, folder: Path, on_activate: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_activate = on_activate
        self.server = QLocalServer(self)
        name = server_name(folder)
        if not self.server.listen(name):
            # A socket left behind by a crash: nobody answered above, so it is stale.
            QLocalServer.removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._connected)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            log.info("a second launch asked for the window")
            self.on_activate()
