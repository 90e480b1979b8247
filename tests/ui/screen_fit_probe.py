"""Opens the window and every dialog on the screen given by the offscreen platform's config file and
prints, as JSON, each frame with its reachable buttons and the screen's available area. Run by
test_screen_fit.py in a subprocess (the screen is fixed when Qt starts); not a test itself."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QDialog, QWidget

ROOT = Path(__file__).resolve().parents[2]


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def buttons(dialog: QWidget) -> list[tuple[str, list[int]]]:
    """Every visible button of the dialog, as a rectangle in screen coordinates; a button inside a scroll
    area is reachable where the area's viewport is (the person scrolls to it)."""
    found = []
    for b in dialog.findChildren(QAbstractButton):
        if b.isVisibleTo(dialog) and b.text() and type(b).__name__ in ("QPushButton", "QToolButton"):
            shown: QWidget = b
            parent = b.parentWidget()
            while parent is not None and parent is not dialog:
                if isinstance(parent, QAbstractScrollArea):
                    shown = parent.viewport()
                parent = parent.parentWidget()
            top_left = shown.mapToGlobal(shown.rect().topLeft())
            found.append((b.text(), [top_left.x(), top_left.y(), shown.width(), shown.height()]))
    return found


def wait_idle(app: QApplication) -> None:
    """Until every background load has landed on the window."""
    import time

    from PySide6.QtCore import QThreadPool

    from hrdesk.ui import workers

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        app.processEvents()
        pools = [QThreadPool.globalInstance(), *workers.extra_pools()]
        if not workers.busy() and all(p.activeThreadCount() == 0 for p in pools):
            app.processEvents()
            return
        time.sleep(0.01)


def main(data_dir: str, saved: str, lang: str = "zh") -> None:
    from hrdesk.checks.check import load_profile_file
    from hrdesk.desks.desk import Desk
    from hrdesk.ui.app import keep_settings_in, make_application
    from hrdesk.ui.i18n import set_language
    from hrdesk.ui.main_window import MainWindow

    app = make_application()
    folder = Path(data_dir)
    keep_settings_in(folder)
    if saved == "offscreen-saved":  # a frame saved on a big monitor that is gone now
        settings = QSettings()
        probe = QWidget()
        probe.setGeometry(2400, 300, 1600, 1000)
        settings.setValue("window/geometry", probe.saveGeometry())
    elif saved == "maximised":
        settings = QSettings()
        settings.setValue("window/maximized", True)
    set_language(lang)
    desk = Desk.open(folder)
    employee_id = desk.employees.add_profile(
        load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    )
    window = MainWindow(desk, folder)
    window.show()
    wait_idle(app)
    out = {
        "available": rect(app.primaryScreen().availableGeometry()),
        "maximised": window.isMaximized(),
        "frames": [],
    }

    def record(name: str, widget: QWidget) -> None:
        widget.show()
        app.processEvents()
        out["frames"].append(
            {"name": name, "frame": rect(widget.frameGeometry()), "buttons": buttons(widget)}
        )

    record("main", window)
    header = window.table.horizontalHeader()
    metrics = header.fontMetrics()
    out["headers"] = [
        [
            str(window.proxy.headerData(c, Qt.Orientation.Horizontal)),
            header.sectionSize(c),
            metrics.horizontalAdvance(str(window.proxy.headerData(c, Qt.Orientation.Horizontal))),
        ]
        for c in range(window.proxy.columnCount())
    ]
    window.select_employee(employee_id)
    wait_idle(app)
    record("case", window)
    from hrdesk.ui.about_dialog import AboutDialog
    from hrdesk.ui.deadlines.reminders_dialog import RemindersDialog
    from hrdesk.ui.desks.settings_dialog import SettingsDialog
    from hrdesk.ui.forms.form_preview import FormPreviewDialog
    from hrdesk.ui.materials.trash_view import TrashDialog
    from hrdesk.ui.packs.bulk_packs import BulkPacksDialog
    from hrdesk.ui.units.units_dialog import AgentDialog, UnitsDialog

    dialogs: list[tuple[str, QDialog]] = [
        ("settings", SettingsDialog(desk, folder, window, date(2026, 3, 2))),
        ("units", UnitsDialog(desk, window)),
        ("agent", AgentDialog(None, window)),
        ("about", AboutDialog(folder, window)),
        ("reminders", RemindersDialog([], None, date(2026, 3, 2), window)),
        ("trash", TrashDialog(desk, window)),
        ("bulk-packs", BulkPacksDialog(desk, [employee_id], window, date(2026, 3, 2))),
        ("form-preview", FormPreviewDialog(desk, employee_id, "integrity-individual", "new", window)),
    ]
    from hrdesk.ui.rosters.import_dialog import ImportDialog

    roster = folder / "roster.csv"
    roster.write_text(
        "姓名,身份证号,单位名称,入职日期\n张三,110101199003071234,北京测试科技有限公司,2024-03-01\n合计,,,\n",
        encoding="utf-8",
    )
    dialogs.append(("import", ImportDialog(desk, roster, window, date(2026, 3, 2))))
    for name, dialog in dialogs:
        record(name, dialog)
        dialog.hide()
        wait_idle(app)
    print(json.dumps(out, ensure_ascii=False))
    window.detail.profile.discard()
    window.quitting = True
    window.close()
    wait_idle(app)
    desk.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *sys.argv[3:4])
