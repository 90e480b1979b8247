"""The calendar view and the tray controller, offscreen (no tray host: the controller still works)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hrdesk.clock import FixedClock
from hrdesk.deadlines.reminders import OVERDUE
from hrdesk.deadlines.stored import DeadlineItem
from hrdesk.desks.desk import Desk
from hrdesk.ui.deadlines.calendar_view import COLOURS, CalendarView, urgency_colour
from hrdesk.ui.deadlines.tray import TrayController


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
    assert view.calendar.markers(date(2026, 11, 27)) == [COLOURS["week"]]
    assert view.calendar.markers(date(2026, 12, 20)) == [COLOURS["month"]]
    assert view.agenda.topLevelItemCount() == 1
    assert view.unknown_years.isVisibleTo(view) and "2027" in view.unknown_years.text()
    with qtbot.waitSignal(view.employeeActivated) as signal:
        view.agenda.itemDoubleClicked.emit(view.agenda.topLevelItem(0), 0)
    assert signal.args == [7]
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("material"))
    assert view.visible_items() == []
    assert urgency_colour(item(date(2026, 11, 1)), today) == COLOURS["overdue"] == "#c62828"
    assert "已逾期" in view.legend.text()


def test_overdue_is_labelled_and_never_hidden_by_the_month_shown(qtbot, settings_dir):
    view = CalendarView()
    qtbot.addWidget(view)
    today = date(2026, 11, 24)
    late = item(date(2026, 9, 30), 5)  # two months ago
    view.set_deadlines([late, item(date(2027, 3, 1), 9)], today)
    view.calendar.setCurrentPage(2027, 3)  # a month far from the overdue day
    texts = [view.agenda.topLevelItem(i).text(2) for i in range(view.agenda.topLevelItemCount())]
    assert texts[0].startswith("【已逾期】") and len(texts) == 2
    assert view.agenda.topLevelItem(0).foreground(2).color().name() == COLOURS["overdue"]
    with qtbot.waitSignal(view.reminderAction) as signal:
        view.reminderAction.emit("snooze-week", late)
    assert signal.args[1] is late


def test_snooze_hides_a_reminder_until_its_time(qtbot, settings_dir, data_dir: Path):
    """Snoozed from the tray menu for a week: quiet until then, back after; overdue ones come back daily."""
    with Desk.open(data_dir) as desk:
        clock = FixedClock.on(date(2026, 11, 24))
        late = item(date(2026, 11, 20), 5)  # overdue
        items = [late]
        tray = TrayController(desk, lambda: items, clock=clock)
        assert [r.lead for r in tray.check()] == [OVERDUE]
        assert tray.balloon and tray.balloon[0].deadline is late
        clock.advance(hours=2)
        assert tray.check() == []  # once a day
        clock.advance(days=1)
        assert [r.lead for r in tray.check()] == [OVERDUE]  # again the next day while overdue
        tray.rebuild_upcoming()
        sub = tray.act_upcoming.actions()[0].menu()
        week = next(a for a in sub.actions() if a.text() == "提醒推迟 1 周")
        week.trigger()
        for days in range(1, 7):
            clock.advance(days=1)
            assert tray.check() == [], days  # snoozed: not even the daily overdue reminder
        clock.advance(days=1, hours=1)
        assert [r.lead for r in tray.check()] == [OVERDUE]  # the week is over
    with Desk.open(data_dir) as desk:  # a restart keeps the snooze
        tray = TrayController(desk, lambda: items, clock=FixedClock.on(date(2026, 11, 26)))
        assert tray.is_quiet(late)


def test_balloon_click_opens_the_employee_and_the_reminders(qtbot, settings_dir, data_dir: Path):
    with Desk.open(data_dir) as desk:
        clock = FixedClock.on(date(2026, 11, 24))
        late, soon = item(date(2026, 11, 20), 5), item(date(2026, 11, 27), 6)
        tray = TrayController(desk, lambda: [late, soon], clock=clock)
        tray.check()
        wanted = []
        tray.employeeRequested.connect(wanted.append)
        tray.tray.messageClicked.emit()
        assert wanted == [5]  # the overdue one first
        dialog = tray._dialog
        qtbot.addWidget(dialog)
        assert dialog.list.topLevelItemCount() == 2
        dialog.dismiss_button.click()
        assert tray.is_quiet(late)
        clock.advance(days=3)
        assert all(r.deadline is not late for r in tray.check())


def test_tray_menu_and_reminders(qtbot, settings_dir, data_dir: Path):
    with Desk.open(data_dir) as desk:
        items = [item(date(2026, 11, 27))]
        tray = TrayController(desk, lambda: items, clock=FixedClock.on(date(2026, 11, 24)))
        opened = []
        tray.openRequested.connect(lambda: opened.append(True))
        due = tray.check(datetime(2026, 11, 24, 9, 0))
        assert [r.lead for r in due] == [3]
        assert "1" in tray.tray.toolTip()
        assert tray.check(datetime(2026, 11, 24, 10, 0)) == []  # shown once, not again
        tray.rebuild_upcoming()
        actions = tray.act_upcoming.actions()
        assert actions and "李四" in actions[0].text()
        actions[0].menu().actions()[0].trigger()  # 打开员工
        assert opened == [True]
        tray.act_pause.setChecked(True)
        assert tray.check(datetime(2026, 11, 26, 9, 0)) == []
        assert tray.timer.isActive() and tray.timer.interval() < 2**31
        assert not tray.clock_jumped()
