"""Runs the real entry point (`hrdesk.cli.main`, as `python -m hrdesk` does) and acts like a user once the
window is up: prints "ready", and when a second launch has asked for the window prints "activated" and
presses Ctrl+Q. Used by test_instances.py in a subprocess; not a test itself."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

import hrdesk.ui.app as app_module
from hrdesk.cli import main

_make = app_module.make_application


def _make_and_watch(argv=None):  # noqa: ANN001, ANN202
    app = _make(argv)

    def step() -> None:
        from hrdesk.ui.main_window import MainWindow

        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].desk is None or windows[0].instance_server is None:
            QTimer.singleShot(50, step)
            return
        window = windows[0]
        server = window.instance_server
        activate = server.on_activate

        def activated() -> None:
            activate()
            print("activated", flush=True)
            window.activateWindow()
            QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

        server.on_activate = activated
        window.hide()  # as if closed to the tray: the second launch must bring it back
        print("ready", flush=True)

    QTimer.singleShot(50, step)
    return app


app_module.make_application = _make_and_watch
sys.exit(main(sys.argv[1:]))
