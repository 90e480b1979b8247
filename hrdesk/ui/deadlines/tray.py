"""The tray icon: lives while the window is closed, shows what is due, and notifies ahead of time.

The timer only calls the pure `due_reminders`; single-shot timers are re-armed at most every 15
minutes (far below Qt's 2^31 ms limit) and a jump of the wall clock (sleep, resume, a changed clock)
triggers an immediate re-check. Where there is no tray, reminders stay inside the window.

Clicking the balloon opens the employee it names and the list of due reminders, where each can be
snoozed (1 day, 1 week) or dismissed; the tray menu lists overdue duties first, each with the same
choices.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QStyle, QSystemTrayIcon, QWidget

from ...clock import Clock

if TYPE_CHECKING:
    from ...deadlines.items import DeadlineItem
    from ...deadlines.reminders import Reminder, ReminderState


def _rules() -> Any:
    """The reminders' rules, imported when first asked: the tray is made just after the window's first
    frame, and their import (the rules engine behind them) took 25-35 ms of it; the deadlines' worker
    has usually imported them by the time the tray asks."""
    from ...deadlines import reminders

    return reminders


CHECK_EVERY_MS = 15 * 60 * 1000


class TrayController(QObject):
    openRequested = Signal()
    employeeRequested = Signal(int)  # noqa: N815
    quitRequested = Signal()
    remindersDue = Signal(list)  # list[Reminder], also when there is no tray

    def __init__(
        self,
        desk: Any,
        deadlines: Callable[[], list[DeadlineItem]],
        icon: QIcon | None = None,
        parent: QObject | None = None,
        clock: Clock | None = None,
        write: Callable[[Callable[[Any], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.deadlines = deadlines
        self.clock = clock or Clock()
        # Reminder state is read once and then kept here; writes go to the database writer (`write`),
        # or happen at once when there is none (tests, stand-alone use).
        self._write = write
        self._states: dict[str, ReminderState] | None = None
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray = QSystemTrayIcon(self)
        from PySide6.QtWidgets import QApplication

        self.tray.setIcon(
            icon or QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView)
        )
        self.menu = QMenu()
        self.act_open = QAction(self)
        self.act_upcoming = QMenu()
        self.act_pause = QAction(self)
        self.act_pause.setCheckable(True)
        self.act_quit = QAction(self)
        self.menu.addAction(self.act_open)
        self.menu.addMenu(self.act_upcoming)
        self.menu.addAction(self.act_pause)
        self.menu.addSeparator()
        self.menu.addAction(self.act_quit)
        self.menu.aboutToShow.connect(self.rebuild_upcoming)
        self.tray.setContextMenu(self.menu)
        self.act_open.triggered.connect(self.openRequested)
        self.act_quit.triggered.connect(self.quitRequested)
        self.act_pause.toggled.connect(self.set_paused)
        self.tray.activated.connect(
            lambda reason: (
                self.openRequested.emit() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
            )
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._timer_check)
        self._last_wall = time.time()
        self._last_mono = time.monotonic()
        self.last_due: list[Reminder] = []
        self.balloon: list[Reminder] = []  # what the last balloon was about (clicking it opens these)
        self.tray.messageClicked.connect(self.balloon_clicked)
        self.retranslate()
        self.act_pause.setChecked(QSettings().value("reminders/paused", False, type=bool))

    def retranslate(self) -> None:
        self.act_open.setText(self.tr("打开 hrdesk"))
        self.act_upcoming.setTitle(self.tr("近期期限"))
        self.act_pause.setText(self.tr("暂停提醒"))
        self.act_quit.setText(self.tr("退出"))

    def _timer_check(self) -> None:
        if self._write is not None:  # in the app: count on a worker
            self.check_later()
        else:
            self.check()

    def start(self) -> None:
        if self.available:
            self.tray.show()
        self._timer_check()

    def leads(self) -> tuple[int, ...]:
        raw = str(QSettings().value("reminders/leads", ",".join(map(str, _rules().DEFAULT_LEADS))))
        try:
            return tuple(int(x) for x in raw.split(",") if x.strip())
        except ValueError:
            return _rules().DEFAULT_LEADS

    def set_paused(self, paused: bool) -> None:
        QSettings().setValue("reminders/paused", paused)
        if not paused:
            self.check()

    def states(self) -> dict[str, ReminderState]:
        if self._states is None:
            self._states = _rules().states_from_rows(self.desk.reminders.reminder_states())
        return self._states

    def set_states(self, keys: list[str], state: str, until: datetime | None = None) -> None:
        """Remember at once, store in one transaction (on the writer when there is one)."""
        self.states().update(
            dict.fromkeys(keys, _rules().ReminderState(state, until))
        )  # one shared frozen state

        def store(desk: Any) -> None:
            desk.reminders.set_reminder_states(keys, state, until)

        if self._write is not None:
            self._write(store)
        else:
            store(self.desk)

    def check(self, now: datetime | None = None) -> list[Reminder]:
        """Work out what is due, notify, re-arm the timer; also called after a clock jump."""
        now = now or self.clock.now()
        paused = self.act_pause.isChecked()
        return self._deliver(self._compute(self.deadlines(), self.states(), now, paused, self.leads()))

    def check_later(self) -> None:
        """`check` with the counting on a worker: 45,000 deadlines take a noticeable fraction of a second."""
        from ..workers import run_task

        items, states, now = self.deadlines(), dict(self.states()), self.clock.now()
        paused, leads = self.act_pause.isChecked(), self.leads()
        run_task(lambda _task: self._compute(items, states, now, paused, leads), self._deliver)

    def _compute(
        self,
        items: list[DeadlineItem],
        states: dict[str, ReminderState],
        now: datetime,
        paused: bool,
        leads: tuple[int, ...],
    ) -> tuple[list[Reminder], int, int, list[str]]:
        today = now.date()
        count = _rules().pending_count(items, today)
        overdue = sum(1 for d in items if d.overdue(today) and d.code != "MATERIAL_SUBMIT_BY")
        due = [] if paused else _rules().due_reminders(items, states, now, leads)
        return due, count, overdue, [r.key for r in due]  # keys made here, off the UI thread

    def _deliver(self, result: tuple[list[Reminder], int, int, list[str]]) -> list[Reminder]:
        due, count, overdue, keys = result
        tip = self.tr("hrdesk：7天内有 {n} 项期限").format(n=count)
        if overdue:
            tip = self.tr("hrdesk：{o} 项已逾期！").format(o=overdue) + "\n" + tip
        self.tray.setToolTip(tip)
        self.last_due = due
        if due:
            self.notify(due)
            self.set_states(keys, "shown")
            self.remindersDue.emit(due)
        self._arm()
        return due

    def notify(self, due: list[Reminder]) -> None:
        self.balloon = list(due)
        if not self.available:
            return
        today = self.clock.today()
        overdue = [r for r in due if r.deadline.overdue(today)]
        first = (overdue or due)[0].deadline
        mark = self.tr("【已逾期】") if overdue else ""
        more = self.tr("（另有 {n} 项，点击查看）").format(n=len(due) - 1) if len(due) > 1 else ""
        self.tray.showMessage(
            self.tr("{n} 项已逾期！").format(n=len(overdue)) if overdue else self.tr("工作居住证期限提醒"),
            f"{mark}{first.date.isoformat()} {first.employee_name}：{first.message}{more}",
            QSystemTrayIcon.MessageIcon.Warning if overdue else QSystemTrayIcon.MessageIcon.Information,
            15000,
        )

    def balloon_clicked(self) -> None:
        """Open the employee the balloon named, and the due reminders to snooze or dismiss."""
        if not self.balloon:
            return
        today = self.clock.today()
        first = next((r for r in self.balloon if r.deadline.overdue(today)), self.balloon[0])
        self.openRequested.emit()
        self.employeeRequested.emit(first.deadline.employee_id)
        self.show_reminders(self.balloon)

    def show_reminders(self, due: list[Reminder]) -> None:
        from .reminders_dialog import RemindersDialog

        dialog = RemindersDialog(
            due, self, self.clock.today(), self.parent() if isinstance(self.parent(), QWidget) else None
        )
        dialog.employeeRequested.connect(self.employeeRequested)
        dialog.show()
        self._dialog = dialog

    def snooze_deadline(self, d: DeadlineItem, days: int, now: datetime | None = None) -> None:
        """No reminder about this deadline (any lead, overdue days too) until `days` from now."""
        until = (now or self.clock.now()) + timedelta(days=days)
        self.set_states([_rules().deadline_key(d)], "snoozed", until)

    def dismiss_deadline(self, d: DeadlineItem) -> None:
        self.set_states([_rules().deadline_key(d)], "dismissed")

    def is_quiet(self, d: DeadlineItem, now: datetime | None = None) -> bool:
        return _rules().quiet(self.states(), _rules().deadline_key(d), now or self.clock.now())

    def snooze(self, reminder: Reminder, hours: int = 24, now: datetime | None = None) -> None:
        until = (now or self.clock.now()) + timedelta(hours=hours)
        self.set_states([reminder.deadline_key], "snoozed", until)

    def dismiss(self, reminder: Reminder) -> None:
        self.dismiss_deadline(reminder.deadline)

    def _arm(self) -> None:
        self._last_wall, self._last_mono = time.time(), time.monotonic()
        self.timer.start(CHECK_EVERY_MS)

    def clock_jumped(self) -> bool:
        """True when wall-clock time moved differently from monotonic time (sleep, resume, clock set)."""
        return abs((time.time() - self._last_wall) - (time.monotonic() - self._last_mono)) > 120

    def rebuild_upcoming(self) -> None:
        self.act_upcoming.clear()
        today = self.clock.today()
        items = self.deadlines()
        # Overdue duties first (never hidden by the two-week window), then the next two weeks.
        overdue = [d for d in items if d.overdue(today) and d.code != "MATERIAL_SUBMIT_BY"][:10]
        upcoming = overdue + [d for d in items if 0 <= (d.date - today).days <= 14][: 15 - len(overdue)]
        if not upcoming:
            self.act_upcoming.addAction(self.tr("两周内没有期限")).setEnabled(False)
        for d in upcoming:
            mark = self.tr("【已逾期】") if d.overdue(today) else ""
            snoozed = self.tr("（提醒已推迟）") if self.is_quiet(d) else ""
            sub = self.act_upcoming.addMenu(
                f"{mark}{d.date.isoformat()}  {d.employee_name}  {d.message}{snoozed}"
            )
            action = sub.addAction(self.tr("打开员工"))
            action.triggered.connect(self.openRequested)
            action.triggered.connect(lambda _=False, eid=d.employee_id: self.employeeRequested.emit(eid))
            sub.addSeparator()
            sub.addAction(self.tr("提醒推迟 1 天")).triggered.connect(
                lambda _=False, x=d: self.snooze_deadline(x, 1)
            )
            sub.addAction(self.tr("提醒推迟 1 周")).triggered.connect(
                lambda _=False, x=d: self.snooze_deadline(x, 7)
            )
            sub.addAction(self.tr("不再提醒")).triggered.connect(
                lambda _=False, x=d: self.dismiss_deadline(x)
            )
