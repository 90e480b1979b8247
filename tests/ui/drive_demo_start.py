"""`hrdesk --demo` as a person starts it, through the entry point a user runs (`hrdesk.cli.main`): what the
window shows while the demo is built, looked at every 20 ms from inside its event loop, until the desk
opens with the demo's employees (or, with HRDESK_DRIVE_QUIT_AT=N, once N employees are made); then 退出.
Prints one JSON line (what was seen) and "ok". Run by test_demo_start.py in a subprocess."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QToolButton

import hrdesk.ui.app as app_module
from hrdesk.cli import main

seen: dict[str, Any] = {"titles": [], "errors": []}
QUIT_AT = int(os.environ.get("HRDESK_DRIVE_QUIT_AT", "0"))  # quit once this many employees were made
timers: list[QTimer] = []


def fail_on_exception(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    seen["errors"].append("".join(traceback.format_exception(kind, error, tb)))
    sys.stderr.write(seen["errors"][-1])


def toolbar_enabled(window: Any, text: str) -> bool:
    buttons = [b for b in window.toolbar.findChildren(QToolButton) if b.text() == text]
    return bool(buttons) and buttons[0].isEnabled()


def look(app: QApplication) -> None:
    from hrdesk.ui.main_window import MainWindow

    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        return
    window = windows[0]
    title = window.dashboard.title.text()
    if not seen["titles"] or seen["titles"][-1] != title:
        seen["titles"].append(title)
    if "first" not in seen:  # the first look at a window on screen
        sys.excepthook = fail_on_exception  # after the app's own crash box was installed
        seen["first"] = {
            "desk_open": window.desk is not None,
            "title": title,
            "progress_bar": window.dashboard.progress.isVisible(),
            "new_employee_enabled": toolbar_enabled(window, "新建员工"),
            "folder": str(window.data_dir),
        }
    made = re.search(r"(\d+) / \d+", title)
    if QUIT_AT and made and int(made.group(1)) >= QUIT_AT:  # 退出 while the demo is being built
        timers[0].stop()
        window.quit_app()
        return
    if window.desk is not None and window.model.rowCount() and not window.background_busy():
        seen["last"] = {
            "employees": window.model.rowCount(),
            "title": title,
            "progress_bar": window.dashboard.progress.isVisible(),
            "new_employee_enabled": toolbar_enabled(window, "新建员工"),
        }
        timers[0].stop()
        window.quit_app()


def make_and_watch(argv: list[str] | None = None) -> Any:
    app = make(argv)
    if not timers:
        timer = QTimer()
        timer.setInterval(20)

        def tick() -> None:
            try:
                look(app)
            except Exception:  # noqa: BLE001  a failure ends the run with its traceback
                seen["errors"].append(traceback.format_exc())
                timer.stop()
                app.quit()

        timer.timeout.connect(tick)
        timer.start()
        timers.append(timer)
    return app


if __name__ == "__main__":  # the demo is built in a spawned process, which imports this file again
    make = app_module.make_application
    app_module.make_application = make_and_watch
    code = main(sys.argv[1:])
    seen["exit"] = code
    seen["folder_left"] = "first" in seen and Path(seen["first"]["folder"]).exists()
    seen["children_left"] = [p.name for p in multiprocessing.active_children()]
    print(json.dumps(seen, ensure_ascii=False))
    print("ok", flush=True)
