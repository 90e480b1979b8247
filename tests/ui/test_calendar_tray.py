"""The calendar view and the tray controller, offscreen (no tray host: the controller still works)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hrdesk.services.clock import FixedClock
from hrdesk.services.deadlines import DeadlineItem
from hrdesk.services.records import Records
from hrdesk.ui.calendar_view import CalendarView, urgency_colour
from hrdesk.ui.tray import TrayController


def item(day: date, employee_id: int = 7, code: str = "RENEWAL_SUBMIT_BY") -> DeadlineItem:
    return DeadlineItem(
        employee_id, "李四", "北京测试科技有限公司", "yanqing", code, day, "续签最晚安全提交日"
    )


def test_calendar_marks_days_and_opens_the_employee(qtbot, settings_dir):
    view = CalendarView()
    qtbot.addWidget(view)
    today = date(2026, 11, 24)
    view.calendar.setSelectedDate(today)
    view.set_deadlines(
        [item(date(2026, 11, 27)), item(date(2026, 12, 20), 8), item(date(2027, 3, 1), 9)], today, {2027}
    )
    assert view.calendar.markers(date(2026, 11, 27)) == ["#c62828"]
    assert view.calendar.markers(date(2026, 12, 20)) == ["#ef6c00"]
    assert view.agenda.topLevelItemCount() == 1
    assert view.unknown_years.isVisibleTo(view) and "2027" in view.unknown_years.text()
    with qtbot.waitSignal(view.employeeActivated) as signal:
        view.agenda.itemDoubleClicked.emit(view.agenda.topLevelItem(0), 0)
    assert signal.args == [7]
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("material"))
    assert view.visible_items() == []
    assert urgency_colour(item(date(2026, 11, 1)), today) == "#6d4c41"


def test_tray_menu_and_reminders(qtbot, settings_dir, data_dir: Path):
    with Records.open(data_dir) as records:
        items = [item(date(2026, 11, 27))]
        tray = TrayController(records, lambda: items, clock=FixedClock.on(date(2026, 11, 24)))
        opened = []
        tray.openRequested.connect(lambda: opened.append(True))
        due = tray.check(datetime(2026, 11, 24, 9, 0))
        assert [r.lead for r in due] == [3]
        assert "1" in tray.tray.toolTip()
        assert tray.check(datetime(2026, 11, 24, 10, 0)) == []  # shown once, not again
        tray.rebuild_upcoming()
        actions = tray.act_upcoming.actions()
        assert actions and "李四" in actions[0].text()
        actions[0].trigger()
        assert opened == [True]
        tray.act_pause.setChecked(True)
        assert tray.check(datetime(2026, 11, 26, 9, 0)) == []
        assert tray.timer.isActive() and tray.timer.interval() < 2**31
        assert not tray.clock_jumped()
