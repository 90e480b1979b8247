"""Settings → holidays: a pasted State Council notice fills the year's fields; saving stores them and the
calendar then knows the year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from hrdesk.checks.check import work_calendar

NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。
"""


def test_pasted_notice_fills_the_fields_and_saves(qtbot, desk, data_dir: Path, settings_dir, monkeypatch):
    from hrdesk.ui.desks.settings_dialog import SettingsDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append("warning:" + a[2]))
    dialog = SettingsDialog(desk, data_dir)
    qtbot.addWidget(dialog)
    dialog.notice_text.setPlainText(NOTICE_2027)
    dialog.read_notice()
    assert dialog.holiday_year.value() == 2027
    assert "2027-02-05" in dialog.holiday_days.toPlainText()
    assert dialog.workdays.toPlainText() == "2027-02-20"
    assert shown and "2027" in shown[-1] and not shown[-1].startswith("warning:")
    dialog.save_holidays()
    calendar = work_calendar(data_dir)
    assert calendar.knows(2027)
    assert not calendar.is_workday(date(2027, 2, 8)) and calendar.is_workday(date(2027, 2, 20))


def test_an_unreadable_paste_warns_and_changes_nothing(
    qtbot, desk, data_dir: Path, settings_dir, monkeypatch
):
    from hrdesk.ui.desks.settings_dialog import SettingsDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    dialog = SettingsDialog(desk, data_dir)
    qtbot.addWidget(dialog)
    dialog.holiday_days.setPlainText("2027-01-01")
    dialog.notice_text.setPlainText("节日快乐")
    dialog.read_notice()
    assert shown and "放假日期" in shown[0]
    assert dialog.holiday_days.toPlainText() == "2027-01-01"


def test_a_day_outside_the_year_is_refused_in_the_window_language(
    qtbot, desk, data_dir: Path, settings_dir, monkeypatch
):
    """Working in English, HR types a date of another year among 2027's holidays and presses the button:
    the refusal says which date, in English, and nothing is stored."""
    import re

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    from hrdesk.ui.desks.settings_dialog import SettingsDialog
    from hrdesk.ui.i18n import set_language

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    set_language("en")
    try:
        dialog = SettingsDialog(desk, data_dir)
        qtbot.addWidget(dialog)
        dialog.holiday_year.setValue(2027)
        dialog.holiday_days.setPlainText("2027-01-01, 2026-12-31")
        save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Save this year's holidays")
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)
    finally:
        set_language("zh")
    assert shown and "2026-12-31 is not in 2027" in shown[-1], shown
    assert not re.search(r"[\u4e00-\u9fff]", shown[-1]), shown
    assert not work_calendar(data_dir).knows(2027)
