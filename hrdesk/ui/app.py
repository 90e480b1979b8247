"""Starting the desktop app: QApplication, language, the data folder (or a fresh demo), the window."""

from __future__ import annotations

import contextlib
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..paths import data_dir as default_data_dir
from ..resources import resources_dir


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("hrdesk")
    QCoreApplication.setApplicationName("hrdesk")
    return app


def attach_tray(app: QApplication, window: Any) -> None:
    """The tray keeps reminders going while the window is closed; without a tray (some Linux
    desktops) say so once and show reminders in the window's status bar."""
    from .tray import TrayController

    tray = TrayController(window.records, lambda: window.deadline_items, app.windowIcon(), window)
    window.tray = tray
    tray.openRequested.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))

    def quit_app() -> None:
        window.quitting = True
        window.close()
        app.quit()

    tray.quitRequested.connect(quit_app)
    tray.remindersDue.connect(
        lambda due: window.statusBar().showMessage(
            window.tr("提醒：{n} 项期限临近，见“期限日历”。").format(n=len(due))
        )
    )
    app.setQuitOnLastWindowClosed(not tray.available)
    if not tray.available and not QSettings().value("tray/told-unavailable", False, type=bool):
        QSettings().setValue("tray/told-unavailable", True)
        window.statusBar().showMessage(window.tr("本系统没有托盘区：提醒将显示在窗口中。"), 15000)
    # First check once the deadlines are computed (they load on a worker thread).
    QTimer.singleShot(3000, tray.start)


def run_app(
    demo: bool = False, data_dir: str | None = None, lang: str | None = None, tray_only: bool = False
) -> int:
    app = make_application()
    from ..services.records import Records
    from ..store.db import StoreLocked
    from .i18n import set_language
    from .main_window import MainWindow

    settings = QSettings()
    set_language(lang if lang and lang != "zh" else str(settings.value("language", lang or "zh")))
    if demo:
        from ..services.demo import create_demo

        folder = Path(tempfile.mkdtemp(prefix="hrdesk-demo-"))
        create_demo(folder)
    else:
        folder = default_data_dir(data_dir)
    from ..logging_setup import setup_logging
    from .crash import install_excepthook

    log_path = setup_logging(folder)
    install_excepthook(log_path)
    logging.getLogger("hrdesk").info("start (demo=%s)", demo)
    try:
        records = Records.open(folder)
    except StoreLocked as exc:
        QMessageBox.critical(None, "hrdesk", str(exc))
        return 1
    if not demo:
        from ..services.backup import rotate_daily

        # A failed automatic backup must not stop the day's work.
        with contextlib.suppress(Exception):
            rotate_daily(folder)
    window = MainWindow(records, folder, demo=demo)
    attach_tray(app, window)
    icon = resources_dir() / "icons" / "hrdesk.png"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
        window.tray.tray.setIcon(QIcon(str(icon)))
    from .probe import install_if_asked

    install_if_asked(app, window)  # benchmarks only (HRDESK_PROBE)
    if not (tray_only and window.tray.available):
        window.show()
    try:
        return app.exec()
    finally:
        records.close()
        if demo:  # a demo leaves nothing behind
            logging.shutdown()
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
