"""A dialog open while the person switches language reads the new language at once (and the old one
again after switching back), without being closed and opened again: the application's one filter
retranslates every open dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QDialog

from hrdesk.desks.desk import Desk
from hrdesk.ui.i18n import set_language

from .conftest import wait_pool
from .test_language_leaks import filled, leaks, user_data, widget_texts  # noqa: F401  (fixture)

TODAY = date(2026, 3, 2)
ROSTER_NAME = "张三"  # the roster's person and its headers: the file's words, shown as written
ROSTER_HEADERS = ["姓名", "身份证号", "单位名称", "入职日期"]


def _dialogs(desk: Desk, data_dir: Path, window) -> list[QDialog]:
    from hrdesk.ui.about_dialog import AboutDialog
    from hrdesk.ui.deadlines.reminders_dialog import RemindersDialog
    from hrdesk.ui.desks.settings_dialog import SettingsDialog
    from hrdesk.ui.forms.form_preview import FormPreviewDialog
    from hrdesk.ui.materials.trash_view import TrashDialog
    from hrdesk.ui.packs.bulk_packs import BulkPacksDialog
    from hrdesk.ui.rosters.import_dialog import ImportDialog
    from hrdesk.ui.units.units_dialog import AgentDialog, UnitsDialog

    employee = desk.employees.summaries()[0].id
    desk.employees.delete_employee(desk.employees.summaries()[-1].id)  # a row in the trash
    roster = data_dir / "roster.csv"
    roster.write_text(
        ",".join(ROSTER_HEADERS) + f"\n{ROSTER_NAME},110101199003071234,北京测试科技有限公司,2024-03-01\n"
    )
    return [
        SettingsDialog(desk, data_dir, window, TODAY),
        UnitsDialog(desk, window),
        AgentDialog(desk.units.agents(desk.units.employers()[0].id)[0], window),
        AboutDialog(data_dir, window),
        RemindersDialog([], None, TODAY, window),
        TrashDialog(desk, window),
        BulkPacksDialog(desk, [employee], window, TODAY),
        FormPreviewDialog(desk, employee, "integrity-individual", "new", window),
        ImportDialog(desk, roster, window, TODAY),
    ]


@pytest.mark.usefixtures("settings_dir")
def test_every_open_dialog_follows_a_language_switch(qtbot, filled: Desk, data_dir: Path) -> None:  # noqa: F811
    from hrdesk.ui.main_window import MainWindow

    set_language("zh")
    window = MainWindow(filled, data_dir)
    qtbot.addWidget(window)
    window.show()
    wait_pool(qtbot)
    data = user_data(filled, data_dir)
    dialogs = _dialogs(filled, data_dir, window)
    data += [ROSTER_NAME, *ROSTER_HEADERS]
    try:
        for dialog in dialogs:
            dialog.show()
        wait_pool(qtbot)
        chinese = {type(d).__name__: sorted(t for _w, t in widget_texts(d)) for d in dialogs}
        titles = {type(d).__name__: d.windowTitle() for d in dialogs}

        set_language("en")
        qtbot.wait(50)  # the LanguageChange events are posted: delivered by the event loop
        wait_pool(qtbot)
        for dialog in dialogs:
            name = type(dialog).__name__
            assert dialog.windowTitle() != titles[name], name
            left = leaks("en", widget_texts(dialog), data)
            assert not left, (name, sorted(left))
        # The rows and counts composed at run time follow too, not only the fixed labels.
        by_name = {type(d).__name__: d for d in dialogs}
        trash, bulk, roster = by_name["TrashDialog"], by_name["BulkPacksDialog"], by_name["ImportDialog"]
        assert trash.tree.topLevelItem(0).text(0) == "Employee" and "employee" in trash.summary.text()
        assert {bulk.table.topLevelItem(0).text(4)} <= {"Eligible", "Not eligible"}
        assert "eligible" in bulk.summary.text()
        tabs = [roster.tabs.tabText(i) for i in range(roster.tabs.count())]
        assert tabs[0] == "Errors (1)" and "New (0)" in tabs, tabs

        set_language("zh")
        qtbot.wait(50)
        wait_pool(qtbot)
        for dialog in dialogs:
            name = type(dialog).__name__
            assert dialog.windowTitle() == titles[name], name
            assert sorted(t for _w, t in widget_texts(dialog)) == chinese[name], name
    finally:
        for dialog in dialogs:
            if shiboken6.isValid(dialog):
                dialog.close()
        set_language("zh")
        wait_pool(qtbot)
        window.detail.profile.discard()
