"""Starting the desktop app: QApplication, language, the data folder (or a fresh demo), the window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..fileio import OWNER_FILE, owner_only, private_dir
from ..paths import ENV_DATA_DIR
from ..paths import data_dir as default_data_dir
from ..resources import resources_dir


def make_application(argv: list[str] | None = None) -> QApplication:
    from .source_scan import skip_source_scan

    skip_source_scan()  # before the window and the store are imported: 30 MB of source text not kept
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("hrdesk")
    QCoreApplication.setApplicationName("hrdesk")
    return app


def guard_wheels_and_dialogs(app: QApplication) -> None:
    """The wheel guard and the open dialogs' language, for every window (wheel_guard.py). Installed
    once the first frame is drawn: an application-wide filter is a call into Python for every event
    of every widget, eight thousand before that frame (a fifth of the window's own time before it),
    and nobody turns a wheel or opens a dialog before there is a window."""
    from .wheel_guard import install

    install(app)


def keep_settings_in(folder: Path) -> None:
    """Preferences in an INI file inside the data folder: a demo or a `--data-dir` desk never reads or
    changes the user's real settings (the registry on Windows, plist on macOS)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    # Owner-only like the rest of the data folder: the INI holds the shared database's address.
    ini = Path(QSettings().fileName())
    for part in (folder / "settings", ini.parent):
        private_dir(part)
    if not ini.exists():
        os.close(os.open(ini, os.O_WRONLY | os.O_CREAT, OWNER_FILE))
    owner_only(ini)


def show_window(window: Any) -> None:
    """Bring the window forward (tray, a second launch), restored if it was minimised or hidden."""
    window.showNormal()
    window.raise_()
    window.activateWindow()


def attach_tray(app: QApplication, window: Any) -> None:
    """The tray keeps reminders going while the window is closed; without a tray (some Linux
    desktops) say so once and show reminders in the window's status bar. Attached once the first
    frame is drawn (its reminders read the rules: a fifth of a second of imports on a slow laptop);
    the reminders' first check waits for the deadlines anyway."""
    from .deadlines.tray import TrayController
    from .workers import run_write

    def write(fn: Any) -> None:
        run_write(lambda _task: fn(window.desk))

    tray = TrayController(
        window.desk, lambda: window.deadline_items, app.windowIcon(), window, window.clock, write
    )
    window.tray = tray
    if window.tray_only and tray.available:
        tray.tray.show()
    tray.openRequested.connect(lambda: show_window(window))
    tray.employeeRequested.connect(window.open_employee)
    tray.quitRequested.connect(window.quit_app)  # the same guard and the same end as 文件 → 退出
    tray.remindersDue.connect(
        lambda due: window.statusBar().showMessage(
            window.tr("提醒：{n} 项期限临近，见“期限日历”。").format(n=len(due))
        )
    )
    app.setQuitOnLastWindowClosed(not tray.available)
    if not tray.available and not QSettings().value("tray/told-unavailable", False, type=bool):
        QSettings().setValue("tray/told-unavailable", True)
        window.statusBar().showMessage(window.tr("本系统没有托盘区：提醒将显示在窗口中。"), 15000)
    # First check once the deadlines are loaded (on a worker, after the day's status refresh).
    started: list[bool] = []

    def first_check() -> None:
        if not started:
            started.append(True)
            tray.start()

    window.deadlinesReady.connect(first_check)


def open_store_in_background(
    app: QApplication, window: Any, folder: Path, demo: bool, opened: list[Any]
) -> Any:
    """Open the database (imports, migrations, the daily backup) on a worker while the window paints;
    then hand it to the window. A second writer, or a database that cannot be opened, is said in words.
    `hrdesk --demo` builds its demo desk first, in a child process (about a minute: each person's scans
    made and checked), while the window counts the employees made. Returns the task (cancelled at quit:
    the child stops at its next employee and is waited for, so the demo's folder can go)."""
    from .workers import run_task

    # --database-url / HRDESK_DATABASE_URL first, then the address kept in Settings (password: keyring).
    url = (
        None
        if demo
        else (
            os.environ.get("HRDESK_DATABASE_URL") or str(QSettings().value("database/url", "") or "") or None
        )
    )

    def work(task: Any) -> Any:
        # The database layer's imports (SQLAlchemy, Alembic, Pydantic) make a hundred thousand objects
        # that live as long as the app: the collector's full passes over them, made while they are
        # made, held the interpreter lock for 15-25 ms each (the window stood still). It waits until
        # they are made, and they are then kept out of its passes (`gc.freeze`, see run_app).
        collecting = gc.isenabled()
        gc.disable()
        try:
            from ..desks.desk import Desk
        finally:
            gc.freeze()
            if collecting:
                gc.enable()

        if demo:  # in a child process: its PyMuPDF drawing would hold this process's interpreter lock
            from ..desks.demo_process import build_demo_apart
            from .workers import Cancelled

            # At quit (task.cancel) the child stops at its next employee and is waited for.
            if not build_demo_apart(folder, progress=task.report, cancelled=lambda: task.cancelled):
                raise Cancelled()
        desk = Desk.open(folder, url)
        gc.freeze()  # the database layer's modules live as long as the app (see run_app)
        return desk

    def backup(_task: Any) -> None:
        from ..desks.backup import daily_backup_quietly

        # A child process at the lowest priority, waited for here; dated by the window's clock.
        daily_backup_quietly(folder, clock=window.clock)

    def done(desk: Any) -> None:
        opened.append(desk)
        window.attach_records(desk)
        if window.tray is not None:
            window.tray.desk = desk
        if not demo:  # the day's automatic backup: once the start-up work is done, never beside it
            QTimer.singleShot(
                BACKUP_AFTER_MS,
                lambda: run_task(
                    backup,
                    on_error=lambda m: window.statusBar().showMessage(
                        window.tr("今天的自动备份没有完成：{m}").format(m=m), 30000
                    ),
                ),
            )

    def failed(message: str) -> None:
        if not message:  # cancelled: the app is quitting
            return
        QMessageBox.critical(window, "hrdesk", message)
        window.quitting = True
        app.exit(1)

    task = run_task(work, done, failed)
    if demo:
        task.signals.progress.connect(window.show_demo_progress)
    return task


class StartAfterFirstPaint(QObject):
    """Opening the database imports the store's layers (about half a second of Python) on a worker
    thread; begun beside the window's first paint, it takes the interpreter lock from it and the window
    shows later. It begins once something is on screen (at once when the window starts hidden in the
    tray). `cancel()` stops it at quit, begun or not."""

    def __init__(
        self, app: QApplication, begin: Any, window: Any, wait_for_paint: bool, prepare: Any = None
    ) -> None:
        """`prepare(then)`: work for the UI thread once the frame is drawn (the window's hidden pages);
        the database begins when it calls `then`. Watches the window's own events only (a filter on
        the application would be a call into Python for each of thousands of events)."""
        super().__init__()
        self.app, self.begin, self.prepare, self.task = app, begin, prepare, None
        self.window = window
        self._cancelled = self._started = False
        if wait_for_paint:
            window.installEventFilter(self)
        else:
            self._start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._start)  # after this paint has been drawn
        return False

    def _start(self) -> None:
        if self._started or self._cancelled:
            return
        self._started = True
        if self.prepare is not None:
            self.prepare(self._begin)
        else:
            self._begin()

    def _begin(self) -> None:
        if self.task is None and not self._cancelled:
            self.task = self.begin()

    def cancel(self) -> None:
        self._cancelled = True
        self.window.removeEventFilter(self)
        if self.task is not None:
            self.task.cancel()


BACKUP_AFTER_MS = 60_000  # the list, its statuses and the reminders come first


def run_app(
    demo: bool = False, data_dir: str | None = None, lang: str | None = None, tray_only: bool = False
) -> int:
    app = make_application()
    from .desks.single_instance import InstanceServer, ask_running_instance
    from .i18n import set_language
    from .main_window import MainWindow
    from .window_pages import build_pages

    if demo:
        folder = Path(tempfile.mkdtemp(prefix="hrdesk-demo-"))
    else:
        folder = default_data_dir(data_dir)
        if ask_running_instance(folder):  # hrdesk is open on this folder: bring it forward, exit quietly
            return 0
    if demo or data_dir or os.environ.get(ENV_DATA_DIR):
        keep_settings_in(folder)
    if demo:
        os.environ.pop("HRDESK_DATABASE_URL", None)  # a demo never writes into a shared database
    settings = QSettings()
    set_language(lang if lang and lang != "zh" else str(settings.value("language", lang or "zh")))
    from ..logging_setup import setup_logging
    from .crash import install_excepthook

    log_path = setup_logging(folder)
    install_excepthook(log_path)
    logging.getLogger("hrdesk").info("start (demo=%s)", demo)
    window = MainWindow(None, folder, demo=demo)
    from PySide6.QtWidgets import QSystemTrayIcon

    window.tray_only = tray_only and QSystemTrayIcon.isSystemTrayAvailable()
    instance = InstanceServer(folder, lambda: show_window(window), window)
    window.instance_server = instance
    icon = resources_dir() / "icons" / "hrdesk.png"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))  # the tray takes it when it is attached
    # Everything imported so far lives as long as the app: keep it out of the cyclic GC's full
    # collections, which walk the whole heap holding the GIL (a stall of the window when a worker
    # thread triggers one while loading thousands of rows).
    gc.freeze()
    from .probe import install_if_asked

    install_if_asked(app, window)  # benchmarks only (HRDESK_PROBE)
    if demo:  # the first frame already says the demo is being made (its build begins after that frame)
        window.show_demo_progress()
    if not window.tray_only:
        window.show()
    opened: list[Any] = []
    opening = StartAfterFirstPaint(
        app,
        lambda: open_store_in_background(app, window, folder, demo, opened),
        window,
        window.isVisible(),
        prepare=lambda then: (
            guard_wheels_and_dialogs(app),
            attach_tray(app, window),
            build_pages(window, then),
        ),
    )
    try:
        return app.exec()
    finally:
        from PySide6.QtCore import QThreadPool

        from .workers import stop_background, writer_pool

        opening.cancel()  # quit while the demo was being built: it stops at the next employee
        stop_background()
        if demo:
            QThreadPool.globalInstance().waitForDone(30000)  # before its folder is removed
        writer_pool().waitForDone(10000)
        for desk in opened:
            desk.close()
        if demo:  # a demo leaves nothing behind
            logging.shutdown()
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
