"""Unhandled exceptions: log them (scrubbed), tell the user what happened and where the log is.
The records are safe: every write is a committed transaction, so nothing half-done is left behind."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("hrdesk.crash")


def install_excepthook(log_path: Path) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        # By type and code, with the frames: the exception's text may quote user data (logging_setup).
        log.error("unhandled %s", kind.__name__, exc_info=(kind, error, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        from .desks.connection_banner import active_banner, is_connection_error

        banner = active_banner()
        if banner is not None and is_connection_error(kind.__name__):
            banner.show_lost()  # a lost connection is not a crash: the banner says so and retries
            return
        title = QCoreApplication.translate("Crash", "hrdesk 出错了")
        text = QCoreApplication.translate(
            "Crash",
            "hrdesk 遇到了一个意外错误（{kind}）。已保存的记录不受影响；未保存的修改可能需要重新输入。\n\n日志文件：{path}",
        )
        box = QMessageBox(QMessageBox.Icon.Critical, title, text.format(kind=kind.__name__, path=log_path))
        box.exec()

    sys.excepthook = hook
