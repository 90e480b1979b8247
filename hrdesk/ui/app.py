"""Starting the desktop app: QApplication, language, the data folder (or a fresh demo), the window."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from ..paths import data_dir as default_data_dir


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("hrdesk")
    QCoreApplication.setApplicationName("hrdesk")
    return app


def run_app(demo: bool = False, data_dir: str | None = None, lang: str | None = None) -> int:
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
    window.show()
    try:
        return app.exec()
    finally:
        records.close()
